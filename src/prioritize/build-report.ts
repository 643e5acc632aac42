// Assembles the report model from what was measured: fixes grouped with their screenshots, per-page counts and the summary derived in one place.
import type { Finding } from '../model/finding.js';
import { REPORT_SCHEMA_VERSION, type PageResult, type Report, type ReportDocument } from '../model/report.js';
import { groupIntoFixes, summarize } from './prioritize.js';
import { ruleInfoFor } from './rule-info.js';

/** Everything measured about a site; fixes, summary and per-page counts are derived from it. */
export type ReportParts = Omit<Report, 'schemaVersion' | 'summary' | 'fixes' | 'durationMs'> & {
  /** URLs turned away in all (the report lists at most a thousand of them). */
  skippedCount: number;
};

/** Each page's violations and needs-review counts, from the findings on it. */
function countPerPage(pages: PageResult[], findings: Finding[]): PageResult[] {
  const counts = new Map<string, { violations: number; needsReview: number }>();
  for (const finding of findings) {
    const entry = counts.get(finding.url) ?? { violations: 0, needsReview: 0 };
    if (finding.kind === 'violation') entry.violations++;
    else if (finding.kind === 'needs-review') entry.needsReview++;
    counts.set(finding.url, entry);
  }
  return pages.map((page) => (page.error ? page : { ...page, ...(counts.get(page.finalUrl) ?? { violations: 0, needsReview: 0 }) }));
}

/** Each document's counts, from the findings on it (by its final URL), so they follow accepted findings too. */
function countPerDocument(documents: ReportDocument[], findings: Finding[]): ReportDocument[] {
  const counted = countPerPage(
    documents.map((document) => ({ finalUrl: document.finalUrl }) as PageResult),
    findings,
  );
  return documents.map((document, index) => ({ ...document, violations: counted[index]!.violations, needsReview: counted[index]!.needsReview }));
}

export function buildReport(parts: ReportParts): Report {
  const { skippedCount, ...measured } = parts;
  const pages = countPerPage(parts.pages, parts.findings);
  const audited = pages.filter((page) => !page.error).length;
  // Each example gets its page's screenshot, so the report can crop it around the element.
  const screenshots = new Map(pages.flatMap((page) => (page.screenshot ? [[page.finalUrl, page.screenshot] as const] : [])));
  const fixes = groupIntoFixes(parts.findings, { auditedPageCount: audited, ruleInfo: ruleInfoFor, screenshots });
  const { tool, siteName, startUrls, startedAt, finishedAt, complete, incompleteReason, config, ...rest } = measured;
  // Written out in reading order, so report.json opens with who, when and the summary.
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    siteName,
    startUrls,
    startedAt,
    finishedAt,
    durationMs: new Date(finishedAt).getTime() - new Date(startedAt).getTime(),
    complete,
    ...(incompleteReason !== undefined ? { incompleteReason } : {}),
    config,
    summary: summarize(pages, parts.findings, fixes, skippedCount),
    ...rest,
    ...(rest.documents ? { documents: countPerDocument(rest.documents, parts.findings) } : {}),
    pages,
    fixes,
  };
}

/** The report again after its findings changed (accepted findings removed): fixes, counts and summary follow. */
export function rebuildReport(report: Report, findings: Finding[]): Report {
  const { schemaVersion: _version, summary, fixes: _fixes, durationMs: _duration, ...measured } = report;
  return buildReport({ ...measured, findings, skippedCount: summary.urlsSkipped });
}
