// Flags short lines made to look like headings with bold or size only (needs review); welcomemat's stand-in for axe-core's experimental p-as-heading, which is too slow to run by default.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/** Bigger than the text below by a quarter: clearly a size step, not a lead paragraph. */
const SIZE_STEP = 1.25;
/** Bold is 600 and up; the text below must be at least 200 lighter for the contrast to read as a heading. */
const BOLD = 600;
const WEIGHT_STEP = 200;
/** Headings are short: twelve words at most. */
const MAX_WORDS = 12;
const MAX_RESULTS = 15;

export default definePageCheck({
  meta: {
    id: 'heading-by-formatting',
    title: 'Text that looks like a heading is marked as one',
    family: 'typography',
    affects: ['blind', 'cognitive'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Screen reader users get around a page by its headings, jumping from one to the next like a table of contents. A title that is only bold or big text looks like a heading but is not one, so for them that section has no title and cannot be found.',
    howToFix: 'Mark section titles up as headings (<h2>, <h3>…) in order, and style the headings as you like with CSS.',
    example: '<h2 class="section-title">Opening hours</h2>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/page-structure/headings/',
    messages: {
      bold: '“{text}” is bold and stands alone above other text, like a heading, but it is not marked as one.',
      bigger: '“{text}” is set {ratio} times larger than the text below it, like a heading, but it is not marked as one.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.headingLike.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const h of structure.headingLike) {
      if (results.length >= MAX_RESULTS) break;
      // Sentences end in a full stop, comma or semicolon; headings rarely do.
      if (/[.,;]$/.test(h.text) || h.text.split(/\s+/).length > MAX_WORDS) continue;
      const ratio = h.fontSizePx / h.nextFontSizePx;
      const text = cut(h.text, 60);
      if (ratio >= SIZE_STEP) results.push({ kind: 'needs-review', ...elementAt(h), message: message('bigger', { text, ratio: Math.round(ratio * 10) / 10 }) });
      else if (h.fontWeight >= BOLD && h.fontWeight - h.nextFontWeight >= WEIGHT_STEP) results.push({ kind: 'needs-review', ...elementAt(h), message: message('bold', { text }) });
    }
    return results;
  },
});
