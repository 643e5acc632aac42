// The main flow: crawl the site, audit each page, run site checks, prioritize, return the report model.
import pLimit from 'p-limit';
import type { Check } from '../checks/check.js';
import { allChecks } from '../checks/registry.js';
import { BrowserSession } from '../browser/browser-session.js';
import { createSessionHooks } from '../auth/session-hooks.js';
import type { AuditOptions, ProgressEvent, ResolvedOptions } from '../config/options.js';
import { redactOptions, resolveOptions } from '../config/resolve-options.js';
import { Frontier } from '../crawl/frontier.js';
import { createFetchText } from '../crawl/fetch-text.js';
import { normalizePageUrl } from '../crawl/normalize-url.js';
import { ALLOW_ALL, loadRobots, type RobotsRules } from '../crawl/robots.js';
import { createScope } from '../crawl/scope.js';
import { collectSitemapUrls } from '../crawl/sitemap.js';
import { WelcomematError } from '../errors.js';
import type { ArtifactName } from '../gather/artifacts.js';
import { AXE_VERSION } from '../gather/axe-gatherer.js';
import { isGathererOn } from '../gather/gatherer.js';
import { allGatherers } from '../gather/registry.js';
import type { CheckError, Finding } from '../model/finding.js';
import { REPORT_SCHEMA_VERSION, type LighthouseSummary, type PageResult, type Report, type SkippedUrl } from '../model/report.js';
import { lighthouseForAudit } from '../lighthouse/run-lighthouse.js';
import { groupIntoFixes, summarize } from '../prioritize/prioritize.js';
import { ruleInfoFor } from '../prioritize/rule-info.js';
import { errorMessage, sleep } from '../util/with-budget.js';
import { toolVersion } from '../util/tool-version.js';
import { auditPage, emptyPageResult, type PageAuditEnvironment, type PageTask } from './audit-page.js';
import { InteractionSampler } from './interaction-sampler.js';
import { loadCrawlState, removeCrawlState, saveCrawlState, type CrawlStateOptions } from './crawl-state.js';
import { isCheckEnabled, requiredArtifacts, runSiteChecks, type SitePageInput } from './run-checks.js';

export const USER_AGENT_TOKEN = 'welcomemat';

/** After a stop (interrupt or time budget), pages in flight get this long to finish (ms). */
export const STOP_GRACE_MS = 5_000;

/** The crawl state is saved after this many finished pages: often enough to lose little, rarely enough to cost little. */
const CHECKPOINT_EVERY_PAGES = 5;

/**
 * Slack on top of a page's own limits (navigation twice: the page and a fresh tab for
 * interactive gatherers, settle, every gatherer budget) before it is given up as hung.
 */
const PAGE_LIMIT_SLACK_MS = 15_000;

/** Sitemaps can list millions of URLs; past a few times maxPages they only cost memory. */
const SITEMAP_URLS_PER_PAGE_LIMIT = 4;
/** Sitemap indexes can nest and loop; 20 files cover any small business site. */
const MAX_SITEMAP_FILES = 20;

interface CrawlState {
  pages: PageResult[];
  findings: Finding[];
  checkErrors: CheckError[];
  sitePages: SitePageInput[];
  claimedFinalUrls: Set<string>;
  stopReason: string | undefined;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

function neededArtifacts(checks: Check[], options: ResolvedOptions): Set<ArtifactName> {
  const needed = requiredArtifacts(checks, options);
  needed.add('dom'); // links for the crawl, title and language for the report
  needed.add('axe');
  return needed;
}

function siteArtifactNames(checks: Check[], options: ResolvedOptions): Set<ArtifactName> {
  const names = new Set<ArtifactName>();
  for (const check of checks) if (check.scope === 'site' && isCheckEnabled(check, options)) for (const name of check.requires) names.add(name);
  return names;
}

async function seedFrontier(frontier: Frontier, options: ResolvedOptions, robotsFor: (origin: string) => Promise<RobotsRules>): Promise<string[]> {
  for (const url of options.urls) frontier.offer(url, 0, 'start');
  if (!options.useSitemaps) return [];
  const fetchText = createFetchText({ userAgent: USER_AGENT_TOKEN, timeoutMs: 10_000, maxBytes: 50 * 1024 * 1024 });
  const seeds = new Set<string>();
  const guessed = new Set<string>();
  for (const start of options.urls) {
    const origin = new URL(start).origin;
    const declared = (await robotsFor(origin)).sitemaps;
    for (const sitemap of declared) seeds.add(sitemap);
    if (declared.length === 0) guessed.add(`${origin}/sitemap.xml`);
  }
  for (const url of guessed) seeds.add(url);
  const { urls, errors } = await collectSitemapUrls({
    seeds: [...seeds],
    fetchText,
    maxUrls: options.maxPages * SITEMAP_URLS_PER_PAGE_LIMIT,
    maxSitemaps: MAX_SITEMAP_FILES,
  });
  // Sitemap entries count as one step from the start: they are as good as linked from it.
  for (const url of urls) frontier.offer(url, 1, 'sitemap');
  // Most sites have no /sitemap.xml; only a sitemap the site itself declared is worth an error entry.
  return errors.filter((error) => ![...guessed].some((url) => error.startsWith(`sitemap ${url}:`)));
}

export async function audit(input: AuditOptions & CrawlStateOptions): Promise<Report> {
  const { crawlStatePath, resumeFrom, ...auditInput } = input;
  const options = resolveOptions(auditInput);
  const progress = (event: ProgressEvent) => input.onProgress?.(event);
  const signal = input.signal;
  const resumed = resumeFrom ? await loadCrawlState(resumeFrom, options.urls) : undefined;
  const startedAt = resumed ? new Date(resumed.startedAt) : new Date();
  const checks = allChecks;
  const inScope = createScope({ startUrls: options.urls, ...options.scope });
  const frontier = new Frontier({ maxDepth: options.maxDepth, inScope });
  const fetchText = createFetchText({ userAgent: USER_AGENT_TOKEN, timeoutMs: 10_000, maxBytes: 1024 * 1024 });
  const robotsCache = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (origin: string) => {
    if (!options.respectRobots) return Promise.resolve(ALLOW_ALL);
    let rules = robotsCache.get(origin);
    if (!rules) {
      rules = loadRobots(origin, fetchText, USER_AGENT_TOKEN).catch(() => ALLOW_ALL);
      robotsCache.set(origin, rules);
    }
    return rules;
  };

  progress({ type: 'start', startUrls: options.urls });
  // Auth hooks (src/auth/): cookies, headers, basic auth, and a login run once before the crawl.
  const session = await BrowserSession.start(options.browser, createSessionHooks(options));
  const state: CrawlState = { pages: [], findings: [], checkErrors: [], sitePages: [], claimedFinalUrls: new Set(), stopReason: undefined };
  // Saves what is done and what is waiting (pages in flight count as waiting), so `resumeFrom` can go on from here.
  const checkpoint = async (pending: PageTask[]) => {
    if (!crawlStatePath) return;
    await saveCrawlState(crawlStatePath, {
      startUrls: options.urls,
      startedAt: startedAt.toISOString(),
      pages: state.pages,
      findings: state.findings,
      checkErrors: state.checkErrors,
      sitePages: state.sitePages,
      claimedFinalUrls: [...state.claimedFinalUrls],
      frontier: frontier.snapshot(pending),
    });
  };
  let lighthouse: LighthouseSummary | undefined;
  try {
    if (resumed) {
      // Finished pages are kept as they were; only the saved queue is crawled.
      state.pages.push(...resumed.pages);
      state.findings.push(...resumed.findings);
      state.checkErrors.push(...resumed.checkErrors);
      state.sitePages.push(...resumed.sitePages);
      for (const url of resumed.claimedFinalUrls) state.claimedFinalUrls.add(url);
      frontier.restore(resumed.frontier);
    } else {
      const sitemapErrors = await seedFrontier(frontier, options, robotsFor);
      for (const message of sitemapErrors) state.checkErrors.push({ ruleId: 'sitemap', source: 'welcomemat', url: '', message });
    }
    await crawl(session, frontier, options, checks, state, robotsFor, progress, signal, checkpoint);
    // Lighthouse (src/lighthouse/): same Chromium, after the crawl, start page plus a sample; a failure is recorded, never fatal.
    if (options.lighthouse.enabled && !signal?.aborted) {
      lighthouse = await lighthouseForAudit(session, state.pages, options.urls, options.lighthouse.pages).catch((error: unknown) => ({
        version: 'unknown',
        pages: [{ url: options.urls[0], scores: [], opportunities: [], durationMs: 0, error: String(error) }],
      }));
    }
  } finally {
    await session.close();
  }
  // A finished crawl has nothing left to resume; a stale state file would only mislead a later --resume.
  if (crawlStatePath && state.stopReason === undefined) await removeCrawlState(crawlStatePath);

  const startFailures = state.pages.filter((page) => page.depth === 0 && page.foundBy === 'start' && page.error);
  if (state.pages.every((page) => page.error) && startFailures.length > 0) {
    const first = startFailures[0];
    throw new WelcomematError('START_PAGE_UNREACHABLE', `the start page ${first.url} could not be loaded: ${first.error!.message}`);
  }

  progress({ type: 'site-checks' });
  const siteRun = runSiteChecks(checks, state.sitePages, options.urls, options);
  const findings = [...state.findings, ...siteRun.findings];
  const checkErrors = [...state.checkErrors, ...siteRun.errors];
  const auditedCount = state.pages.filter((page) => !page.error).length;
  // Each example gets its page's screenshot, so the report can crop it around the element.
  const screenshots = new Map(state.pages.flatMap((page) => (page.screenshot ? [[page.finalUrl, page.screenshot] as const] : [])));
  const fixes = groupIntoFixes(findings, { auditedPageCount: auditedCount, ruleInfo: ruleInfoFor, screenshots });
  const finishedAt = new Date();
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'welcomemat', version: toolVersion(), axeVersion: AXE_VERSION, browserVersion: session.version },
    siteName: options.siteName ?? new URL(options.urls[0]).hostname,
    startUrls: options.urls,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    complete: state.stopReason === undefined,
    ...(state.stopReason ? { incompleteReason: state.stopReason } : {}),
    config: { ...redactOptions(options), ...(session.sandboxNote ? { sandboxNote: session.sandboxNote } : {}) },
    summary: summarize(state.pages, findings, fixes, frontier.skippedCount),
    pages: state.pages,
    skipped: frontier.skipped,
    findings,
    fixes,
    checkErrors,
    ...(lighthouse ? { lighthouse } : {}),
  };
  progress({ type: 'done', report });
  return report;
}

async function crawl(
  session: BrowserSession,
  frontier: Frontier,
  options: ResolvedOptions,
  checks: Check[],
  state: CrawlState,
  robotsFor: (origin: string) => Promise<RobotsRules>,
  progress: (event: ProgressEvent) => void,
  signal: AbortSignal | undefined,
  checkpoint: (pending: PageTask[]) => Promise<void>,
): Promise<void> {
  const deadline = options.timeBudgetMs > 0 ? Date.now() + options.timeBudgetMs : Infinity;
  const activeByHost = new Map<string, number>();
  const lastStartByHost = new Map<string, number>();
  const inflight = new Map<Promise<void>, PageTask>();
  const retried = new Set<string>();
  let started = 0;
  let hardStop: (() => void) | undefined;
  const hardStopped = new Promise<void>((resolve) => (hardStop = resolve));
  let hardStopReached = false;
  void hardStopped.then(() => (hardStopReached = true));
  /** Tasks whose outcome was recorded; any other task still in flight at the end was cut off by the stop. */
  const finished = new Set<PageTask>();
  /** Set when the crawl returns: a task abandoned in flight must not add to the report afterwards. */
  let crawlOver = false;
  /** The final URL each task claimed, so a retried task can claim it again. */
  const claimedBy = new Map<string, string>();
  let sinceCheckpoint = 0;
  let checkpointing = Promise.resolve();
  const saveProgress = () => {
    checkpointing = checkpointing
      .then(() => checkpoint([...inflight.values()].filter((task) => !finished.has(task))))
      .catch((error) => void state.checkErrors.push({ ruleId: 'crawl-state', source: 'welcomemat', url: '', message: `could not save the crawl state: ${String(error)}` }));
  };
  const gathererBudgetMs = allGatherers.filter((gatherer) => isGathererOn(gatherer, options)).reduce((sum, gatherer) => sum + gatherer.budgetMs(options), 0);
  const pageLimitMs = 2 * options.navigationTimeoutMs + options.settleTimeoutMs + gathererBudgetMs + PAGE_LIMIT_SLACK_MS;

  // Pages audited at once. The loop below only hands p-limit a task when a slot is free, so
  // the frontier keeps deciding what comes next (politeness, robots) until the last moment.
  const pageSlots = pLimit(options.concurrency);
  const sampler = new InteractionSampler(options);
  // The same for every page: which artifacts to gather, and which to keep for site checks.
  const needed = neededArtifacts(checks, options);
  const keptForSiteChecks = siteArtifactNames(checks, options);
  const environment = (context: PageAuditEnvironment['context']): PageAuditEnvironment => ({
    context,
    claimInteraction: (signature, url) => sampler.claim(signature, url),
    options,
    gatherers: allGatherers,
    checks,
    neededArtifacts: needed,
    siteArtifactNames: keptForSiteChecks,
    claimFinalUrl: (finalUrl, task) => {
      const normalized = normalizePageUrl(finalUrl) ?? finalUrl;
      const verdict = normalized === task.url ? { inScope: true as const } : frontier.inScope(normalized);
      if (!verdict.inScope) return { url: task.url, reason: 'out-of-scope', detail: `redirects to ${finalUrl}: ${verdict.detail}` };
      if (state.claimedFinalUrls.has(normalized)) return { url: task.url, reason: 'duplicate-final-url', detail: `leads to ${finalUrl}, already audited` };
      state.claimedFinalUrls.add(normalized);
      claimedBy.set(task.url, normalized);
      frontier.markSeen(normalized);
      return null;
    },
  });

  const hostHasRoom = (task: PageTask) => {
    const host = hostOf(task.url);
    if ((activeByHost.get(host) ?? 0) >= options.perHostConcurrency) return false;
    return Date.now() >= (lastStartByHost.get(host) ?? 0) + options.delayMs;
  };

  const stop = (reason: string) => {
    if (state.stopReason) return;
    state.stopReason = reason;
    setTimeout(() => hardStop?.(), STOP_GRACE_MS).unref();
  };
  const onAbort = () => stop('interrupted before the crawl finished');
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();

  const runTask = async (task: PageTask) => {
    const host = hostOf(task.url);
    activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
    lastStartByHost.set(host, Date.now());
    progress({ type: 'page-start', url: task.url, active: inflight.size + 1, queued: frontier.size });
    let context: PageAuditEnvironment['context'];
    try {
      context = await session.acquire();
    } catch (error) {
      activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
      if (crawlOver) return;
      finished.add(task);
      state.pages.push(failedPage(task, 'crashed', `the browser could not be restarted: ${errorMessage(error)}`));
      return;
    }
    let overtime: NodeJS.Timeout | undefined;
    try {
      const tooLong = new Promise<'overtime'>((resolve) => (overtime = setTimeout(() => resolve('overtime'), pageLimitMs)));
      const browserGone = session.died(context).then(() => 'browser-died' as const);
      const raced = await Promise.race([auditPage(task, environment(context)), hardStopped.then(() => 'stopped' as const), tooLong, browserGone]);
      // A page whose browser died is lost whatever it was waiting for; it is retried below like a crashed one.
      const outcome = raced === 'browser-died' ? ({ kind: 'failed', page: failedPage(task, 'crashed', 'the browser process died while auditing the page') } as const) : raced;
      // Cut off by the stop: recorded (and saved for a resume) as not finished when the crawl ends.
      if (outcome === 'stopped' || crawlOver) return;
      finished.add(task);
      if (outcome === 'overtime') {
        state.pages.push(failedPage(task, 'timeout', `the page was still not audited after ${Math.round(pageLimitMs / 1000)} s in all; its tab was abandoned`));
        return;
      }
      // Every page in flight when the browser process dies fails, whatever its error says.
      const browserDied = !session.isAlive(context);
      const lost =
        (outcome.kind === 'failed' && (outcome.page.error?.code === 'crashed' || browserDied)) ||
        (outcome.kind === 'audited' && browserDied && outcome.page.gathererErrors.length > 0);
      if (lost && state.stopReason) {
        // No retries after a stop; a resume will try the page again.
        finished.delete(task);
        return;
      }
      if (lost && !retried.has(task.url)) {
        // The tab or the whole browser died: start a new browser if needed (once for all pages) and try the page once more.
        retried.add(task.url);
        const claim = claimedBy.get(task.url);
        if (claim) state.claimedFinalUrls.delete(claim);
        if (browserDied) await session.recoverFrom(context).catch(() => undefined);
        started--;
        finished.delete(task);
        frontier.retry(task);
        return;
      }
      if (outcome.kind === 'failed' && browserDied && outcome.page.error) {
        outcome.page.error = { code: 'crashed', message: `the browser died while auditing the page, twice (last: ${outcome.page.error.message})` };
      }
      if (outcome.kind === 'skipped') {
        frontier.skip(outcome.skipped);
        started--;
        progress({ type: 'skipped', url: task.url, reason: outcome.skipped.reason });
        return;
      }
      state.pages.push(outcome.page);
      if (outcome.kind === 'audited') {
        state.findings.push(...outcome.findings);
        state.checkErrors.push(...outcome.checkErrors);
        state.sitePages.push({ url: task.url, finalUrl: outcome.page.finalUrl, status: outcome.page.status, artifacts: outcome.siteArtifacts });
        for (const link of outcome.links) frontier.offer(link, task.depth + 1, 'link', outcome.page.finalUrl);
      }
      if (++sinceCheckpoint >= CHECKPOINT_EVERY_PAGES) {
        sinceCheckpoint = 0;
        saveProgress();
      }
      progress({
        type: 'page-done',
        url: task.url,
        audited: state.pages.filter((page) => !page.error).length,
        failed: state.pages.filter((page) => page.error).length,
        queued: frontier.size,
        ...(outcome.page.error ? { error: outcome.page.error.message } : {}),
      });
    } finally {
      clearTimeout(overtime);
      session.release(context);
      activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
    }
  };

  try {
    for (;;) {
      if (Date.now() > deadline) stop(`time budget of ${Math.round(options.timeBudgetMs / 1000)} s reached`);
      while (!state.stopReason && pageSlots.activeCount + pageSlots.pendingCount < pageSlots.concurrency && frontier.size > 0 && started < options.maxPages) {
        const task = frontier.take(hostHasRoom);
        if (!task) break;
        const rules = await robotsFor(new URL(task.url).origin);
        if (!rules.isAllowed(task.url)) {
          frontier.skip({ url: task.url, reason: 'robots-disallowed', detail: rules.explain(task.url), ...(task.from ? { from: task.from } : {}) });
          continue;
        }
        started++;
        const running: Promise<void> = pageSlots(() => runTask(task))
          .catch((error) => {
            state.checkErrors.push({ ruleId: 'crawler', source: 'welcomemat', url: task.url, message: String(error) });
          })
          .finally(() => inflight.delete(running));
        inflight.set(running, task);
      }
      if (inflight.size === 0) {
        if (state.stopReason || frontier.size === 0 || started >= options.maxPages) break;
        // Only politeness delays hold the queue back: wait for the earliest host to free up.
        await sleep(Math.max(10, Math.min(options.delayMs, 1_000)));
        continue;
      }
      const tick = options.timeBudgetMs > 0 ? sleep(Math.max(0, Math.min(1_000, deadline - Date.now()))) : new Promise(() => undefined);
      await Promise.race([...inflight.keys(), tick, hardStopped]);
      if (state.stopReason && inflight.size > 0) await Promise.race([Promise.all(inflight.keys()), hardStopped]);
      // The grace period is over: pages still in flight are abandoned (closing the browser ends them).
      if (hardStopReached) break;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const unfinished = [...inflight.values()].filter((task) => !finished.has(task));
  crawlOver = true;
  await checkpointing;
  if (state.stopReason) {
    await checkpoint(unfinished).catch((error) => void state.checkErrors.push({ ruleId: 'crawl-state', source: 'welcomemat', url: '', message: `could not save the crawl state: ${String(error)}` }));
    const reason = state.stopReason.startsWith('interrupted') ? 'interrupted' : 'time-budget';
    for (const task of unfinished) frontier.skip({ url: task.url, reason, detail: 'still loading when the crawl stopped', ...(task.from ? { from: task.from } : {}) });
    frontier.drain(reason, state.stopReason);
  } else {
    frontier.drain('max-pages', `the limit of ${options.maxPages} pages was reached`);
  }
}

/** A page that could not be audited, for failures outside the page audit itself. */
function failedPage(task: PageTask, code: 'crashed' | 'timeout', message: string): PageResult {
  return { ...emptyPageResult(task), error: { code, message } };
}
