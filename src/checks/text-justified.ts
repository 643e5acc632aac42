// Flags paragraphs of two lines or more set justified (flush with both margins) (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/** Ten paragraphs show the pattern; justification is usually one style rule. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'text-justified',
    title: 'Paragraphs are not justified',
    family: 'typography',
    affects: ['cognitive', 'low-vision'],
    wcag: ['1.4.8'],
    level: 'AAA',
    impact: 'minor',
    whyItMatters:
      'Justified text stretches the spaces between words to fill each line. The uneven gaps form "rivers" of white through the paragraph, which make it much harder for people with dyslexia and some people with low vision to follow a line and find the next one.',
    howToFix: 'Align paragraphs to the start of the line (text-align: left, or start) and let the other edge be ragged.',
    example: 'p { text-align: start; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/visual-presentation.html',
    messages: {
      justified: 'This paragraph of {lines} lines is justified: “{sample}”.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.blocks.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const block of structure.blocks) {
      if (results.length >= MAX_RESULTS) break;
      // A one-line block looks the same either way.
      if (!/^justify/.test(block.textAlign) || block.lines < 2) continue;
      results.push({ kind: 'needs-review', ...elementAt(block), message: message('justified', { lines: block.lines, sample: cut(block.sample, 60) }), causeKey: 'text-justified' });
    }
    return results;
  },
});
