// A sample report with every optional section filled: what changed, history, Lighthouse.
import type { Report } from '../../src/model/report.js';
import { makeSampleReport, type SampleReportOptions } from './sample-report.js';

/** A report that shows every section: what changed, trend, Lighthouse, failures, skipped pages, check errors. */
export function fullReport(options: SampleReportOptions = { pages: 9, findingsPerPage: 5, partial: true }): Report {
  const report = makeSampleReport(options);
  report.comparison = {
    previous: { startedAt: '2026-11-16T12:00:00.000Z', siteName: report.siteName, source: 'history', violations: 80, needsReview: 9 },
    counts: { new: 1, remaining: report.fixes.length - 1, fixed: 1, 'not-checked': 1 },
    fixes: [
      ...report.fixes.map((fix, index) => ({ id: fix.id, title: fix.title, ruleId: fix.ruleId, impact: fix.impact, kind: fix.kind, status: index === 0 ? ('new' as const) : ('remaining' as const), instances: fix.instances, previousInstances: index === 0 ? 0 : fix.instances + 1 })),
      { id: 'old', title: 'Old problem', ruleId: 'old', impact: 'minor', kind: 'violation', status: 'fixed', instances: 0, previousInstances: 3 },
      { id: 'unsure', title: 'Focus hidden behind the header', ruleId: 'focus-obscured', impact: 'serious', kind: 'violation', status: 'not-checked', instances: 0, previousInstances: 2 },
    ],
  };
  report.history = [
    { startedAt: '2026-11-09T12:00:00.000Z', pagesAudited: 8, violations: 90, needsReview: 10, fixes: 9 },
    { startedAt: '2026-11-16T12:00:00.000Z', pagesAudited: 8, violations: 80, needsReview: 9, fixes: 8 },
    { startedAt: report.startedAt, pagesAudited: report.summary.pagesAudited, violations: report.summary.violations, needsReview: report.summary.needsReview, fixes: report.summary.fixes },
  ];
  report.lighthouse = {
    version: '13.0.0',
    pages: [
      {
        url: report.pages[0].finalUrl,
        scores: [
          { id: 'performance', score: 71 },
          { id: 'seo', score: 92 },
          { id: 'best-practices', score: null },
        ],
        opportunities: [{ id: 'render-blocking-resources', title: 'Eliminate render-blocking resources', category: 'performance', score: 0.3, displayValue: 'Potential savings of 450 ms', savingsMs: 450 }],
        durationMs: 9000,
      },
      { url: report.pages[2].finalUrl, scores: [], opportunities: [], durationMs: 100, error: 'Lighthouse timed out' },
    ],
  };
  return report;
}
