// What happened to every rule on every page: failed, needs review, passed, not applicable, not run (and why), or errored.

/**
 * failed: at least one violation. needs-review: no violation, something a person must look at.
 * passed: the rule ran and found nothing wrong (it says nothing about what automation cannot see).
 * not-applicable: the rule ran and found nothing it applies to (no images, no forms…).
 * not-run: the rule did not run here; `NotRunEntry` says why. errored: it ran and threw.
 */
export type RuleOutcome = 'failed' | 'needs-review' | 'passed' | 'not-applicable' | 'not-run' | 'errored';

/** Why a rule did not run on a page (or on the site). */
export type NotRunReason =
  /** Switched off in the config (checks, disabledFamilies, axe.disableRules, axe tags not chosen, disabledGatherers). */
  | 'switched-off'
  /** The gatherer whose artifact it reads ran out of time (after its retry). */
  | 'gatherer-timed-out'
  /** The gatherer whose artifact it reads failed. */
  | 'gatherer-failed'
  /** The artifact it reads was not gathered on this page (its gatherer is off or cannot run here). */
  | 'not-gathered'
  /** Keyboard, zoom and motion checks ran on another page of the same layout (`standIn`). */
  | 'sampled'
  /**
   * axe ran on the page but not inside its frames from another origin (`detail` lists them):
   * the rules it found nothing for are not-run for those frames rather than passed.
   */
  | 'cross-origin-frame';

/** One rule the run knew about: an axe rule or a welcomemat check. */
export interface RuleRef {
  id: string;
  source: 'axe' | 'welcomemat';
  /** page rules have an outcome per page, document rules per document; site rules one for the whole site. */
  scope: 'page' | 'site' | 'document';
  /** Set when the rule was off for the whole run; it then has no outcome anywhere. */
  off?: string;
}

/** Rules that did not run on one page for one reason. */
export interface NotRunEntry {
  reason: NotRunReason;
  rules: string[];
  /** The gatherer concerned, for gatherer-timed-out, gatherer-failed and not-gathered. */
  gatherer?: string;
  /** For sampled: the page whose results stand in for this one. */
  standIn?: string;
  /** A short detail, such as the gatherer's error message. */
  detail?: string;
}

/**
 * The outcomes of one page's (or the site's) rules, compact: every rule of the run's
 * `rules` list with this scope that is not switched off and not listed here passed.
 */
export interface RuleOutcomes {
  failed: string[];
  needsReview: string[];
  notApplicable: string[];
  notRun: NotRunEntry[];
  errored: { rule: string; message: string }[];
}

export function emptyOutcomes(): RuleOutcomes {
  return { failed: [], needsReview: [], notApplicable: [], notRun: [], errored: [] };
}

/** The outcome of one rule in one `RuleOutcomes`, with why where it did not run. */
export interface OutcomeAnswer {
  outcome: RuleOutcome;
  /** page-not-audited: the page failed or was not visited; not-recorded: a report older than schema 2.0; unknown-rule: not a rule of this run. */
  reason?: NotRunReason | 'page-not-audited' | 'not-recorded' | 'unknown-rule';
  detail?: string;
  standIn?: string;
}

/** Reads one rule's outcome out of compact outcomes; a rule listed nowhere passed. */
export function outcomeIn(outcomes: RuleOutcomes, ruleId: string): OutcomeAnswer {
  if (outcomes.failed.includes(ruleId)) return { outcome: 'failed' };
  if (outcomes.needsReview.includes(ruleId)) return { outcome: 'needs-review' };
  const errored = outcomes.errored.find((entry) => entry.rule === ruleId);
  if (errored) return { outcome: 'errored', detail: errored.message };
  const notRun = outcomes.notRun.find((entry) => entry.rules.includes(ruleId));
  if (notRun) {
    return {
      outcome: 'not-run',
      reason: notRun.reason,
      ...(notRun.detail ? { detail: notRun.detail } : {}),
      ...(notRun.standIn ? { standIn: notRun.standIn } : {}),
    };
  }
  if (outcomes.notApplicable.includes(ruleId)) return { outcome: 'not-applicable' };
  return { outcome: 'passed' };
}

/** True when the rule ran to a verdict (whatever it was). */
export function ran(answer: OutcomeAnswer): boolean {
  return answer.outcome !== 'not-run' && answer.outcome !== 'errored';
}
