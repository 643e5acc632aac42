// The check contract: metadata as data plus a pure evaluate over declared artifacts.
import type { ArtifactMap, ArtifactName } from '../gather/artifacts.js';
import type { Audience, Box, CheckFamily, FindingKind, Impact, WcagLevel } from '../model/finding.js';
import type { MessageParam, MessageTemplate } from '../model/message.js';
import type { PdfArtifact } from '../model/document.js';
import type { LinkTargets } from '../model/dead-end.js';

export interface CheckMeta {
  /** kebab-case, equal to the file name under src/checks/. */
  id: string;
  title: string;
  family: CheckFamily;
  /** Who the barrier shuts out. */
  affects: Audience[];
  /** WCAG success criteria such as "3.1.1"; empty for inclusive design practice. */
  wcag: string[];
  /**
   * EN 301 549 (V3.2.1) clauses the check tests (fully or partly), where they are not simply
   * the WCAG criteria's chapter 9 twins (a page or site check's WCAG x.y.z is clause 9.x.y.z
   * already, Levels A and AA): chapter 10 (non-web documents) for document checks, such as
   * "10.1.3.1" (Info and relationships) or "10.2.4.2" (Document titled); chapter 12
   * (documentation and support services) for the "ways to get help" checks ("12.2.3").
   * Absent or empty: no clause beyond what `wcag` implies. The conformance table, statement
   * and ACR read it (src/compliance/mapping.ts).
   */
  en301549?: string[];
  level: WcagLevel;
  /** Impact when the check is sure; a result may lower it. */
  impact: Impact;
  /** Why it matters, in plain words for a business owner. */
  whyItMatters: string;
  howToFix: string;
  /** A short code example of the fix. */
  example: string;
  helpUrl: string;
  /**
   * The check's finding messages in English, by key: "{name}" placeholders, plural
   * forms keyed by Intl.PluralRules category and picked by {count}. Other languages
   * are in locales/checks.<code>.json under the check id. A result names one by key.
   */
  messages?: Record<string, MessageTemplate>;
}

/** A result's message: a key of the check's `meta.messages` with its parameters (nested messages are keys of the same check). */
export interface CheckMessage {
  id: string;
  params?: Record<string, MessageParam>;
}

/** Builds a CheckMessage: `message('missing', { count: 3 })`. */
export function message(id: string, params?: Record<string, MessageParam>): CheckMessage {
  return params ? { id, params } : { id };
}

/** What a check says about one element (or the page, or the site). */
export interface CheckResult {
  kind: FindingKind;
  /** Plain English (older checks), or a message of the check's `meta.messages` so every report language can word it. */
  message: string | CheckMessage;
  /** CSS selector; omit for a page- or site-level result. */
  selector?: string;
  snippet?: string;
  /** Overrides the check's impact for this result. */
  impact?: Impact;
  box?: Box;
  /** Same cause across pages (see Finding.causeKey). */
  causeKey?: string;
  /** Site checks must say which page a result is on; page checks may leave it out. */
  url?: string;
}

/** Per-check settings from config: `checks: { "<id>": false | { ...options } }`. */
export type CheckSettings = Record<string, unknown>;

export interface PageCheckContext {
  /** The page's final URL. */
  url: string;
  settings: CheckSettings;
}

export interface PageCheck<R extends ArtifactName = ArtifactName> {
  scope: 'page';
  meta: CheckMeta;
  requires: readonly R[];
  /**
   * Whether the page has anything this check judges (images, forms, video…). When it
   * says no, the page's outcome for the check is "not applicable" rather than "passed".
   * Absent: always applicable.
   */
  appliesTo?(artifacts: Pick<ArtifactMap, R>, context: PageCheckContext): boolean;
  evaluate(artifacts: Pick<ArtifactMap, R>, context: PageCheckContext): CheckResult[];
}

/** One audited page as a site check sees it. */
export interface SitePage<R extends ArtifactName = ArtifactName> {
  url: string;
  finalUrl: string;
  status: number;
  artifacts: Pick<ArtifactMap, R>;
}

export interface SiteCheckContext {
  startUrls: string[];
  settings: CheckSettings;
  /** Final URLs of every page that was audited, and of those that failed, for link-checking. */
  auditedUrls: ReadonlySet<string>;
  /** Link targets the crawl found leading nowhere (src/crawl/link-targets.ts). */
  linkTargets?: LinkTargets;
}

export interface SiteCheck<R extends ArtifactName = ArtifactName> {
  scope: 'site';
  meta: CheckMeta;
  requires: readonly R[];
  /** Whether the site has anything this check judges; absent: always applicable. */
  appliesTo?(pages: SitePage<R>[], context: SiteCheckContext): boolean;
  evaluate(pages: SitePage<R>[], context: SiteCheckContext): CheckResult[];
}

export type Check = PageCheck<any> | SiteCheck<any>;

/** What a document check can read: the PDF's facts (more document types may join). */
export interface DocumentArtifacts {
  pdf: PdfArtifact;
}

export type DocumentArtifactName = keyof DocumentArtifacts;

export interface DocumentCheckContext {
  /** The document's final URL. */
  url: string;
  settings: CheckSettings;
}

/**
 * A check of one linked document (a PDF), run beside the pages, never by the page
 * runner: document checks are listed in src/checks/document-checks.ts, not in the
 * page registry, and run by runDocumentChecks (src/documents/run-document-checks.ts).
 */
export interface DocumentCheck<R extends DocumentArtifactName = DocumentArtifactName> {
  scope: 'document';
  meta: CheckMeta;
  requires: readonly R[];
  /** Whether the document has anything this check judges (figures, form fields…); false → "not applicable". Absent: always. */
  appliesTo?(artifacts: Pick<DocumentArtifacts, R>, context: DocumentCheckContext): boolean;
  evaluate(artifacts: Pick<DocumentArtifacts, R>, context: DocumentCheckContext): CheckResult[];
}

/** Helpers so a check file states its artifact needs once and gets typed evaluate arguments. */
export function definePageCheck<R extends ArtifactName>(check: Omit<PageCheck<R>, 'scope'>): PageCheck<R> {
  return { scope: 'page', ...check };
}

export function defineSiteCheck<R extends ArtifactName>(check: Omit<SiteCheck<R>, 'scope'>): SiteCheck<R> {
  return { scope: 'site', ...check };
}

export function defineDocumentCheck<R extends DocumentArtifactName>(check: Omit<DocumentCheck<R>, 'scope'>): DocumentCheck<R> {
  return { scope: 'document', ...check };
}
