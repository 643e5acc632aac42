// Flags layout tables (role=presentation or none) that still carry header cells, a caption or a summary: WCAG failure F46.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { isLayoutRole } from './util/tables.js';

export default definePageCheck({
  meta: {
    id: 'table-layout-data-markup',
    title: 'Layout tables carry no data-table markup',
    family: 'tables',
    affects: ['blind'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A table used only to place things on the screen should be invisible to screen readers. If it also has header cells, a caption or a summary, screen readers may announce it as a data table after all, and read navigation or paragraphs as if they were rows and columns of data.',
    howToFix: 'In a layout table use only <td> cells: no <th>, <caption>, summary, scope or headers. Better, lay the page out with CSS instead of a table.',
    example: '<table role="presentation"><tr><td>…</td><td>…</td></tr></table>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F46',
    messages: {
      markup: 'This table is marked as layout (role="{role}") but has {what}.',
      headerCells: { one: '{count} header cell', other: '{count} header cells' },
      caption: 'a caption',
      summary: 'a summary',
      headersAttributes: 'cells with headers attributes',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.tables.some(isLayoutRole),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const table of structure.tables) {
      if (!isLayoutRole(table) || !table.visible) continue;
      const what = [
        ...(table.headerCells > 0 ? [message('headerCells', { count: table.headerCells })] : []),
        ...(table.caption ? [message('caption')] : []),
        ...(table.summary ? [message('summary')] : []),
        ...(table.withHeadersAttribute > 0 ? [message('headersAttributes')] : []),
      ];
      if (what.length === 0) continue;
      results.push({ kind: 'violation', ...elementAt(table), message: message('markup', { role: table.role.trim(), what }) });
    }
    return results;
  },
});
