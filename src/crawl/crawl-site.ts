// The crawl: decides which URL is visited next (scope, robots, politeness, limits), hands it to a page runner, records what came back, saves checkpoints, stops cleanly.
import type { ProgressEvent, ResolvedOptions } from '../config/options.js';
import type { SitePageInput } from '../checks/run-checks.js';
import type { PageContact } from '../page/visit-page.js';
import type { CheckError, Finding } from '../model/finding.js';
import { emptyPageResult, type PageTask } from '../model/page-task.js';
import type { PageResult, SkippedUrl } from '../model/report.js';
import { sleep } from '../util/with-budget.js';
import { loadCrawlState, removeCrawlState, saveCrawlState, type SavedCrawlState } from './crawl-state.js';
import { Frontier } from './frontier.js';
import { LocalClaims } from './local-claims.js';
import { InteractionSampler } from './interaction-sampler.js';
import type { PageRunner } from './page-runner.js';
import { ALLOW_ALL, loadRobots, type RobotsRules } from './robots.js';
import { createScope } from './scope.js';
import { seedFromSitemaps } from './seed-sitemaps.js';
import { createFetchText } from './fetch-text.js';
import { crawlDocuments, type CrawlDocuments } from './crawl-documents.js';
import type { DocumentResult, SkippedDocument } from '../model/document.js';
import { createOriginRewriter } from './rewrite-origin.js';
import { checkExternalTargets, deadEndsOfPages } from './link-targets.js';
import type { DeadEndLink, DeadEndTarget } from '../model/dead-end.js';

export const USER_AGENT_TOKEN = 'welcomemat';

/** After a stop (interrupt or time budget), pages in flight get this long to finish (ms). */
export const STOP_GRACE_MS = 5_000;

/** The crawl state is saved after this many finished pages: often enough to lose little, rarely enough to cost little. */
const CHECKPOINT_EVERY_PAGES = 5;

export interface CrawlInput {
  options: ResolvedOptions;
  runner: PageRunner;
  progress(event: ProgressEvent): void;
  /** Aborting stops new pages; pages in flight get STOP_GRACE_MS. */
  signal?: AbortSignal;
  /** Where to save the crawl state while it runs; removed when the crawl completes. */
  crawlStatePath?: string;
  /** A saved crawl state to go on from: its pages are kept, its queue continued. */
  resumeFrom?: string;
}

/** Everything the crawl measured, for site checks and the report. */
export interface CrawlOutcome {
  startedAt: Date;
  pages: PageResult[];
  findings: Finding[];
  checkErrors: CheckError[];
  /** Audited pages with the artifacts site checks read. */
  sitePages: SitePageInput[];
  /** Each audited page's ways to get in touch, where its content was read. */
  contacts: { url: string; contact: PageContact }[];
  skipped: SkippedUrl[];
  skippedCount: number;
  /** Link targets found leading nowhere: pages that failed with 404/410, unknown hosts, refused connections; external ones with --check-external-links. */
  deadEnds: DeadEndTarget[];
  /** Dead ends reached by controls other than links (script routes rendering "not found"), with the page and control. */
  deadEndLinks: DeadEndLink[];
  /** Why the crawl stopped before its frontier emptied; undefined when it completed. */
  stopReason?: string;
  /** Linked documents (PDFs) audited beside the pages (none when maxDocuments is 0). */
  documents: DocumentResult[];
  /** Documents found but not audited, and why. */
  skippedDocuments: SkippedDocument[];
}

interface CrawlRecord {
  pages: PageResult[];
  contacts: { url: string; contact: PageContact }[];
  findings: Finding[];
  checkErrors: CheckError[];
  sitePages: SitePageInput[];
  deadEndLinks: DeadEndLink[];
  stopReason: string | undefined;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

function crawlError(url: string, message: string): CheckError {
  return { ruleId: 'crawler', source: 'welcomemat', url, message };
}

export async function crawlSite(input: CrawlInput): Promise<CrawlOutcome> {
  const { options, runner, progress, signal, crawlStatePath } = input;
  const resumed = input.resumeFrom ? await loadCrawlState(input.resumeFrom, options.urls) : undefined;
  const startedAt = resumed ? new Date(resumed.startedAt) : new Date();
  const inScope = createScope({ startUrls: options.urls, ...options.scope });
  const robotsFor = robotsLoader(options);
  // Linked PDFs are fetched and read beside the pages, never in a page slot (src/crawl/crawl-documents.ts).
  const documents = options.maxDocuments > 0 ? crawlDocuments(options, robotsFor) : undefined;
  const frontier = new Frontier({ maxDepth: options.maxDepth, inScope, rewrite: createOriginRewriter(options.rewriteOrigins), ...(documents ? { onDocument: documents.found } : {}) });
  const claims = new LocalClaims((url) => frontier.inScope(url), new InteractionSampler(options));
  const record: CrawlRecord = { pages: [], contacts: [], findings: [], checkErrors: [], sitePages: [], deadEndLinks: [], stopReason: undefined };

  if (resumed) {
    restore(resumed, record, frontier, claims);
    if (resumed.documents) documents?.restore(resumed.documents);
  } else {
    for (const url of options.urls) frontier.offer(url, 0, 'start');
    if (options.useSitemaps) {
      const errors = await seedFromSitemaps(frontier, options, robotsFor, USER_AGENT_TOKEN);
      for (const message of errors) record.checkErrors.push({ ruleId: 'sitemap', source: 'welcomemat', url: '', message });
    }
  }

  // Saves what is done and what is waiting (pages in flight count as waiting), so a resume can go on from here.
  const checkpoint = async (pending: PageTask[]) => {
    if (!crawlStatePath) return;
    await saveCrawlState(crawlStatePath, {
      startUrls: options.urls,
      startedAt: startedAt.toISOString(),
      pages: record.pages,
      findings: record.findings,
      checkErrors: record.checkErrors,
      sitePages: record.sitePages,
      contacts: record.contacts,
      deadEndLinks: record.deadEndLinks,
      ...(documents ? { documents: documents.snapshot() } : {}),
      claims: claims.snapshot(),
      frontier: frontier.snapshot(pending),
      ...(runner.runId ? { runId: runner.runId } : {}),
    });
  };
  await runLoop({ options, runner, progress, signal, frontier, claims, robotsFor, record, checkpoint, documents });
  if (record.stopReason) documents?.stop();
  const documented = documents ? await documents.results() : { documents: [], skipped: [], notDocuments: [] };
  for (const entry of documented.notDocuments) frontier.skip(entry);
  // A finished crawl has nothing left to resume; a stale state file would only mislead a later --resume.
  if (crawlStatePath && record.stopReason === undefined) await removeCrawlState(crawlStatePath);
  const external = record.stopReason ? [] : await checkExternalTargets(frontier.skipped, options, USER_AGENT_TOKEN, signal);
  return {
    deadEnds: [...deadEndsOfPages(record.pages), ...external],
    deadEndLinks: record.deadEndLinks,
    startedAt,
    pages: record.pages,
    findings: record.findings,
    checkErrors: record.checkErrors,
    sitePages: record.sitePages,
    contacts: record.contacts,
    skipped: frontier.skipped,
    skippedCount: frontier.skippedCount,
    ...(record.stopReason ? { stopReason: record.stopReason } : {}),
    documents: documented.documents,
    skippedDocuments: documented.skipped,
  };
}

function restore(saved: SavedCrawlState, record: CrawlRecord, frontier: Frontier, claims: LocalClaims): void {
  // Finished pages are kept as they were; only the saved queue is crawled.
  record.pages.push(...saved.pages);
  record.findings.push(...saved.findings);
  record.checkErrors.push(...saved.checkErrors);
  record.sitePages.push(...saved.sitePages);
  record.contacts.push(...(saved.contacts ?? []));
  record.deadEndLinks.push(...(saved.deadEndLinks ?? []));
  claims.restore(saved.claims);
  frontier.restore(saved.frontier);
}

/** robots.txt per origin, fetched once; unreadable robots.txt allows everything (as crawlers do). */
function robotsLoader(options: ResolvedOptions): (origin: string) => Promise<RobotsRules> {
  const fetchText = createFetchText({ userAgent: USER_AGENT_TOKEN, timeoutMs: 10_000, maxBytes: 1024 * 1024 });
  const cache = new Map<string, Promise<RobotsRules>>();
  return (origin) => {
    if (!options.respectRobots) return Promise.resolve(ALLOW_ALL);
    let rules = cache.get(origin);
    if (!rules) {
      rules = loadRobots(origin, fetchText, USER_AGENT_TOKEN).catch(() => ALLOW_ALL);
      cache.set(origin, rules);
    }
    return rules;
  };
}

interface LoopInput {
  options: ResolvedOptions;
  runner: PageRunner;
  progress(event: ProgressEvent): void;
  signal: AbortSignal | undefined;
  frontier: Frontier;
  claims: LocalClaims;
  robotsFor(origin: string): Promise<RobotsRules>;
  record: CrawlRecord;
  checkpoint(pending: PageTask[]): Promise<void>;
  documents: CrawlDocuments | undefined;
}

async function runLoop(loop: LoopInput): Promise<void> {
  const { options, runner, progress, signal, frontier, claims, robotsFor, record } = loop;
  const deadline = options.timeBudgetMs > 0 ? Date.now() + options.timeBudgetMs : Infinity;
  const activeByHost = new Map<string, number>();
  const lastStartByHost = new Map<string, number>();
  const inflight = new Map<Promise<void>, PageTask>();
  let started = 0;
  const stopping = new AbortController();
  let hardStop: (() => void) | undefined;
  const hardStopped = new Promise<'stopped'>((resolve) => (hardStop = () => resolve('stopped')));
  let hardStopReached = false;
  void hardStopped.then(() => (hardStopReached = true));
  /** Tasks whose outcome was recorded; any other task started was cut off by the stop. */
  const finished = new Set<PageTask>();
  /** Every task handed to the runner (a task cut off by the hard stop leaves `inflight` before the loop looks). */
  const begun = new Set<PageTask>();
  /** Set when the loop returns: a task abandoned in flight must not add to the report afterwards. */
  let crawlOver = false;
  let sinceCheckpoint = 0;
  let checkpointing = Promise.resolve();
  const saveProgress = () => {
    checkpointing = checkpointing
      .then(() => loop.checkpoint([...inflight.values()].filter((task) => !finished.has(task))))
      .catch((error) => void record.checkErrors.push({ ruleId: 'crawl-state', source: 'welcomemat', url: '', message: `could not save the crawl state: ${String(error)}` }));
  };

  const hostHasRoom = (task: PageTask) => {
    const host = hostOf(task.url);
    if ((activeByHost.get(host) ?? 0) >= options.perHostConcurrency) return false;
    return Date.now() >= (lastStartByHost.get(host) ?? 0) + options.delayMs;
  };

  const stop = (reason: string) => {
    if (record.stopReason) return;
    record.stopReason = reason;
    stopping.abort();
    loop.documents?.stop();
    setTimeout(() => hardStop?.(), STOP_GRACE_MS).unref();
  };
  // A runner that cannot go on (Redis lost) aborts with its reason as text; a person's interrupt carries none.
  const onAbort = () => stop(typeof signal?.reason === 'string' ? signal.reason : 'interrupted before the crawl finished');
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();

  const recordVisit = (task: PageTask, visit: Awaited<ReturnType<PageRunner['run']>>) => {
    if (visit.kind === 'skipped') {
      // A link that turned out to serve a PDF (or a download that may be one) is handed to the documents.
      if (!loop.documents?.servedDocument(task, visit.skipped)) frontier.skip(visit.skipped);
      started--;
      progress({ type: 'skipped', url: task.url, reason: visit.skipped.reason });
      return;
    }
    record.pages.push(visit.page);
    if (visit.kind === 'audited') {
      // Links to where this page ended up are not queued again.
      frontier.markSeen(visit.page.finalUrl);
      record.findings.push(...visit.findings);
      record.checkErrors.push(...visit.checkErrors);
      record.sitePages.push({ url: task.url, finalUrl: visit.page.finalUrl, status: visit.page.status, artifacts: visit.siteArtifacts });
      if (visit.contact) record.contacts.push({ url: visit.page.finalUrl, contact: visit.contact });
      visit.links.forEach((link, index) => frontier.offer(link, task.depth + 1, 'link', visit.page.finalUrl, visit.linkTexts?.[index]));
      for (const route of visit.routes ?? []) {
        // A route that renders "not found" is a link that leads nowhere, not a page to audit.
        if (route.notFound) record.deadEndLinks.push({ url: route.url, reason: 'soft-404', status: 200, from: visit.page.finalUrl, text: route.text, selector: route.selector });
        else frontier.offer(route.url, task.depth + 1, 'route', visit.page.finalUrl);
      }
    }
    if (++sinceCheckpoint >= CHECKPOINT_EVERY_PAGES) {
      sinceCheckpoint = 0;
      saveProgress();
    }
    progress({
      type: 'page-done',
      url: task.url,
      audited: record.pages.filter((page) => !page.error).length,
      failed: record.pages.filter((page) => page.error).length,
      queued: frontier.size,
      ...(visit.page.error ? { error: visit.page.error.message } : {}),
    });
  };

  const runTask = async (task: PageTask) => {
    begun.add(task);
    const host = hostOf(task.url);
    activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
    lastStartByHost.set(host, Date.now());
    progress({ type: 'page-start', url: task.url, active: inflight.size + 1, queued: frontier.size });
    try {
      const raced = await Promise.race([runner.run(task, claims, { stopping: stopping.signal }), hardStopped]);
      // Cut off by the stop: recorded (and saved for a resume) as not finished when the crawl ends.
      if (raced === 'stopped' || crawlOver) return;
      if (raced.kind === 'failed' && record.stopReason && raced.page.error?.code === 'crashed') {
        // Lost to a crash after the stop: no retry now, a resume will try the page again.
        claims.release(task.url);
        return;
      }
      finished.add(task);
      recordVisit(task, raced);
    } catch (error) {
      if (crawlOver) return;
      finished.add(task);
      record.pages.push({ ...emptyPageResult(task), error: { code: 'unknown', message: String(error) } });
      record.checkErrors.push(crawlError(task.url, String(error)));
    } finally {
      activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
    }
  };

  try {
    for (;;) {
      if (Date.now() > deadline) stop(`time budget of ${Math.round(options.timeBudgetMs / 1000)} s reached`);
      while (!record.stopReason && inflight.size < runner.capacity && frontier.size > 0 && started < options.maxPages) {
        const task = frontier.take(hostHasRoom);
        if (!task) break;
        const rules = await robotsFor(new URL(task.url).origin);
        if (!rules.isAllowed(task.url)) {
          frontier.skip({ url: task.url, reason: 'robots-disallowed', detail: rules.explain(task.url), ...(task.from ? { from: task.from } : {}) });
          continue;
        }
        started++;
        const running: Promise<void> = runTask(task).finally(() => inflight.delete(running));
        inflight.set(running, task);
      }
      if (inflight.size === 0) {
        if (record.stopReason || frontier.size === 0 || started >= options.maxPages) break;
        // Only politeness delays hold the queue back: wait for the earliest host to free up.
        await sleep(Math.max(10, Math.min(options.delayMs, 1_000)));
        continue;
      }
      const tick = options.timeBudgetMs > 0 ? sleep(Math.max(0, Math.min(1_000, deadline - Date.now()))) : new Promise(() => undefined);
      await Promise.race([...inflight.keys(), tick, hardStopped]);
      if (record.stopReason && inflight.size > 0) await Promise.race([Promise.all(inflight.keys()), hardStopped]);
      // The grace period is over: pages still in flight are abandoned (closing the runner ends them).
      if (hardStopReached) break;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const unfinished = [...begun].filter((task) => !finished.has(task));
  crawlOver = true;
  await checkpointing;
  if (record.stopReason) {
    for (const task of unfinished) claims.release(task.url);
    await loop.checkpoint(unfinished).catch((error) => void record.checkErrors.push({ ruleId: 'crawl-state', source: 'welcomemat', url: '', message: `could not save the crawl state: ${String(error)}` }));
    const reason = record.stopReason.startsWith('time budget') ? 'time-budget' : 'interrupted';
    for (const task of unfinished) frontier.skip({ url: task.url, reason, detail: 'still loading when the crawl stopped', ...(task.from ? { from: task.from } : {}) });
    frontier.drain(reason, record.stopReason);
  } else {
    frontier.drain('max-pages', `the limit of ${options.maxPages} pages was reached`);
  }
}
