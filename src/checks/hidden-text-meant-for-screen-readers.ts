// Flags text meant for screen readers that CSS hides from them too: "screen reader only" classes with display:none, hidden words completing a "Read more" link.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut, normalise } from './util/text.js';
import { GENERIC_LINK_TEXTS } from './util/links.js';

export default definePageCheck({
  meta: {
    id: 'hidden-text-meant-for-screen-readers',
    title: 'Text meant for screen readers is not hidden from them',
    family: 'markup',
    affects: ['blind'],
    wcag: ['1.3.1', '2.4.4'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'display:none and visibility:hidden hide text from everyone, screen readers included. Words added for screen reader users, such as the "about our ovens" that completes a "Read more" link, never reach them when they are hidden that way, and the link stays a bare "Read more".',
    howToFix: 'Hide such text visually only, with a "visually hidden" class (clip to a 1 px box, position off the layout) instead of display:none or visibility:hidden.',
    example: '.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/css/C7',
    messages: {
      screenReaderClass: 'This text has a class for screen-reader-only text, but {how} hides it from screen readers too: “{text}”.',
      insideControl: 'The words “{text}” inside “{control}” are hidden with {how}, so screen readers do not read them either; the link or button is announced as “{control}”.',
      displayNone: 'display:none',
      visibilityHidden: 'visibility:hidden',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.hidden.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const item of structure.hidden) {
      const how = message(item.how === 'display-none' ? 'displayNone' : 'visibilityHidden');
      if (item.reason === 'screen-reader-class') {
        results.push({ kind: 'violation', ...elementAt(item), message: message('screenReaderClass', { how, text: cut(item.text, 80) }) });
      } else if (GENERIC_LINK_TEXTS.has(normalise(item.controlText)) || !normalise(item.controlText)) {
        // Only where the visible words say nothing on their own ("Read more"): responsive designs hide longer labels on purpose.
        results.push({ kind: 'needs-review', ...elementAt(item), message: message('insideControl', { how, text: cut(item.text, 60), control: cut(item.controlText, 40) }) });
      }
    }
    return results;
  },
});
