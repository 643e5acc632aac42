// Flags tab lists whose other tabs are out of the Tab order while the arrow keys do not move between them (WCAG 2.1.1), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'tabs-keyboard-unreachable',
    title: 'Every tab of a tab list can be reached with the keyboard',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'In a tab list only the selected tab is in the Tab order; the others are reached with the arrow keys. When the arrows do nothing, keyboard and screen reader users can open only the first tab, and the content of the others is out of their reach.',
    howToFix: 'Move focus to the next and previous tab with the Right and Left arrow keys (Down and Up for a vertical list), and select a tab with Enter or Space, or when it gets focus.',
    example: "tablist.addEventListener('keydown', (e) => { if (e.key === 'ArrowRight') focusTab(current + 1); });",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/tabs/',
    messages: {
      unreachable: 'Only {tabbable} of the {tabs} tabs of "{name}" is in the Tab order, and the arrow keys do not move to the others.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.tabs.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const list of keyboard.widgets?.tabs ?? []) {
      // Tabs that Tab reaches one by one are not the ARIA pattern, but nothing is out of reach.
      if (list.arrowsMove || list.tabbable >= list.tabs) continue;
      results.push({ kind: 'violation', ...elementAt(list), message: message('unreachable', { name: list.name.slice(0, 40) || list.selector, tabs: list.tabs, tabbable: list.tabbable }) });
    }
    return results;
  },
});
