// Flags a modal dialog that lets Tab move focus to the page behind it (WCAG 2.4.3), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'dialog-focus-escapes',
    title: 'Focus stays in a modal dialog while it is open',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A modal dialog covers the page: people can only use what is in it. If Tab carries focus out to the page behind, keyboard users work blind on controls they cannot see, and screen reader users lose track of the dialog.',
    howToFix: 'Keep Tab and Shift+Tab inside the dialog while it is open: use <dialog> with showModal(), or make the rest of the page inert (the inert attribute) while the dialog is open.',
    example: "main.inert = true; dialog.hidden = false; dialog.querySelector('input').focus();",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      modal: 'In the dialog "{name}" opens ({dialog}), Tab moves focus out to the page behind it.',
      overlay: 'In the layer "{name}" opens over the page ({dialog}), Tab moves focus out to the page behind it. If it is a modal dialog or lightbox, keep focus inside while it is open.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.dialogs ?? []).some((dialog) => dialog.focusKept !== null),
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const dialog of keyboard.widgets?.dialogs ?? []) {
      if (dialog.focusKept !== false) continue;
      // Only aria-modal or a modal <dialog> promises to hold focus; an unnamed overlay may not be modal at all.
      const sure = dialog.modal === true;
      results.push({ kind: sure ? 'violation' : 'needs-review', ...elementAt(dialog), message: message(sure ? 'modal' : 'overlay', { name: dialog.name || dialog.selector, dialog: dialog.dialog }) });
    }
    return results;
  },
});
