// Asks for review of a disclosure or accordion button that neither Enter nor Space does anything to (WCAG 2.1.1), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'disclosure-not-operable',
    title: 'Show/hide buttons work with Enter and Space',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Accordions and "show more" buttons hide content until they are opened. If Enter and Space do nothing, keyboard and switch users can never read what is inside.',
    howToFix: 'Use a real <button> (it answers Enter and Space by itself) or <details>/<summary>; a script that listens only to mouse events leaves keyboard users out.',
    example: '<button type="button" aria-expanded="false" aria-controls="opening-hours">Opening hours</button>',
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/',
    messages: {
      noResponse: 'Neither Enter nor Space changed anything on "{name}" (it has aria-expanded). Check that keyboard users can open what it hides.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.disclosures.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const item of keyboard.widgets?.disclosures ?? []) {
      if (item.actedOnEnter || item.actedOnSpace || item.stateOnEnter || item.stateOnSpace) continue;
      // Nothing seen to happen may still be something the walk cannot see (a sound, a canvas): a person decides.
      results.push({ kind: 'needs-review', ...elementAt(item), message: message('noResponse', { name: item.name || item.selector }) });
    }
    return results;
  },
});
