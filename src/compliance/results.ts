// The site-wide automated result of one criterion: from the outcomes of the rules that test it on every page (or, for older reports, from their findings).
import { outcomeIn, type NotRunReason, type RuleOutcomes, type RuleRef } from '../model/outcome.js';
import type { Fix, Report } from '../model/report.js';

/**
 * fails: a rule failed on at least one page (or site-wide). needs-review: no failure, something
 * a person must look at. no-automated-failure: the rules ran and passed somewhere; a person
 * must still check what they cannot see. nothing-found: the rules ran but found nothing they
 * apply to (no video, no forms). not-run: rules exist but none ran anywhere. not-tested: no
 * rule tests it (automation cannot decide it). not-recorded: a report without outcomes
 * (schema 1.x) and no findings for its rules, so whether they ran is unknown.
 */
export type CriterionStatus = 'fails' | 'needs-review' | 'no-automated-failure' | 'nothing-found' | 'not-run' | 'not-tested' | 'not-recorded';

/** Why a criterion's rules did not run on some pages, and on how many. */
export interface NotRunSummary {
  reason: NotRunReason | 'errored';
  /** Pages where at least one of the criterion's rules did not run for this reason ("site" counts as one). */
  pages: number;
  /** Gatherers concerned (timed out, failed, not gathered). */
  gatherers: string[];
  /** The rules concerned. */
  rules: string[];
}

export interface CriterionFix {
  id: string;
  title: string;
  ruleId: string;
  source: Fix['source'];
  kind: Fix['kind'];
  pages: number;
  instances: number;
}

export interface CriterionResult {
  status: CriterionStatus;
  /** What the counts count: web pages, or documents (PDF) for rules that judge documents only. */
  unit: 'pages' | 'documents';
  /** The rules that test it (switched-off ones included, with `off`). */
  rules: RuleRef[];
  /** Pages where one of its rules failed (final URLs), including the pages a failing site rule named. */
  failedPages: string[];
  /** Pages where one needs review and none failed. */
  reviewPages: string[];
  /** Pages where its rules ran and found something to judge (failed, needs review or passed). */
  judgedPages: number;
  /** The same pages' final URLs. */
  judgedUrls: string[];
  /** Pages where at least one of its rules ran. */
  ranPages: number;
  /** Pages audited (loaded), or documents read, the denominator of every count. */
  auditedPages: number;
  notRun: NotRunSummary[];
  /** Fixes of its rules, highest priority first. */
  fixes: CriterionFix[];
  /** False for reports without outcomes: the counts then come from findings alone. */
  outcomesRecorded: boolean;
}

const key = (rule: Pick<RuleRef, 'id' | 'source'>) => `${rule.source}:${rule.id}`;

/** One audited document as the results need it: report.documents (DocumentResult) once the audit records documents. */
interface AuditedDocument {
  url: string;
  finalUrl?: string;
  error?: unknown;
  outcomes?: RuleOutcomes;
}

/** The documents audited with the report; none where the report has no `documents`. */
export function documentsOf(report: Report): AuditedDocument[] {
  const documents = (report as { documents?: unknown }).documents;
  return Array.isArray(documents) ? (documents as AuditedDocument[]) : [];
}

/** Whether the report records outcomes (schema 2.0 on). */
export function hasOutcomes(report: Report): boolean {
  return Array.isArray(report.rules) && report.pages.some((page) => page.outcomes);
}

type PageVerdict = 'failed' | 'needs-review' | 'passed' | 'not-applicable' | 'none';
const RANK: Record<PageVerdict, number> = { failed: 4, 'needs-review': 3, passed: 2, 'not-applicable': 1, none: 0 };

/** The outcomes of `rules` in one RuleOutcomes: the worst verdict, and what did not run. */
function judge(outcomes: RuleOutcomes, rules: RuleRef[], notRun: Map<string, NotRunSummary>, place: string, counted: Set<string>): PageVerdict {
  let verdict: PageVerdict = 'none';
  for (const rule of rules) {
    if (rule.off) continue;
    const answer = outcomeIn(outcomes, rule.id);
    if (answer.outcome === 'not-run' || answer.outcome === 'errored') {
      const reason = answer.outcome === 'errored' ? 'errored' : (answer.reason as NotRunReason);
      const summary = notRun.get(reason) ?? { reason, pages: 0, gatherers: [], rules: [] };
      const entry = outcomes.notRun.find((item) => item.rules.includes(rule.id));
      if (entry?.gatherer && !summary.gatherers.includes(entry.gatherer)) summary.gatherers.push(entry.gatherer);
      if (!summary.rules.includes(rule.id)) summary.rules.push(rule.id);
      if (!counted.has(`${reason}|${place}`)) {
        counted.add(`${reason}|${place}`);
        summary.pages++;
      }
      notRun.set(reason, summary);
      continue;
    }
    const here: PageVerdict = answer.outcome;
    if (RANK[here] > RANK[verdict]) verdict = here;
  }
  return verdict;
}

/** The automated result of a set of rules across the site: the result of a criterion, a clause or a performance statement. */
export function resultForRules(report: Report, rules: RuleRef[]): CriterionResult {
  const recorded = hasOutcomes(report);
  const documentRules = rules.filter((rule) => rule.scope === 'document');
  const unit: CriterionResult['unit'] = rules.length > 0 && documentRules.length === rules.length ? 'documents' : 'pages';
  // Places where the rules judge: web pages, or documents (a document's outcomes are there even when it could not be read: not-run).
  const auditedPages: { url: string; finalUrl?: string }[] = unit === 'documents' ? documentsOf(report).filter((document) => document.outcomes) : report.pages.filter((page) => !page.error);
  const ids = new Set(rules.map(key));
  const fixes = report.fixes
    .filter((fix) => ids.has(key({ id: fix.ruleId, source: fix.source === 'lighthouse' ? 'axe' : fix.source })))
    .map((fix) => ({ id: fix.id, title: fix.title, ruleId: fix.ruleId, source: fix.source, kind: fix.kind, pages: fix.pages.length, instances: fix.instances }));
  const base = { rules, unit, auditedPages: auditedPages.length, fixes, outcomesRecorded: recorded };
  if (rules.length === 0) return { ...base, status: 'not-tested', failedPages: [], reviewPages: [], judgedPages: 0, judgedUrls: [], ranPages: 0, notRun: [] };

  const failed = new Set<string>();
  const review = new Set<string>();
  const judged = new Set<string>();
  let ranPages = 0;
  let anyPassed = false;
  let anyApplicable = false;
  const notRun = new Map<string, NotRunSummary>();

  if (!recorded) {
    // Schema 1.x: only findings say anything. A rule with no finding may have passed or never run.
    const findings = report.findings.filter((finding) => finding.source !== 'lighthouse' && ids.has(key({ id: finding.ruleId, source: finding.source as 'axe' | 'welcomemat' })));
    for (const finding of findings) if (finding.kind === 'violation') failed.add(finding.url);
    for (const finding of findings) if (finding.kind === 'needs-review' && !failed.has(finding.url)) review.add(finding.url);
    const status: CriterionStatus = failed.size > 0 ? 'fails' : review.size > 0 ? 'needs-review' : 'not-recorded';
    const judgedUrls = [...new Set([...failed, ...review])];
    return { ...base, status, failedPages: [...failed], reviewPages: [...review], judgedPages: judgedUrls.length, judgedUrls, ranPages: judgedUrls.length, notRun: [] };
  }

  const counted = new Set<string>();
  const pageRules = rules.filter((rule) => rule.scope === 'page');
  const siteRules = rules.filter((rule) => rule.scope === 'site');
  const places: { url: string; outcomes?: RuleOutcomes; rules: RuleRef[] }[] =
    unit === 'documents'
      ? documentsOf(report).map((document) => ({ url: document.finalUrl || document.url, ...(document.outcomes ? { outcomes: document.outcomes } : {}), rules: documentRules }))
      : report.pages.filter((page) => !page.error).map((page) => ({ url: page.finalUrl || page.url, ...(page.outcomes ? { outcomes: page.outcomes } : {}), rules: pageRules }));
  for (const place of places) {
    if (!place.outcomes || place.rules.length === 0) continue;
    const url = place.url;
    const verdict = judge(place.outcomes, place.rules, notRun, url, counted);
    if (verdict !== 'none') ranPages++;
    if (verdict === 'failed') failed.add(url);
    else if (verdict === 'needs-review') review.add(url);
    if (verdict === 'failed' || verdict === 'needs-review' || verdict === 'passed') judged.add(url);
    if (verdict === 'passed') anyPassed = true;
    if (verdict !== 'none') anyApplicable = true;
  }
  if (siteRules.length > 0 && report.siteOutcomes) {
    const verdict = judge(report.siteOutcomes, siteRules, notRun, 'site', counted);
    // A site rule's verdict lands on the pages its findings name.
    const named = (kind: 'violation' | 'needs-review') =>
      report.findings.filter((finding) => finding.kind === kind && siteRules.some((rule) => rule.id === finding.ruleId && rule.source === finding.source)).map((finding) => finding.url).filter(Boolean);
    if (verdict === 'failed') {
      const pages = named('violation');
      for (const url of pages.length > 0 ? pages : [report.startUrls[0] ?? '']) failed.add(url);
    } else if (verdict === 'needs-review') {
      for (const url of named('needs-review')) if (!failed.has(url)) review.add(url);
      if (named('needs-review').length === 0) review.add(report.startUrls[0] ?? '');
    }
    if (verdict === 'passed') anyPassed = true;
    if (verdict !== 'none') {
      anyApplicable = true;
      ranPages = auditedPages.length;
    }
    // A site rule that judged the site judged every page of it.
    if (verdict === 'failed' || verdict === 'needs-review' || verdict === 'passed') for (const page of auditedPages) judged.add(page.finalUrl || page.url);
  }
  for (const url of failed) review.delete(url);
  for (const url of [...failed, ...review]) judged.add(url);
  // Rules off for the whole run are marked "(off)" where the rules are listed; they make the criterion "not run" only when none is left.
  const off = rules.filter((rule) => rule.off);
  if (off.length > 0 && off.length === rules.length) {
    const entry = notRun.get('switched-off') ?? { reason: 'switched-off' as const, pages: 0, gatherers: [], rules: [] };
    notRun.set('switched-off', { ...entry, pages: auditedPages.length, rules: [...new Set([...entry.rules, ...off.map((rule) => rule.id)])] });
  }
  const status: CriterionStatus = failed.size > 0 ? 'fails' : review.size > 0 ? 'needs-review' : anyPassed ? 'no-automated-failure' : anyApplicable ? 'nothing-found' : 'not-run';
  return { ...base, status, failedPages: [...failed], reviewPages: [...review], judgedPages: judged.size, judgedUrls: [...judged], ranPages, notRun: [...notRun.values()] };
}
