// Flags links whose title attribute only repeats their text: screen readers may say it twice and nobody learns more.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut, normalise } from './util/text.js';

export default definePageCheck({
  meta: {
    id: 'link-title-repeats-text',
    title: 'A link’s title adds something or is left out',
    family: 'links',
    affects: ['blind'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'Some screen readers read both the link text and its title, so a title that repeats the text is heard twice on every such link. It shows only as a mouse tooltip, so it helps nobody else either.',
    howToFix: 'Remove the title attribute, or put in it something the link text does not already say.',
    example: '<a href="/about.html">About us</a>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H33',
    messages: {
      repeats: 'The link’s title “{title}” repeats its text, so some screen readers say it twice.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.linkCount > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      if (!link.title || !link.visible) continue;
      const title = normalise(link.title);
      if (!title || (title !== normalise(link.text) && title !== normalise(link.name))) continue;
      results.push({ kind: 'violation', ...elementAt(link), message: message('repeats', { title: cut(link.title, 80) }) });
    }
    return results;
  },
});
