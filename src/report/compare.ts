// What changed: compares this report's fixes with a previous report's (or a history entry's) by stable fix id.
import type { ComparedFix, Comparison, Fix, FixChange, HistoryPoint, Report } from '../model/report.js';

/** The least of a report that a comparison needs; a full report.json and a history entry both have it. */
export interface ComparableReport {
  siteName: string;
  startedAt: string;
  summary: Pick<Report['summary'], 'violations' | 'needsReview' | 'pagesAudited' | 'fixes'>;
  fixes: Array<Pick<Fix, 'id' | 'title' | 'ruleId' | 'impact' | 'kind' | 'instances'>>;
  /** Each audited page's content hash, where the run recorded one (history entries from schema 2.x on). */
  pageHashes?: Array<{ url: string; hash: string }>;
}

const STATUS_ORDER: Record<FixChange, number> = { new: 0, remaining: 1, fixed: 2 };

/** Each fix of either report is new, remaining or fixed; counts and the list, new first. */
export function compareReports(current: ComparableReport, previous: ComparableReport, source: string): Comparison {
  const before = new Map(previous.fixes.map((fix) => [fix.id, fix]));
  const now = new Set(current.fixes.map((fix) => fix.id));
  const fixes: ComparedFix[] = [];
  for (const fix of current.fixes) {
    const old = before.get(fix.id);
    fixes.push({
      id: fix.id,
      title: fix.title,
      ruleId: fix.ruleId,
      impact: fix.impact,
      kind: fix.kind,
      status: old ? 'remaining' : 'new',
      instances: fix.instances,
      previousInstances: old?.instances ?? 0,
    });
  }
  for (const fix of previous.fixes) {
    if (now.has(fix.id)) continue;
    fixes.push({ id: fix.id, title: fix.title, ruleId: fix.ruleId, impact: fix.impact, kind: fix.kind, status: 'fixed', instances: 0, previousInstances: fix.instances });
  }
  // Stable sort: within a status the current report's priority order (or the previous one's) stays.
  fixes.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const counts: Record<FixChange, number> = { new: 0, remaining: 0, fixed: 0 };
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

/** Reads a previous report.json (or history entry) and checks it has what a comparison needs. */
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
