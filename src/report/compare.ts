// What changed: this report's fixes against a previous report's (or a history entry's), by stable fix id and by outcomes.
import type { ComparedFix, Comparison, FixChange, HistoryPoint } from '../model/report.js';
import { diffFixes, type ComparableReport } from '../prioritize/diff-fixes.js';

export type { ComparableReport } from '../prioritize/diff-fixes.js';

const STATUS_ORDER: Record<FixChange, number> = { new: 0, remaining: 1, fixed: 2, 'not-checked': 3 };

/** Each fix of either report is new, remaining, fixed or not checked; counts and the list, new first. */
export function compareReports(current: ComparableReport, previous: ComparableReport, source: string): Comparison {
  const fixes: ComparedFix[] = diffFixes(previous, current).map((diff) => {
    const fix = (diff.current ?? diff.previous)!;
    return {
      id: diff.id,
      title: fix.title,
      ruleId: fix.ruleId,
      impact: fix.impact,
      kind: fix.kind,
      status: diff.status,
      instances: diff.current?.instances ?? 0,
      previousInstances: diff.previous?.instances ?? 0,
      ...(diff.uncheckedBefore ? { uncheckedBefore: true } : {}),
    };
  });
  // Stable sort: within a status the current report's priority order (or the previous one's) stays.
  fixes.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const counts: Record<FixChange, number> = { new: 0, remaining: 0, fixed: 0, 'not-checked': 0 };
  for (const fix of fixes) counts[fix.status]++;
  return {
    previous: {
      startedAt: previous.startedAt,
      siteName: previous.siteName,
      source,
      violations: previous.summary.violations,
      needsReview: previous.summary.needsReview,
    },
    counts,
    fixes,
  };
}

/** Reads a previous report.json (or history entry), of this schema or an older one, and checks it has what a comparison needs. */
export function parseComparable(text: string, where: string): ComparableReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON: ${(error as Error).message}`);
  }
  const candidate = data as Partial<ComparableReport>;
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.startedAt !== 'string' ||
    !Array.isArray(candidate.fixes) ||
    !candidate.summary ||
    candidate.fixes.some((fix) => typeof fix?.id !== 'string')
  ) {
    throw new Error(`${where} is not a welcomemat report (it needs startedAt, summary and fixes with ids)`);
  }
  return { ...candidate, siteName: String(candidate.siteName ?? '') } as ComparableReport;
}

export function historyPointOf(report: ComparableReport): HistoryPoint {
  return {
    startedAt: report.startedAt,
    pagesAudited: report.summary.pagesAudited ?? 0,
    violations: report.summary.violations ?? 0,
    needsReview: report.summary.needsReview ?? 0,
    fixes: report.summary.fixes ?? report.fixes.length,
  };
}
