// Flags tabindex values above zero, which move elements ahead of the page's natural focus order (WCAG 2.4.3).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'positive-tabindex',
    title: 'Focus order follows the page, not tabindex numbers',
    family: 'keyboard',
    affects: ['keyboard', 'blind'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'tabindex="1" and higher pull an element to the front of the Tab order, so keyboard users jump around the page in an order nobody sees. It also breaks as soon as the page changes.',
    howToFix: 'Remove positive tabindex values. Put elements in the source in the order they should be reached, and use tabindex="0" only to make a custom control focusable.',
    example: '<a href="/offers">Offers</a>  <!-- not tabindex="3" -->',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-order.html',
    messages: {
      aheadAt: 'tabindex="{tabindex}" moves this element ahead of the natural order: it is Tab stop {position}. Check that the order still makes sense.',
      ahead: 'tabindex="{tabindex}" moves this element ahead of the natural order. Check that the order still makes sense.',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const element of keyboard.positiveTabindex) {
      const position = keyboard.stops.findIndex((stop) => stop.selector === element.selector);
      results.push({
        // Not a failure by itself: the forced order may happen to make sense. A person should look.
        kind: 'needs-review',
        ...elementAt(element),
        message: message(position >= 0 ? 'aheadAt' : 'ahead', { tabindex: String(element.tabIndex), position: position + 1 }),
      });
    }
    return results;
  },
});
