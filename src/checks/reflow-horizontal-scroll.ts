// Flags pages that scroll sideways at 320 CSS px wide (400 % zoom), naming the elements that cause it (WCAG 1.4.10).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** The widest few offenders show the cause; more are usually the same component. */
const MAX_RESULTS = 5;

export default definePageCheck({
  meta: {
    id: 'reflow-horizontal-scroll',
    title: 'The page fits a narrow screen without sideways scrolling',
    family: 'zoom',
    affects: ['low-vision', 'zoom'],
    wcag: ['1.4.10'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'People who zoom to 400 % (and everyone on a small phone) see the page 320 px wide. If it does not reflow, they must scroll left and right on every line to read it.',
    howToFix:
      'Avoid fixed widths wider than the screen: use max-width: 100%, flexible grids and wrapping. Let wide tables and code scroll inside their own box (overflow-x: auto) instead of widening the page.',
    example: '.menu-board { width: 960px; }  →  .menu-board { max-width: 960px; width: 100%; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
    messages: {
      wideElement: 'At 320 px wide the page scrolls sideways by {overflow} px: this element is {width} px wide and reaches {right} px.',
      twoDimensional: 'At 320 px wide the page scrolls sideways by {overflow} px because of this {tag}, which reaches {right} px. Content that needs two dimensions may scroll, but in its own box rather than the whole page.',
      noText: 'At 320 px wide the page scrolls sideways by {overflow} px because of this {tag}, which reaches {right} px. It shows no text; check whether anything is lost.',
      noCause: 'At 320 px wide the page scrolls sideways by {overflow} px, but no single element could be named as the cause.',
    },
  },
  requires: ['reflow'],
  evaluate({ reflow }) {
    if (!reflow.scrollable) return [];
    const overflow = reflow.scrollWidth - reflow.viewportWidth;
    const results: CheckResult[] = [];
    for (const element of reflow.wide.slice(0, MAX_RESULTS)) {
      // Tables, maps, images and code may need two dimensions (a WCAG exception); empty boxes may be off-screen leftovers.
      const sure = element.hasText && !element.twoDimensional;
      results.push({
        kind: sure ? 'violation' : 'needs-review',
        ...elementAt(element),
        message: message(sure ? 'wideElement' : element.twoDimensional ? 'twoDimensional' : 'noText', { overflow, width: element.width, right: element.right, tag: element.tag }),
      });
    }
    if (results.length === 0) {
      results.push({ kind: 'needs-review', message: message('noCause', { overflow }) });
    }
    return results;
  },
});
