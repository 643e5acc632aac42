// HTML renderer: one self-contained, offline, accessible report page built from Handlebars templates.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { IMPACTS } from '../../model/finding.js';
import type { Audience, Finding, FindingKind, Impact, WcagLevel } from '../../model/finding.js';
import type { Fix, PageErrorCode, PageResult, Report, SkippedUrl } from '../../model/report.js';
import { packageRoot } from '../../util/package-root.js';
import { criterion } from '../../util/wcag.js';
import type { Renderer } from '../renderer.js';

/** Examples shown per rule per page in the per-page section; the rest are counted, not shown. */
const PAGE_EXAMPLES_PER_RULE = 3;
/** Pages listed under one fix; a site-wide template fix can touch every page, so longer lists are cut. */
const FIX_PAGES_LISTED = 200;
/** Above this many pages, a fix's page list is folded into a <details>. */
const FIX_PAGES_OPEN = 5;
/** Characters of a config value shown in the footer; the full config is in report.json. */
const CONFIG_VALUE_CHARS = 300;

/**
 * The only script in the report: opens every <details> before printing, so a paper
 * copy shows everything. The report works fully without it; its hash goes into the CSP.
 */
const PRINT_SCRIPT = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";

const AUDIENCE_WORDS: Record<Audience, string> = {
  blind: 'people who are blind and use screen readers',
  'low-vision': 'people with low vision who enlarge or magnify the screen',
  'colour-blind': 'people who are colour-blind',
  deaf: 'people who are deaf or hard of hearing',
  keyboard: 'people who use a keyboard instead of a mouse',
  motor: 'people with limited movement or dexterity, including switch and voice-control users',
  cognitive: 'people with cognitive or learning disabilities, and anyone who finds reading hard',
  'other-language': 'people who read another language',
  zoom: 'people who zoom in to read',
  vestibular: 'people who get dizzy or unwell from movement on screen',
  everyone: 'everyone who visits',
};

const IMPACT_WORDS: Record<Impact, string> = {
  critical: 'Critical',
  serious: 'Serious',
  moderate: 'Moderate',
  minor: 'Minor',
};

const KIND_WORDS: Record<FindingKind, string> = {
  violation: 'Violation',
  'needs-review': 'Needs review',
  info: 'For information',
};

const LEVEL_WORDS: Record<WcagLevel, string> = {
  A: 'WCAG level A',
  AA: 'WCAG level AA',
  AAA: 'WCAG level AAA',
  'best-practice': 'Accessibility best practice',
  'inclusive-practice': 'Inclusive design practice',
};

const PAGE_ERROR_WORDS: Record<PageErrorCode, string> = {
  timeout: 'The page took too long to load',
  'http-error': 'The server answered with an error',
  'network-error': 'The page could not be reached',
  crashed: 'The browser tab crashed',
  'redirect-loop': 'The page redirects in a loop',
  'not-html': 'The address is not a web page',
  download: 'The address starts a download',
  'navigated-away': 'The page moved to another address while it was checked',
  aborted: 'The audit was stopped before this page finished',
  unknown: 'Something unexpected went wrong',
};

const SKIP_WORDS: Record<SkippedUrl['reason'], string> = {
  'not-html': 'Not a web page (a file such as a PDF or image)',
  'robots-disallowed': 'The site’s robots.txt asks crawlers to stay away',
  'out-of-scope': 'Outside the part of the site chosen for this audit',
  excluded: 'Excluded by the audit settings',
  'max-pages': 'The page limit for this audit was reached',
  'max-depth': 'Too many links away from the start page',
  'time-budget': 'The audit ran out of time',
  'duplicate-final-url': 'Leads to a page that was already audited',
  interrupted: 'The audit was stopped before reaching it',
};

// ---------- helpers used by the templates ----------

/** Only http(s) URLs may become link targets; anything else (javascript:, data:, junk) becomes "#". */
export function safeHref(value: unknown): string {
  if (typeof value !== 'string') return '#';
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return '#';
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
}

/** A link target relative to the report folder (a screenshot): plain path segments only, no scheme, no "..". */
function safeRelativePath(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const segments = value.split('/');
  const plain = /^[A-Za-z0-9._-]+$/;
  if (segments.some((segment) => !plain.test(segment) || segment === '..' || segment === '.')) return undefined;
  return segments.map(encodeURIComponent).join('/');
}

function httpHref(value: string): string | undefined {
  const href = safeHref(value);
  return href === '#' ? undefined : href;
}

function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-GB');
}

/** One decimal place is enough to order fixes; more suggests false precision. */
function formatScore(value: number): string {
  return Number.isFinite(value) ? (Math.round(value * 10) / 10).toLocaleString('en-GB') : '—';
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  // Under a second reads better in ms; above it, seconds with one decimal.
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}

/** A fixed format in UTC, so the same report renders the same on any machine. */
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function formatDate(iso: string): { text: string; iso: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { text: iso || 'unknown', iso: '' };
  return { text: `${dateFormat.format(date)} UTC`, iso: date.toISOString() };
}

/** A success criterion as a link to its W3C Understanding page, or to the quick reference where unknown. */
function wcagCriterionLink(id: string): LinkView {
  const known = criterion(id);
  if (known) return { text: `${known.id} ${known.title} (level ${known.level})`, href: known.url };
  return { text: `WCAG ${id}`, href: 'https://www.w3.org/WAI/WCAG22/quickref/' };
}

function audienceList(affects: Audience[]): string[] {
  return affects.map((audience) => AUDIENCE_WORDS[audience] ?? String(audience));
}

// ---------- the view model: every string the templates print, worked out here ----------

interface LinkView {
  text: string;
  href?: string;
}

interface ExampleView {
  selector: string;
  snippet: string;
  message: string;
  page: LinkView;
  screenshot?: string;
  label: string;
}

interface FixView {
  anchor: string;
  number: number;
  title: string;
  impact: Impact;
  impactText: string;
  kind: FindingKind;
  kindText: string;
  scopeText: string;
  effort: string;
  priority: string;
  priorityParts: string;
  affects: string[];
  whyItMatters: string;
  howToFix: string;
  example: string;
  exampleLabel: string;
  wcag: LinkView[];
  levelText: string;
  help?: LinkView;
  ruleText: string;
  examples: ExampleView[];
  moreInstances: string;
  pages: LinkView[];
  pagesFolded: boolean;
  pagesSummary: string;
  pagesNotListed: string;
}

interface RuleGroupView {
  title: string;
  kindText: string;
  kind: FindingKind;
  impact: Impact;
  impactText: string;
  count: number;
  countText: string;
  fixAnchor?: string;
  examples: { selector: string; snippet: string; message: string }[];
  more: string;
}

interface PageView {
  anchor?: string;
  title: string;
  url: LinkView;
  finalUrl?: LinkView;
  redirects: LinkView[];
  status: string;
  lang: string;
  violations: string;
  needsReview: string;
  time: string;
  failed: boolean;
  errorText: string;
  errorMessage: string;
  gathererErrors: string[];
  screenshot?: string;
  rules: RuleGroupView[];
  findingsSummary: string;
}

interface ImpactRow {
  impact: Impact;
  label: string;
  violations: string;
  needsReview: string;
}

export interface ReportView {
  lang: string;
  css: string;
  script: string;
  csp: string;
  siteName: string;
  startedAt: { text: string; iso: string };
  finishedAt: { text: string; iso: string };
  duration: string;
  complete: boolean;
  incompleteReason: string;
  startUrls: LinkView[];
  summary: {
    pagesAudited: string;
    pagesFailed: string;
    pagesFailedCount: number;
    urlsSkipped: string;
    violations: string;
    needsReview: string;
    info: string;
    fixes: string;
    fixCount: number;
    impactRows: ImpactRow[];
    headline: string;
  };
  fixes: FixView[];
  pages: PageView[];
  pagesWithDetails: PageView[];
  pagesCaption: string;
  skipped: { url: LinkView; reason: string; detail: string; from?: LinkView }[];
  checkErrors: { ruleId: string; source: string; page?: LinkView; message: string }[];
  tool: { version: string; axeVersion: string; browserVersion: string; schemaVersion: string };
  config: { key: string; value: string }[];
}

function link(url: string): LinkView {
  return { text: url, href: httpHref(url) };
}

function fixAnchorId(index: number): string {
  return `fix-${index + 1}`;
}

function fixView(fix: Fix, index: number): FixView {
  const pageCount = fix.pages.length;
  const scopeText =
    fix.scope === 'template'
      ? `One change in the shared layout — affects ${plural(pageCount, 'page')}`
      : `Content on each page — ${plural(fix.instances, 'place')} on ${plural(pageCount, 'page')}`;
  const parts = fix.priorityParts;
  const listedPages = fix.pages.slice(0, FIX_PAGES_LISTED).map(link);
  const notListed = pageCount - listedPages.length;
  const help = fix.helpUrl ? httpHref(fix.helpUrl) : undefined;
  return {
    anchor: fixAnchorId(index),
    number: index + 1,
    title: fix.title,
    impact: fix.impact,
    impactText: IMPACT_WORDS[fix.impact] ?? String(fix.impact),
    kind: fix.kind,
    kindText: KIND_WORDS[fix.kind] ?? String(fix.kind),
    scopeText,
    effort: fix.effort,
    priority: formatScore(fix.priority),
    // The score is the product of its four terms (see the "How the order is worked out" section).
    priorityParts: parts
      ? `impact ${formatScore(parts.impactWeight)} × level ${parts.levelWeight} × certainty ${parts.kindWeight} × reach ${parts.reach}`
      : '',
    affects: audienceList(fix.affects),
    whyItMatters: fix.whyItMatters,
    howToFix: fix.howToFix,
    example: fix.example,
    exampleLabel: `Code example for fix ${index + 1}`,
    wcag: fix.wcag.map(wcagCriterionLink),
    levelText: LEVEL_WORDS[fix.level] ?? String(fix.level),
    help: help ? { text: 'Learn more about this rule', href: help } : undefined,
    ruleText: `${fix.source} rule ${fix.ruleId}`,
    examples: fix.examples.map((example, exampleIndex) => ({
      selector: example.selector,
      snippet: example.snippet,
      message: example.message,
      page: link(example.url),
      screenshot: safeRelativePath(example.screenshot),
      label: `Example ${exampleIndex + 1}`,
    })),
    moreInstances:
      fix.instances > fix.examples.length ? `…and ${plural(fix.instances - fix.examples.length, 'more place')} not shown here.` : '',
    pages: listedPages,
    pagesFolded: pageCount > FIX_PAGES_OPEN,
    pagesSummary: `Pages affected (${formatNumber(pageCount)})`,
    pagesNotListed: notListed > 0 ? `…and ${plural(notListed, 'more page')}; see “Pages audited”.` : '',
  };
}

const KIND_ORDER: Record<FindingKind, number> = { violation: 0, 'needs-review': 1, info: 2 };
const IMPACT_ORDER: Record<Impact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

/** One pass over all findings: page URL → rule → the first few findings and a count. */
function groupFindingsByPage(findings: Finding[]): Map<string, Map<string, { first: Finding; shown: Finding[]; count: number }>> {
  const byPage = new Map<string, Map<string, { first: Finding; shown: Finding[]; count: number }>>();
  for (const finding of findings) {
    let byRule = byPage.get(finding.url);
    if (!byRule) byPage.set(finding.url, (byRule = new Map()));
    // The same rule can be a violation on one element and needs review on another.
    const key = `${finding.source}\u0000${finding.ruleId}\u0000${finding.kind}`;
    let group = byRule.get(key);
    if (!group) byRule.set(key, (group = { first: finding, shown: [], count: 0 }));
    group.count += 1;
    if (group.shown.length < PAGE_EXAMPLES_PER_RULE) group.shown.push(finding);
  }
  return byPage;
}

function pageView(
  page: PageResult,
  index: number,
  byRule: Map<string, { first: Finding; shown: Finding[]; count: number }> | undefined,
  ruleTitles: Map<string, { title: string; anchor: string }>,
): PageView {
  const rules: RuleGroupView[] = [...(byRule?.values() ?? [])]
    .sort(
      (a, b) =>
        KIND_ORDER[a.first.kind] - KIND_ORDER[b.first.kind] ||
        IMPACT_ORDER[a.first.impact] - IMPACT_ORDER[b.first.impact] ||
        b.count - a.count,
    )
    .map((group) => {
      const { first } = group;
      const known = ruleTitles.get(`${first.source}\u0000${first.ruleId}`);
      return {
        title: known?.title ?? first.ruleId,
        kind: first.kind,
        kindText: KIND_WORDS[first.kind] ?? String(first.kind),
        impact: first.impact,
        impactText: IMPACT_WORDS[first.impact] ?? String(first.impact),
        count: group.count,
        countText: plural(group.count, 'place'),
        fixAnchor: known?.anchor,
        examples: group.shown.map((finding) => ({ selector: finding.selector, snippet: finding.snippet, message: finding.message })),
        more: group.count > group.shown.length ? `…and ${plural(group.count - group.shown.length, 'more place')} on this page.` : '',
      };
    });
  const failed = page.error !== undefined;
  const hasDetails = failed || rules.length > 0 || page.gathererErrors.length > 0 || page.redirects.length > 0;
  const findingCount = rules.reduce((sum, rule) => sum + rule.count, 0);
  return {
    anchor: hasDetails ? `page-${index + 1}` : undefined,
    title: page.title.trim() || (failed ? 'Page not loaded' : 'Untitled page'),
    url: link(page.url),
    finalUrl: page.finalUrl && page.finalUrl !== page.url ? link(page.finalUrl) : undefined,
    redirects: page.redirects.map(link),
    status: page.status > 0 ? String(page.status) : 'No response',
    lang: page.lang.trim() || 'Missing',
    violations: formatNumber(page.violations),
    needsReview: formatNumber(page.needsReview),
    time: formatMs(page.timing.totalMs),
    failed,
    errorText: page.error ? (PAGE_ERROR_WORDS[page.error.code] ?? 'Something went wrong') : '',
    errorMessage: page.error ? `${page.error.code}: ${page.error.message}` : '',
    gathererErrors: page.gathererErrors.map(
      (error) => `${error.gatherer}: ${error.timedOut ? 'ran out of time' : 'failed'} — ${error.message}`,
    ),
    screenshot: safeRelativePath(page.screenshot),
    rules,
    findingsSummary:
      rules.length === 0 ? '' : `${plural(findingCount, 'finding')} under ${plural(rules.length, 'rule')}`,
  };
}

function configRows(config: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(config ?? {}).map(([key, value]) => {
    let text: string;
    try {
      text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    } catch {
      text = String(value);
    }
    return { key, value: text.length > CONFIG_VALUE_CHARS ? `${text.slice(0, CONFIG_VALUE_CHARS)}…` : text };
  });
}

export function buildView(report: Report, assets: { css: string; script: string }): ReportView {
  const scriptHash = createHash('sha256').update(assets.script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data: 'self'",
    `script-src 'sha256-${scriptHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const fixes = report.fixes.map(fixView);
  const ruleTitles = new Map<string, { title: string; anchor: string }>();
  report.fixes.forEach((fix, index) => {
    const key = `${fix.source}\u0000${fix.ruleId}`;
    if (!ruleTitles.has(key)) ruleTitles.set(key, { title: fix.title, anchor: fixAnchorId(index) });
  });

  const findingsByPage = groupFindingsByPage(report.findings);
  const pages = report.pages.map((page, index) =>
    pageView(page, index, findingsByPage.get(page.finalUrl || page.url) ?? findingsByPage.get(page.url), ruleTitles),
  );
  const summary = report.summary;
  const gathererErrors = report.pages.reduce((sum, page) => sum + page.gathererErrors.length, 0);

  let headline: string;
  if (summary.fixes === 0) {
    headline = 'The automated checks found nothing to fix on the pages they could audit.';
  } else {
    headline = `${plural(summary.fixes, 'fix', 'fixes')} would remove ${plural(summary.violations, 'barrier')} found by the automated checks${
      summary.needsReview > 0 ? `, and ${plural(summary.needsReview, 'place')} need${summary.needsReview === 1 ? 's' : ''} a person to look` : ''
    }.`;
  }

  return {
    lang: 'en',
    css: assets.css,
    script: assets.script,
    csp,
    siteName: report.siteName || 'Unnamed site',
    startedAt: formatDate(report.startedAt),
    finishedAt: formatDate(report.finishedAt),
    duration: formatDuration(report.durationMs),
    complete: report.complete !== false,
    incompleteReason: report.incompleteReason || 'The audit stopped before every page was checked.',
    startUrls: report.startUrls.map(link),
    summary: {
      pagesAudited: plural(summary.pagesAudited, 'page'),
      pagesFailed: plural(summary.pagesFailed, 'page'),
      pagesFailedCount: summary.pagesFailed,
      urlsSkipped: plural(summary.urlsSkipped, 'address', 'addresses'),
      violations: formatNumber(summary.violations),
      needsReview: formatNumber(summary.needsReview),
      info: formatNumber(summary.info),
      fixes: plural(summary.fixes, 'fix', 'fixes'),
      fixCount: summary.fixes,
      impactRows: IMPACTS.map((impact) => ({
        impact,
        label: IMPACT_WORDS[impact],
        violations: formatNumber(summary.violationsByImpact?.[impact] ?? 0),
        needsReview: formatNumber(summary.needsReviewByImpact?.[impact] ?? 0),
      })),
      headline,
    },
    fixes,
    pages,
    pagesWithDetails: pages.filter((page) => page.anchor !== undefined),
    pagesCaption: `Every page the audit tried to load (${plural(pages.length, 'page')}; ${formatNumber(summary.pagesFailed)} could not be loaded; ${plural(gathererErrors, 'gatherer error')})`,
    skipped: report.skipped.map((skipped) => ({
      url: link(skipped.url),
      reason: SKIP_WORDS[skipped.reason] ?? String(skipped.reason),
      detail: skipped.detail,
      from: skipped.from ? link(skipped.from) : undefined,
    })),
    checkErrors: report.checkErrors.map((error) => ({
      ruleId: error.ruleId,
      source: error.source,
      page: error.url ? link(error.url) : undefined,
      message: error.message,
    })),
    tool: {
      version: report.tool.version,
      axeVersion: report.tool.axeVersion,
      browserVersion: report.tool.browserVersion,
      schemaVersion: report.schemaVersion,
    },
    config: configRows(report.config),
  };
}

// ---------- templates: read from the package, compiled once ----------

interface CompiledTemplates {
  template: Handlebars.TemplateDelegate<ReportView>;
  css: string;
}

let compiled: Promise<CompiledTemplates> | undefined;

async function loadTemplates(): Promise<CompiledTemplates> {
  const dir = path.join(packageRoot, 'templates');
  const partialDir = path.join(dir, 'partials');
  const hbs = Handlebars.create();
  hbs.registerHelper('safeHref', safeHref);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialFiles = (await fs.readdir(partialDir)).filter((file) => file.endsWith('.hbs')).sort();
  const options = { knownHelpers: { safeHref: true, eq: true }, knownHelpersOnly: true, preventIndent: true };
  for (const file of partialFiles) {
    const source = await fs.readFile(path.join(partialDir, file), 'utf8');
    hbs.registerPartial(path.basename(file, '.hbs'), hbs.compile(source, options));
  }
  const [source, css] = await Promise.all([
    fs.readFile(path.join(dir, 'report.hbs'), 'utf8'),
    fs.readFile(path.join(dir, 'report.css'), 'utf8'),
  ]);
  return { template: hbs.compile<ReportView>(source, options), css };
}

function templates(): Promise<CompiledTemplates> {
  compiled ??= loadTemplates().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

export const htmlRenderer: Renderer = {
  name: 'html',
  fileName: 'index.html',
  async render(report) {
    const { template, css } = await templates();
    return template(buildView(report, { css, script: PRINT_SCRIPT }));
  },
};
