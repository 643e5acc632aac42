// Flags tooltips that show on mouse hover but never on keyboard focus (WCAG 1.4.13, 2.1.1), and asks for review of ones Escape does not hide, found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'tooltip-hover-only',
    title: 'Tooltips show on keyboard focus too, and Escape hides them',
    family: 'keyboard',
    affects: ['keyboard', 'low-vision', 'motor'],
    wcag: ['1.4.13', '2.1.1'],
    level: 'AA',
    impact: 'moderate',
    whyItMatters:
      'A tooltip that appears only under the mouse hides its help from keyboard users, and from people who use a screen magnifier and move by keyboard. One that Escape does not hide can cover what a magnifier user is reading.',
    howToFix: 'Show the tooltip when its trigger gets keyboard focus as well as on hover (:hover and :focus-visible), make the trigger focusable, and hide the tooltip on Escape.',
    example: '.info:hover + [role=tooltip], .info:focus-visible + [role=tooltip] { display: block; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/content-on-hover-or-focus.html',
    messages: {
      notFocusable: 'The tooltip of "{name}" shows when the mouse is over it, but the keyboard cannot reach "{name}" at all.',
      hoverOnly: 'The tooltip of "{name}" shows when the mouse is over it, but not when "{name}" has keyboard focus.',
      escape: 'The tooltip of "{name}" shows on keyboard focus, but Escape does not hide it. Check that it can be dismissed without moving focus.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.tooltips.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const tip of keyboard.widgets?.tooltips ?? []) {
      const name = tip.name || tip.selector;
      if (tip.shownOnHover && !tip.shownOnFocus) results.push({ kind: 'violation', ...elementAt(tip), message: message(tip.focusable ? 'hoverOnly' : 'notFocusable', { name }) });
      // Some tooltips close on Escape only while hovered, or are short enough to cover nothing: a person decides.
      else if (tip.shownOnFocus && tip.escapeHides === false) results.push({ kind: 'needs-review', ...elementAt(tip), message: message('escape', { name }) });
    }
    return results;
  },
});
