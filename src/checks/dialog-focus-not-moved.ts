// Flags a dialog that opens from the keyboard without taking focus (WCAG 2.4.3), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'dialog-focus-not-moved',
    title: 'Focus moves into a dialog when it opens',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'When a dialog or a lightbox opens but focus stays on the button behind it, a screen reader says nothing about the dialog and the next Tab goes on through the page underneath. Keyboard users have to hunt for the dialog they just opened.',
    howToFix: 'When the dialog opens, move focus into it: to its first field, its heading (with tabindex="-1") or its Close button. A <dialog> opened with showModal() does this by itself.',
    example: "dialog.showModal(); // or: panel.hidden = false; panel.querySelector('h2').focus();",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      modal: 'Enter on "{name}" opens a dialog ({dialog}), but focus stays outside it.',
      overlay: 'Enter on "{name}" opens a layer that covers the page ({dialog}), but focus stays outside it. If it is a dialog or lightbox, move focus into it.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.dialogs.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const dialog of keyboard.widgets?.dialogs ?? []) {
      if (dialog.focusMovedIn) continue;
      // A layer with no dialog role may be a banner or a menu drawer; a person decides.
      const sure = dialog.modal !== 'overlay';
      results.push({ kind: sure ? 'violation' : 'needs-review', ...elementAt(dialog), message: message(sure ? 'modal' : 'overlay', { name: dialog.name || dialog.selector, dialog: dialog.dialog }) });
    }
    return results;
  },
});
