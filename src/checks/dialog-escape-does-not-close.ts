// Asks for review of a dialog that Escape does not close, or that the keyboard could not close at all (WCAG 2.1.1, 2.1.2), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'dialog-escape-does-not-close',
    title: 'Escape closes a dialog',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1', '2.1.2'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Keyboard and screen reader users expect Escape to close a dialog or a lightbox, as it does everywhere else. When it does not, they have to find a Close button first; when there is none they can reach, they are stuck in the dialog.',
    howToFix: 'Close the dialog on Escape and give it a Close button that the keyboard reaches, then return focus to what opened it. A <dialog> opened with showModal() closes on Escape by itself.',
    example: "dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      closeButtonOnly: 'The dialog "{name}" opens ({dialog}) does not close on Escape; only its Close button closes it.',
      notClosed: 'The dialog "{name}" opens ({dialog}) closed neither on Escape nor with a Close button the keyboard reaches. Check that keyboard users can close it.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.dialogs.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const dialog of keyboard.widgets?.dialogs ?? []) {
      if (dialog.closedBy === 'escape') continue;
      // The walk tries Escape and a button named Close; a dialog may close another way (a "Continue" button), so a person decides.
      results.push({ kind: 'needs-review', ...elementAt(dialog), message: message(dialog.closedBy ? 'closeButtonOnly' : 'notClosed', { name: dialog.name || dialog.selector, dialog: dialog.dialog }) });
    }
    return results;
  },
});
