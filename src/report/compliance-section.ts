// The hook for conformance tables in the HTML report and both PDFs: a view the compliance renderer fills, printed by templates/partials/compliance.hbs.
import type { Report } from '../model/report.js';
import type { Translator } from './i18n.js';

/**
 * Tables of plain text: the partial escapes every cell, so a provider never writes HTML.
 * Each table gets a caption; `head` are column headings, each row starts with its row heading.
 */
export interface ComplianceView {
  title: string;
  intro?: string;
  tables: { caption: string; head: string[]; rows: string[][] }[];
}

/**
 * The compliance section of a report, or undefined when there is none (no section is printed).
 * The conformance/statement/ACR renderers fill this in: build the view from the report (its
 * rules and outcomes) in the translator's language. It is printed after the fixes in the HTML
 * report, and in both the summary and the full PDF.
 */
export function complianceSection(_report: Report, _tr: Translator): ComplianceView | undefined {
  return undefined;
}
