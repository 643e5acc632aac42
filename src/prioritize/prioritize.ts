// Groups findings into fixes (spotting shared-template causes), scores them, and summarises an audit.
import { createHash } from 'node:crypto';
import type { Audience, Finding, FindingKind, Impact, WcagLevel } from '../model/finding.js';
import { IMPACTS } from '../model/finding.js';
import type { CountsByImpact, Fix, FixExample, PageResult, PriorityParts, ReportSummary } from '../model/report.js';
import type { CheckMeta } from '../checks/check.js';
import { documentChecks } from '../checks/document-checks.js';

/** Rules judged per linked document: their fixes are edits to each file, never a shared layout. */
const DOCUMENT_RULES = new Set(documentChecks.map((check) => check.meta.id));
const isDocumentFinding = (finding: Finding) => finding.source === 'welcomemat' && DOCUMENT_RULES.has(finding.ruleId);

/** The plain-language texts a fix shows; a check's metadata or a hand-written axe entry. */
export interface RuleInfo {
  title: string;
  whyItMatters: string;
  howToFix: string;
  example: string;
  helpUrl: string;
}

export type RuleInfoLookup = (finding: Finding) => RuleInfo;

/** Picks the texts a fix needs out of a check's metadata. */
export function ruleInfoFromMeta(meta: CheckMeta): RuleInfo {
  const { title, whyItMatters, howToFix, example, helpUrl } = meta;
  return { title, whyItMatters, howToFix, example, helpUrl };
}

/** The weights of the priority score; docs/priority.md explains them with a worked example. */
export const PRIORITY_WEIGHTS = {
  impact: {
    /** Blocks people outright (no way to buy, book or read on without help): the whole audience affected is lost. */
    critical: 10,
    /** Blocks many of the affected people and makes the rest work hard: most of them give up. */
    serious: 7,
    /** Slows people down or confuses them; most get through with effort. */
    moderate: 4,
    /** An annoyance; nearly everyone gets through. */
    minor: 1,
  } satisfies Record<Impact, number>,
  level: {
    /** Level A: the minimum every site must meet; failing it usually means a barrier with no way around. */
    A: 1.0,
    /** Level AA: the level laws and contracts ask for; failures are real but often have workarounds. */
    AA: 0.85,
    /** Level AAA: not required anywhere in full; worth doing, after the rest. */
    AAA: 0.6,
    /** axe best practice with no success criterion: good advice, no conformance failure. */
    'best-practice': 0.6,
    /**
     * Inclusive design practice (languages, wording, forms that fit everyone): no WCAG criterion, but it
     * turns real customers away, so it sits above best practice and below the AA floor.
     */
    'inclusive-practice': 0.75,
  } satisfies Record<WcagLevel, number>,
  kind: {
    /** The check is sure it is a barrier. */
    violation: 1.0,
    /** Maybe a barrier: a person must look first, and many turn out fine, so well under half. */
    'needs-review': 0.4,
    /** Not a fault; listed so the owner knows, always below anything that may be a barrier. */
    info: 0.1,
  } satisfies Record<FindingKind, number>,
  /**
   * reach = (1 + log2(pagesTouched)) × REACH_SCALE: a fix on 1 page weighs 1, on every page of a
   * 50-page site about 6.6 (1 + log2 50 = 6.64). Logarithmic, so a site-wide issue leads without
   * one noisy rule on 500 pages drowning every critical barrier on a single page.
   */
  reachScale: 1,
  /** A template fix is one change that helps every page it touches: cheap, so a small bonus on top. */
  templateBonus: 1.2,
} as const;

/** The same element must appear on at least this many pages to count as part of a shared layout. */
const MIN_TEMPLATE_PAGES = 2;
/** Default examples per fix: enough to find the pattern, short enough for a first-page summary. */
const DEFAULT_MAX_EXAMPLES = 5;
/** Hex digits of the cause hash in a fix id: 48 bits, collisions within one rule are not a concern. */
const FIX_ID_HASH_LENGTH = 12;

/** Strongest first, in the order of PRIORITY_WEIGHTS.level, for fixes whose findings disagree. */
const LEVEL_ORDER: readonly WcagLevel[] = ['A', 'AA', 'inclusive-practice', 'AAA', 'best-practice'];

/** priority = impactWeight × levelWeight × kindWeight × reach, rounded to one decimal. */
export function priorityOf(parts: PriorityParts): number {
  return round(parts.impactWeight * parts.levelWeight * parts.kindWeight * parts.reach, 1);
}

/** The terms of the score for a fix of this kind touching this many pages. */
export function priorityPartsFor(
  impact: Impact,
  level: WcagLevel,
  kind: FindingKind,
  pagesTouched: number,
  scope: Fix['scope'],
): PriorityParts {
  const pages = Math.max(1, pagesTouched);
  const bonus = scope === 'template' ? PRIORITY_WEIGHTS.templateBonus : 1;
  return {
    impactWeight: PRIORITY_WEIGHTS.impact[impact],
    levelWeight: PRIORITY_WEIGHTS.level[level],
    kindWeight: PRIORITY_WEIGHTS.kind[kind],
    // Two decimals keep the stored terms readable while priorityOf(parts) reproduces the score exactly.
    reach: round((1 + Math.log2(pages)) * PRIORITY_WEIGHTS.reachScale * bonus, 2),
  };
}

interface Group {
  source: Finding['source'];
  ruleId: string;
  kind: FindingKind;
  /** Internal key, hashed into the fix id; prefixed so derived keys never collide with a check's own. */
  causeKey: string;
  scope: Fix['scope'];
  findings: Finding[];
}

export function groupIntoFixes(
  findings: Finding[],
  options: {
    auditedPageCount: number;
    ruleInfo: RuleInfoLookup;
    /** Examples per fix; default 5. */
    maxExamples?: number;
    /** Screenshot file per final URL, copied onto the examples where known. */
    screenshots?: ReadonlyMap<string, string>;
  },
): Fix[] {
  const maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
  return buildGroups(findings)
    .map((group) => toFix(group, options.auditedPageCount, maxExamples, options.ruleInfo, options.screenshots))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        b.instances - a.instances ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.id, b.id),
    );
}

/** Collapse whitespace so the same markup rendered with different indentation still matches. */
export function normaliseSnippet(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

function buildGroups(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  const add = (finding: Finding, causeKey: string, scope: Fix['scope']): void => {
    const key = JSON.stringify([finding.source, finding.ruleId, finding.kind, causeKey]);
    let group = groups.get(key);
    if (!group) {
      group = { source: finding.source, ruleId: finding.ruleId, kind: finding.kind, causeKey, scope, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  };

  // Findings whose check named the cause group by it; the rest are template candidates first.
  const candidates = new Map<string, { pages: Set<string>; findings: Finding[] }>();
  for (const finding of findings) {
    if (hasOwnCause(finding)) continue;
    const normalised = normaliseSnippet(finding.snippet);
    // Page-level findings with neither selector nor markup say nothing about a shared element.
    if (finding.selector === '' && normalised === '') continue;
    const key = templateGroupKey(finding);
    let candidate = candidates.get(key);
    if (!candidate) {
      candidate = { pages: new Set(), findings: [] };
      candidates.set(key, candidate);
    }
    candidate.pages.add(finding.url);
    candidate.findings.push(finding);
  }

  const inTemplate = new Set<Finding>();
  for (const candidate of candidates.values()) {
    if (candidate.pages.size >= MIN_TEMPLATE_PAGES) for (const finding of candidate.findings) inTemplate.add(finding);
  }

  // Walk in input order so groups, and examples within them, follow the crawl order.
  for (const finding of findings) {
    if (hasOwnCause(finding)) {
      add(finding, `check:${finding.causeKey}`, 'content');
    } else if (inTemplate.has(finding)) {
      add(finding, templateCauseKey(finding), 'template');
    } else {
      add(finding, 'content', 'content');
    }
  }

  // A cause a check named is a shared-layout cause once it spans several pages.
  for (const group of groups.values()) {
    if (group.causeKey.startsWith('check:') && !isDocumentFinding(group.findings[0]!) && distinctPages(group.findings).length >= MIN_TEMPLATE_PAGES) {
      group.scope = 'template';
    }
  }
  return [...groups.values()];
}

function templateCauseKey(finding: Finding): string {
  return `template:${JSON.stringify([finding.selector, normaliseSnippet(finding.snippet)])}`;
}

function templateGroupKey(finding: Finding): string {
  return JSON.stringify([finding.source, finding.ruleId, finding.kind, templateCauseKey(finding)]);
}

function hasOwnCause(finding: Finding): finding is Finding & { causeKey: string } {
  return finding.causeKey !== undefined && finding.causeKey !== '';
}

function toFix(
  group: Group,
  auditedPageCount: number,
  maxExamples: number,
  ruleInfo: RuleInfoLookup,
  screenshots: ReadonlyMap<string, string> | undefined,
): Fix {
  const first = group.findings[0];
  const info = ruleInfo(first);
  const pages = distinctPages(group.findings);
  // A finding without a page is about the whole site, so it touches every audited page.
  const siteWide = group.findings.some((finding) => finding.url === '');
  const pagesTouched = siteWide ? Math.max(pages.length, auditedPageCount) : pages.length;
  const impact = mostSevere(group.findings.map((finding) => finding.impact));
  const level = strongestLevel(group.findings.map((finding) => finding.level));
  const priorityParts = priorityPartsFor(impact, level, group.kind, pagesTouched, group.scope);
  return {
    id: fixId(group),
    ruleId: group.ruleId,
    source: group.source,
    kind: group.kind,
    title: info.title,
    impact,
    family: first.family,
    wcag: sortCriteria(unique(group.findings.flatMap((finding) => finding.wcag))),
    level,
    affects: unique<Audience>(group.findings.flatMap((finding) => finding.affects)),
    whyItMatters: info.whyItMatters,
    howToFix: info.howToFix,
    example: info.example,
    helpUrl: info.helpUrl || first.helpUrl,
    scope: group.scope,
    pages,
    instances: group.findings.length,
    examples: pickExamples(group.findings, maxExamples, screenshots),
    priority: priorityOf(priorityParts),
    priorityParts,
    effort: effortOf(group.scope, group.findings.length, pagesTouched, isDocumentFinding(first) ? 'document' : 'page'),
  };
}

/** `${source}:${ruleId}:${kind}:${hash}`: the same rule and cause give the same id on every run. */
function fixId(group: Group): string {
  const hash = createHash('sha1').update(group.causeKey).digest('hex').slice(0, FIX_ID_HASH_LENGTH);
  return `${group.source}:${group.ruleId}:${group.kind}:${hash}`;
}

/** Round-robin over pages so a handful of examples shows the spread, not one page's repeats. */
function pickExamples(
  findings: Finding[],
  max: number,
  screenshots: ReadonlyMap<string, string> | undefined,
): FixExample[] {
  const byPage = new Map<string, Finding[]>();
  const seen = new Set<string>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.url, finding.selector]);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byPage.get(finding.url) ?? [];
    list.push(finding);
    byPage.set(finding.url, list);
  }
  const queues = [...byPage.keys()].sort(compareText).map((url) => byPage.get(url)!);
  const examples: FixExample[] = [];
  for (let round = 0; examples.length < max; round++) {
    let any = false;
    for (const queue of queues) {
      if (round >= queue.length) continue;
      any = true;
      if (examples.length < max) examples.push(toExample(queue[round], screenshots));
    }
    if (!any) break;
  }
  return examples;
}

function toExample(finding: Finding, screenshots: ReadonlyMap<string, string> | undefined): FixExample {
  const screenshot = screenshots?.get(finding.url);
  return {
    url: finding.url,
    selector: finding.selector,
    snippet: finding.snippet,
    message: finding.message,
    ...(finding.messageRef ? { messageRef: finding.messageRef } : {}),
    ...(finding.box ? { box: finding.box } : {}),
    ...(screenshot ? { screenshot } : {}),
  };
}

function effortOf(scope: Fix['scope'], instances: number, pages: number, unit: 'page' | 'document' = 'page'): string {
  const pageWord = (count: number): string => `${count} ${count === 1 ? unit : `${unit}s`}`;
  if (scope === 'template') return `One change in the shared layout (${pageWord(pages)})`;
  return `${instances} ${instances === 1 ? 'edit' : 'edits'} on ${pageWord(pages)}`;
}

export function summarize(
  pages: PageResult[],
  findings: Finding[],
  fixes: Fix[],
  skippedCount: number,
): ReportSummary {
  const zero = (): CountsByImpact => ({ critical: 0, serious: 0, moderate: 0, minor: 0 });
  const summary: ReportSummary = {
    pagesAudited: pages.filter((page) => !page.error).length,
    pagesFailed: pages.filter((page) => page.error).length,
    urlsSkipped: skippedCount,
    violations: 0,
    needsReview: 0,
    info: 0,
    fixes: fixes.length,
    violationsByImpact: zero(),
    needsReviewByImpact: zero(),
  };
  for (const finding of findings) {
    if (finding.kind === 'violation') {
      summary.violations++;
      summary.violationsByImpact[finding.impact]++;
    } else if (finding.kind === 'needs-review') {
      summary.needsReview++;
      summary.needsReviewByImpact[finding.impact]++;
    } else {
      summary.info++;
    }
  }
  return summary;
}

function mostSevere(impacts: Impact[]): Impact {
  return IMPACTS.find((impact) => impacts.includes(impact)) ?? 'minor';
}

function strongestLevel(levels: WcagLevel[]): WcagLevel {
  return LEVEL_ORDER.find((level) => levels.includes(level)) ?? 'best-practice';
}

function distinctPages(findings: Finding[]): string[] {
  return unique(findings.map((finding) => finding.url).filter((url) => url !== '')).sort(compareText);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Numeric order for success criteria, so 1.4.10 comes after 1.4.3. */
function sortCriteria(ids: string[]): string[] {
  const parts = (id: string): number[] => id.split('.').map(Number);
  return ids.sort((a, b) => {
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return compareText(a, b);
  });
}

/** Plain code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
