// Flags focus that cannot leave a part of the page by Tab, Shift+Tab or Escape (WCAG 2.1.2).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

export default definePageCheck({
  meta: {
    id: 'keyboard-trap',
    title: 'Keyboard focus can always move on',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.2'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'People who use a keyboard, a switch or a screen reader move through a page with Tab. When focus is caught in a box it cannot leave, the rest of the page, and often the whole site, is out of their reach.',
    howToFix:
      'Let Tab and Shift+Tab move out of every component. A modal dialog may keep focus inside while it is open, but must close with Escape (and a Close button) and then return focus to what opened it.',
    example:
      "dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') { dialog.close(); opener.focus(); } });",
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/no-keyboard-trap.html',
    messages: {
      inDialog: {
        one: 'Focus cycles through {count} element ({elements}) in a dialog, and neither Shift+Tab nor Escape leaves it. Check that the dialog can be closed from the keyboard.',
        other: 'Focus cycles through {count} elements ({elements}) in a dialog, and neither Shift+Tab nor Escape leaves it. Check that the dialog can be closed from the keyboard.',
      },
      trapped: {
        one: 'Focus is trapped: Tab cycles through {count} element ({elements}), and neither Shift+Tab nor Escape leaves them.',
        other: 'Focus is trapped: Tab cycles through {count} elements ({elements}), and neither Shift+Tab nor Escape leaves them.',
      },
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const trap of keyboard.traps) {
      if (trap.escapedBy !== null) continue;
      const first = keyboard.stops[trap.startIndex];
      const where = { count: trap.cycle.length, elements: `${trap.cycle.slice(0, 4).join(', ')}${trap.cycle.length > 4 ? ', …' : ''}` };
      results.push({
        // A dialog may hold focus on purpose and offer a Close button; whether that is enough needs a person.
        kind: trap.inDialog ? 'needs-review' : 'violation',
        selector: trap.cycle[0],
        snippet: trap.snippet,
        box: first?.box ?? undefined,
        message: message(trap.inDialog ? 'inDialog' : 'trapped', where),
      });
    }
    return results;
  },
});
