// Flags data tables with several rows or columns of headers whose header cells carry no scope and whose cells no headers attribute (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { complexity, isDataTable } from './util/tables.js';

export default definePageCheck({
  meta: {
    id: 'table-complex-no-scope',
    title: 'Complex tables say which headers belong to each cell',
    family: 'tables',
    affects: ['blind'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader reads a table cell with its row and column headers, so "30" becomes "High Street, Mill Lane, Vans: 30". When a table has two rows of headers, or two header cells at the start of each row, the browser has to guess which headers go with which cell, and screen readers often read the wrong ones or none.',
    howToFix: 'Give every header cell a scope (scope="col", "row", "colgroup" or "rowgroup"). Where that is not enough, give header cells an id and list the ids in each data cell\'s headers attribute. Often the better fix is to split one complex table into simpler ones.',
    example: '<tr><th scope="row">High Street</th><th scope="row">Mill Lane</th><td>30</td></tr>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/tables/multi-level/',
    messages: {
      complex: 'This table has {reasons}, but no header cell has a scope and no cell a headers attribute, so screen readers may read the wrong headers with its cells.',
      headerRows: '{count} rows of column headers',
      rowHeaders: 'two header cells at the start of its rows',
      midRowHeaders: 'header cells in the middle of rows',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.tables.some(isDataTable),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const table of structure.tables) {
      if (!isDataTable(table) || table.scoped > 0 || table.withHeadersAttribute > 0) continue;
      const reasons = complexity(table);
      if (reasons.length === 0) continue;
      const worded = reasons.map((reason) => (reason === 'headerRows' ? message(reason, { count: table.headerRows }) : message(reason)));
      results.push({ kind: 'needs-review', ...elementAt(table), message: message('complex', { reasons: worded }) });
    }
    return results;
  },
});
