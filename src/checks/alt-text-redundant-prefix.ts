// Flags alt text that opens with "image of", "picture of" or "photo of", which screen readers already announce.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt } from './util/alt.js';
import { elementAt } from './util/element.js';

const REDUNDANT_OPENING = /^(an?\s+|the\s+)?(image|picture|pic|photo|graphic|img|icon)\s*(of|showing|shows|depicting|:|-|–)\s*/i;

export default definePageCheck({
  meta: {
    id: 'alt-text-redundant-prefix',
    title: 'Alt text does not start with "image of"',
    family: 'alt-text',
    affects: ['blind'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'Screen readers already say "image" or "graphic" before the alt text, so "Image of our team" is heard as "graphic, image of our team". It slows people down on every picture.',
    howToFix: 'Start the alt text with what the image shows. Keep "photo" or "painting" only when the medium matters.',
    example: '<img src="team.jpg" alt="Our team at the Saturday market">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/tips/',
    messages: {
      prefix: 'The alt text starts with "{prefix}", which screen readers already announce: "{alt}".',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt) continue;
      const match = alt.match(REDUNDANT_OPENING);
      if (!match || match[0].length >= alt.length) continue;
      results.push({
        kind: 'violation',
        ...elementAt(image),
        message: message('prefix', { prefix: match[0].trim(), alt }),
      });
    }
    return results;
  },
});
