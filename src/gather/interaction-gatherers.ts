// The gatherers that act on the page (issue 4), in the order they run after the static ones.
import type { Gatherer } from './gatherer.js';
import { keyboardGatherer } from './keyboard-gatherer.js';
import { motionGatherer } from './motion-gatherer.js';
import { reflowGatherer } from './reflow-gatherer.js';
import { screenshotGatherer } from './screenshot-gatherer.js';
import { textResizeGatherer } from './text-resize-gatherer.js';
import { textSpacingGatherer } from './text-spacing-gatherer.js';

/** Screenshot first (it uses the audited tab), then each in its own fresh tab; the three layout ones share one. */
export const interactionGatherers: Gatherer[] = [
  screenshotGatherer,
  keyboardGatherer,
  reflowGatherer,
  textSpacingGatherer,
  textResizeGatherer,
  motionGatherer,
] as Gatherer[];
