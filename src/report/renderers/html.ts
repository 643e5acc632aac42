// HTML renderer: one self-contained, offline, accessible report page built from Handlebars templates and locale files.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { IMPACTS } from '../../model/finding.js';
import type { Audience, Finding, FindingKind, Impact } from '../../model/finding.js';
import type { Fix, FixChange, PageResult, Report } from '../../model/report.js';
import { packageRoot } from '../../util/package-root.js';
import { criterion } from '../../util/wcag.js';
import { DEFAULT_BRANDING, type Branding } from '../branding.js';
import { checkGroups, coverageOf, describeCoverage, describeNotRun, pageCoverage, pageRuleCount } from '../coverage.js';
import { complianceSection, type ComplianceView } from '../compliance-section.js';
import { documentChecks } from '../../checks/document-checks.js';
import { documentsView, type DocumentRow, type DocumentsView } from '../documents-view.js';
import { distinctExamples, isSameElement } from '../examples.js';
import { criterionTitle, localizeFix } from '../fix-texts.js';
import { copyAuditedLines } from '../copy-audited.js';
import { createTranslator, type Translator } from '../i18n.js';
import { createWording, type Wording } from '../messages.js';
import type { RenderContext, RenderedFile, Renderer } from '../renderer.js';
import type { ComplianceInput } from '../../compliance/inputs.js';
import { cropAround, imageSizeReader, safeRelativePath, type ImageSize } from '../screenshots.js';

/** Examples shown per rule per page in the per-page section; the rest are counted, not shown. */
const PAGE_EXAMPLES_PER_RULE = 3;
/** Pages listed under one fix; a site-wide template fix can touch every page, so longer lists are cut. */
const FIX_PAGES_LISTED = 200;
/** Pages listed under one fix in the summary PDF: enough to find the pattern; the HTML report has them all. */
const FIX_PAGES_LISTED_SUMMARY = 10;
/**
 * Sites with more audited pages than this get each page's details in its own file
 * (pages/<n>.html) and print a summary PDF by default: one file with every page's findings
 * grows by about 10 KB a page, and a reader of a big site starts from the fixes, not the pages.
 * docs/benchmark.md has the figures for 1,000 pages.
 */
export const BIG_SITE_PAGES = 50;
/** Folder of the per-page files inside the report folder. */
export const PAGE_FILES_DIR = 'pages';
/** Above this many pages, a fix's page list is folded into a <details>. */
const FIX_PAGES_OPEN = 5;
/** Characters of a config value shown in the footer; the full config is in report.json. */
const CONFIG_VALUE_CHARS = 300;
/** Fixes on the first page's "first fixes to make" list: enough to start a week's work. */
const TOP_FIXES = 5;
/** Lighthouse opportunities shown per page: the few with the biggest savings. */
const LIGHTHOUSE_OPPORTUNITIES = 5;
/** Cropped screenshots per fix: the first examples only, so a big report stays light. */
const CROPS_PER_FIX = 3;
/** Trend chart drawing area, in SVG user units (it scales to the page width). */
const CHART = { width: 640, height: 240, left: 48, right: 16, top: 16, bottom: 40 } as const;

/**
 * The only script in the report: opens every <details> before printing, so a paper
 * copy shows everything. The report works fully without it; its hash goes into the CSP.
 */
export const PRINT_SCRIPT = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";

// ---------- helpers ----------

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

/** Only a data:image URI we built (base64 of a checked logo) may become an image source. */
function safeImageSrc(value: unknown): string {
  return typeof value === 'string' && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(value) ? value : '';
}

function httpHref(value: string): string | undefined {
  const href = safeHref(value);
  return href === '#' ? undefined : href;
}

/** A token safe inside a CSS attribute selector and an id: letters, digits, dot and dash only. */
function cssToken(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]/g, '');
}

/** Rules judged per linked document. */
const DOCUMENT_RULES = new Set(documentChecks.map((check) => check.meta.id));

interface LinkView {
  text: string;
  href?: string;
}

function link(url: string): LinkView {
  return { text: url, href: httpHref(url) };
}

function fixAnchorId(index: number): string {
  return `fix-${index + 1}`;
}

/** The file of a page's details on a big site, relative to the report folder (index is the page's place in report.pages). */
export function pageFileName(index: number): string {
  return `${PAGE_FILES_DIR}/${index + 1}.html`;
}

// ---------- view model ----------

interface CropView {
  viewBox: string;
  width: number;
  height: number;
  href: string;
  x: number;
  y: number;
  boxWidth: number;
  boxHeight: number;
  /** Outline thickness in screenshot pixels, so it reads at any zoom. */
  stroke: number;
  label: string;
}

interface ExampleView {
  selector: string;
  snippet: string;
  message: string;
  page: LinkView;
  /** Other pages among the examples where the very same element (selector and markup) is. */
  alsoOn: LinkView[];
  screenshot?: string;
  crop?: CropView;
}

interface FixView {
  anchor: string;
  number: number;
  title: string;
  impact: Impact;
  impactText: string;
  kind: FindingKind;
  kindText: string;
  family: string;
  familyText: string;
  wcagTokens: string;
  change?: FixChange;
  changeText: string;
  scopeText: string;
  effort: string;
  priority: string;
  priorityParts: string;
  affects: string[];
  affectsShort: string;
  whyItMatters: string;
  howToFix: string;
  example: string;
  exampleLabel: string;
  wcag: LinkView[];
  levelText: string;
  noWcagText: string;
  help?: LinkView;
  ruleText: string;
  examples: ExampleView[];
  /** The fix's element is the same on every page (one template): one example stands for all of them. */
  sameElement: boolean;
  sameElementText: string;
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
  countText: string;
  examples: { selector: string; snippet: string; message: string }[];
  more: string;
  /** Link to the fix: "#fix-3" in the main file, "../index.html#fix-3" from a page file. */
  fixHref?: string;
}

interface PageView {
  /** Id of the page's details in this file, when they are here. */
  anchor?: string;
  /** Where the page's details are: "#page-3" in this file, or "pages/3.html" for a big site. */
  detailHref?: string;
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
  /** A localized sentence per failed gatherer, with the raw error kept as a technical detail. */
  gathererErrors: { text: string; detail: string }[];
  /** What was checked on the page (outcome counts), and what was not and why. */
  checkedText: string;
  notChecked: string[];
  screenshot?: string;
  screenshotAlt: string;
  rules: RuleGroupView[];
  findingsSummary: string;
}

interface FilterGroupView {
  name: string;
  legend: string;
  options: { id: string; label: string; checked: boolean }[];
}

interface GroupedListView {
  title: string;
  groups: { label: string; fixes: { anchor: string; text: string }[] }[];
}

interface TrendView {
  chartLabel: string;
  width: number;
  height: number;
  series: { name: string; className: string; points: string; markers: { x: number; y: number; label: string }[]; labelX: number; labelY: number }[];
  axis: { x: number; label: string }[];
  gridLines: { y: number; label: string }[];
  baseline: number;
  rows: { date: string; violations: string; needsReview: string; fixes: string; pages: string }[];
}

interface BrandView {
  agencyName: string;
  logo: string;
  logoAlt: string;
  preparedFor: string;
  preparedBy: string;
  contact: string;
  showWelcomemat: boolean;
}

export interface ReportView {
  lang: string;
  t: unknown;
  css: string;
  filterCss: string;
  script: string;
  csp: string;
  title: string;
  siteName: string;
  brand: BrandView;
  startedAt: { text: string; iso: string };
  finishedAt: { text: string; iso: string };
  duration: string;
  complete: boolean;
  partialText: string;
  /** Why the audit stopped early, as the audit recorded it: shown as a technical detail. */
  partialReason: string;
  /** The staging-copy notes (--rewrite-origin), one sentence each. */
  copyAudited: string[];
  startUrls: LinkView[];
  summary: {
    pagesAudited: string;
    pagesFailed: string;
    urlsSkipped: string;
    fixes: string;
    violations: string;
    needsReview: string;
    impactRows: { impact: Impact; label: string; violations: string; needsReview: string }[];
    headline: string;
  };
  topFixes: { anchor: string; number: number; title: string; impact: Impact; impactText: string; helps: string; effort: string }[];
  /** How complete the audit was, in plain sentences. */
  coverage: string[];
  changes?: {
    lead: string;
    barriers: string;
    source: string;
    rows: { title: string; anchor?: string; status: FixChange; statusText: string; instances: string; previousInstances: string }[];
  };
  trend?: TrendView;
  filters: FilterGroupView[];
  grouped: GroupedListView[];
  fixes: FixView[];
  /** Conformance tables (src/report/compliance-section.ts); printed in the summary PDF too. */
  compliance?: ComplianceView;
  /** The summary PDF: summary, fixes (one example each) and compliance only. */
  printSummary: boolean;
  printSummaryNote: string;
  lighthouse?: {
    version: string;
    rows: { page: LinkView; scores: { label: string; value: string }[]; error: string; errorDetail: string }[];
    opportunities: { heading: string; items: { title: string; value: string }[] }[];
  };
  pages: PageView[];
  pagesWithDetails: PageView[];
  /** Said above the pages table when each page's details are in their own file. */
  pageFilesNote: string;
  pagesCaption: string;
  skipped: { url: LinkView; reason: string; detail: string; from?: LinkView }[];
  documents?: Omit<DocumentsView, 'rows' | 'skipped'> & {
    rows: (Omit<DocumentRow, 'url' | 'links'> & { url: LinkView; links: { page: LinkView; text: string }[] })[];
    skipped: { url: LinkView; reason: string }[];
  };
  checkErrors: { ruleId: string; source: string; page?: LinkView; text: string; message: string }[];
  tool: { version: string; axeVersion: string; browserVersion: string; madeWith: string };
  config: { key: string; value: string }[];
}

interface Helpers {
  tr: Translator;
  /** Page rules the run had on, for "passed" counts from compact outcomes. */
  pageRules: number;
  /** Finding messages in the report's language. */
  wording: Wording;
  /** What the file is for: the web report, or one of the two PDF prints. */
  output: HtmlOutput;
  /** Prefix from the file being written to the report folder: "" for index.html, "../" for pages/<n>.html. */
  base: string;
  /** Each page's details go in their own file (a big site), not in the main one. */
  pageFiles: boolean;
  /** False on white-label reports: welcomemat's name is left out of rule sources too. */
  showTool: boolean;
  sizeOf: (relative: string) => ImageSize | undefined;
}

function formatScore(tr: Translator, value: number): string {
  return Number.isFinite(value) ? tr.number(Math.round(value * 10) / 10) : '—';
}

function formatMs(tr: Translator, ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  // Under a second reads better in ms; above it, seconds with one decimal.
  return ms < 1000 ? `${tr.number(Math.round(ms))} ms` : `${tr.number(Math.round(ms / 100) / 10)} s`;
}

function formatDuration(tr: Translator, ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return tr.t('units.second', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? tr.t('units.minute', { count: minutes }) : `${tr.t('units.minute', { count: minutes })} ${tr.t('units.second', { count: rest })}`;
}

function wcagCriterionLink(tr: Translator, id: string): LinkView {
  const known = criterion(id);
  if (known) return { text: tr.t('wcagLink', { id: known.id, title: criterionTitle(known.id, tr.locale) ?? known.title, level: known.level }), href: known.url };
  return { text: `WCAG ${id}`, href: 'https://www.w3.org/WAI/WCAG22/quickref/' };
}

function audienceText(tr: Translator, audience: Audience, short = false): string {
  const key = `${short ? 'audienceShort' : 'audience'}.${audience}`;
  try {
    return tr.t(key);
  } catch {
    return String(audience);
  }
}

/** Why a check gave no result, in the report's language (empty for a reason this version does not know). */
function checkErrorText(tr: Translator, reason: string, artifact: string): string {
  try {
    return tr.t(`checkErrors.reason.${reason}`, { artifact });
  } catch {
    return '';
  }
}

/** The documents section: URLs as links, everything from the document and the links escaped by the template. */
function htmlDocuments(report: Report, tr: Translator): ReportView['documents'] {
  const view = documentsView(report, tr);
  if (!view) return undefined;
  return {
    ...view,
    rows: view.rows.map((row) => ({ ...row, url: link(row.url), links: row.links.map((entry) => ({ page: link(entry.url), text: entry.text })) })),
    skipped: view.skipped.map((entry) => ({ url: link(entry.url), reason: entry.reason })),
  };
}

function safeT(tr: Translator, key: string, fallback: string): string {
  try {
    return tr.t(key);
  } catch {
    return fallback;
  }
}

function cropView(example: Fix['examples'][number], screenshot: string | undefined, helpers: Helpers, label: string): CropView | undefined {
  if (!screenshot || !example.box) return undefined;
  const size = helpers.sizeOf(screenshot);
  if (!size) return undefined;
  const crop = cropAround(example.box, size);
  if (!crop) return undefined;
  return {
    viewBox: crop.viewBox,
    width: size.width,
    height: size.height,
    href: screenshot,
    x: Math.round(example.box.x),
    y: Math.round(example.box.y),
    boxWidth: Math.round(example.box.width),
    boxHeight: Math.round(example.box.height),
    // 4 px at 1:1; crops are shown at most at their own size, so it never gets thinner than 4 px.
    stroke: 4,
    label,
  };
}

function effortText(tr: Translator, fix: Fix): string {
  if (fix.scope === 'template') return tr.t('fixes.effortTemplate');
  // A fix of a document check is an edit to each file: counted in documents.
  const unit = fix.source === 'welcomemat' && DOCUMENT_RULES.has(fix.ruleId) ? 'units.document' : 'units.page';
  return tr.t('fixes.effortContent', { count: fix.instances, pages: tr.t(unit, { count: fix.pages.length }) });
}

function fixView(fix: Fix, index: number, helpers: Helpers, change: FixChange | undefined): FixView {
  const { tr } = helpers;
  const pageCount = fix.pages.length;
  const distinct = distinctExamples(fix.examples);
  // One element on every page of the fix (a shared layout): show it once, then the pages.
  const sameElement = isSameElement(fix, distinct);
  // The summary PDF shows one example per fix; the report shows each different element.
  const shown = helpers.output === 'print-summary' ? distinct.slice(0, 1) : distinct;
  const shownPlaces = sameElement ? fix.instances : shown.reduce((sum, item) => sum + item.pages.length, 0);
  const scopeText =
    fix.scope === 'template'
      ? tr.t('fixes.scopeTemplate', { count: pageCount })
      : tr.t('fixes.scopeContent', { places: tr.t('units.place', { count: fix.instances }), pages: tr.t('units.page', { count: pageCount }) });
  const parts = fix.priorityParts;
  const listedPages = fix.pages.slice(0, helpers.output === 'print-summary' ? FIX_PAGES_LISTED_SUMMARY : FIX_PAGES_LISTED).map(link);
  const notListed = pageCount - listedPages.length;
  const help = fix.helpUrl ? httpHref(fix.helpUrl) : undefined;
  const levelText = safeT(tr, `level.${fix.level}`, String(fix.level));
  return {
    anchor: fixAnchorId(index),
    number: index + 1,
    title: fix.title,
    impact: fix.impact,
    impactText: tr.t('fixes.impactBadge', { impact: safeT(tr, `impact.${fix.impact}`, String(fix.impact)) }),
    kind: fix.kind,
    kindText: safeT(tr, `kind.${fix.kind}`, String(fix.kind)),
    family: cssToken(fix.family),
    familyText: safeT(tr, `family.${fix.family}`, String(fix.family)),
    wcagTokens: fix.wcag.map(cssToken).join(' '),
    change,
    changeText: change ? tr.t('changes.badge', { status: tr.t(`changes.${change}`) }) : '',
    scopeText,
    effort: effortText(tr, fix),
    priority: formatScore(tr, fix.priority),
    // The score is the product of its four terms (see the "How the order is worked out" section).
    priorityParts: parts
      ? tr.t('fixes.priorityParts', {
          impact: formatScore(tr, parts.impactWeight),
          level: formatScore(tr, parts.levelWeight),
          kind: formatScore(tr, parts.kindWeight),
          reach: formatScore(tr, parts.reach),
        })
      : '',
    affects: fix.affects.map((audience) => audienceText(tr, audience)),
    affectsShort: fix.affects.map((audience) => audienceText(tr, audience, true)).join(', '),
    whyItMatters: fix.whyItMatters,
    howToFix: fix.howToFix,
    example: fix.example,
    exampleLabel: tr.t('fixes.codeLabel', { number: index + 1 }),
    wcag: fix.wcag.map((id) => wcagCriterionLink(tr, id)),
    levelText,
    noWcagText: tr.t('fixes.noWcag', { level: levelText }),
    help: help ? { text: tr.t('fixes.learnMore'), href: help } : undefined,
    ruleText: helpers.showTool || fix.source !== 'welcomemat' ? tr.t('fixes.rule', { source: fix.source, rule: fix.ruleId }) : fix.ruleId,
    examples: shown.map(({ example, pages }, exampleIndex) => {
      const screenshot = safeRelativePath(example.screenshot);
      return {
        selector: example.selector,
        snippet: example.snippet,
        message: helpers.wording.finding(example),
        page: link(example.url),
        alsoOn: sameElement ? [] : pages.slice(1).map(link),
        screenshot,
        crop: exampleIndex < CROPS_PER_FIX ? cropView(example, screenshot, helpers, tr.t('fixes.cropAlt')) : undefined,
      };
    }),
    sameElement,
    sameElementText: sameElement ? tr.t('fixes.sameElement', { count: pageCount }) : '',
    moreInstances: fix.instances > shownPlaces ? tr.t('fixes.moreInstances', { count: fix.instances - shownPlaces }) : '',
    pages: listedPages,
    pagesFolded: pageCount > FIX_PAGES_OPEN,
    pagesSummary: tr.t('fixes.pagesAffected', { count: pageCount }),
    pagesNotListed: notListed > 0 ? tr.t('fixes.morePages', { count: notListed }) : '',
  };
}

const KIND_ORDER: Record<FindingKind, number> = { violation: 0, 'needs-review': 1, info: 2 };
const IMPACT_ORDER: Record<Impact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

type RuleGroups = Map<string, { first: Finding; shown: Finding[]; count: number }>;

/** One pass over all findings: page URL → rule → the first few findings and a count. */
function groupFindingsByPage(findings: Finding[]): Map<string, RuleGroups> {
  const byPage = new Map<string, RuleGroups>();
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

function pageView(page: PageResult, index: number, byRule: RuleGroups | undefined, ruleTitles: Map<string, { title: string; anchor: string }>, helpers: Helpers): PageView {
  const { tr } = helpers;
  const rules: RuleGroupView[] = [...(byRule?.values() ?? [])]
    .sort((a, b) => KIND_ORDER[a.first.kind] - KIND_ORDER[b.first.kind] || IMPACT_ORDER[a.first.impact] - IMPACT_ORDER[b.first.impact] || b.count - a.count)
    .map((group) => {
      const { first } = group;
      const known = ruleTitles.get(`${first.source}\u0000${first.ruleId}`);
      return {
        title: known?.title ?? first.ruleId,
        kind: first.kind,
        kindText: safeT(tr, `kind.${first.kind}`, String(first.kind)),
        impact: first.impact,
        impactText: safeT(tr, `impact.${first.impact}`, String(first.impact)),
        countText: tr.t('units.place', { count: group.count }),
        fixHref: known ? `${helpers.base ? `${helpers.base}index.html` : ''}#${known.anchor}` : undefined,
        examples: group.shown.map((finding) => ({ selector: finding.selector, snippet: finding.snippet, message: helpers.wording.finding(finding) })),
        more: group.count > group.shown.length ? tr.t('pages.morePlaces', { count: group.count - group.shown.length }) : '',
      };
    });
  const failed = page.error !== undefined;
  const screenshot = safeRelativePath(page.screenshot);
  const hasDetails = failed || rules.length > 0 || page.outcomes !== undefined || page.gathererErrors.length > 0 || page.sampled !== undefined || page.redirects.length > 0 || screenshot !== undefined;
  const total = [...(byRule?.values() ?? [])].reduce((sum, group) => sum + group.count, 0);
  const coverage = failed ? undefined : pageCoverage(page, helpers.pageRules);
  const notChecked = coverage ? describeNotRun(coverage.notRun, tr) : [];
  const title = page.title.trim() || (failed ? tr.t('common.notLoaded') : tr.t('common.untitled'));
  const anchor = hasDetails ? `page-${index + 1}` : undefined;
  return {
    anchor,
    detailHref: anchor ? (helpers.pageFiles ? pageFileName(index) : `#${anchor}`) : undefined,
    title,
    url: link(page.url),
    finalUrl: page.finalUrl && page.finalUrl !== page.url ? link(page.finalUrl) : undefined,
    redirects: page.redirects.map(link),
    status: page.status > 0 ? String(page.status) : tr.t('common.noResponse'),
    lang: page.lang.trim() || tr.t('common.missing'),
    violations: tr.number(page.violations),
    needsReview: tr.number(page.needsReview),
    time: formatMs(tr, page.timing.totalMs),
    failed,
    errorText: page.error ? safeT(tr, `pageError.${page.error.code}`, tr.t('common.somethingWrong')) : '',
    errorMessage: page.error ? `${page.error.code}: ${page.error.message}` : '',
    gathererErrors: page.gathererErrors.map((error) => ({
      text: tr.t(error.timedOut ? 'pages.gathererTimedOut' : 'pages.gathererFailed', { gatherer: error.gatherer }),
      detail: error.message,
    })),
    checkedText: coverage ? tr.t('coverage.pageChecked', { passed: coverage.passed, notApplicable: coverage.notApplicable, failed: coverage.failed, needsReview: coverage.needsReview }) : '',
    notChecked,
    screenshot: screenshot ? `${helpers.base}${screenshot}` : undefined,
    screenshotAlt: tr.t('pages.screenshotAlt', { title }),
    rules,
    findingsSummary: rules.length === 0 ? '' : tr.t('pages.summary', { findings: tr.t('units.finding', { count: total }), rules: tr.t('units.rule', { count: rules.length }) }),
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

/** Radio filters that work with CSS alone: :has() hides the fixes that do not match the checked option. */
function filterViews(fixes: FixView[], tr: Translator): { groups: FilterGroupView[]; css: string } {
  const groups: FilterGroupView[] = [];
  const rules: string[] = [];
  const add = (name: string, legend: string, values: { value: string; label: string }[], selector: (value: string) => string) => {
    if (values.length < 2) return; // one value filters nothing
    const options = [{ id: `filter-${name}-all`, label: tr.t('find.all'), checked: true }];
    for (const { value, label } of values) {
      const id = `filter-${name}-${cssToken(value).replace(/\./g, '-')}`;
      options.push({ id, label, checked: false });
      rules.push(`.report:has(#${id}:checked) .fix-list > .fix:not(${selector(cssToken(value))}) { display: none; }`);
    }
    groups.push({ name, legend, options });
  };
  add(
    'impact',
    tr.t('find.byImpact'),
    IMPACTS.filter((impact) => fixes.some((fix) => fix.impact === impact)).map((impact) => ({ value: impact, label: tr.t(`impact.${impact}`) })),
    (value) => `[data-impact="${value}"]`,
  );
  const families = [...new Set(fixes.map((fix) => fix.family))].sort();
  add('family', tr.t('find.byFamily'), families.map((family) => ({ value: family, label: safeT(tr, `family.${family}`, family) })), (value) => `[data-family="${value}"]`);
  const criteria = [...new Set(fixes.flatMap((fix) => fix.wcagTokens.split(' ').filter(Boolean)))].sort(compareCriteria);
  add('wcag', tr.t('find.byWcag'), criteria.map((id) => ({ value: id, label: id })), (value) => `[data-wcag~="${value}"]`);
  const changes = (['new', 'remaining'] as const).filter((change) => fixes.some((fix) => fix.change === change));
  if (fixes.some((fix) => fix.change)) add('change', tr.t('find.byChange'), changes.map((change) => ({ value: change, label: tr.t(`changes.${change}`) })), (value) => `[data-change="${value}"]`);
  return { groups, css: rules.join('\n') };
}

function compareCriteria(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function groupedViews(fixes: FixView[], tr: Translator): GroupedListView[] {
  const ref = (fix: FixView) => ({ anchor: fix.anchor, text: tr.t('find.fixRef', { number: fix.number, title: fix.title }) });
  const byImpact = IMPACTS.map((impact) => ({ label: tr.t(`impact.${impact}`), fixes: fixes.filter((fix) => fix.impact === impact).map(ref) })).filter((group) => group.fixes.length > 0);
  const families = [...new Set(fixes.map((fix) => fix.family))].sort();
  const byFamily = families.map((family) => ({ label: safeT(tr, `family.${family}`, family), fixes: fixes.filter((fix) => fix.family === family).map(ref) }));
  const criteria = [...new Set(fixes.flatMap((fix) => fix.wcagTokens.split(' ').filter(Boolean)))].sort(compareCriteria);
  const byWcag = criteria.map((id) => ({ label: wcagCriterionLink(tr, id).text, fixes: fixes.filter((fix) => fix.wcagTokens.split(' ').includes(id)).map(ref) }));
  const none = fixes.filter((fix) => fix.wcagTokens === '').map(ref);
  if (none.length > 0) byWcag.push({ label: tr.t('find.noWcag'), fixes: none });
  return [
    { title: tr.t('find.groupImpact'), groups: byImpact },
    { title: tr.t('find.groupFamily'), groups: byFamily },
    { title: tr.t('find.groupWcag'), groups: byWcag },
  ];
}

/** A line chart of past runs: solid line with circles for violations, dashed with squares for review. */
function trendView(report: Report, tr: Translator): TrendView | undefined {
  const history = report.history;
  if (!history || history.length < 2) return undefined;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const max = Math.max(1, ...history.map((point) => Math.max(point.violations, point.needsReview)));
  const step = history.length > 1 ? plotWidth / (history.length - 1) : 0;
  const xOf = (index: number) => Math.round(CHART.left + index * step);
  const yOf = (value: number) => Math.round(CHART.top + plotHeight - (value / max) * plotHeight);
  const series = (
    [
      ['violations', tr.t('summary.violations'), 'series-violations'],
      ['needsReview', tr.t('summary.needsReview'), 'series-review'],
    ] as const
  ).map(([key, name, className]) => {
    const markers = history.map((point, index) => ({ x: xOf(index), y: yOf(point[key]), label: tr.number(point[key]) }));
    const last = markers[markers.length - 1];
    return { name, className, points: markers.map((m) => `${m.x},${m.y}`).join(' '), markers, labelX: last.x, labelY: last.y };
  });
  // Date labels: at most about six, so they never overlap.
  const every = Math.max(1, Math.ceil(history.length / 6));
  const axis = history.map((point, index) => ({ x: xOf(index), label: tr.shortDate(point.startedAt) })).filter((_, index) => index % every === 0 || index === history.length - 1);
  const gridLines = [0, 0.5, 1].map((fraction) => ({ y: yOf(max * fraction), label: tr.number(Math.round(max * fraction)) }));
  return {
    chartLabel: tr.t('changes.trendChartLabel'),
    width: CHART.width,
    height: CHART.height,
    series,
    axis,
    gridLines,
    baseline: CHART.height - CHART.bottom + 18,
    rows: history.map((point) => ({
      date: tr.shortDate(point.startedAt),
      violations: tr.number(point.violations),
      needsReview: tr.number(point.needsReview),
      fixes: tr.number(point.fixes),
      pages: tr.number(point.pagesAudited),
    })),
  };
}

function lighthouseView(report: Report, tr: Translator): ReportView['lighthouse'] {
  const summary = report.lighthouse;
  if (!summary || summary.pages.length === 0) return undefined;
  const categories = ['performance', 'seo', 'best-practices'] as const;
  return {
    version: tr.t('lighthouse.version', { version: summary.version }),
    rows: summary.pages.map((page) => ({
      page: link(page.url),
      scores: categories.map((id) => {
        const score = page.scores.find((s) => s.id === id)?.score;
        return { label: tr.t(`lighthouse.${id}`), value: typeof score === 'number' ? tr.number(Math.round(score)) : tr.t('lighthouse.noScore') };
      }),
      error: page.error ? tr.t('lighthouse.failed') : '',
      errorDetail: page.error ?? '',
    })),
    opportunities: summary.pages
      .filter((page) => page.opportunities.length > 0)
      .map((page) => ({
        heading: tr.t('lighthouse.opportunities', { page: page.url }),
        items: page.opportunities.slice(0, LIGHTHOUSE_OPPORTUNITIES).map((item) => ({ title: item.title, value: item.displayValue })),
      })),
  };
}

function brandView(branding: Branding, tr: Translator): BrandView {
  return {
    agencyName: branding.agencyName,
    logo: safeImageSrc(branding.logoDataUri),
    logoAlt: branding.agencyName ? tr.t('report.logoAlt', { agency: branding.agencyName }) : '',
    preparedFor: branding.clientName ? tr.t('report.preparedFor', { client: branding.clientName }) : '',
    preparedBy: branding.agencyName ? tr.t('report.preparedBy', { agency: branding.agencyName }) : '',
    contact: branding.contact,
    showWelcomemat: branding.showWelcomemat,
  };
}

/** CSS custom properties from the (already validated, contrast-checked) brand colours. */
function brandCss(branding: Branding): string {
  const hex = /^#[0-9a-f]{6}$/i;
  const primary = hex.test(branding.primaryColour) ? branding.primaryColour : DEFAULT_BRANDING.primaryColour;
  const accent = hex.test(branding.accentColour) ? branding.accentColour : primary;
  return `:root { --brand: ${primary}; --brand-accent: ${accent}; --link: ${primary}; --focus: ${primary}; }`;
}

/** What an HTML file is for: the web report, or the page Chromium prints for the summary PDF or the full PDF. */
export type HtmlOutput = 'web' | 'print-summary' | 'print-full';

export interface ViewOptions {
  translator: Translator;
  branding?: Branding;
  outDir?: string;
  /** Default "web". */
  output?: HtmlOutput;
  /** Each page's details in pages/<n>.html instead of in this file (a big site's web report). */
  pageFiles?: boolean;
  /** Compliance inputs when the conformance summary is printed (src/report/compliance-section.ts). */
  compliance?: ComplianceInput;
}

/** What the main view and the per-page files share: worked out once per report. */
interface Prepared {
  helpers: Helpers;
  csp: string;
  css: string;
  localFixes: Fix[];
  fixes: FixView[];
  ruleTitles: Map<string, { title: string; anchor: string }>;
  findingsByPage: Map<string, RuleGroups>;
}

function prepare(report: Report, assets: { css: string; script: string }, options: ViewOptions): Prepared {
  const tr = options.translator;
  const branding = options.branding ?? DEFAULT_BRANDING;
  const helpers: Helpers = {
    tr,
    pageRules: pageRuleCount(report),
    wording: createWording(tr.locale),
    output: options.output ?? 'web',
    base: '',
    pageFiles: options.pageFiles ?? false,
    showTool: branding.showWelcomemat,
    sizeOf: options.outDir ? imageSizeReader(options.outDir) : () => undefined,
  };
  const scriptHash = createHash('sha256').update(assets.script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    // 'self' covers screenshots next to index.html, also over file:// in Chromium (tested); data: the logo.
    "img-src 'self' data:",
    `script-src 'sha256-${scriptHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const changeById = new Map(report.comparison?.fixes.map((fix) => [fix.id, fix.status]) ?? []);
  // Fix texts come from English check metadata; show them in the report's language where translated.
  const localFixes = report.fixes.map((fix) => localizeFix(fix, tr.locale));
  const fixes = localFixes.map((fix, index) => fixView(fix, index, helpers, report.comparison ? changeById.get(fix.id) : undefined));
  const ruleTitles = new Map<string, { title: string; anchor: string }>();
  localFixes.forEach((fix, index) => {
    const key = `${fix.source}\u0000${fix.ruleId}`;
    if (!ruleTitles.has(key)) ruleTitles.set(key, { title: fix.title, anchor: fixAnchorId(index) });
  });
  return { helpers, csp, css: `${assets.css}\n${brandCss(branding)}`, localFixes, fixes, ruleTitles, findingsByPage: groupFindingsByPage(report.findings) };
}

function findingsOf(prepared: Prepared, page: PageResult): RuleGroups | undefined {
  return prepared.findingsByPage.get(page.finalUrl || page.url) ?? prepared.findingsByPage.get(page.url);
}

/** A fix id starts with its source ("axe:color-contrast:violation:…"), so a compared fix can be worded like a current one. */
function sourceOfFixId(id: string): Fix['source'] {
  const source = id.split(':')[0];
  return source === 'axe' || source === 'lighthouse' ? source : 'welcomemat';
}

/** The compliance inputs for the view when the run prints the conformance summary. */
function complianceOf(context: RenderContext): Pick<ViewOptions, 'compliance'> {
  return context.complianceSection ? { compliance: context.compliance ?? {} } : {};
}

export function buildView(report: Report, assets: { css: string; script: string }, options: ViewOptions): ReportView {
  return mainView(report, assets, options, prepare(report, assets, options));
}

function mainView(report: Report, assets: { css: string; script: string }, options: ViewOptions, prepared: Prepared): ReportView {
  const tr = options.translator;
  const branding = options.branding ?? DEFAULT_BRANDING;
  const { helpers, fixes } = prepared;
  const pages = report.pages.map((page, index) => pageView(page, index, findingsOf(prepared, page), prepared.ruleTitles, helpers));
  const summary = report.summary;
  const gathererErrors = report.pages.reduce((sum, page) => sum + page.gathererErrors.length, 0);

  let headline: string;
  if (summary.fixes === 0) headline = tr.t('summary.nothing');
  else {
    const vars = { fixes: tr.t('units.fix', { count: summary.fixes }), barriers: tr.t('units.barrier', { count: summary.violations }) };
    headline = summary.needsReview > 0 ? tr.t('summary.headlineReview', { ...vars, places: tr.t('summary.reviewPlaces', { count: summary.needsReview }) }) : tr.t('summary.headline', vars);
  }

  const comparison = report.comparison;
  const anchorById = new Map(report.fixes.map((fix, index) => [fix.id, fixAnchorId(index)]));
  const changes = comparison
    ? {
        lead: tr.t('changes.lead', {
          date: tr.date(comparison.previous.startedAt).text,
          new: tr.t('changes.newCount', { count: comparison.counts.new }),
          remaining: tr.t('changes.remainingCount', { count: comparison.counts.remaining }),
          fixed: tr.t('changes.fixedCount', { count: comparison.counts.fixed }),
        }),
        notChecked: comparison.counts['not-checked'] > 0 ? tr.t('changes.notCheckedNote', { count: comparison.counts['not-checked'] }) : '',
        barriers: tr.t('changes.barriers', { before: comparison.previous.violations, now: summary.violations }),
        source: tr.t('changes.source', { source: comparison.previous.source === 'history' ? tr.t('changes.sourceHistory') : comparison.previous.source }),
        rows: comparison.fixes.map((fix) => ({
          // The comparison keeps the English title it was made with; word it like the fix itself.
          title: localizeFix({ source: sourceOfFixId(fix.id), ruleId: fix.ruleId, title: fix.title, whyItMatters: '', howToFix: '' }, tr.locale).title,
          anchor: anchorById.get(fix.id),
          status: fix.status,
          statusText: fix.uncheckedBefore ? `${safeT(tr, `changes.${fix.status}`, String(fix.status))} (${tr.t('changes.uncheckedBefore')})` : safeT(tr, `changes.${fix.status}`, String(fix.status)),
          instances: tr.number(fix.instances),
          previousInstances: tr.number(fix.previousInstances),
        })),
      }
    : undefined;

  const filters = filterViews(fixes, tr);
  const siteName = report.siteName || tr.t('common.unnamedSite');
  const output = helpers.output;
  return {
    lang: tr.locale,
    t: tr.messages,
    css: prepared.css,
    filterCss: output === 'web' ? filters.css : '',
    script: assets.script,
    csp: prepared.csp,
    title: tr.t('report.title', { site: siteName }),
    siteName,
    brand: brandView(branding, tr),
    startedAt: tr.date(report.startedAt),
    finishedAt: tr.date(report.finishedAt),
    duration: formatDuration(tr, report.durationMs),
    complete: report.complete !== false,
    partialText: tr.t('header.partialText'),
    partialReason: report.incompleteReason ?? '',
    copyAudited: copyAuditedLines(report, tr),
    startUrls: report.startUrls.map(link),
    summary: {
      pagesAudited: tr.t('units.page', { count: summary.pagesAudited }),
      pagesFailed: tr.t('units.page', { count: summary.pagesFailed }),
      urlsSkipped: tr.t('units.address', { count: summary.urlsSkipped }),
      fixes: tr.t('units.fix', { count: summary.fixes }),
      violations: tr.number(summary.violations),
      needsReview: tr.number(summary.needsReview),
      impactRows: IMPACTS.map((impact) => ({
        impact,
        label: tr.t(`impact.${impact}`),
        violations: tr.number(summary.violationsByImpact?.[impact] ?? 0),
        needsReview: tr.number(summary.needsReviewByImpact?.[impact] ?? 0),
      })),
      headline,
    },
    coverage: describeCoverage(coverageOf(report, checkGroups()), tr),
    topFixes: fixes.slice(0, TOP_FIXES).map((fix) => ({
      anchor: fix.anchor,
      number: fix.number,
      title: fix.title,
      impact: fix.impact,
      impactText: fix.impactText,
      helps: fix.affectsShort ? tr.t('summary.topHelps', { who: fix.affectsShort }) : '',
      effort: fix.effort,
    })),
    changes,
    trend: trendView(report, tr),
    filters: output === 'web' ? filters.groups : [],
    grouped: groupedViews(fixes, tr),
    fixes,
    compliance: complianceSection(report, tr.locale, options.compliance),
    printSummary: output === 'print-summary',
    printSummaryNote: output === 'print-summary' ? tr.t('print.summaryNote', { pages: tr.t('units.page', { count: report.pages.length }) }) : '',
    lighthouse: lighthouseView(report, tr),
    pages,
    pagesWithDetails: helpers.pageFiles ? [] : pages.filter((page) => page.anchor !== undefined),
    pageFilesNote: helpers.pageFiles ? tr.t('pages.filesNote') : '',
    pagesCaption: tr.t('pages.caption', {
      pages: tr.t('units.page', { count: pages.length }),
      failed: summary.pagesFailed,
      errors: tr.t('units.gathererError', { count: gathererErrors }),
    }),
    skipped: report.skipped.map((skipped) => ({
      url: link(skipped.url),
      reason: safeT(tr, `skipReason.${skipped.reason}`, String(skipped.reason)),
      detail: skipped.detail,
      from: skipped.from ? link(skipped.from) : undefined,
    })),
    documents: htmlDocuments(report, tr),
    checkErrors: report.checkErrors.map((error) => ({
      ruleId: error.ruleId,
      source: branding.showWelcomemat || error.source !== 'welcomemat' ? error.source : '',
      page: error.url ? link(error.url) : undefined,
      // Worded from the locale where the error says why; the technical message stays as it came.
      text: error.reason ? checkErrorText(tr, error.reason, error.artifact ?? '') : '',
      message: error.reason ? (error.detail ?? error.message) : error.message,
    })),
    tool: {
      version: report.tool.version,
      axeVersion: report.tool.axeVersion,
      browserVersion: report.tool.browserVersion,
      madeWith: tr.t('footer.madeWithValue', { version: report.tool.version, schema: report.schemaVersion }),
    },
    config: configRows(report.config),
  };
}

/** One page's details as its own small page: the same look and CSP as the report, a way back to it. */
export interface PageFileView {
  /** Tells the shared page-detail partial it is the whole file (h1, findings open). */
  pageFile: true;
  lang: string;
  t: unknown;
  css: string;
  script: string;
  csp: string;
  title: string;
  siteName: string;
  reportTitle: string;
  backText: string;
  pageNumberText: string;
  previous?: { href: string; text: string };
  next?: { href: string; text: string };
  page: PageView;
  brand: BrandView;
  tool: ReportView['tool'];
}

/** The per-page files of a big site: file name (relative to the report folder) and view. */
function pageFileViews(report: Report, options: ViewOptions, prepared: Prepared, assets: { css: string; script: string }): { fileName: string; view: PageFileView }[] {
  const tr = options.translator;
  const branding = options.branding ?? DEFAULT_BRANDING;
  const helpers: Helpers = { ...prepared.helpers, base: '../' };
  const siteName = report.siteName || tr.t('common.unnamedSite');
  const reportTitle = tr.t('report.title', { site: siteName });
  const withDetails = report.pages
    .map((page, index) => ({ index, view: pageView(page, index, findingsOf(prepared, page), prepared.ruleTitles, helpers) }))
    .filter((entry) => entry.view.anchor !== undefined);
  const tool = {
    version: report.tool.version,
    axeVersion: report.tool.axeVersion,
    browserVersion: report.tool.browserVersion,
    madeWith: tr.t('footer.madeWithValue', { version: report.tool.version, schema: report.schemaVersion }),
  };
  // Sibling links are relative to pages/, where every file sits.
  const sibling = (index: number) => pageFileName(index).slice(PAGE_FILES_DIR.length + 1);
  return withDetails.map(({ index, view }, position) => {
    const before = withDetails[position - 1];
    const after = withDetails[position + 1];
    return {
      fileName: pageFileName(index),
      view: {
        pageFile: true,
        lang: tr.locale,
        t: tr.messages,
        css: prepared.css,
        script: assets.script,
        csp: prepared.csp,
        title: tr.t('pages.fileTitle', { page: view.title, report: reportTitle }),
        siteName,
        reportTitle,
        backText: tr.t('pages.backToReport'),
        pageNumberText: tr.t('pages.fileNumber', { number: index + 1, pages: report.pages.length }),
        ...(before ? { previous: { href: sibling(before.index), text: tr.t('pages.previousPage', { title: before.view.title }) } } : {}),
        ...(after ? { next: { href: sibling(after.index), text: tr.t('pages.nextPage', { title: after.view.title }) } } : {}),
        page: view,
        brand: brandView(branding, tr),
        tool,
      },
    };
  });
}

// ---------- templates: read from the package, compiled once ----------

interface CompiledTemplates {
  hbs: typeof Handlebars;
  template: Handlebars.TemplateDelegate<ReportView>;
  pageTemplate: Handlebars.TemplateDelegate<PageFileView>;
  css: string;
}

let compiled: Promise<CompiledTemplates> | undefined;

export const TEMPLATE_OPTIONS = { knownHelpers: { safeHref: true, eq: true }, knownHelpersOnly: true, preventIndent: true };

async function loadTemplates(): Promise<CompiledTemplates> {
  const dir = path.join(packageRoot, 'templates');
  const partialDir = path.join(dir, 'partials');
  const hbs = Handlebars.create();
  hbs.registerHelper('safeHref', safeHref);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialFiles = (await fs.readdir(partialDir)).filter((file) => file.endsWith('.hbs')).sort();
  for (const file of partialFiles) {
    const source = await fs.readFile(path.join(partialDir, file), 'utf8');
    hbs.registerPartial(path.basename(file, '.hbs'), hbs.compile(source, TEMPLATE_OPTIONS));
  }
  const [source, pageSource, css] = await Promise.all([
    fs.readFile(path.join(dir, 'report.hbs'), 'utf8'),
    fs.readFile(path.join(dir, 'page.hbs'), 'utf8'),
    fs.readFile(path.join(dir, 'report.css'), 'utf8'),
  ]);
  return { hbs, template: hbs.compile<ReportView>(source, TEMPLATE_OPTIONS), pageTemplate: hbs.compile<PageFileView>(pageSource, TEMPLATE_OPTIONS), css };
}

/** The compiled templates and the report CSS (shared with the site index page). */
export function templates(): Promise<CompiledTemplates> {
  compiled ??= loadTemplates().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

/** Whether a report is big enough that its web report keeps each page's details in a file of its own. */
export function isBigSite(report: Pick<Report, 'pages'>): boolean {
  return report.pages.length > BIG_SITE_PAGES;
}

/** The main HTML file: the web report (page details inline, or linked files with `pageFiles`), or a page to print as PDF. */
export async function renderHtml(
  report: Report,
  context: RenderContext,
  script: string = PRINT_SCRIPT,
  options: { output?: HtmlOutput; pageFiles?: boolean } = {},
): Promise<string> {
  const { template, css } = await templates();
  const translator = createTranslator(context.locale);
  return template(buildView(report, { css, script }, { translator, branding: context.branding, outDir: context.outDir, ...complianceOf(context), ...options }));
}

/**
 * The web report: index.html, and for a big site (over BIG_SITE_PAGES pages) one small file
 * per page with details, pages/<n>.html, linked from the pages table.
 */
export async function renderHtmlFiles(report: Report, context: RenderContext, script: string = PRINT_SCRIPT): Promise<RenderedFile[]> {
  const { template, pageTemplate, css } = await templates();
  const translator = createTranslator(context.locale);
  const pageFiles = isBigSite(report);
  const options: ViewOptions = { translator, branding: context.branding, outDir: context.outDir, output: 'web', pageFiles, ...complianceOf(context) };
  const assets = { css, script };
  const prepared = prepare(report, assets, options);
  const files: RenderedFile[] = [{ fileName: 'index.html', contents: template(mainView(report, assets, options, prepared)) }];
  if (pageFiles) for (const { fileName, view } of pageFileViews(report, options, prepared, assets)) files.push({ fileName, contents: pageTemplate(view) });
  return files;
}

export const htmlRenderer: Renderer = {
  name: 'html',
  fileName: 'index.html',
  async render(report, context) {
    return (await renderHtmlFiles(report, context))[0].contents;
  },
  renderFiles(report, context) {
    return renderHtmlFiles(report, context);
  },
};
