// Flags drop-down and menu-button menus whose items the keyboard never reaches (WCAG 2.1.1), and ARIA menus whose arrow keys do nothing (WCAG 4.1.2), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'menu-items-unreachable',
    title: 'Drop-down menu items can be reached with the keyboard',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1', '4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A drop-down menu that opens only when the mouse is over it hides its links from everyone who uses a keyboard, a switch or a screen reader: whole sections of the site are out of their reach.',
    howToFix:
      'Open the submenu when its parent item has focus (:focus-within) or with a button that has aria-expanded; for role="menu", move focus into the menu when it opens and between items with the arrow keys. Plain navigation links need no role="menu".',
    example: 'nav li:hover > ul, nav li:focus-within > ul { display: block; }',
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/examples/disclosure-navigation/',
    messages: {
      hoverOnly: 'The submenu of "{name}" opens when the mouse is over it, but keyboard focus never reaches its links.',
      notOpened: 'The menu "{name}" announces a popup, but neither Enter nor the Down arrow opened it.',
      itemsUnreached: 'The menu "{name}" opens, but neither Enter, the Down arrow nor Tab moves focus to its items.',
      arrows: 'In the menu "{name}" (role="menu"), the Down arrow does not move between items. Screen readers tell their users to use the arrow keys in a menu; check that they work.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.menus.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const menu of keyboard.widgets?.menus ?? []) {
      const name = menu.name || menu.selector;
      if (menu.pattern === 'hover') {
        // Shown to the mouse, never reached by keys: the links are out of keyboard reach for sure.
        if (menu.openedByHover && !menu.itemsReached) results.push({ kind: 'violation', ...elementAt(menu), message: message('hoverOnly', { name }) });
        continue;
      }
      // A popup that does not open may open on a key the walk did not try (Space): a person decides.
      if (!menu.openedByKeyboard) results.push({ kind: 'needs-review', ...elementAt(menu), message: message('notOpened', { name }) });
      else if (!menu.itemsReached) results.push({ kind: 'violation', ...elementAt(menu), message: message('itemsUnreached', { name }) });
      else if (menu.arrowsMove === false) results.push({ kind: 'needs-review', ...elementAt(menu), message: message('arrows', { name }) });
    }
    return results;
  },
});
