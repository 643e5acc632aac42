// Flags text cut off at 320 CSS px wide that showed in full at desktop width (WCAG 1.4.10).
import { definePageCheck, message } from './check.js';
import { clippedTextResults, MAX_CLIPPED_RESULTS } from './util/clipped-text.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'reflow-content-clipped',
    title: 'Nothing is cut off on a narrow screen',
    family: 'zoom',
    affects: ['low-vision', 'zoom'],
    wcag: ['1.4.10'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'At 400 % zoom or on a small phone, boxes with a fixed height or hidden overflow cut off the text that no longer fits, and nobody can scroll to it.',
    howToFix: 'Let boxes grow with their content: use min-height instead of height, and avoid overflow: hidden on boxes that hold text.',
    example: '.promo { height: 40px; overflow: hidden; }  →  .promo { min-height: 40px; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
    messages: {
      clipped: 'At 320 px wide this box cuts off {px} px of its text, starting "{text}".',
      cutOff: 'At 320 px wide this element reaches {right} px, and the page does not scroll sideways, so its right part is cut off.',
    },
  },
  requires: ['reflow'],
  evaluate({ reflow }) {
    const results = clippedTextResults(reflow.clipped);
    if (!reflow.scrollable) {
      // The page cannot scroll sideways (overflow hidden on the page), so what sticks out is simply lost.
      for (const element of reflow.wide.filter((wide) => wide.hasText && !wide.twoDimensional).slice(0, MAX_CLIPPED_RESULTS)) {
        results.push({
          kind: 'violation',
          ...elementAt(element),
          message: message('cutOff', { right: element.right }),
        });
      }
    }
    return results;
  },
});
