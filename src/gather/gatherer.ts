// The gatherer contract: the only code that touches a live page.
import type { Page } from 'puppeteer';
import type { ArtifactMap, ArtifactName } from './artifacts.js';
import type { ResolvedOptions } from '../config/options.js';

export interface GatherContext {
  /** The audited page, loaded and settled. Static gatherers must not change it. */
  page: Page;
  /** The page's final URL. */
  url: string;
  options: ResolvedOptions;
  /**
   * A tab at the same URL, loaded and settled, for gatherers that act on the page (Tab,
   * resize): the audited tab itself once every static gatherer is done, put back to its
   * loaded state (viewport, scroll, focus, motion), or a new tab in the same browser
   * context loaded again when that tab cannot be lent (see src/page/run-gatherers.ts).
   * The runner closes it; the gatherer puts back what it changes (viewport, styles).
   */
  openFreshPage(): Promise<Page>;
  /**
   * The HTML the server sent for the audited page, from its navigation response (not the
   * DOM the browser repaired); null when the browser no longer holds it.
   */
  mainDocumentHtml(): Promise<string | null>;
  /** Aborted when the gatherer's time budget runs out; long loops should check it. */
  signal: AbortSignal;
  /** The time budget of this attempt (adapted to the page), for gatherers that stop themselves before it ends. */
  budgetMs: number;
}

export interface Gatherer<N extends ArtifactName = ArtifactName> {
  artifact: N;
  /**
   * static: only reads the page, runs first.
   * interactive: acts on the page (keys, viewport, emulation); runs after every
   * static gatherer, or in a fresh page, so it cannot disturb their artifacts.
   */
  phase: 'static' | 'interactive';
  /** Runs even when no check reads its artifact, because the report uses it (the screenshot). */
  forReport?: boolean;
  /** Runs on every page, never sampled by layout, because the crawl reads its artifact (routes found by clicking). */
  forCrawl?: boolean;
  /**
   * Base time budget per page in milliseconds, on a quiet machine and an ordinary page; the
   * runner scales it to the page's pace (src/page/gatherer-budget.ts). Past it the artifact
   * becomes a failure.
   */
  budgetMs(options: ResolvedOptions): number;
  /** Whether a timed-out attempt is tried once more with a larger budget; default: interactive gatherers only. */
  retryOnTimeout?: boolean;
  /**
   * The crawl cannot do without it (the DOM snapshot: links, title, language), so
   * `disabledGatherers` does not switch it off.
   */
  required?: boolean;
  /** A condition of its own besides `disabledGatherers` (the screenshot needs a folder to write to). */
  enabled?(options: ResolvedOptions): boolean;
  gather(context: GatherContext): Promise<ArtifactMap[N]>;
}

/** Whether a gatherer runs under these options: not listed in `disabledGatherers`, and its own condition holds. */
export function isGathererOn(gatherer: Gatherer, options: ResolvedOptions): boolean {
  if (!gatherer.required && options.disabledGatherers.includes(gatherer.artifact)) return false;
  return gatherer.enabled?.(options) ?? true;
}
