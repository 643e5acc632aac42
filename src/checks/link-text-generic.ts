// Flags links whose whole text is "click here", "read more", "aquí" or a lone full stop: it says nothing about where they go (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { stringListSetting } from './util/settings.js';
import { cut, normalise } from './util/text.js';
import { GENERIC_LINK_TEXTS } from './util/links.js';

/** Twenty such links show the pattern; more would bury the page's other findings. */
const MAX_RESULTS = 20;

export default definePageCheck({
  meta: {
    id: 'link-text-generic',
    title: 'Link text says where the link goes',
    family: 'links',
    affects: ['blind', 'cognitive', 'motor'],
    wcag: ['2.4.4'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Many screen reader users jump through a page by calling up a list of its links. A list that says "click here, read more, click here" tells them nothing, so they have to read the whole page to find what they want. People who control the computer by voice also have to say the link text, and "click here" matches several links.',
    howToFix: 'Make the link text say where it goes or what it does ("See our winter menu"). If the design needs a short visible text, add the rest for screen readers in the link (visually hidden text or aria-label that starts with the visible words).',
    example: '<a href="/winter-menu.html">See our winter menu</a>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html',
    messages: {
      generic: 'The link says only “{text}”. In a list of the page’s links, screen reader users hear “{text}” and nothing about where it goes.',
      genericWithContext: 'The link says only “{text}”. In a list of the page’s links, screen reader users hear “{text}” and nothing about where it goes; the text around it (“{context}”) helps only those who read the whole sentence.',
      punctuation: 'The link is only “{text}”: a target a few pixels wide whose name says nothing about where it goes.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.linkCount > 0,
  evaluate({ structure }, { settings }) {
    const allowed = new Set(stringListSetting(settings, 'allow').map(normalise));
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      if (results.length >= MAX_RESULTS) break;
      if (!link.visible || link.skippable || !link.name) continue;
      const name = normalise(link.name);
      // An empty name is axe-core's link-name rule; here only names made of punctuation or stock phrases.
      if (!name) {
        if (/^[\p{P}\p{S}\s]+$/u.test(link.name)) results.push({ kind: 'needs-review', ...elementAt(link), message: message('punctuation', { text: link.name }) });
        continue;
      }
      if (!GENERIC_LINK_TEXTS.has(name) || allowed.has(name)) continue;
      const text = cut(link.name, 60);
      results.push({
        kind: 'needs-review',
        ...elementAt(link),
        message: link.context ? message('genericWithContext', { text, context: cut(link.context, 100) }) : message('generic', { text }),
        causeKey: `link-text-generic:${name}`,
      });
    }
    return results;
  },
});
