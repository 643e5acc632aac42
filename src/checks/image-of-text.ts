// Flags raster images that look like text on a plain background (two colours, many sharp edges) (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/**
 * Lettering on a plain ground: the two commonest colours cover most of the image (anti-aliased
 * edges take the rest), and sharp light-dark changes are frequent (every letter stroke has two).
 * Photographs spread over hundreds of colours; flat illustrations have few edges.
 */
const MIN_TOP_TWO_SHARE = 0.75;
const MIN_EDGE_DENSITY = 0.05;
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'image-of-text',
    title: 'Text is text, not a picture of text',
    family: 'alt-text',
    affects: ['low-vision', 'cognitive', 'other-language'],
    wcag: ['1.4.5'],
    level: 'AA',
    impact: 'moderate',
    whyItMatters:
      'Words in a picture turn blurry when zoomed, cannot be resized, recoloured or re-spaced by people who need larger or clearer text, are not translated by the browser, and are invisible to search engines and to anyone whose images do not load.',
    howToFix: 'Write the words as real text in the page and style them with CSS (web fonts, colours, backgrounds). Logos are the exception.',
    example: '<p class="banner">25% off all cakes this weekend</p>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/images-of-text.html',
    messages: {
      textLike: 'This image looks like text on a plain background (two colours cover {share}% of it). If it shows words, write them as text. Its alt text: “{alt}”.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.imagePixels.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const image of structure.imagePixels) {
      if (results.length >= MAX_RESULTS) break;
      if (image.logo || image.topTwoShare < MIN_TOP_TWO_SHARE || image.edgeDensity < MIN_EDGE_DENSITY) continue;
      results.push({ kind: 'needs-review', ...elementAt(image), message: message('textLike', { share: Math.round(image.topTwoShare * 100), alt: cut(image.alt ?? '', 80) }) });
    }
    return results;
  },
});
