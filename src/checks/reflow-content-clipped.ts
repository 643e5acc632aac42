// Flags text cut off at 320 CSS px wide that showed in full at desktop width (WCAG 1.4.10).
import { definePageCheck } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

const MAX_RESULTS = 10;

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
  },
  requires: ['reflow'],
  evaluate({ reflow }) {
    const results: CheckResult[] = [];
    for (const clipped of reflow.clipped.slice(0, MAX_RESULTS)) {
      results.push({
        // text-overflow: ellipsis is a chosen truncation; whether anything needed is lost is for a person to judge.
        kind: clipped.ellipsis ? 'needs-review' : 'violation',
        ...elementAt(clipped),
        message: `At 320 px wide this box cuts off ${clipped.hiddenPx} px of its text, starting "${clipped.hiddenText}".`,
      });
    }
    if (!reflow.scrollable) {
      // The page cannot scroll sideways (overflow hidden on the page), so what sticks out is simply lost.
      for (const element of reflow.wide.filter((wide) => wide.hasText && !wide.twoDimensional).slice(0, MAX_RESULTS)) {
        results.push({
          kind: 'violation',
          ...elementAt(element),
          message: `At 320 px wide this element reaches ${element.right} px, and the page does not scroll sideways, so its right part is cut off.`,
        });
      }
    }
    return results;
  },
});
