// Flags alt text that repeats the caption, the adjacent text or the text of the same link, so it is heard twice.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt } from './util/alt.js';
import { normalise } from './util/text.js';
import { elementAt } from './util/element.js';

/** Very short alts ("Menu") match text by chance; only judge alts of at least 2 words. */
const MIN_WORDS = 2;

export default definePageCheck({
  meta: {
    id: 'alt-text-repeats-context',
    title: 'Alt text does not repeat the text next to it',
    family: 'alt-text',
    affects: ['blind'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'When the alt repeats the caption or the link text beside the image, screen reader users hear the same words twice, and a link named "Our menu Our menu" is confusing.',
    howToFix: 'When the text beside the image already says it, give the image alt="" (or describe something the text does not say).',
    example: '<a href="/menu"><img src="menu.jpg" alt=""> Our menu</a>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/functional/',
    messages: {
      linkText: 'The alt text "{alt}" repeats the text of the same link, so screen reader users hear it twice.',
      caption: 'The alt text "{alt}" repeats the caption, so screen reader users hear it twice.',
      adjacentText: 'The alt text "{alt}" repeats the text right next to it, so screen reader users hear it twice.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt) continue;
      const key = normalise(alt);
      if (key.split(' ').length < MIN_WORDS) continue;
      let where = '';
      if (image.linkText && normalise(image.linkText) === key) where = 'linkText';
      else if (image.captionText && normalise(image.captionText) === key) where = 'caption';
      else if (image.adjacentText && normalise(image.adjacentText) === key) where = 'adjacentText';
      if (!where) continue;
      results.push({
        kind: 'violation',
        ...elementAt(image),
        message: message(where, { alt }),
      });
    }
    return results;
  },
});
