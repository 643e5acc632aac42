// The report model: plain, versioned, serialisable data that every renderer reads.
import type { CheckError, Finding, Impact, FindingKind, Audience, CheckFamily, WcagLevel } from './finding.js';
import type { RuleOutcomes, RuleRef } from './outcome.js';
import type { DocumentResult, SkippedDocument } from './document.js';

/**
 * A linked document as the report keeps it (schema 2.1): what was read and the outcomes,
 * with counts; its findings are in the report's `findings` (url = the document's final URL),
 * so fixes group across documents as they do across pages.
 */
export type ReportDocument = Omit<DocumentResult, 'findings'> & { violations: number; needsReview: number };

/** Bump the major part when a field is removed or changes meaning; minor when one is added. */
export const REPORT_SCHEMA_VERSION = '2.1.0';

/** Why a page was not audited, or why its audit failed. */
export type PageErrorCode =
  | 'timeout'
  | 'http-error'
  | 'network-error'
  | 'crashed'
  | 'redirect-loop'
  | 'not-html'
  | 'download'
  | 'navigated-away'
  | 'aborted'
  | 'unknown';

export interface PageError {
  code: PageErrorCode;
  message: string;
}

export interface PageTiming {
  /** Navigation until the load event (or the settle bound). */
  loadMs: number;
  /** All gatherers on the page. */
  gatherMs: number;
  /** From opening the tab to closing it. */
  totalMs: number;
}

export interface GathererError {
  gatherer: string;
  message: string;
  /** True when the gatherer ran out of its time budget rather than failing. */
  timedOut: boolean;
  /** The time budget it had (after adapting to the page), in ms. */
  budgetMs?: number;
  /** Whether it was tried a second time, with more time, before giving up. */
  retried?: boolean;
}

export interface PageResult {
  /** The URL as discovered (normalised). */
  url: string;
  /** Where the browser ended up after redirects. */
  finalUrl: string;
  /** Each hop of an HTTP redirect chain, first to last, not counting finalUrl. */
  redirects: string[];
  /** HTTP status of the final response; 0 where none arrived. */
  status: number;
  title: string;
  /** The page's declared `lang` on <html>, as written; empty where missing. */
  lang: string;
  /** Link distance from a start URL (0 for start URLs and sitemap entries found at start). */
  depth: number;
  /** How the page was found. */
  /** route: a single-page-app route a navigation control led to by script (pushState or a hash route). */
  foundBy: 'start' | 'link' | 'sitemap' | 'route';
  timing: PageTiming;
  /** Set when the page could not be audited; its findings are then empty. */
  error?: PageError;
  gathererErrors: GathererError[];
  /**
   * Set when the keyboard, zoom and motion gatherers did not run on this page (see
   * options.interaction): a page of the same layout stood in for it, or the limit of
   * sampled layouts was reached.
   */
  sampled?: InteractionSample;
  /** Screenshot file name relative to the report folder, where one was taken. */
  screenshot?: string;
  violations: number;
  needsReview: number;
  /**
   * The outcome of every page rule of the report's `rules` on this page (schema 2.0);
   * absent on pages that failed to load. See src/model/outcome.ts.
   */
  outcomes?: RuleOutcomes;
  /**
   * A hash of the page's content as audited (schema 2.x; recorded by the page runner), so a
   * later run can tell whether the page changed. Equal for an unchanged page across runs.
   */
  contentHash?: string;
  /**
   * When the page last changed, as far as the run history shows (schema 2.x; filled from
   * the history with the report): the start of the earliest run, in the unbroken line of runs
   * ending with this one, in which the page had this contentHash. Absent when unknown (no
   * hash, or no earlier run recorded hashes). Manual verdicts older than this are stale.
   */
  contentChangedAt?: string;
}

/**
 * Ways to reach the business that the audit found on the site (from the content artifact's
 * contact facts, src/compliance/collect-contacts.ts). Every string is the site's own text:
 * untrusted. Each list keeps the first few found, in page order.
 */
export interface ReportContacts {
  /** Phone numbers of tel: links, as the link writes them. */
  phones: string[];
  /** Addresses of mailto: links, without their ?subject= part. */
  emails: string[];
  /** Numbers of sms: links. */
  sms: string[];
  /** Contact, help and chat links: where they go and their text. */
  pages: { url: string; text: string; kind: 'contact-page' | 'help-page' | 'chat' }[];
  /** Pages that carry a contact form (a form with a free-text box or an email field). */
  formPages: string[];
  /** Links to an accessibility statement. */
  accessibilityStatements: { url: string; text: string }[];
}

/** Why a page did not get the keyboard, zoom and motion gatherers. */
export interface InteractionSample {
  reason: 'same-layout' | 'layout-limit';
  /** same-layout: the page whose results stand in for this one. */
  standIn?: string;
  /** layout-limit: the limit of layouts that was reached. */
  limit?: number;
}

/** A URL seen during the crawl that was deliberately not loaded as a page. */
export interface SkippedUrl {
  url: string;
  reason:
    | 'not-html'
    | 'robots-disallowed'
    | 'out-of-scope'
    | 'excluded'
    | 'max-pages'
    | 'max-depth'
    | 'time-budget'
    | 'duplicate-final-url'
    | 'interrupted';
  /** Human-readable detail, e.g. the content type or the robots rule. */
  detail: string;
  /** The page that linked to it, where known. */
  from?: string;
}

/** One example instance of a fix, for the report. */
export interface FixExample {
  url: string;
  selector: string;
  snippet: string;
  message: string;
  /** The message as an id and parameters (Finding.messageRef), so a report in another language can word it. */
  messageRef?: Finding['messageRef'];
  box?: Finding['box'];
  /** Screenshot of the page the example is on, relative to the report folder. */
  screenshot?: string;
}

/** The terms of a fix's priority score; see docs/priority.md. */
export interface PriorityParts {
  impactWeight: number;
  levelWeight: number;
  kindWeight: number;
  reach: number;
}

/** A fix: findings with the same rule and cause, grouped across pages. */
export interface Fix {
  /** Stable across runs for the same rule and cause, so runs can be compared. */
  id: string;
  ruleId: string;
  source: Finding['source'];
  kind: FindingKind;
  title: string;
  impact: Impact;
  family: CheckFamily;
  wcag: string[];
  level: WcagLevel;
  affects: Audience[];
  whyItMatters: string;
  howToFix: string;
  /** A short code example of the fix, where the check has one. */
  example: string;
  helpUrl: string;
  /**
   * template: the same element repeats on several pages, so it is one change in the
   * shared layout; content: separate edits on each page.
   */
  scope: 'template' | 'content';
  /** Every page the fix touches (final URLs). */
  pages: string[];
  /** Number of elements across all pages. */
  instances: number;
  /** Up to a few examples; `instances` says how many there are in all. */
  examples: FixExample[];
  priority: number;
  priorityParts: PriorityParts;
  /** Plain hint such as "one change in the shared layout" or "12 edits on 5 pages". */
  effort: string;
}

export type CountsByImpact = Record<Impact, number>;

export interface ReportSummary {
  pagesAudited: number;
  pagesFailed: number;
  urlsSkipped: number;
  violations: number;
  needsReview: number;
  info: number;
  fixes: number;
  violationsByImpact: CountsByImpact;
  needsReviewByImpact: CountsByImpact;
}

export interface Report {
  schemaVersion: string;
  tool: {
    name: 'welcomemat';
    version: string;
    axeVersion: string;
    browserVersion: string;
  };
  /** A display name for the site (config, or the start URL's host). */
  siteName: string;
  startUrls: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** False when the crawl was interrupted or hit its time budget before the frontier emptied. */
  complete: boolean;
  incompleteReason?: string;
  /** The options the audit ran with, secrets removed. */
  config: Record<string, unknown>;
  summary: ReportSummary;
  pages: PageResult[];
  skipped: SkippedUrl[];
  findings: Finding[];
  fixes: Fix[];
  checkErrors: CheckError[];
  /** Every rule the run knew (axe rules and welcomemat checks), the index of every page's outcomes (schema 2.0). */
  rules?: RuleRef[];
  /** Linked documents (PDFs) audited beside the pages (schema 2.1); absent when none were found or documents were off. */
  documents?: ReportDocument[];
  /** Documents found but not audited, and why (schema 2.1). */
  skippedDocuments?: SkippedDocument[];
  /** Outcomes of the site rules (schema 2.0). */
  siteOutcomes?: RuleOutcomes;
  /** Ways to reach the business found on the site, for the accessibility statement (schema 2.x). */
  contacts?: ReportContacts;
  /** Lighthouse scores for a few pages, when that option was on (schema 1.1). */
  lighthouse?: LighthouseSummary;
  /** What changed since a previous report (schema 1.1). */
  comparison?: Comparison;
  /** Earlier runs kept in the output folder, oldest first, this run last (schema 1.1). */
  history?: HistoryPoint[];
}

/** One Lighthouse category score, 0–100; null where Lighthouse could not score it. */
export interface LighthouseScore {
  id: 'performance' | 'seo' | 'best-practices';
  score: number | null;
}

/** A Lighthouse audit that failed with a saving to gain ("opportunity") or a failing check. */
export interface LighthouseOpportunity {
  id: string;
  title: string;
  category: LighthouseScore['id'];
  /** Lighthouse's own 0–1 score of the audit; lower is worse. */
  score: number | null;
  /** Lighthouse's short figure, e.g. "Potential savings of 1.2 s". */
  displayValue: string;
  /** Estimated time saved, where Lighthouse gives one. */
  savingsMs?: number;
}

export interface LighthousePage {
  url: string;
  scores: LighthouseScore[];
  opportunities: LighthouseOpportunity[];
  durationMs: number;
  /** Set when Lighthouse failed on this page; never fatal to the audit. */
  error?: string;
}

export interface LighthouseSummary {
  version: string;
  pages: LighthousePage[];
}

/**
 * new: not in the previous report; remaining: in both; fixed: only in the previous one,
 * and its rule ran again (and found nothing) on every page where it was; not-checked: only
 * in the previous one, but its rule did not run again on some of those pages (a page that
 * failed, a gatherer that ran out of time, a check switched off), so nobody knows.
 */
export type FixChange = 'new' | 'remaining' | 'fixed' | 'not-checked';

export interface ComparedFix {
  id: string;
  title: string;
  ruleId: string;
  impact: Impact;
  kind: FindingKind;
  status: FixChange;
  instances: number;
  previousInstances: number;
  /** A new fix whose rule did not run in the previous report where it is now: maybe not new at all. */
  uncheckedBefore?: boolean;
}

export interface Comparison {
  previous: {
    startedAt: string;
    siteName: string;
    /** Where the previous report came from: a file name, or "history" for the output folder. */
    source: string;
    violations: number;
    needsReview: number;
  };
  counts: Record<FixChange, number>;
  /** Every fix of either report, new first, then remaining, then fixed, then not checked. */
  fixes: ComparedFix[];
}

/** One run's totals, for the trend chart. */
export interface HistoryPoint {
  startedAt: string;
  pagesAudited: number;
  violations: number;
  needsReview: number;
  fixes: number;
}
