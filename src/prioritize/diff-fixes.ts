// What changed between two runs, by stable fix id, judged by outcomes: a fix is "fixed" only where its rule ran again on its pages.
import type { Fix, FixChange } from '../model/report.js';
import { outcomeLookup, type OutcomeLookup, type OutcomeSource } from '../model/outcome-of.js';
import { ran } from '../model/outcome.js';

/** The least of a fix a comparison needs; a report's fixes and a history entry's both have it. */
export type ComparableFix = Pick<Fix, 'id' | 'title' | 'ruleId' | 'impact' | 'kind' | 'instances'> & {
  /** The pages it was on (a history entry keeps the first HISTORY_FIX_PAGES of them). */
  pages?: string[];
  /** How many pages it was on, when `pages` was cut short. */
  pageCount?: number;
};

/** The least of a report a comparison needs; outcomes are there from schema 2.0 on. */
export interface ComparableReport extends Partial<OutcomeSource> {
  siteName: string;
  startedAt: string;
  summary: { violations: number; needsReview: number; pagesAudited: number; fixes: number };
  fixes: ComparableFix[];
  /** Each audited page's content hash, where the run recorded one (history entries from schema 2.x on); see withPageChangeDates. */
  pageHashes?: Array<{ url: string; hash: string }>;
}

export interface FixDiff {
  id: string;
  status: FixChange;
  /** The fix as it is now (new, remaining). */
  current?: ComparableFix;
  /** The fix as it was (remaining, fixed, not-checked). */
  previous?: ComparableFix;
  /**
   * A new fix whose rule did not run in the earlier run on the pages it is on now (a
   * gatherer timed out then, say): it may have been there already, so it is not counted
   * as new by `--fail-on-new`.
   */
  uncheckedBefore?: boolean;
}

/**
 * Whether the rule ran on every page the fix touches. A fix with no pages (about the whole
 * site) is judged by the rule's site outcome, or by any page where the rule ran.
 */
function ranWhereItWas(lookup: OutcomeLookup, report: ComparableReport, fix: ComparableFix): boolean {
  const pages = fix.pages ?? [];
  if (pages.length === 0) {
    const site = lookup('', fix.ruleId);
    if (site.outcome !== 'not-run' || site.reason !== 'page-not-audited') return ran(site);
    return (report.pages ?? []).some((page) => ran(lookup(page.finalUrl, fix.ruleId)));
  }
  if (!pages.every((url) => ran(lookup(url, fix.ruleId)))) return false;
  // A history entry lists only the first pages; the rest must be covered by as many pages where the rule ran.
  if (fix.pageCount !== undefined && fix.pageCount > pages.length) {
    const ranOn = (report.pages ?? []).filter((page) => ran(lookup(page.finalUrl, fix.ruleId))).length;
    return ranOn >= fix.pageCount;
  }
  return true;
}

/** Each fix of either report: new, remaining, fixed, or (gone but its rule did not run again where it was) not-checked. */
export function diffFixes(previous: ComparableReport, current: ComparableReport): FixDiff[] {
  const before = new Map(previous.fixes.map((fix) => [fix.id, fix]));
  const now = new Set(current.fixes.map((fix) => fix.id));
  const currentLookup = current.rules && current.pages ? outcomeLookup(current as OutcomeSource) : undefined;
  const previousLookup = previous.rules && previous.pages ? outcomeLookup(previous as OutcomeSource) : undefined;
  const diffs: FixDiff[] = [];
  for (const fix of current.fixes) {
    const old = before.get(fix.id);
    if (old) diffs.push({ id: fix.id, status: 'remaining', current: fix, previous: old });
    else {
      const unchecked = previousLookup !== undefined && (fix.pages ?? []).some((url) => {
        const answer = previousLookup(url, fix.ruleId);
        // A page the earlier run never audited is new ground: the fix is new there.
        return answer.reason !== 'page-not-audited' && !ran(answer);
      });
      diffs.push({ id: fix.id, status: 'new', current: fix, ...(unchecked ? { uncheckedBefore: true } : {}) });
    }
  }
  for (const fix of previous.fixes) {
    if (now.has(fix.id)) continue;
    // Without outcomes (a report older than schema 2.0 as the current one) there is no way to tell; trust the ids.
    const checked = currentLookup === undefined || ranWhereItWas(currentLookup, current, fix);
    diffs.push({ id: fix.id, status: checked ? 'fixed' : 'not-checked', previous: fix });
  }
  return diffs;
}
