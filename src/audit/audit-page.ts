// Audits one URL: load it in a tab, run the gatherers within their budgets, run page checks.
import type { BrowserContext, Page } from 'puppeteer';
import type { Check } from '../checks/check.js';
import { axeFindings } from '../checks/axe-findings.js';
import type { ResolvedOptions } from '../config/options.js';
import type { ArtifactName, PageArtifacts } from '../gather/artifacts.js';
import { isArtifactFailure } from '../gather/artifacts.js';
import { isGathererOn, type Gatherer } from '../gather/gatherer.js';
import { ensurePageHelpers } from '../gather/page-helpers.js';
import type { CheckError, Finding } from '../model/finding.js';
import type { GathererError, PageResult, SkippedUrl } from '../model/report.js';
import { BudgetExceededError, errorMessage, withBudget } from '../util/with-budget.js';
import { loadPage } from './load-page.js';
import { guardNavigation } from './navigation-guard.js';
import { runPageChecks } from './run-checks.js';

export interface PageTask {
  url: string;
  depth: number;
  foundBy: PageResult['foundBy'];
  /** The page that linked here, where known. */
  from?: string;
}

export type PageAuditOutcome =
  | {
      kind: 'audited';
      page: PageResult;
      findings: Finding[];
      checkErrors: CheckError[];
      /** Every link href on the page, unfiltered; the crawler decides what to follow. */
      links: string[];
      /** Only the artifacts site checks need, so memory stays small on long crawls. */
      siteArtifacts: PageArtifacts;
    }
  | { kind: 'failed'; page: PageResult }
  | { kind: 'skipped'; skipped: SkippedUrl };

export interface PageAuditEnvironment {
  context: BrowserContext;
  options: ResolvedOptions;
  gatherers: Gatherer[];
  checks: Check[];
  /** Artifacts some enabled check (or the crawl) needs. */
  neededArtifacts: ReadonlySet<ArtifactName>;
  /** Artifacts site checks need; kept after the page closes. */
  siteArtifactNames: ReadonlySet<ArtifactName>;
  /**
   * Called once the final URL is known: returns why the page must not be audited
   * (another URL already led there, or a redirect left the scope), or null to go on.
   */
  claimFinalUrl(finalUrl: string, task: PageTask): SkippedUrl | null;
  /** Where to put a screenshot, if screenshots are on. */
  screenshotPath?(task: PageTask): string | undefined;
  /** Whether this page gets the interactive gatherers: null for yes, else the reason it does not. */
  claimInteraction?(layoutSignature: string, url: string): string | null;
}

/** A page result with nothing measured yet. */
export function emptyPageResult(task: PageTask): PageResult {
  return {
    url: task.url,
    finalUrl: task.url,
    redirects: [],
    status: 0,
    title: '',
    lang: '',
    depth: task.depth,
    foundBy: task.foundBy,
    timing: { loadMs: 0, gatherMs: 0, totalMs: 0 },
    gathererErrors: [],
    violations: 0,
    needsReview: 0,
  };
}

/** Keeps a hostile page from blocking the run: dialogs are dismissed, pop-ups closed. */
export function disarm(page: Page): void {
  page.on('dialog', (dialog) => {
    dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => {
    if (!popup) return;
    // A pop-up shares its opener's renderer: a dialog left open in it would block the opener too.
    disarm(popup);
    popup.close().catch(() => undefined);
  });
}

async function closeQuietly(page: Page): Promise<void> {
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
}

/** Runs every enabled, needed gatherer on a loaded page, each within its budget; exported for tests. */
export async function runGatherers(
  page: Page,
  finalUrl: string,
  env: Pick<PageAuditEnvironment, 'context' | 'options' | 'gatherers' | 'neededArtifacts' | 'claimInteraction'>,
): Promise<{ artifacts: PageArtifacts; errors: GathererError[]; interactionSkipped?: string }> {
  const artifacts: PageArtifacts = {};
  const errors: GathererError[] = [];
  let interactionSkipped: string | null | undefined;
  const freshPages: Page[] = [];
  const openFreshPage = async () => {
    const fresh = await env.context.newPage();
    freshPages.push(fresh);
    disarm(fresh);
    await guardNavigation(fresh);
    await loadPage(fresh, finalUrl, env.options);
    await ensurePageHelpers(fresh);
    return fresh;
  };
  await ensurePageHelpers(page);
  const ordered = [...env.gatherers.filter((g) => g.phase === 'static'), ...env.gatherers.filter((g) => g.phase === 'interactive')];
  try {
    for (const gatherer of ordered) {
      if (!isGathererOn(gatherer, env.options) || !(env.neededArtifacts.has(gatherer.artifact) || gatherer.forReport)) continue;
      if (gatherer.phase === 'interactive' && !gatherer.forReport) {
        // Decided once per page, when the first interactive gatherer is due (the DOM snapshot is in by then).
        if (interactionSkipped === undefined) {
          const dom = artifacts.dom;
          const signature = dom && !isArtifactFailure(dom) ? dom.layoutSignature : '';
          interactionSkipped = signature && env.claimInteraction ? env.claimInteraction(signature, finalUrl) : null;
        }
        if (interactionSkipped) continue;
      }
      const budget = gatherer.budgetMs(env.options);
      try {
        const artifact = await withBudget(budget, `gatherer "${gatherer.artifact}"`, (signal) =>
          gatherer.gather({ page, url: finalUrl, options: env.options, openFreshPage, signal }),
        );
        (artifacts as Record<string, unknown>)[gatherer.artifact] = artifact;
      } catch (error) {
        const timedOut = error instanceof BudgetExceededError;
        const message = errorMessage(error);
        (artifacts as Record<string, unknown>)[gatherer.artifact] = { failed: true, message, timedOut };
        errors.push({ gatherer: gatherer.artifact, message, timedOut });
      }
    }
  } finally {
    await Promise.all(freshPages.map(closeQuietly));
  }
  return { artifacts, errors, ...(interactionSkipped ? { interactionSkipped } : {}) };
}

function pickArtifacts(artifacts: PageArtifacts, names: ReadonlySet<ArtifactName>): PageArtifacts {
  const kept: PageArtifacts = {};
  for (const name of names) if (artifacts[name] !== undefined) (kept as Record<string, unknown>)[name] = artifacts[name];
  return kept;
}

export async function auditPage(task: PageTask, env: PageAuditEnvironment): Promise<PageAuditOutcome> {
  const started = Date.now();
  const result = emptyPageResult(task);
  let page: Page | undefined;
  try {
    page = await env.context.newPage();
    disarm(page);
    const guard = await guardNavigation(page);
    const tab = page;
    // When the tab's renderer dies (out of memory, say), calls into it can wait for the
    // protocol timeout; the crash event ends the audit of this page at once instead.
    const crash = new Promise<never>((_, reject) => tab.once('error', (error: Error) => reject(new Error(`the tab crashed: ${error.message}`))));
    crash.catch(() => undefined);
    const loaded = await Promise.race([loadPage(page, task.url, env.options), crash]);
    result.finalUrl = loaded.finalUrl;
    result.redirects = loaded.redirects;
    result.status = loaded.status;

    if (loaded.kind === 'not-html') {
      return { kind: 'skipped', skipped: { url: task.url, reason: 'not-html', detail: loaded.detail, ...(task.from ? { from: task.from } : {}) } };
    }
    if (loaded.kind === 'error') {
      result.error = loaded.error;
      result.timing.totalMs = Date.now() - started;
      return { kind: 'failed', page: result };
    }
    const claimRefused = env.claimFinalUrl(loaded.finalUrl, task);
    if (claimRefused) return { kind: 'skipped', skipped: claimRefused };

    result.timing.loadMs = loaded.loadMs;
    const gatherStarted = Date.now();
    const { artifacts, errors, interactionSkipped } = await Promise.race([runGatherers(page, loaded.finalUrl, env), crash]);
    if (interactionSkipped) result.interactionSkipped = interactionSkipped;
    result.timing.gatherMs = Date.now() - gatherStarted;
    result.gathererErrors = errors;
    const screenshot = artifacts.screenshot;
    if (screenshot && !isArtifactFailure(screenshot)) result.screenshot = screenshot.file;

    const dom = artifacts.dom;
    if (dom && !isArtifactFailure(dom)) {
      result.title = dom.title;
      result.lang = dom.htmlLang;
    } else if (dom && isArtifactFailure(dom)) {
      // Without the DOM snapshot nothing about the page is known; count it as failed.
      result.error = { code: /crash|Target closed/i.test(dom.message) ? 'crashed' : dom.timedOut ? 'timeout' : 'unknown', message: dom.message };
      result.timing.totalMs = Date.now() - started;
      return { kind: 'failed', page: result };
    }

    const findings: Finding[] = [];
    const checkErrors: CheckError[] = [];
    const axe = artifacts.axe;
    if (axe && !isArtifactFailure(axe)) {
      const fromAxe = axeFindings(axe, loaded.finalUrl);
      findings.push(...fromAxe.findings);
      checkErrors.push(...fromAxe.errors);
    }
    const own = runPageChecks(env.checks, artifacts, loaded.finalUrl, env.options);
    findings.push(...own.findings);
    checkErrors.push(...own.errors);

    result.violations = findings.filter((f) => f.kind === 'violation').length;
    result.needsReview = findings.filter((f) => f.kind === 'needs-review').length;
    result.timing.totalMs = Date.now() - started;
    const links = dom && !isArtifactFailure(dom) ? [...dom.links.map((link) => link.href), ...(dom.metaRefreshUrl ? [dom.metaRefreshUrl] : [])] : [];
    // Where the page tried to send itself (blocked by the guard) is a link like any other; scope decides.
    links.push(...guard.blocked);
    return { kind: 'audited', page: result, findings, checkErrors, links, siteArtifacts: pickArtifacts(artifacts, env.siteArtifactNames) };
  } catch (error) {
    const message = errorMessage(error);
    result.error = { code: /crash|Target closed|Session closed|Protocol error/i.test(message) ? 'crashed' : 'unknown', message };
    result.timing.totalMs = Date.now() - started;
    return { kind: 'failed', page: result };
  } finally {
    if (page) await closeQuietly(page);
  }
}
