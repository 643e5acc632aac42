// Shared wording of a row's result, verdict and fixes, for the conformance table, the statement and the ACR.
import type { Fix, Report } from '../model/report.js';
import type { AssessedRow } from './assess.js';
import type { Inline } from './document.js';
import type { CriterionResult, NotRunSummary } from './results.js';
import type { ComplianceTexts } from './texts.js';

/** Translates a fix's title into the reader's language (the report layer passes localizeFix); default: the title as recorded. */
export type FixTitle = (fix: Pick<Fix, 'id' | 'ruleId' | 'source' | 'title'>) => string;

export const defaultFixTitle: FixTitle = (fix) => fix.title;

function notRunText(texts: ComplianceTexts, entry: NotRunSummary, documents: boolean): string {
  const who = entry.gatherers.join(', ');
  return texts.t(`${documents ? 'documentNotRun' : 'notRun'}.${entry.reason}`, { count: entry.pages, gatherers: who || texts.t('notRun.aGatherer') });
}

/** The automated result of a row as lines of text (counted in pages, or in documents for document rules). */
export function resultLines(texts: ComplianceTexts, result: CriterionResult): string[] {
  const total = result.auditedPages;
  const documents = result.unit === 'documents';
  const counted = documents ? 'documentResult' : 'result';
  const lines: string[] = [];
  switch (result.status) {
    case 'fails':
      lines.push(result.judgedPages > 0 ? texts.t(`${counted}.fails`, { count: result.failedPages.length, total }) : texts.t('result.failsSite'));
      break;
    case 'needs-review':
      lines.push(texts.t(`${counted}.needsReview`, { count: result.reviewPages.length, total }));
      break;
    case 'no-automated-failure':
      lines.push(texts.t(`${counted}.noAutomatedFailure`, { count: result.judgedPages || result.ranPages }));
      break;
    case 'nothing-found':
      lines.push(texts.t(`${counted}.nothingFound`, { count: result.ranPages }));
      break;
    case 'not-run':
      lines.push(texts.t('result.notRun'));
      break;
    case 'not-tested':
      lines.push(texts.t('result.notTested'));
      break;
    case 'not-recorded':
      lines.push(texts.t('result.notRecorded'));
      break;
  }
  for (const entry of result.notRun) lines.push(notRunText(texts, entry, documents));
  return lines;
}

/** A row's criterion or clause name in the reader's language (chapter 9 and 10 clauses are named after their WCAG criterion). */
export function rowName(texts: ComplianceTexts, row: Pick<AssessedRow, 'id' | 'standard' | 'handle' | 'wcag'>): string {
  if (row.standard === 'wcag') return texts.name('wcag', row.id, row.handle);
  if (row.standard === 's508') return texts.name('s508', row.id, row.handle);
  return row.wcag ? texts.name('wcag', row.wcag, row.handle) : texts.name('en', row.id, row.handle);
}

/** A verdict's term in the reader's language. */
export function termText(texts: ComplianceTexts, term: string): string {
  return texts.t(`terms.${term}`);
}

/** The person's verdict and whether it needs checking again, as inline lines ("\n" between lines). */
export function verdictInlines(texts: ComplianceTexts, row: AssessedRow): Inline[] {
  const verdict = row.verdict;
  if (!verdict) return [];
  const parts: Inline[] = [
    { strong: [texts.t('verdict.given', { term: termText(texts, verdict.verdict) })] },
    ' ',
    texts.t('verdict.by', { date: texts.date(verdict.when) }),
    ' ',
    { site: verdict.who },
  ];
  if (row.verdictFrom) parts.push(' ', texts.t('verdict.from', { id: row.verdictFrom }));
  if (verdict.remarks) parts.push('\n', { site: verdict.remarks });
  const check = row.verdictCheck;
  if (check?.contradictedBy.length) parts.push('\n', { strong: [texts.t('verdict.contradicted', { count: check.contradictedBy.length })] });
  if (check?.changedPages.length) parts.push('\n', { strong: [texts.t('verdict.changed', { count: check.changedPages.length })] });
  else if (check?.changesUnknown) parts.push('\n', texts.t('verdict.changesUnknown'));
  return parts;
}

/** The fixes of a row as links into the HTML report (index.html#fix-N), with their page counts. */
export function fixInlines(texts: ComplianceTexts, report: Report, result: CriterionResult, fixTitle: FixTitle, limit = 5): Inline[] {
  const parts: Inline[] = [];
  for (const fix of result.fixes.slice(0, limit)) {
    const index = report.fixes.findIndex((candidate) => candidate.id === fix.id);
    const full = report.fixes[index];
    if (parts.length > 0) parts.push('\n');
    parts.push({ link: `index.html#fix-${index + 1}`, text: [{ site: fixTitle(full ?? fix) }] }, ' ', texts.t('fixes.pages', { count: fix.pages }));
  }
  if (result.fixes.length > limit) parts.push('\n', texts.t('fixes.more', { count: result.fixes.length - limit }));
  return parts;
}

/** Lines of inline content joined with "\n" markers, for table cells. */
export function joinLines(lines: Inline[][]): Inline[] {
  return lines.filter((line) => line.length > 0).flatMap((line, i) => (i === 0 ? line : ['\n', ...line]));
}

/**
 * A text with some placeholders filled by inline content (site text, blanks, links) instead
 * of strings: `{org}` becomes `{ blank: 'organisation', … }` without the blank being pasted
 * into (and escaped as) our own text.
 */
export function inlineText(texts: ComplianceTexts, key: string, params: Record<string, Inline | number>): Inline[] {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) plain[name] = typeof value === 'number' || typeof value === 'string' ? value : `\u0001${name}\u0001`;
  const pieces = texts.t(key, plain).split(/\u0001(\w+)\u0001/);
  return pieces.flatMap((piece, i) => (i % 2 === 0 ? (piece ? [piece] : []) : [params[piece] as Inline]));
}
