// Needs review: focus in the main content jumps back up the same column, against the reading order (WCAG 2.4.3).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** A jump upwards of more than 100 px (several lines of text) is not a neighbour on the same row. */
const BACKWARD_JUMP_PX = 100;
/** Beyond a few, the same layout is being reported again. */
const MAX_RESULTS = 5;

export default definePageCheck({
  meta: {
    id: 'focus-order',
    title: 'Focus moves in the order people read',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'cognitive'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'When Tab jumps back up the page, keyboard users lose their place and may miss or repeat content. It usually comes from CSS that reorders content visually (order, flex-direction: *-reverse, grid placement, absolute positioning) or from tabindex.',
    howToFix: 'Make the source order match the visual order instead of reordering with CSS, and remove positive tabindex values.',
    example: '/* Instead of .card { display: flex; flex-direction: column-reverse; } put the elements in reading order in the HTML. */',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-order.html',
    messages: {
      jumpsBack: 'After "{previous}", Tab jumps {px} px back up the same column to "{next}". Check that this is the order people read.',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    const stops = keyboard.stops;
    for (let i = 1; i < stops.length && results.length < MAX_RESULTS; i++) {
      const previous = stops[i - 1];
      const next = stops[i];
      if (!previous.inMain || !next.inMain || !previous.box || !next.box || previous.isFrame || next.isFrame) continue;
      const upwards = previous.box.y - (next.box.y + next.box.height);
      if (upwards <= BACKWARD_JUMP_PX) continue;
      // Only within the same column: moving up into the next column of a multi-column layout is normal.
      const overlap = Math.min(previous.box.x + previous.box.width, next.box.x + next.box.width) - Math.max(previous.box.x, next.box.x);
      if (overlap <= 0) continue;
      results.push({
        kind: 'needs-review',
        selector: next.selector,
        snippet: next.snippet,
        box: next.box,
        message: message('jumpsBack', { previous: previous.name || previous.tag, px: Math.round(upwards), next: next.name || next.tag }),
      });
    }
    return results;
  },
});
