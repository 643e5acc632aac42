// Runs every enabled, needed gatherer on a loaded page, each within a time budget that adapts to the page, retrying a timed-out one once.
import type { BrowserContext, Page } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import { closeQuietly } from '../browser/disarm.js';
import { openTab } from '../browser/open-tab.js';
import { loadPage, mainDocumentHtml } from '../browser/load-page.js';
import { guardNavigation } from '../browser/navigation-guard.js';
import { holdMotion, type HeldMotion } from '../browser/settle-motion.js';
import { ensureDesktopViewport } from '../browser/viewport.js';
import type { ArtifactAbsence } from '../checks/run-checks.js';
import type { ArtifactName, PageArtifacts } from '../gather/artifacts.js';
import { isArtifactFailure } from '../gather/artifacts.js';
import { isGathererOn, type Gatherer } from '../gather/gatherer.js';
import { ensurePageHelpers } from '../gather/page-helpers.js';
import { samplingSignature } from '../gather/dom-gatherer.js';
import type { GathererError, InteractionSample } from '../model/report.js';
import { errorMessage } from '../util/error-message.js';
import { timePhase } from '../util/phase-profile.js';
import { BudgetExceededError, withBudget } from '../util/with-budget.js';
import { budgetFor, measurePace, type PagePace } from './gatherer-budget.js';

export interface GathererRunEnvironment {
  context: BrowserContext;
  options: ResolvedOptions;
  gatherers: Gatherer[];
  /** Artifacts some enabled check (or the crawl) needs. */
  neededArtifacts: ReadonlySet<ArtifactName>;
  /** Whether this page gets the interactive gatherers: null for yes, else why another page stands in. */
  claimInteraction?(layoutSignature: string, url: string): Promise<InteractionSample | null>;
  /**
   * Whether a gatherer that asks for a fresh tab (`openFreshPage`) gets the audited tab
   * instead, once every static gatherer is done, with its state put back first (see
   * `lendAuditedTab`). Default true: it saves a new tab and a second page load per
   * gatherer. False loads the page again in a new tab for each, as before; the test that
   * proves both ways give the same findings (test/browser/gatherers/audited-tab.test.ts)
   * runs both.
   */
  reuseAuditedTab?: boolean;
  /**
   * The audited tab's document has the page helpers already (the arrival step installed them
   * and found nothing to act on, so the document is the same): one round trip fewer a page.
   */
  helpersInstalled?: boolean;
}

export interface GathererRun {
  artifacts: PageArtifacts;
  errors: GathererError[];
  /** Why each needed artifact that is not there was not gathered. */
  absent: Partial<Record<ArtifactName, ArtifactAbsence>>;
  /** Set when the interactive gatherers did not run here because another page stood in. */
  sampled?: InteractionSample;
  /** How fast this page and machine were, as the budgets saw it. */
  pace: PagePace;
}

/** The page the first static gatherer reads: the audited tab, loaded and settled. */
function staticFirst(gatherers: Gatherer[]): Gatherer[] {
  return [...gatherers.filter((g) => g.phase === 'static'), ...gatherers.filter((g) => g.phase === 'interactive')];
}

export async function runGatherers(page: Page, finalUrl: string, loadMs: number, env: GathererRunEnvironment): Promise<GathererRun> {
  const artifacts: PageArtifacts = {};
  const errors: GathererError[] = [];
  const absent: GathererRun['absent'] = {};
  let sampled: InteractionSample | null | undefined;
  /** Told of every fresh tab, so an attempt that runs out of time can close the tabs it opened. */
  let onFreshPage: ((page: Page) => void) | undefined;
  const freshPages: Page[] = [];
  const loadFreshPage = async () => {
    const fresh = await openTab(env.context);
    freshPages.push(fresh);
    onFreshPage?.(fresh);
    await guardNavigation(fresh);
    await loadPage(fresh, finalUrl, env.options);
    await ensurePageHelpers(fresh);
    return fresh;
  };
  if (!env.helpersInstalled) await timePhase('page helpers', () => ensurePageHelpers(page));
  const pace = await timePhase('pace', () => measurePace(page, loadMs));
  // Verdicts come from the page as a visitor sees it once the motion is over (src/browser/settle-motion.ts).
  const motion = await timePhase('settle: motion', () => holdMotion(page));
  /**
   * The audited tab is lent to interactive gatherers once the static ones are done, until
   * one of them fails or runs out of time while holding it: its state may then be half
   * changed (text enlarged, focus inside a widget), so later ones get a fresh tab.
   */
  const lending = { open: false, spoiled: env.reuseAuditedTab === false, lent: false };
  const openFreshPage = () =>
    timePhase('tab for gatherer', async () => {
      if (lending.open && !lending.spoiled) {
        await lendAuditedTab(page, motion);
        lending.lent = true;
        return page;
      }
      return loadFreshPage();
    });
  try {
    for (const gatherer of staticFirst(env.gatherers)) {
      const wanted = env.neededArtifacts.has(gatherer.artifact) || gatherer.forReport || gatherer.forCrawl;
      if (!wanted) continue;
      if (!isGathererOn(gatherer, env.options)) {
        absent[gatherer.artifact] = { reason: 'not-gathered', detail: 'its gatherer is switched off' };
        continue;
      }
      if (gatherer.phase === 'interactive') lending.open = true;
      if (gatherer.phase === 'interactive' && !gatherer.forReport && !gatherer.forCrawl) {
        // Decided once per page, when the first interactive gatherer is due (the DOM snapshot is in by then).
        if (sampled === undefined) {
          const dom = artifacts.dom;
          const signature = dom && !isArtifactFailure(dom) ? samplingSignature(dom, env.options.interaction.sampling) : '';
          sampled = signature && env.claimInteraction ? await env.claimInteraction(signature, finalUrl) : null;
        }
        if (sampled) {
          absent[gatherer.artifact] = { reason: 'sampled', ...(sampled.standIn ? { standIn: sampled.standIn } : {}), ...(sampled.limit !== undefined ? { detail: `limit of ${sampled.limit} layouts` } : {}) };
          continue;
        }
      }
      await runOne(gatherer, {
        page,
        finalUrl,
        env,
        openFreshPage,
        watchFreshPages: (listener) => (onFreshPage = listener),
        pace,
        artifacts,
        errors,
        attemptFailed: () => {
          if (lending.lent) lending.spoiled = true;
        },
      });
    }
  } finally {
    await motion.release();
    await Promise.all(freshPages.map(closeQuietly));
  }
  return { artifacts, errors, absent, pace, ...(sampled ? { sampled } : {}) };
}

interface RunOneContext {
  page: Page;
  finalUrl: string;
  env: GathererRunEnvironment;
  openFreshPage(): Promise<Page>;
  /** Calls `listener` with each fresh tab opened from now on (undefined: stop). */
  watchFreshPages(listener: ((page: Page) => void) | undefined): void;
  pace: PagePace;
  artifacts: PageArtifacts;
  errors: GathererError[];
  /** Called when an attempt fails or runs out of time (a lent audited tab may be left half changed). */
  attemptFailed(): void;
}

/**
 * Interactive gatherers work in tabs of their own and stop when their signal fires, so a
 * second try starts clean. A static gatherer's work may still be running in the audited
 * tab (axe refuses to run twice at once), so it is not retried unless it says so.
 */
function retriesOnTimeout(gatherer: Gatherer): boolean {
  return gatherer.retryOnTimeout ?? gatherer.phase === 'interactive';
}

/**
 * Runs one gatherer within its adapted budget. One that runs out of time is tried once
 * more with a larger budget (a busy moment on a shared machine should not cost a page its
 * keyboard checks); one that fails otherwise is not retried, since it would fail again.
 */
async function runOne(gatherer: Gatherer, run: RunOneContext): Promise<void> {
  const attempts = [budgetFor(gatherer, run.env.options, run.pace, 1), budgetFor(gatherer, run.env.options, run.pace, 2)];
  for (let attempt = 0; attempt < attempts.length; attempt++) {
    const budget = attempts[attempt];
    // Tabs an attempt opened are closed as soon as it times out: a page stuck in its own
    // script must not hold a renderer (and the tabs sharing it) for the rest of the visit.
    const opened: Page[] = [];
    run.watchFreshPages((page) => opened.push(page));
    try {
      const artifact = await timePhase(`gatherer: ${gatherer.artifact}`, () =>
        withBudget(budget, `gatherer "${gatherer.artifact}"`, (signal) =>
          gatherer.gather({ page: run.page, url: run.finalUrl, options: run.env.options, openFreshPage: run.openFreshPage, mainDocumentHtml: () => mainDocumentHtml(run.page), signal, budgetMs: budget }),
        ),
      );
      (run.artifacts as Record<string, unknown>)[gatherer.artifact] = artifact;
      return;
    } catch (error) {
      const timedOut = error instanceof BudgetExceededError;
      run.attemptFailed();
      if (timedOut) await Promise.all(opened.map(closeQuietly));
      if (timedOut && attempt + 1 < attempts.length && retriesOnTimeout(gatherer)) continue;
      const message = errorMessage(error);
      (run.artifacts as Record<string, unknown>)[gatherer.artifact] = { failed: true, message, timedOut };
      run.errors.push({ gatherer: gatherer.artifact, message, timedOut, budgetMs: budget, retried: attempt > 0 });
      return;
    } finally {
      run.watchFreshPages(undefined);
    }
  }
}

/**
 * Puts the audited tab back the way a freshly loaded tab would be before an interactive
 * gatherer uses it: motion running again (a fresh tab's animations are not held), the
 * desktop viewport, scrolled to the top, nothing focused or selected. The gatherers put
 * back what they change themselves (the viewport, text spacing and size styles); the
 * keyboard walk, which leaves focus and opened widgets behind, runs last.
 */
async function lendAuditedTab(page: Page, motion: HeldMotion): Promise<void> {
  await motion.release();
  await ensureDesktopViewport(page);
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement || active instanceof SVGElement) active.blur();
    window.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
  });
}
