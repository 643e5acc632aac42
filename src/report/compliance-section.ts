// The conformance tables in the HTML report and both PDFs, when the run writes the compliance documents: a short summary, printed by templates/partials/compliance.hbs.
import { buildConformanceTable, inWcag21, type ConclusionCounts } from '../compliance/conformance-table.js';
import type { ComplianceInput } from '../compliance/inputs.js';
import { complianceTexts } from '../compliance/texts.js';
import { resultLines, rowName } from '../compliance/words.js';
import type { Report } from '../model/report.js';

/**
 * Tables of plain text: the partial escapes every cell, so a provider never writes HTML.
 * Each table gets a caption; `head` are column headings, each row starts with its row heading.
 */
export interface ComplianceView {
  title: string;
  intro?: string;
  tables: { caption: string; head: string[]; rows: string[][] }[];
}

/** Rows of the "what fails" table: enough for a summary; conformance.html has every criterion. */
const MOST_FAILING_ROWS = 30;

/**
 * The compliance section of a report, or undefined when the run writes no compliance document
 * (no section is printed) or the report has no outcomes (schema 1: "passed" cannot be told from
 * "did not run"). Two tables in the report's language: per standard, how many criteria fail,
 * need review, need a person or have a person's verdict; then the WCAG criteria that fail or
 * need review, with the automated result. Never says "conforms".
 */
export function complianceSection(report: Report, locale: string, input: ComplianceInput | undefined): ComplianceView | undefined {
  if (!input) return undefined;
  const table = buildConformanceTable(report, input.verdicts ? { verdicts: input.verdicts } : {});
  if (!table.outcomesRecorded) return undefined;
  const texts = complianceTexts(locale);
  const countsRow = (key: string, counts: ConclusionCounts) => [
    texts.t(`table.summary.${key}`, { count: counts.criteria }).replace(/:$/, ''),
    texts.number(counts.fails),
    texts.number(counts.needsReview),
    texts.number(counts.manualCheck),
    texts.number(counts.verdicts),
  ];
  const failing = table.wcag.filter((row) => row.conclusion === 'fails' || row.conclusion === 'needs-review');
  const rows = failing.slice(0, MOST_FAILING_ROWS).map((row) => [
    `${row.id} ${rowName(texts, row)}${row.level ? ` (${row.level})` : ''}`,
    inWcag21(row) ? texts.t('section.yes') : texts.t('section.no'),
    resultLines(texts, row.result)[0] ?? '',
  ]);
  const tables: ComplianceView['tables'] = [
    {
      // Not "Summary": the report's own summary section has that name, and landmarks must differ.
      caption: texts.t('section.summaryCaption'),
      head: ['standard', 'fails', 'review', 'manual', 'verdicts'].map((key) => texts.t(`section.head.${key}`)),
      rows: [countsRow('wcag22', table.summary.wcag22), countsRow('wcag21', table.summary.wcag21), countsRow('en', table.summary.en)],
    },
  ];
  if (rows.length > 0) {
    tables.push({
      caption: texts.t('section.failingCaption', { count: failing.length, shown: rows.length }),
      head: ['criterion', 'wcag21', 'result'].map((key) => texts.t(`section.head.${key}`)),
      rows,
    });
  }
  return { title: texts.t('table.title'), intro: `${texts.t('table.neverConforms')} ${texts.t('section.seeDocument')}`, tables };
}
