// Runs pure checks over artifacts: their findings, and an outcome for every check (failed, needs review, passed, not applicable, not run and why, errored).
import type { Check, CheckMessage, CheckMeta, CheckResult, PageCheck, SiteCheck, SitePage } from './check.js';
import type { ArtifactName, PageArtifacts } from '../gather/artifacts.js';
import { isArtifactFailure } from '../gather/artifacts.js';
import type { CheckError, Finding } from '../model/finding.js';
import { NO_LINK_TARGETS, type LinkTargets } from '../model/dead-end.js';
import type { MessageParam, MessageRef } from '../model/message.js';
import { emptyOutcomes, type NotRunEntry, type RuleOutcomes } from '../model/outcome.js';
import type { ResolvedOptions } from '../config/options.js';
import { createMessageFormatter } from '../util/format-message.js';
import { errorMessage } from '../util/error-message.js';
import { timePhaseSync } from '../util/phase-profile.js';
import { checkOff, checkSettings, isCheckEnabled } from './check-switches.js';

/** The artifacts the enabled checks of a scope need, so gatherers nobody reads are not run. */
export function requiredArtifacts(checks: Check[], options: ResolvedOptions, scope?: Check['scope']): Set<ArtifactName> {
  const needed = new Set<ArtifactName>();
  for (const check of checks) {
    if ((scope === undefined || check.scope === scope) && isCheckEnabled(check, options)) for (const name of check.requires) needed.add(name);
  }
  return needed;
}

/** A check's local message (keys of its meta.messages) as a report-wide reference: ids prefixed with the check id, nested ones too. */
function globalRef(checkId: string, local: CheckMessage): MessageRef {
  const lift = (value: MessageParam): MessageParam => {
    if (Array.isArray(value)) return value.map((item) => globalRef(checkId, item));
    if (typeof value === 'object') return globalRef(checkId, value);
    return value;
  };
  const id = `${checkId}.${local.id}`;
  if (!local.params) return { id };
  return { id, params: Object.fromEntries(Object.entries(local.params).map(([name, value]) => [name, lift(value)])) };
}

/** Anything with check metadata: a page, site or document check. */
interface WithMeta {
  meta: CheckMeta;
}

/** A finding's English message and its reference, from what the check returned. */
function messageOf(check: WithMeta, message: CheckResult['message']): { message: string; messageRef?: MessageRef } {
  if (typeof message === 'string') return { message };
  const ref = globalRef(check.meta.id, message);
  const prefix = `${check.meta.id}.`;
  const english = createMessageFormatter('en', (id) => (id.startsWith(prefix) ? check.meta.messages?.[id.slice(prefix.length)] : undefined));
  return { message: english(ref), messageRef: ref };
}

/** A result's message in English, whichever form the check gave it in (for tests and logs). */
export function englishMessage(check: WithMeta, message: CheckResult['message']): string {
  return messageOf(check, message).message;
}

/** The finding for one result of a welcomemat check on `pageUrl` (a page, or a linked document). */
export function toFinding(check: WithMeta, result: CheckResult, pageUrl: string): Finding {
  const meta = check.meta;
  return {
    ruleId: meta.id,
    source: 'welcomemat',
    kind: result.kind,
    impact: result.impact ?? meta.impact,
    family: meta.family,
    wcag: meta.wcag,
    level: meta.level,
    affects: meta.affects,
    url: result.url ?? pageUrl,
    selector: result.selector ?? '',
    snippet: result.snippet ?? '',
    ...messageOf(check, result.message),
    helpUrl: meta.helpUrl,
    ...(result.box ? { box: result.box } : {}),
    ...(result.causeKey ? { causeKey: result.causeKey } : {}),
  };
}

/**
 * Why an artifact is absent from a page, as the page visit knows it: the page was left out
 * of the interactive sample (another page stood in), or the gatherer did not run here.
 */
export type ArtifactAbsence = { reason: 'sampled'; standIn?: string; detail?: string } | { reason: 'not-gathered'; detail?: string };

export interface CheckRun {
  findings: Finding[];
  errors: CheckError[];
  outcomes: RuleOutcomes;
}

/** Adds `ruleId` to the not-run entry for this reason (one entry per reason, gatherer and stand-in). */
function addNotRun(outcomes: RuleOutcomes, ruleId: string, entry: Omit<NotRunEntry, 'rules'>): void {
  const same = outcomes.notRun.find(
    (existing) => existing.reason === entry.reason && existing.gatherer === entry.gatherer && existing.standIn === entry.standIn && existing.detail === entry.detail,
  );
  if (same) same.rules.push(ruleId);
  else outcomes.notRun.push({ ...entry, rules: [ruleId] });
}

/** Why a check cannot run on these artifacts, or null when all it needs is there. */
function whyNotRun(requires: readonly ArtifactName[], artifacts: PageArtifacts, absent: Partial<Record<ArtifactName, ArtifactAbsence>>): Omit<NotRunEntry, 'rules'> | null {
  for (const name of requires) {
    const artifact = artifacts[name];
    if (artifact === undefined) {
      const absence = absent[name];
      if (absence?.reason === 'sampled') return { reason: 'sampled', gatherer: name, ...(absence.standIn ? { standIn: absence.standIn } : {}), ...(absence.detail ? { detail: absence.detail } : {}) };
      return { reason: 'not-gathered', gatherer: name, ...(absence?.detail ? { detail: absence.detail } : {}) };
    }
    if (isArtifactFailure(artifact)) return { reason: artifact.timedOut ? 'gatherer-timed-out' : 'gatherer-failed', gatherer: name, detail: artifact.message };
  }
  return null;
}

/** Records what a check's results mean for its outcome: any violation fails it, else anything to review. */
function recordResults(outcomes: RuleOutcomes, ruleId: string, results: CheckResult[], applies: boolean): void {
  if (results.some((result) => result.kind === 'violation')) outcomes.failed.push(ruleId);
  else if (results.some((result) => result.kind === 'needs-review')) outcomes.needsReview.push(ruleId);
  // Info notes are not faults: the check ran and found nothing wrong.
  else if (!applies) outcomes.notApplicable.push(ruleId);
}

export function runPageChecks(
  checks: Check[],
  artifacts: PageArtifacts,
  pageUrl: string,
  options: ResolvedOptions,
  absent: Partial<Record<ArtifactName, ArtifactAbsence>> = {},
): CheckRun {
  const run: CheckRun = { findings: [], errors: [], outcomes: emptyOutcomes() };
  for (const check of checks) {
    // A switched-off check is off for the whole run; the report's rule list says so once.
    if (check.scope !== 'page' || checkOff(check, options)) continue;
    const notRun = whyNotRun(check.requires, artifacts, absent);
    if (notRun) {
      addNotRun(run.outcomes, check.meta.id, notRun);
      continue;
    }
    const pageCheck = check as PageCheck;
    const context = { url: pageUrl, settings: checkSettings(check, options) };
    try {
      const { results, applies } = timePhaseSync(`check: ${check.meta.id}`, () => {
        const results = pageCheck.evaluate(artifacts as never, context);
        return { results, applies: results.length > 0 || (pageCheck.appliesTo?.(artifacts as never, context) ?? true) };
      });
      for (const result of results) run.findings.push(toFinding(check, result, pageUrl));
      recordResults(run.outcomes, check.meta.id, results, applies);
    } catch (error) {
      const message = errorMessage(error);
      run.errors.push({ ruleId: check.meta.id, source: 'welcomemat', url: pageUrl, message, reason: 'threw', detail: message });
      run.outcomes.errored.push({ rule: check.meta.id, message });
    }
  }
  return run;
}

export interface SitePageInput {
  url: string;
  finalUrl: string;
  status: number;
  artifacts: PageArtifacts;
}

export function runSiteChecks(checks: Check[], pages: SitePageInput[], startUrls: string[], options: ResolvedOptions, linkTargets: LinkTargets = NO_LINK_TARGETS): CheckRun {
  const run: CheckRun = { findings: [], errors: [], outcomes: emptyOutcomes() };
  const auditedUrls = new Set(pages.map((page) => page.finalUrl));
  for (const check of checks) {
    if (check.scope !== 'site' || checkOff(check, options)) continue;
    // A site check sees the pages whose artifacts it needs; pages where they failed are left out.
    const usable = pages.filter((page) => whyNotRun(check.requires, page.artifacts, {}) === null) as unknown as SitePage[];
    if (usable.length === 0 && pages.length > 0) {
      const reason = whyNotRun(check.requires, pages[0].artifacts, {})!;
      addNotRun(run.outcomes, check.meta.id, { ...reason, detail: `no page had what the check reads (first: ${reason.detail ?? reason.reason})` });
      continue;
    }
    const siteCheck = check as SiteCheck;
    const context = { startUrls, settings: checkSettings(check, options), auditedUrls, linkTargets };
    try {
      const results = siteCheck.evaluate(usable, context);
      const applies = results.length > 0 || (usable.length > 0 && (siteCheck.appliesTo?.(usable, context) ?? true));
      for (const result of results) run.findings.push(toFinding(check, result, result.url ?? startUrls[0]));
      recordResults(run.outcomes, check.meta.id, results, applies);
    } catch (error) {
      const message = errorMessage(error);
      run.errors.push({ ruleId: check.meta.id, source: 'welcomemat', url: '', message, reason: 'threw', detail: message });
      run.outcomes.errored.push({ rule: check.meta.id, message });
    }
  }
  return run;
}
