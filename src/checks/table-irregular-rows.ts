// Flags data tables whose rows do not line up: rows shorter than the table, or cells that span different columns in every row (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { isDataTable } from './util/tables.js';

/**
 * Rows of two or more cells that share one column layout: a real grid has a layout most
 * rows follow (a totals row may differ). Under half the rows on the commonest layout, with
 * three rows or more, means there is no grid to read by column.
 */
const MIN_SHARED_LAYOUT = 0.5;
const MIN_ROWS_FOR_LAYOUT = 3;

export default definePageCheck({
  meta: {
    id: 'table-irregular-rows',
    title: 'Table rows line up in columns',
    family: 'tables',
    affects: ['blind'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Screen reader users move through a table cell by cell, up, down and across, and hear each cell with its column header. When rows have missing cells, or cells stretch over different columns in each row, moving down a column lands in the wrong place and cells are read with headers that do not belong to them.',
    howToFix: 'Give every row the same number of columns (use empty cells where there is nothing to show). A form or a list of details laid out with a table is better written as a form or a description list.',
    example: '<tr><td>Wednesday</td><td>Closed</td><td></td></tr>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/tables/',
    messages: {
      ragged: {
        one: '{count} row of this table is shorter than the others ({widest} columns), so its cells and their headers do not line up.',
        other: '{count} rows of this table are shorter than the others ({widest} columns), so their cells and their headers do not line up.',
      },
      shifting: 'The cells of this table span different columns in almost every row, so there are no columns to read it by.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.tables.some(isDataTable),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const table of structure.tables) {
      if (!isDataTable(table) || table.rowWidths.length < 2) continue;
      const widths = table.rowWidths.filter((width) => width > 0);
      const widest = Math.max(...widths);
      const short = widths.filter((width) => width < widest).length;
      if (short > 0) {
        results.push({ kind: 'needs-review', ...elementAt(table), message: message('ragged', { count: short, widest }) });
        continue;
      }
      if (table.rowStarts.length < MIN_ROWS_FOR_LAYOUT) continue;
      const layouts = new Map<string, number>();
      for (const starts of table.rowStarts) layouts.set(starts, (layouts.get(starts) ?? 0) + 1);
      const commonest = Math.max(...layouts.values());
      if (commonest / table.rowStarts.length < MIN_SHARED_LAYOUT) results.push({ kind: 'needs-review', ...elementAt(table), message: message('shifting') });
    }
    return results;
  },
});
