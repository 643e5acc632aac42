// Flags an element with role="button" that answers Enter but not Space (WCAG 2.1.1, 4.1.2), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'button-role-ignores-space',
    title: 'Things called buttons work with Space as well as Enter',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1', '4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'role="button" tells a screen reader to announce a button, and people press Space to use a button. A link or a <div> dressed as a button does not answer Space unless a script makes it, so for many keyboard users it does nothing.',
    howToFix: 'Use a real <button>: it answers Enter and Space by itself. If the element must stay, handle Space (on keyup) as well as Enter.',
    example: "el.addEventListener('keyup', (e) => { if (e.key === ' ') el.click(); });",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/button/',
    messages: {
      space: '"{name}" has role="button" and answers Enter, but Space does nothing.',
      none: '"{name}" has role="button", but neither Enter nor Space changed anything. Check that keyboard users can use it.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.roleButtons.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    const disclosures = new Set((keyboard.widgets?.disclosures ?? []).map((item) => item.selector));
    for (const button of keyboard.widgets?.roleButtons ?? []) {
      const name = button.name || button.selector;
      // Enter worked, Space did not: the difference is certain. Neither: the walk may not see what it does (disclosures are judged by their own check).
      if (button.actedOnEnter && !button.actedOnSpace) results.push({ kind: 'violation', ...elementAt(button), message: message('space', { name }) });
      else if (!button.actedOnEnter && !button.actedOnSpace && !disclosures.has(button.selector)) results.push({ kind: 'needs-review', ...elementAt(button), message: message('none', { name }) });
    }
    return results;
  },
});
