// Flags images whose alt text and title say different things: screen reader users and mouse users are told different stories (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut, normalise } from './util/text.js';

export default definePageCheck({
  meta: {
    id: 'image-alt-title-differ',
    title: 'An image’s alt text and title agree',
    family: 'alt-text',
    affects: ['blind', 'low-vision'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'minor',
    whyItMatters:
      'Screen readers read an image\'s alt text; mouse users see its title as a tooltip. When the two differ, one group gets information the other does not: a tooltip saying "BBC homepage" on an image whose alt says only "BBC" keeps the purpose from blind visitors.',
    howToFix: 'Put everything the image needs to say in the alt text, and remove the title (or make it say the same).',
    example: '<img src="bbc.png" alt="BBC homepage">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/',
    messages: {
      differ: 'Screen readers read the alt text “{alt}”, but the tooltip (title) says “{title}”.',
    },
  },
  requires: ['content'],
  appliesTo: ({ content }) => content.images.some((image) => !!image.title),
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      if (!image.title || !image.alt?.trim() || image.hidden || !image.visible) continue;
      if (normalise(image.alt) === normalise(image.title)) continue;
      results.push({ kind: 'needs-review', ...elementAt(image), message: message('differ', { alt: cut(image.alt, 80), title: cut(image.title, 80) }) });
    }
    return results;
  },
});
