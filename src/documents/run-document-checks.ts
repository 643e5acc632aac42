// Runs the document checks over one PDF's artifact: findings plus an outcome for every enabled check; a throwing check becomes an errored outcome.
import type { DocumentCheck } from '../checks/check.js';
import { toFinding } from '../checks/run-checks.js';
import type { ResolvedOptions } from '../config/options.js';
import type { DocumentError, PdfArtifact } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { emptyOutcomes, type RuleOutcomes } from '../model/outcome.js';
import { errorMessage } from '../util/error-message.js';

/** The part of the run's options document checks read: per-check switches and settings, and switched-off families. */
export type DocumentCheckOptions = Pick<ResolvedOptions, 'checks' | 'disabledFamilies'>;

export interface DocumentCheckRun {
  findings: Finding[];
  outcomes: RuleOutcomes;
}

export function isDocumentCheckEnabled(check: DocumentCheck, options: DocumentCheckOptions): boolean {
  return options.checks[check.meta.id] !== false && !options.disabledFamilies.includes(check.meta.family);
}

function settingsOf(check: DocumentCheck, options: DocumentCheckOptions): Record<string, unknown> {
  const settings = options.checks[check.meta.id];
  return settings === false || settings === undefined ? {} : settings;
}

/**
 * Pure: the same artifact gives the same findings. Switched-off checks get no outcome
 * (the run's rule list says they are off); a check with nothing to judge is
 * not-applicable; one with a violation failed, with only needs-review results needs
 * review, otherwise passed (and so is listed nowhere).
 */
export function runDocumentChecks(checks: readonly DocumentCheck[], artifact: PdfArtifact, url: string, options: DocumentCheckOptions): DocumentCheckRun {
  const run: DocumentCheckRun = { findings: [], outcomes: emptyOutcomes() };
  const artifacts = { pdf: artifact };
  for (const check of checks) {
    if (!isDocumentCheckEnabled(check, options)) continue;
    const context = { url, settings: settingsOf(check, options) };
    try {
      if (check.appliesTo && !check.appliesTo(artifacts, context)) {
        run.outcomes.notApplicable.push(check.meta.id);
        continue;
      }
      const results = check.evaluate(artifacts, context);
      for (const result of results) run.findings.push(toFinding(check, result, url));
      if (results.some((result) => result.kind === 'violation')) run.outcomes.failed.push(check.meta.id);
      else if (results.some((result) => result.kind === 'needs-review')) run.outcomes.needsReview.push(check.meta.id);
    } catch (error) {
      run.outcomes.errored.push({ rule: check.meta.id, message: errorMessage(error) });
    }
  }
  return run;
}

/** Outcomes for a document that could not be read: every enabled check did not run, with the reason. */
export function unreadOutcomes(checks: readonly DocumentCheck[], error: DocumentError, options: DocumentCheckOptions): RuleOutcomes {
  const outcomes = emptyOutcomes();
  const rules = checks.filter((check) => isDocumentCheckEnabled(check, options)).map((check) => check.meta.id);
  if (rules.length === 0) return outcomes;
  const timedOut = error.code === 'fetch-timeout' || error.code === 'read-timeout';
  outcomes.notRun.push({ reason: timedOut ? 'gatherer-timed-out' : 'gatherer-failed', rules, gatherer: 'pdf', detail: `${error.code}: ${error.message}` });
  return outcomes;
}
