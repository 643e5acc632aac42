// The check contract: metadata as data plus a pure evaluate over declared artifacts.
import type { ArtifactMap, ArtifactName } from '../gather/artifacts.js';
import type { Audience, Box, CheckFamily, FindingKind, Impact, WcagLevel } from '../model/finding.js';

export interface CheckMeta {
  /** kebab-case, equal to the file name under src/checks/. */
  id: string;
  title: string;
  family: CheckFamily;
  /** Who the barrier shuts out. */
  affects: Audience[];
  /** WCAG success criteria such as "3.1.1"; empty for inclusive design practice. */
  wcag: string[];
  level: WcagLevel;
  /** Impact when the check is sure; a result may lower it. */
  impact: Impact;
  /** Why it matters, in plain words for a business owner. */
  whyItMatters: string;
  howToFix: string;
  /** A short code example of the fix. */
  example: string;
  helpUrl: string;
}

/** What a check says about one element (or the page, or the site). */
export interface CheckResult {
  kind: FindingKind;
  message: string;
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
}

export interface SiteCheck<R extends ArtifactName = ArtifactName> {
  scope: 'site';
  meta: CheckMeta;
  requires: readonly R[];
  evaluate(pages: SitePage<R>[], context: SiteCheckContext): CheckResult[];
}

export type Check = PageCheck<any> | SiteCheck<any>;

/** Helpers so a check file states its artifact needs once and gets typed evaluate arguments. */
export function definePageCheck<R extends ArtifactName>(check: Omit<PageCheck<R>, 'scope'>): PageCheck<R> {
  return { scope: 'page', ...check };
}

export function defineSiteCheck<R extends ArtifactName>(check: Omit<SiteCheck<R>, 'scope'>): SiteCheck<R> {
  return { scope: 'site', ...check };
}
