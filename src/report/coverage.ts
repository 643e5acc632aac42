// How complete an audit was, from its outcomes: which groups of checks ran on how many pages, and why they did not on the others.
import { allChecks } from '../checks/registry.js';
import type { NotRunEntry, RuleOutcomes } from '../model/outcome.js';
import type { PageResult, Report } from '../model/report.js';
import type { Translator } from './i18n.js';

/**
 * The groups an owner thinks in. Each is the checks that read one kind of artifact:
 * axe's rules, the checks that read the page (text, images, forms), and the three that
 * use the page (keyboard, zoom, motion).
 */
export type CheckGroup = 'axe' | 'reading' | 'keyboard' | 'zoom' | 'motion';
export const CHECK_GROUPS: readonly CheckGroup[] = ['axe', 'reading', 'keyboard', 'zoom', 'motion'];

/** The gatherers behind each group (their names appear in not-run entries). */
const GROUP_GATHERERS: Record<CheckGroup, readonly string[]> = {
  axe: ['axe'],
  reading: ['dom', 'content', 'forms', 'structure', 'source'],
  keyboard: ['keyboard'],
  zoom: ['reflow', 'textResize', 'textSpacing'],
  motion: ['motion'],
};

/** The group a not-run entry belongs to, from its gatherer; undefined for entries of no gatherer. */
export function groupOfGatherer(gatherer: string | undefined): CheckGroup | undefined {
  if (!gatherer) return undefined;
  return CHECK_GROUPS.find((group) => GROUP_GATHERERS[group].includes(gatherer)) ?? 'reading';
}

export interface GroupCoverage {
  group: CheckGroup;
  /** Pages audited (the pages this group could have run on). */
  pages: number;
  /** Pages where every check of the group ran. */
  ran: number;
  /** Pages left out because another page of the same layout stood in. */
  sampled: number;
  /** The pages that stood in for others (one per layout). */
  standIns: number;
  /** Pages where the group did not run because its gatherer ran out of time (after its retry). */
  timedOut: string[];
  /** Pages where its gatherer failed. */
  failed: string[];
  /** Pages where its artifact was not gathered (a gatherer switched off, or one that cannot run there). */
  notGathered: number;
  /** The whole group was switched off for the run. */
  off: boolean;
}

export interface Coverage {
  /** False when the report has no outcomes (written before schema 2.0): nothing can be said. */
  recorded: boolean;
  pagesAudited: number;
  pagesFailed: number;
  groups: GroupCoverage[];
  /** Rules switched off for the whole run in the config (checks, families, axe.disableRules, gatherers), with why. */
  rulesOff: { id: string; source: string; off: string }[];
  /** axe rules outside the chosen tags or marked experimental or deprecated: not part of this audit's standard. */
  rulesNotSelected: { id: string; off: string }[];
  /** Rules that threw on some page, with how many pages. */
  errored: { rule: string; pages: number }[];
}

/** A rule the config switched off, as against one the chosen standard leaves out (see src/checks/rule-catalog.ts). */
function switchedOff(off: string): boolean {
  return off.startsWith('switched off');
}

function entriesOf(outcomes: RuleOutcomes | undefined, group: CheckGroup): NotRunEntry[] {
  return (outcomes?.notRun ?? []).filter((entry) => groupOfGatherer(entry.gatherer) === group);
}

/** Whether a group has any rule that runs at all this run (its rules are listed and not all off). */
function groupOff(report: Pick<Report, 'rules'>, group: CheckGroup, rulesByGroup: Map<string, CheckGroup>): boolean {
  const rules = (report.rules ?? []).filter((rule) => (rule.source === 'axe' ? 'axe' : rulesByGroup.get(rule.id)) === group);
  return rules.length > 0 && rules.every((rule) => rule.off);
}

/**
 * Coverage of a report. `rulesByGroup` says which group each welcomemat check belongs to
 * (from the checks' `requires`); the report itself only names rules.
 */
export function coverageOf(report: Pick<Report, 'pages' | 'rules'>, rulesByGroup: Map<string, CheckGroup>): Coverage {
  const audited = report.pages.filter((page) => !page.error);
  const recorded = report.rules !== undefined && audited.every((page) => page.outcomes !== undefined);
  const groups = CHECK_GROUPS.map((group): GroupCoverage => {
    const coverage: GroupCoverage = { group, pages: audited.length, ran: 0, sampled: 0, standIns: 0, timedOut: [], failed: [], notGathered: 0, off: groupOff(report, group, rulesByGroup) };
    const standIns = new Set<string>();
    for (const page of audited) {
      const entries = entriesOf(page.outcomes, group);
      if (entries.length === 0) coverage.ran++;
      else if (entries.some((entry) => entry.reason === 'gatherer-timed-out')) coverage.timedOut.push(page.finalUrl);
      else if (entries.some((entry) => entry.reason === 'gatherer-failed')) coverage.failed.push(page.finalUrl);
      else if (entries.some((entry) => entry.reason === 'sampled')) {
        coverage.sampled++;
        for (const entry of entries) if (entry.standIn) standIns.add(entry.standIn);
      } else coverage.notGathered++;
    }
    coverage.standIns = standIns.size;
    return coverage;
  });
  const erroredPages = new Map<string, number>();
  for (const page of audited) for (const entry of page.outcomes?.errored ?? []) erroredPages.set(entry.rule, (erroredPages.get(entry.rule) ?? 0) + 1);
  return {
    recorded,
    pagesAudited: audited.length,
    pagesFailed: report.pages.length - audited.length,
    groups,
    rulesOff: (report.rules ?? []).filter((rule) => rule.off && switchedOff(rule.off)).map((rule) => ({ id: rule.id, source: rule.source, off: rule.off! })),
    rulesNotSelected: (report.rules ?? []).filter((rule) => rule.off && !switchedOff(rule.off)).map((rule) => ({ id: rule.id, off: rule.off! })),
    errored: [...erroredPages].map(([rule, pages]) => ({ rule, pages })),
  };
}

/** One page's outcomes in numbers: how many rules ran to each verdict, and what did not run there. */
export interface PageCoverage {
  failed: number;
  needsReview: number;
  notApplicable: number;
  passed: number;
  errored: number;
  notRun: NotRunEntry[];
}

export function pageCoverage(page: Pick<PageResult, 'outcomes'>, pageRuleCount: number): PageCoverage | undefined {
  const outcomes = page.outcomes;
  if (!outcomes) return undefined;
  const notRun = outcomes.notRun.reduce((sum, entry) => sum + entry.rules.length, 0);
  const judged = outcomes.failed.length + outcomes.needsReview.length + outcomes.notApplicable.length + outcomes.errored.length + notRun;
  return {
    failed: outcomes.failed.length,
    needsReview: outcomes.needsReview.length,
    notApplicable: outcomes.notApplicable.length,
    passed: Math.max(0, pageRuleCount - judged),
    errored: outcomes.errored.length,
    notRun: outcomes.notRun,
  };
}

/** The number of page rules a run had on (the rules every page's outcomes refer to). */
export function pageRuleCount(report: Pick<Report, 'rules'>): number {
  return (report.rules ?? []).filter((rule) => rule.scope === 'page' && !rule.off).length;
}

/** Each welcomemat check's group, from what it reads. */
export function checkGroups(): Map<string, CheckGroup> {
  const groups = new Map<string, CheckGroup>();
  for (const check of allChecks) {
    const reads = check.requires as readonly string[];
    const group = CHECK_GROUPS.find((candidate) => candidate !== 'reading' && reads.some((name) => GROUP_GATHERERS[candidate].includes(name)));
    groups.set(check.meta.id, group ?? 'reading');
  }
  return groups;
}

/** Rule ids listed at most this many at a time in a sentence; the rest are counted. */
const RULES_NAMED = 8;

function nameRules(ids: string[]): string {
  return ids.length > RULES_NAMED ? `${ids.slice(0, RULES_NAMED).join(', ')} +${ids.length - RULES_NAMED}` : ids.join(', ');
}

/** The audit's completeness in plain sentences, in the reader's language: one per group, then rules off or erroring. */
export function describeCoverage(coverage: Coverage, tr: Translator): string[] {
  if (!coverage.recorded) return [tr.t('coverage.notRecorded')];
  const lines: string[] = [];
  const everywhere = coverage.groups.every((group) => group.off || group.ran === group.pages);
  if (everywhere && coverage.pagesAudited > 0) lines.push(tr.t('coverage.allRan', { pages: coverage.pagesAudited }));
  for (const group of coverage.groups) {
    const name = tr.t(`coverage.group.${group.group}`);
    if (group.off) {
      lines.push(tr.t('coverage.groupOff', { group: name }));
      continue;
    }
    if (everywhere) continue;
    if (group.ran === group.pages) {
      lines.push(tr.t('coverage.groupAll', { group: name, pages: group.pages }));
      continue;
    }
    const parts: string[] = [];
    if (group.sampled > 0) parts.push(tr.t('coverage.sampled', { count: group.sampled, standIns: group.standIns }));
    if (group.timedOut.length > 0) parts.push(tr.t('coverage.timedOut', { count: group.timedOut.length }));
    if (group.failed.length > 0) parts.push(tr.t('coverage.failed', { count: group.failed.length }));
    if (group.notGathered > 0) parts.push(tr.t('coverage.notGathered', { count: group.notGathered }));
    lines.push(`${tr.t('coverage.groupSome', { group: name, ran: group.ran, pages: group.pages })} ${parts.join('; ')}.`);
  }
  if (coverage.rulesNotSelected.length > 0) lines.push(tr.t('coverage.notSelected', { count: coverage.rulesNotSelected.length }));
  if (coverage.rulesOff.length > 0) lines.push(tr.t('coverage.rulesOff', { count: coverage.rulesOff.length, rules: nameRules(coverage.rulesOff.map((rule) => rule.id)) }));
  if (coverage.errored.length > 0) lines.push(tr.t('coverage.errored', { count: coverage.errored.length, rules: nameRules(coverage.errored.map((rule) => rule.rule)) }));
  return lines;
}

/** What did not run on one page, one line per group and reason, in the reader's language. */
export function describeNotRun(entries: NotRunEntry[], tr: Translator): string[] {
  const lines = new Map<string, string>();
  for (const entry of entries) {
    const group = groupOfGatherer(entry.gatherer);
    const name = tr.t(`coverage.group.${group ?? 'reading'}`);
    const key = entry.reason === 'sampled' && !entry.standIn ? 'sampledLimit' : entry.reason;
    const line = tr.t(`coverage.notRun.${key}`, { group: name, page: entry.standIn ?? '', detail: entry.detail ?? '' });
    lines.set(`${group}|${key}`, line);
  }
  return [...lines.values()];
}
