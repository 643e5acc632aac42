// Flags a linked image (the link's only content) whose alt describes the picture but not where the link goes.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt } from './util/alt.js';
import { normalise } from './util/text.js';
import { elementAt } from './util/element.js';

/** Words of 3+ letters carry meaning; shorter ones (of, to, en) match anything. */
const MIN_WORD_LENGTH = 3;
/** Alt texts that already say they are links or actions. */
const PURPOSE_WORDS = /\b(go to|visit|read|see|view|open|more|book|buy|shop|order|download|learn|watch|home|homepage|back to|contact|sign|register|find|our|página|ver|ir a)\b/i;
/** Phrases of visual description: "… on a table", "… with …", "smiling", "holding". */
const DESCRIPTIVE = /\b(on|in|with|at|and|of)\s+(an?|the|our|his|her|their)\b|\b(smiling|sitting|standing|holding|wearing|close-up)\b/i;

function targetWords(href: string): Set<string> {
  try {
    const url = new URL(href);
    const words = normalise(decodeURIComponent(url.pathname).replace(/\.[a-z0-9]+$/i, '').replace(/[/_-]+/g, ' ')).split(' ');
    return new Set(words.filter((w) => w.length >= MIN_WORD_LENGTH && w !== 'index' && w !== 'html'));
  } catch {
    return new Set();
  }
}

export default definePageCheck({
  meta: {
    id: 'linked-image-alt-purpose',
    title: 'A linked image says where the link goes',
    family: 'alt-text',
    affects: ['blind', 'cognitive'],
    wcag: ['2.4.4', '1.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'When an image is the only thing in a link, its alt text is the link\'s name. "Flour and a rolling pin" tells a screen reader user what the picture shows, but not that it leads to the events page.',
    howToFix: 'For an image that is the only content of a link, write where the link goes or what it does.',
    example: '<a href="/events"><img src="workshop.jpg" alt="Bread-making workshops: dates and booking"></a>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/functional/',
    messages: {
      describesPicture: 'This image is the only content of a link to {path}, but its alt "{alt}" describes the picture, not where the link goes.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt || !image.linkHref || image.linkText || image.linkImageCount > 0) continue;
      const words = targetWords(image.linkHref);
      // Links to the home page are usually logos named after the site: nothing to compare with.
      if (words.size === 0) continue;
      const altWords = normalise(alt).split(' ');
      if (altWords.some((w) => words.has(w) || [...words].some((t) => t.startsWith(w.slice(0, 5)) && w.length >= 5))) continue;
      if (PURPOSE_WORDS.test(alt) || !DESCRIPTIVE.test(alt)) continue;
      results.push({
        kind: 'needs-review',
        ...elementAt(image),
        message: message('describesPicture', { path: new URL(image.linkHref).pathname, alt }),
      });
    }
    return results;
  },
});
