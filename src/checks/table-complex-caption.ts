// Flags data tables with headers in two directions or levels that have no caption or other name (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { complexity, hasTwoWayHeaders, isDataTable } from './util/tables.js';

export default definePageCheck({
  meta: {
    id: 'table-complex-caption',
    title: 'Tables with headers both ways have a caption',
    family: 'tables',
    affects: ['blind', 'cognitive'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'minor',
    whyItMatters:
      'Screen reader users can list the tables on a page and jump to one, but a table without a caption is announced only as "table, 5 rows, 4 columns". For a table that has to be read across and down, a caption saying what it shows is the first thing they need to make sense of it.',
    howToFix: 'Add a <caption> as the first thing inside the table, saying what the table shows. If the heading just above already says it, point to it with aria-labelledby.',
    example: '<table><caption>Deliveries by street and junction</caption>…</table>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/tables/caption-summary/',
    messages: {
      missing: 'This table has headers along {shape} but no caption or other name, so screen reader users hear only its size when they reach it.',
      twoWays: 'both its top and its side',
      levels: 'more than one level',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.tables.some(isDataTable),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const table of structure.tables) {
      if (!isDataTable(table) || table.caption || table.ariaName || table.summary) continue;
      const complex = complexity(table).length > 0;
      if (!complex && !hasTwoWayHeaders(table)) continue;
      results.push({ kind: 'needs-review', ...elementAt(table), message: message('missing', { shape: message(complex ? 'levels' : 'twoWays') }) });
    }
    return results;
  },
});
