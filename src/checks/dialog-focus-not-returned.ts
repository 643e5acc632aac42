// Flags a dialog that, once closed, leaves focus on the page's body instead of what opened it (WCAG 2.4.3), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'dialog-focus-not-returned',
    title: 'Focus returns to what opened a dialog when it closes',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'When a dialog closes and focus falls back to the top of the page, keyboard and screen reader users lose their place and must Tab through everything again to get back to where they were.',
    howToFix: 'When the dialog closes, put focus back on the button or link that opened it. A <dialog> closed with close() does this by itself.',
    example: "function close() { dialog.hidden = true; opener.focus(); }",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      body: 'When the dialog "{name}" opens ({dialog}) closes, focus falls to the page itself instead of going back to "{name}".',
      elsewhere: 'When the dialog "{name}" opens ({dialog}) closes, focus goes somewhere other than "{name}". Check that it lands where a visitor would expect.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.dialogs ?? []).some((dialog) => dialog.focusReturned !== null),
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const dialog of keyboard.widgets?.dialogs ?? []) {
      if (dialog.focusReturned === null || dialog.focusReturned === 'trigger') continue;
      // Focus lost to the body is always a lost place; another element may be a sensible next step (a dialog that leads on).
      const sure = dialog.focusReturned === 'body';
      results.push({ kind: sure ? 'violation' : 'needs-review', ...elementAt(dialog), message: message(sure ? 'body' : 'elsewhere', { name: dialog.name || dialog.selector, dialog: dialog.dialog }) });
    }
    return results;
  },
});
