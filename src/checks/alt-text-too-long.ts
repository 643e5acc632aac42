// Flags alt text so long that it should be a long description (caption or linked text) instead.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt } from './util/alt.js';
import { numberSetting } from './util/settings.js';
import { elementAt } from './util/element.js';

/**
 * 200 characters is about two sentences. Alt text cannot be paused, re-read by
 * sentence or navigated, so anything longer belongs in a caption or a described-by text.
 */
const DEFAULT_MAX_CHARS = 200;

export default definePageCheck({
  meta: {
    id: 'alt-text-too-long',
    title: 'Long image descriptions are not crammed into alt',
    family: 'alt-text',
    affects: ['blind', 'low-vision', 'cognitive'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'A screen reader reads alt text in one go with no way to pause or go back a sentence, and sighted people never see it. A chart or diagram that needs a paragraph deserves a visible description.',
    howToFix: 'Keep the alt short (what the image is and its point) and put the full description in a caption, nearby text, or a linked page, tied with aria-describedby.',
    example:
      '<figure>\n  <img src="chart.png" alt="Sales rose each quarter in 2024" aria-describedby="chart-desc">\n  <figcaption id="chart-desc">Q1 £10k, Q2 £14k, Q3 £18k, Q4 £25k.</figcaption>\n</figure>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/complex/',
    messages: {
      tooLong: 'The alt text is {length} characters long (limit {max}); consider a short alt and a long description that everyone can see.',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const max = numberSetting(settings, 'maxChars', DEFAULT_MAX_CHARS);
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt || alt.length <= max) continue;
      results.push({
        kind: 'needs-review',
        ...elementAt(image),
        message: message('tooLong', { length: alt.length, max }),
      });
    }
    return results;
  },
});
