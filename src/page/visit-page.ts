// One page visit: load the URL in a tab, gather its artifacts within their budgets, run page checks, and return plain, serialisable results.
import type { BrowserContext, Page } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import { loadPage } from '../browser/load-page.js';
import { keepTab, takeTab } from '../browser/tab-pool.js';
import { axeFindings, axeNotRun, axeOutcomes } from '../checks/axe-findings.js';
import type { Check } from '../checks/check.js';
import { runPageChecks } from '../checks/run-checks.js';
import type { ArtifactName, PageArtifacts } from '../gather/artifacts.js';
import { isArtifactFailure } from '../gather/artifacts.js';
import type { Gatherer } from '../gather/gatherer.js';
import type { CheckError, Finding } from '../model/finding.js';
import { emptyOutcomes } from '../model/outcome.js';
import { directoryOf, emptyPageResult, type PageTask } from '../model/page-task.js';
import type { InteractionSample, PageResult, SkippedUrl } from '../model/report.js';
import { errorMessage } from '../util/error-message.js';
import type { ContactFacts } from '../gather/content-gatherer.js';
import { timePhase, timePhaseSync } from '../util/phase-profile.js';
import type { ArrivalMemory } from '../gather/arrival-layer.js';
import { arrivalStep, beforeLoad } from './arrival-step.js';
import type { FoundRoute } from '../gather/route-gatherer.js';
import { pageContentHash } from './content-hash.js';
import { runGatherers } from './run-gatherers.js';

/**
 * What the crawl decides for a page while it is being visited. In one process these are
 * plain calls; with a queue a worker asks Redis, so that two workers never both audit
 * one final URL or both stand in for one layout.
 */
export interface PageClaims {
  /**
   * Called once the final URL is known: why the page must not be audited (another URL
   * already led there, or a redirect left the scope), or null to go on. Asking again for
   * the same task (a retry) gives the same answer. `fingerprint` (a hash of the page's
   * text) comes with directory and default-document URLs (/, /index.html), so that two
   * URLs answering with the same page are audited once.
   */
  claimFinalUrl(task: PageTask, finalUrl: string, fingerprint?: string): Promise<SkippedUrl | null>;
  /** Whether this page gets the interactive gatherers: null for yes, else why another page stands in. */
  claimInteraction(layoutSignature: string, url: string): Promise<InteractionSample | null>;
}

/** What a page visit needs besides the task: the same for every page of a run. */
export interface PageVisitSetup {
  options: ResolvedOptions;
  gatherers: Gatherer[];
  checks: Check[];
  /** Artifacts some enabled check (or the crawl) needs. */
  neededArtifacts: ReadonlySet<ArtifactName>;
  /** Artifacts site checks need; kept after the page closes and sent back with the result. */
  siteArtifactNames: ReadonlySet<ArtifactName>;
  /** The axe rules the run selected, so a page whose axe run failed can say which rules did not run. */
  selectedAxeRules: string[];
  /** Arrival layers already audited and the consent cookies set so far (src/gather/arrival-layer.ts). */
  arrivalMemory: ArrivalMemory;
}

/** A page's ways to get in touch, as the content gatherer read them. */
export type PageContact = ContactFacts;

export type PageVisit =
  | {
      kind: 'audited';
      page: PageResult;
      findings: Finding[];
      checkErrors: CheckError[];
      /** Every link href on the page, unfiltered; the crawl decides what to follow. */
      links: string[];
      /** The text of each link in `links`, at the same index ('' where there is none), so a linked document is listed with it. */
      linkTexts?: string[];
      /** Only the artifacts site checks need, so memory stays small on long crawls. */
      siteArtifacts: PageArtifacts;
      /** The ways to get in touch the page shows (for the accessibility statement); absent when not gathered. */
      contact?: ContactFacts;
      /** Routes its navigation controls led to by script (pushState, hash routes); the crawl decides what to follow. */
      routes?: FoundRoute[];
    }
  | { kind: 'failed'; page: PageResult }
  | { kind: 'skipped'; skipped: SkippedUrl };

function pickArtifacts(artifacts: PageArtifacts, names: ReadonlySet<ArtifactName>): PageArtifacts {
  const kept: PageArtifacts = {};
  for (const name of names) if (artifacts[name] !== undefined) (kept as Record<string, unknown>)[name] = artifacts[name];
  return kept;
}

/** A URL whose path ends in "/" or in a default document name: the pair that may answer with the same page. */
function isDirectoryOrDefaultDocument(url: string): boolean {
  try {
    return directoryOf(new URL(url).pathname) !== null;
  } catch {
    return false;
  }
}

/**
 * A short hash of what the page says (title and visible text), for telling "/" and
 * "/index.html" apart only when they differ. Text, not markup: session tokens and
 * timestamps in the markup would make the same page look different.
 */
async function pageFingerprint(page: Page): Promise<string | undefined> {
  return page
    .evaluate(() => {
      const text = `${document.title}\n${document.body?.innerText ?? ''}`.slice(0, 20_000);
      let hash = 0;
      for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
      return `${text.length}:${(hash >>> 0).toString(16)}`;
    })
    .catch(() => undefined);
}

const CRASH_PATTERN = /crash|Target closed|Session closed|Protocol error/i;

/** Visits one page in a new tab of `context`; never throws for anything the page does. */
export async function visitPage(task: PageTask, context: BrowserContext, setup: PageVisitSetup, claims: PageClaims): Promise<PageVisit> {
  const started = Date.now();
  const result = emptyPageResult(task);
  let page: Page | undefined;
  let onCrash: ((error: Error) => void) | undefined;
  /** Whether the visit ended so that its tab can serve the next page (src/browser/tab-pool.ts). */
  let clean = false;
  try {
    const opened = await timePhase('tab: open', () => takeTab(context));
    page = opened.page;
    const { guard } = opened;
    const tab = page;
    // A kept tab's guard has the earlier pages' blocked navigations; this page's start here.
    const blockedBefore = guard.blocked.length;
    // When the tab's renderer dies (out of memory, say), calls into it can wait for the
    // protocol timeout; the crash event ends the visit of this page at once instead.
    const crash = new Promise<never>((_, reject) => {
      onCrash = (error: Error) => reject(new Error(`the tab crashed: ${error.message}`));
      tab.once('error', onCrash);
    });
    crash.catch(() => undefined);
    await timePhase('arrival: before load', () => beforeLoad(tab, context, setup.arrivalMemory));
    const loaded = await Promise.race([loadPage(page, task.url, setup.options), crash]);
    result.finalUrl = loaded.finalUrl;
    result.redirects = loaded.redirects;
    result.status = loaded.status;

    if (loaded.kind === 'not-html') {
      clean = true;
      return { kind: 'skipped', skipped: { url: task.url, reason: 'not-html', detail: loaded.detail, ...(task.from ? { from: task.from } : {}) } };
    }
    if (loaded.kind === 'error') {
      result.error = loaded.error;
      result.timing.totalMs = Date.now() - started;
      return { kind: 'failed', page: result };
    }
    const loadedPage = page;
    const claimRefused = await timePhase('claims', async () => {
      const fingerprint = isDirectoryOrDefaultDocument(loaded.finalUrl) ? await pageFingerprint(loadedPage) : undefined;
      return claims.claimFinalUrl(task, loaded.finalUrl, fingerprint);
    });
    if (claimRefused) {
      clean = true;
      return { kind: 'skipped', skipped: claimRefused };
    }

    result.timing.loadMs = loaded.loadMs;
    const gatherStarted = Date.now();
    const arrival = await Promise.race([timePhase('arrival: layer and lazy content', () => arrivalStep(tab, setup.options, setup.arrivalMemory)), crash]);
    const gathered = await Promise.race([
      runGatherers(page, loaded.finalUrl, loaded.loadMs, {
        context,
        options: setup.options,
        gatherers: setup.gatherers,
        neededArtifacts: setup.neededArtifacts,
        claimInteraction: (signature, url) => claims.claimInteraction(signature, url),
        // Nothing clicked or closed: still the document the arrival step installed the helpers in.
        helpersInstalled: !isArtifactFailure(arrival) && arrival.layers.length === 0,
      }),
      crash,
    ]);
    const { artifacts } = gathered;
    artifacts.arrival = arrival;
    if (gathered.sampled) result.sampled = gathered.sampled;
    result.timing.gatherMs = Date.now() - gatherStarted;
    result.gathererErrors = gathered.errors;
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
    const outcomes = emptyOutcomes();
    const axe = artifacts.axe;
    if (axe && !isArtifactFailure(axe)) {
      const fromAxe = axeFindings(axe, loaded.finalUrl);
      findings.push(...fromAxe.findings);
      checkErrors.push(...fromAxe.errors);
      axeOutcomes(axe, outcomes);
    } else if (axe) {
      axeNotRun(setup.selectedAxeRules, axe, outcomes);
    }
    const own = runPageChecks(setup.checks, artifacts, loaded.finalUrl, setup.options, gathered.absent);
    findings.push(...own.findings);
    checkErrors.push(...own.errors);
    outcomes.failed.push(...own.outcomes.failed);
    outcomes.needsReview.push(...own.outcomes.needsReview);
    outcomes.notApplicable.push(...own.outcomes.notApplicable);
    outcomes.notRun.push(...own.outcomes.notRun);
    outcomes.errored.push(...own.outcomes.errored);
    result.outcomes = outcomes;

    const content = artifacts.content && !isArtifactFailure(artifacts.content) ? artifacts.content : undefined;
    const forms = artifacts.forms && !isArtifactFailure(artifacts.forms) ? artifacts.forms : undefined;
    // What the page says and asks, so a person's verdict on it can be seen to go out of date (src/compliance/).
    if (content) result.contentHash = timePhaseSync('content hash', () => pageContentHash({ title: result.title, lang: result.lang, content, ...(forms ? { forms } : {}) }));
    result.violations = findings.filter((f) => f.kind === 'violation').length;
    result.needsReview = findings.filter((f) => f.kind === 'needs-review').length;
    result.timing.totalMs = Date.now() - started;
    const links = dom && !isArtifactFailure(dom) ? [...dom.links.map((link) => link.href), ...(dom.metaRefreshUrl ? [dom.metaRefreshUrl] : [])] : [];
    const linkTexts = dom && !isArtifactFailure(dom) ? dom.links.map((link) => link.text) : [];
    // Where the page tried to send itself (blocked by the guard) is a link like any other; scope decides.
    links.push(...guard.blocked.slice(blockedBefore));
    while (linkTexts.length < links.length) linkTexts.push('');
    // A gatherer cut off by its budget may still be running script in the tab: it is not kept.
    clean = !result.gathererErrors.some((error) => error.timedOut);
    return {
      kind: 'audited',
      page: result,
      findings,
      checkErrors,
      links,
      linkTexts,
      siteArtifacts: pickArtifacts(artifacts, setup.siteArtifactNames),
      ...(content ? { contact: content.contact } : {}),
      ...(artifacts.routes && !isArtifactFailure(artifacts.routes) && artifacts.routes.routes.length > 0 ? { routes: artifacts.routes.routes } : {}),
    };
  } catch (error) {
    const message = errorMessage(error);
    result.error = { code: CRASH_PATTERN.test(message) ? 'crashed' : 'unknown', message };
    result.timing.totalMs = Date.now() - started;
    return { kind: 'failed', page: result };
  } finally {
    const tab = page;
    if (tab) {
      if (onCrash) tab.off('error', onCrash);
      await timePhase('tab: close or keep', () => keepTab(context, tab, clean));
    }
  }
}
