// The gatherers that act on the page (issue 4), in the order they run after the static ones.
import type { Gatherer } from './gatherer.js';
import { keyboardGatherer } from './keyboard-gatherer.js';
import { motionGatherer } from './motion-gatherer.js';
import { reflowGatherer } from './reflow-gatherer.js';
import { screenshotGatherer } from './screenshot-gatherer.js';
import { textResizeGatherer } from './text-resize-gatherer.js';
import { textSpacingGatherer } from './text-spacing-gatherer.js';

/**
 * Screenshot first, then the three layout ones (they share one tab and put back what they
 * change), motion in a tab of its own (its emulation comes before the load), and the
 * keyboard walk last: the runner lends them the audited tab (src/page/run-gatherers.ts),
 * and the walk is what leaves the most behind (focus, opened widgets).
 */
export const interactionGatherers: Gatherer[] = [
  screenshotGatherer,
  reflowGatherer,
  textSpacingGatherer,
  textResizeGatherer,
  motionGatherer,
  keyboardGatherer,
] as Gatherer[];
