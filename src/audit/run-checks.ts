// Runs pure checks over artifacts and turns their results into findings; a throwing check becomes an error entry.
import type { Check, CheckMessage, CheckResult, PageCheck, SiteCheck, SitePage } from '../checks/check.js';
import type { MessageParam, MessageRef } from '../model/message.js';
import { createMessageFormatter } from '../util/format-message.js';
import type { ArtifactName, PageArtifacts } from '../gather/artifacts.js';
import { isArtifactFailure } from '../gather/artifacts.js';
import type { CheckError, Finding } from '../model/finding.js';
import type { ResolvedOptions } from '../config/options.js';
import { errorMessage } from '../util/with-budget.js';

export function isCheckEnabled(check: Check, options: ResolvedOptions): boolean {
  return options.checks[check.meta.id] !== false && !options.disabledFamilies.includes(check.meta.family);
}

export function checkSettings(check: Check, options: ResolvedOptions): Record<string, unknown> {
  const settings = options.checks[check.meta.id];
  return settings === false || settings === undefined ? {} : settings;
}

/** The artifacts the enabled checks need, so gatherers nobody reads are not run. */
export function requiredArtifacts(checks: Check[], options: ResolvedOptions): Set<ArtifactName> {
  const needed = new Set<ArtifactName>();
  for (const check of checks) if (isCheckEnabled(check, options)) for (const name of check.requires) needed.add(name);
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

/** A finding's English message and its reference, from what the check returned. */
function messageOf(check: Check, message: CheckResult['message']): { message: string; messageRef?: MessageRef } {
  if (typeof message === 'string') return { message };
  const ref = globalRef(check.meta.id, message);
  const prefix = `${check.meta.id}.`;
  const english = createMessageFormatter('en', (id) => (id.startsWith(prefix) ? check.meta.messages?.[id.slice(prefix.length)] : undefined));
  return { message: english(ref), messageRef: ref };
}

/** A result's message in English, whichever form the check gave it in (for tests and logs). */
export function englishMessage(check: Check, message: CheckResult['message']): string {
  return messageOf(check, message).message;
}

export function toFinding(check: Check, result: CheckResult, pageUrl: string): Finding {
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

/** Which required artifact is missing or failed, or null when all are there. */
function missingArtifact(requires: readonly ArtifactName[], artifacts: PageArtifacts): string | null {
  for (const name of requires) {
    const artifact = artifacts[name];
    if (artifact === undefined) return `artifact "${name}" was not gathered`;
    if (isArtifactFailure(artifact)) return `artifact "${name}" failed: ${artifact.message}`;
  }
  return null;
}

export interface CheckRun {
  findings: Finding[];
  errors: CheckError[];
}

export function runPageChecks(checks: Check[], artifacts: PageArtifacts, pageUrl: string, options: ResolvedOptions): CheckRun {
  const run: CheckRun = { findings: [], errors: [] };
  for (const check of checks) {
    if (check.scope !== 'page' || !isCheckEnabled(check, options)) continue;
    // An artifact that was never gathered (gatherer switched off, or the page left out of the
    // interactive sample) means the check does not apply here; only a failed one is an error.
    if ((check.requires as readonly ArtifactName[]).some((name) => artifacts[name] === undefined)) continue;
    const missing = missingArtifact(check.requires, artifacts);
    if (missing) {
      // A gatherer that failed is already reported on the page; say which checks it cost.
      run.errors.push({ ruleId: check.meta.id, source: 'welcomemat', url: pageUrl, message: `not run: ${missing}` });
      continue;
    }
    try {
      const results = (check as PageCheck).evaluate(artifacts as never, { url: pageUrl, settings: checkSettings(check, options) });
      for (const result of results) run.findings.push(toFinding(check, result, pageUrl));
    } catch (error) {
      run.errors.push({ ruleId: check.meta.id, source: 'welcomemat', url: pageUrl, message: errorMessage(error) });
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

export function runSiteChecks(checks: Check[], pages: SitePageInput[], startUrls: string[], options: ResolvedOptions): CheckRun {
  const run: CheckRun = { findings: [], errors: [] };
  const auditedUrls = new Set(pages.map((page) => page.finalUrl));
  for (const check of checks) {
    if (check.scope !== 'site' || !isCheckEnabled(check, options)) continue;
    // A site check sees the pages whose artifacts it needs; pages where they failed are left out.
    const usable = pages.filter((page) => missingArtifact(check.requires, page.artifacts) === null) as unknown as SitePage[];
    try {
      const results = (check as SiteCheck).evaluate(usable, { startUrls, settings: checkSettings(check, options), auditedUrls });
      for (const result of results) run.findings.push(toFinding(check, result, result.url ?? startUrls[0]));
    } catch (error) {
      run.errors.push({ ruleId: check.meta.id, source: 'welcomemat', url: '', message: errorMessage(error) });
    }
  }
  return run;
}
