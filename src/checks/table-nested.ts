// Flags tables inside a header cell (a violation) and data tables inside a data table's cells (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'table-nested',
    title: 'Tables are not put inside other tables',
    family: 'tables',
    affects: ['blind'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Screen readers read a table by rows and columns. A table inside a cell of another table mixes the two grids: users lose track of which table they are in, and a table inside a header cell becomes the header of every cell below it, read out again and again.',
    howToFix: 'Put the inner table after the outer one, with its own caption, or merge the two into one table with clear headers.',
    example: '<table><caption>Prices</caption>…</table>\n<table><caption>Sizes</caption>…</table>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/tables/',
    messages: {
      inHeaderCell: 'This table sits inside a header cell of another table, so it becomes part of the header read with every cell of that column.',
      inDataTable: 'This table sits inside a cell of another data table; screen reader users move between the two grids without knowing.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.tables.some((table) => table.nestedIn !== ''),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const table of structure.tables) {
      if (!table.visible) continue;
      if (table.nestedIn === 'header-cell') results.push({ kind: 'violation', ...elementAt(table), message: message('inHeaderCell') });
      // Inside a layout table nesting is layout; only an outer data table makes it a maze.
      else if (table.nestedIn === 'table' && table.outerHasDataMarkup) results.push({ kind: 'needs-review', impact: 'moderate', ...elementAt(table), message: message('inDataTable') });
    }
    return results;
  },
});
