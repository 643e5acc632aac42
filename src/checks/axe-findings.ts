// Turns axe-core's results for one page into findings: violations, and "incomplete" as needs review.
import { createRequire } from 'node:module';
import type { AxeArtifact, AxeCheckResult, AxeNodeResult, AxeRuleResult } from '../gather/artifacts.js';
import type { CheckError, Finding, Impact } from '../model/finding.js';
import type { RuleOutcomes } from '../model/outcome.js';
import { IMPACTS } from '../model/finding.js';
import type { MessageRef } from '../model/message.js';
import { axeAffects, axeFamily, axeWcag } from '../prioritize/axe-rule-info.js';

/** Said of a colour result taken from an element that an endless animation keeps moving. */
export const ANIMATED_NOTE = 'Measured while an animation that never ends was moving this element: check the contrast when it is at its faintest.';

/** Snippets are evidence, not copies of the page; axe's html can be a whole subtree. */
const MAX_SNIPPET_LENGTH = 300;

function toImpact(value: string | null): Impact {
  // axe leaves impact empty on some "incomplete" results; moderate is its middle ground.
  return IMPACTS.includes(value as Impact) ? (value as Impact) : 'moderate';
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

let reviewOnFail: Set<string> | undefined;

/**
 * Rules whose failures axe files under "incomplete" (needs review) while wording them with
 * the check's "fail" message. Read once from axe-core's own rule list, in Node.
 */
function rulesReviewedOnFail(): Set<string> {
  if (!reviewOnFail) {
    const axe = createRequire(import.meta.url)('axe-core') as { _audit?: { rules?: { id: string; reviewOnFail?: boolean }[] } };
    reviewOnFail = new Set((axe._audit?.rules ?? []).filter((rule) => rule.reviewOnFail).map((rule) => rule.id));
  }
  return reviewOnFail;
}

/**
 * A node's message as data: `axe.<rule>` with the failing checks in axe's two groups (none and
 * all together, then any), each `axe.check.<check>.<fail|incomplete>` with its data as JSON,
 * so a report words it from axe's own locale file (src/report/axe-messages.ts). Without checks
 * (artifacts from an older run), just the rule: worded by its help text.
 */
export function axeMessageRef(ruleId: string, node: AxeNodeResult, kind: Finding['kind']): MessageRef {
  const type = kind === 'violation' || rulesReviewedOnFail().has(ruleId) ? 'fail' : 'incomplete';
  const refs = (checks: AxeCheckResult[]): MessageRef[] =>
    checks.map((check) => (check.data === undefined ? { id: `axe.check.${check.id}.${type}` } : { id: `axe.check.${check.id}.${type}`, params: { data: JSON.stringify(check.data) } }));
  const none = refs([...(node.checks?.none ?? []), ...(node.checks?.all ?? [])]);
  const any = refs(node.checks?.any ?? []);
  const params = { ...(none.length > 0 ? { none } : {}), ...(any.length > 0 ? { any } : {}) };
  return Object.keys(params).length > 0 ? { id: `axe.${ruleId}`, params } : { id: `axe.${ruleId}` };
}

function ruleFindings(rule: AxeRuleResult, kind: Finding['kind'], url: string): Finding[] {
  axeRuleTexts.set(rule.id, { help: rule.help, description: rule.description });
  const { wcag, level } = axeWcag(rule.tags);
  const family = axeFamily(rule.id, rule.tags);
  const affects = axeAffects(rule.id, rule.tags);
  return rule.nodes.map((node) => ({
    ruleId: rule.id,
    source: 'axe' as const,
    kind,
    impact: toImpact(node.impact ?? rule.impact),
    family,
    wcag,
    level,
    affects,
    url,
    // One selector per frame level: the path goes through the frame element (`iframe#booking >>> #name`).
    selector: node.target.join(' >>> '),
    snippet: truncate(node.html, MAX_SNIPPET_LENGTH),
    message: node.animated ? `${ANIMATED_NOTE} ${truncate(node.failureSummary || rule.help, 500)}` : node.failureSummary ? truncate(node.failureSummary, 600) : rule.help,
    // An endlessly animated element's colours were one moment of it: the note is what the reader needs, in any language.
    messageRef: node.animated ? { id: 'axeNotes.animatedColour' } : axeMessageRef(rule.id, node, kind),
    helpUrl: rule.helpUrl,
  }));
}

/** axe's own one-line help per rule, remembered so fixes for rules without hand-written text still read well. */
export const axeRuleTexts = new Map<string, { help: string; description: string }>();

export function axeFindings(artifact: AxeArtifact, url: string): { findings: Finding[]; errors: CheckError[] } {
  const findings = [
    ...artifact.violations.flatMap((rule) => ruleFindings(rule, 'violation', url)),
    ...artifact.incomplete.flatMap((rule) => ruleFindings(rule, 'needs-review', url)),
  ];
  const errors = artifact.errors.map((error) => ({ ruleId: error.ruleId, source: 'axe' as const, url, message: error.message, reason: 'axe-error' as const, detail: error.message }));
  return { findings, errors };
}

/**
 * The outcome of every axe rule that ran on the page, from axe's own lists: a rule with a
 * violation failed even if other nodes were only "incomplete"; rules that passed are
 * implied (listed nowhere). Rules that threw are errored.
 */
export function axeOutcomes(artifact: AxeArtifact, outcomes: RuleOutcomes): void {
  const failed = new Set(artifact.violations.map((rule) => rule.id));
  const errored = new Set(artifact.errors.map((error) => error.ruleId));
  outcomes.failed.push(...failed);
  outcomes.needsReview.push(...unique(artifact.incomplete.map((rule) => rule.id)).filter((id) => !failed.has(id) && !errored.has(id)));
  outcomes.notApplicable.push(...artifact.inapplicable.filter((id) => !failed.has(id) && !errored.has(id)));
  outcomes.errored.push(...artifact.errors.map((error) => ({ rule: error.ruleId, message: error.message })));
  // A rule that found nothing on the page did not look inside frames from another origin: never a silent pass.
  const outside = (artifact.frames ?? []).filter((frame) => !frame.checked && frame.reason === 'cross-origin');
  if (outside.length > 0) {
    const review = new Set(outcomes.needsReview);
    const rules = unique([...artifact.passed, ...artifact.inapplicable]).filter((id) => !failed.has(id) && !errored.has(id) && !review.has(id));
    const notRun = new Set(rules);
    outcomes.notApplicable = outcomes.notApplicable.filter((id) => !notRun.has(id));
    // Frame URLs are the page's to show; 3 name the case, more are the same ad network.
    const detail = outside.slice(0, 3).map((frame) => frame.url).join(', ') + (outside.length > 3 ? `, +${outside.length - 3}` : '');
    if (rules.length > 0) outcomes.notRun.push({ reason: 'cross-origin-frame', gatherer: 'axe', detail, rules });
  }
}

/** Every axe rule selected for the run did not run on this page: the axe gatherer failed or ran out of time. */
export function axeNotRun(selected: string[], failure: { message: string; timedOut: boolean }, outcomes: RuleOutcomes): void {
  if (selected.length === 0) return;
  outcomes.notRun.push({ reason: failure.timedOut ? 'gatherer-timed-out' : 'gatherer-failed', gatherer: 'axe', detail: failure.message, rules: [...selected] });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
