// CSV renderer: findings.csv (one row per finding), fixes.csv (one row per fix), not-checked.csv (what did not run where) and documents.csv (one row per linked document), safe to open in a spreadsheet.
import type { Report } from '../../model/report.js';
import type { Renderer, RenderedFile } from '../renderer.js';

/** Cells starting with these run as formulas in Excel, LibreOffice and Google Sheets (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: formula starts neutralised with a leading apostrophe, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: CRLF line ends; a UTF-8 byte order mark so spreadsheets read accents right. */
function csv(header: string[], rows: Array<Array<string | number | boolean | undefined>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function findingsCsv(report: Report): string {
  const titles = new Map(report.fixes.map((fix) => [`${fix.source}\u0000${fix.ruleId}`, fix.title]));
  return csv(
    ['page', 'rule_id', 'source', 'kind', 'impact', 'family', 'wcag', 'level', 'title', 'selector', 'snippet', 'message', 'help_url'],
    report.findings.map((finding) => [
      finding.url,
      finding.ruleId,
      finding.source,
      finding.kind,
      finding.impact,
      finding.family,
      finding.wcag.join(' '),
      finding.level,
      titles.get(`${finding.source}\u0000${finding.ruleId}`) ?? '',
      finding.selector,
      finding.snippet,
      finding.message,
      finding.helpUrl,
    ]),
  );
}

export function fixesCsv(report: Report): string {
  const change = new Map(report.comparison?.fixes.map((fix) => [fix.id, fix.status]) ?? []);
  return csv(
    ['rank', 'fix_id', 'priority', 'title', 'rule_id', 'source', 'kind', 'impact', 'level', 'wcag', 'family', 'scope', 'effort', 'pages', 'instances', 'affects', 'how_to_fix', 'help_url', 'change', 'example_page', 'example_selector'],
    report.fixes.map((fix, index) => [
      index + 1,
      fix.id,
      fix.priority,
      fix.title,
      fix.ruleId,
      fix.source,
      fix.kind,
      fix.impact,
      fix.level,
      fix.wcag.join(' '),
      fix.family,
      fix.scope,
      fix.effort,
      fix.pages.length,
      fix.instances,
      fix.affects.join(' '),
      fix.howToFix,
      fix.helpUrl,
      change.get(fix.id) ?? '',
      fix.examples[0]?.url ?? '',
      fix.examples[0]?.selector ?? '',
    ]),
  );
}

/**
 * One row per rule that did not run on a page (grouped as the outcomes group them), per
 * rule switched off for the whole run, and per fix of the previous audit that could not be
 * checked again: what a spreadsheet needs to see how complete the audit was.
 */
export function notCheckedCsv(report: Report): string {
  const rows: Array<Array<string | number>> = [];
  for (const rule of report.rules ?? []) if (rule.off) rows.push(['', rule.id, rule.source, 'switched-off', '', '', rule.off]);
  for (const page of report.pages) {
    if (page.error) {
      rows.push([page.finalUrl || page.url, '', '', 'page-not-audited', '', '', `${page.error.code}: ${page.error.message}`]);
      continue;
    }
    for (const entry of page.outcomes?.notRun ?? []) {
      for (const rule of entry.rules) rows.push([page.finalUrl, rule, '', entry.reason, entry.gatherer ?? '', entry.standIn ?? '', entry.detail ?? '']);
    }
    for (const entry of page.outcomes?.errored ?? []) rows.push([page.finalUrl, entry.rule, '', 'errored', '', '', entry.message]);
  }
  for (const document of report.documents ?? []) {
    const url = document.finalUrl || document.url;
    for (const entry of document.outcomes.notRun) for (const rule of entry.rules) rows.push([url, rule, 'welcomemat', entry.reason, entry.gatherer ?? '', '', entry.detail ?? '']);
    for (const entry of document.outcomes.errored) rows.push([url, entry.rule, 'welcomemat', 'errored', '', '', entry.message]);
  }
  for (const entry of report.siteOutcomes?.notRun ?? []) for (const rule of entry.rules) rows.push(['', rule, 'welcomemat', entry.reason, entry.gatherer ?? '', '', entry.detail ?? '']);
  for (const fix of report.comparison?.fixes ?? []) {
    if (fix.status === 'not-checked') rows.push(['', fix.ruleId, '', 'fix-not-checked-again', '', '', `${fix.title} (${fix.id})`]);
  }
  return csv(['page', 'rule_id', 'source', 'reason', 'gatherer', 'stand_in', 'detail'], rows);
}

/** One row per linked document (audited, or found and not checked); every text from the document or a link is the site's, neutralised like any cell. */
export function documentsCsv(report: Report): string {
  const rows: Array<Array<string | number | boolean | undefined>> = [];
  for (const document of report.documents ?? []) {
    const links = document.linkedFrom ?? [];
    rows.push([
      document.finalUrl || document.url,
      document.error ? 'not-read' : 'audited',
      document.error?.code ?? '',
      document.error?.message ?? '',
      document.bytes,
      document.pageCount ?? '',
      document.pagesRead ?? '',
      document.tagged ?? '',
      document.title,
      document.language,
      document.producer,
      document.violations,
      document.needsReview,
      links.map((link) => link.url).join(' '),
      links.map((link) => link.text).join(' | '),
    ]);
  }
  for (const entry of report.skippedDocuments ?? []) {
    rows.push([entry.url, 'not-checked', entry.reason, '', '', '', '', '', '', '', '', '', '', entry.linkedFrom.map((link) => link.url).join(' '), entry.linkedFrom.map((link) => link.text).join(' | ')]);
  }
  return csv(['document', 'status', 'reason', 'detail', 'bytes', 'pages', 'pages_read', 'tagged', 'title', 'language', 'producer', 'violations', 'needs_review', 'linked_from', 'link_texts'], rows);
}

export const csvRenderer: Renderer = {
  name: 'csv',
  fileName: 'findings.csv',
  async render(report) {
    return findingsCsv(report);
  },
  async renderFiles(report): Promise<RenderedFile[]> {
    return [
      { fileName: 'findings.csv', contents: findingsCsv(report) },
      { fileName: 'fixes.csv', contents: fixesCsv(report) },
      { fileName: 'not-checked.csv', contents: notCheckedCsv(report) },
      ...(report.documents?.length || report.skippedDocuments?.length ? [{ fileName: 'documents.csv', contents: documentsCsv(report) }] : []),
    ];
  },
};
