// Table facts shared by the table checks: which tables hold data, and which have headers in more than one direction or level.
import type { TableFact } from '../../gather/structure-gatherer.js';

/** role=presentation or none: the author says the table is for layout. */
export function isLayoutRole(table: TableFact): boolean {
  return /^(presentation|none)$/i.test(table.role.trim());
}

/** A table that presents data: not marked as layout, and with headers, a caption or a summary. */
export function isDataTable(table: TableFact): boolean {
  if (isLayoutRole(table) || !table.visible) return false;
  return table.headerCells > 0 || !!table.caption || !!table.summary;
}

/** Why a table's headers are complex (more than one row or column of them, or headers mid-row); empty when simple. */
export function complexity(table: TableFact): ('headerRows' | 'rowHeaders' | 'midRowHeaders')[] {
  const reasons: ('headerRows' | 'rowHeaders' | 'midRowHeaders')[] = [];
  if (table.headerRows >= 2) reasons.push('headerRows');
  // Two header cells at the start of a row (road, then junction) in at least two rows.
  if (table.rowsWithTwoRowHeaders >= 2) reasons.push('rowHeaders');
  if (table.headersAfterData > 0) reasons.push('midRowHeaders');
  return reasons;
}

/** Headers along both edges (a row of column headers and a column of row headers). */
export function hasTwoWayHeaders(table: TableFact): boolean {
  return table.headerRows >= 1 && table.maxRowHeaders >= 1;
}
