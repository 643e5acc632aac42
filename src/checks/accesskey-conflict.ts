// Asks for review of accesskey shortcuts that clash with the browser's or a screen reader's own keys, or with each other (WCAG 2.1.1, 4.1.2).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/**
 * Keys browsers and screen readers already take with the modifier accesskey uses (Alt, or
 * Alt+Shift): Chrome, Edge and Firefox menus File, Edit, View, History, Bookmarks, Tools,
 * Help and the address bar (f, e, v, s, b, t, h, d); JAWS and NVDA take more with Insert, so
 * these are the ones a page can collide with in every browser.
 */
const BROWSER_KEYS: Record<string, string> = {
  f: 'File menu',
  e: 'Edit menu',
  v: 'View menu',
  s: 'History menu (Firefox)',
  b: 'Bookmarks menu',
  t: 'Tools menu',
  h: 'Help menu',
  d: 'address bar',
};

export default definePageCheck({
  meta: {
    id: 'accesskey-conflict',
    title: 'Keyboard shortcuts (accesskey) do not clash with the browser or each other',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1', '4.1.2'],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'An accesskey takes over Alt plus a letter. When that letter is already the browser\'s own shortcut (Alt+D for the address bar, Alt+F for the File menu) or a screen reader\'s, people who rely on that shortcut lose it on this page, often without knowing why.',
    howToFix: 'Remove accesskey, or choose keys no browser uses (digits are the usual choice) and list them on an accessibility page. Never give two elements the same key.',
    example: '<a href="/" accesskey="1">Home</a>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F54',
    messages: {
      browser: 'accesskey="{key}" on "{element}" takes Alt+{key}, which browsers use for the {use}. Check that no one who uses that shortcut loses it.',
      duplicate: 'accesskey="{key}" is given to {count} elements; only one of them can answer it.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.accesskeys.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const item of keyboard.widgets?.accesskeys ?? []) {
      // A clash with the browser depends on the visitor's browser and settings; a person decides.
      const use = BROWSER_KEYS[item.key];
      if (use) results.push({ kind: 'needs-review', ...elementAt(item), message: message('browser', { key: item.key, use, element: item.selector }) });
      else if (item.sameKey > 0) results.push({ kind: 'needs-review', ...elementAt(item), message: message('duplicate', { key: item.key, count: item.sameKey + 1 }) });
    }
    return results;
  },
});
