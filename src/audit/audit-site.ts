// The main flow: resolve options, crawl the site through a page runner, run site checks, add Lighthouse, build the report.
import { BrowserSession } from '../browser/browser-session.js';
import type { AuditOptions, ProgressEvent, ResolvedOptions } from '../config/options.js';
import { redactOptions, resolveOptions } from '../config/resolve-options.js';
import { allChecks } from '../checks/registry.js';
import { ruleCatalog } from '../checks/rule-catalog.js';
import { runSiteChecks } from '../checks/run-checks.js';
import type { CrawlStateOptions } from '../crawl/crawl-state.js';
import { crawlSite, type CrawlOutcome } from '../crawl/crawl-site.js';
import { createLinkTargets } from '../crawl/link-targets.js';
import { createOriginRewriter } from '../crawl/rewrite-origin.js';
import { WelcomematError } from '../errors.js';
import { AXE_VERSION } from '../gather/axe-gatherer.js';
import { lighthouseForAudit } from '../lighthouse/run-lighthouse.js';
import type { LighthouseSummary, Report } from '../model/report.js';
import { createVisitSetup } from '../page/visit-setup.js';
import { collectContacts } from '../compliance/collect-contacts.js';
import { buildReport } from '../prioritize/build-report.js';
import { startRunner } from '../runner/start-runner.js';
import { toolVersion } from '../util/tool-version.js';
import { timePhaseSync } from '../util/phase-profile.js';

export async function audit(input: AuditOptions & CrawlStateOptions): Promise<Report> {
  const { crawlStatePath, resumeFrom, ...auditInput } = input;
  const options = resolveOptions(auditInput);
  const progress = (event: ProgressEvent) => input.onProgress?.(event);
  const checks = allChecks;

  progress({ type: 'start', startUrls: options.urls });
  const started = await startRunner(options, createVisitSetup(options, checks), progress, resumeFrom);
  const { runner } = started;
  // The crawl stops on the user's interrupt, or when the runner cannot go on (a queued run that lost Redis).
  const signal = anySignal(input.signal, started.failure);
  let crawl: CrawlOutcome;
  let lighthouse: LighthouseSummary | undefined;
  try {
    crawl = await crawlSite({
      options,
      runner,
      progress,
      ...(signal ? { signal } : {}),
      ...(crawlStatePath ? { crawlStatePath } : {}),
      ...(resumeFrom ? { resumeFrom } : {}),
    });
    if (options.lighthouse.enabled && !signal?.aborted && started.session) lighthouse = await lighthouseOnce(started.session, crawl, options);
  } finally {
    await runner.close();
  }
  failIfStartUnreachable(crawl);

  progress({ type: 'site-checks' });
  const linkTargets = createLinkTargets(crawl.deadEnds, crawl.deadEndLinks, createOriginRewriter(options.rewriteOrigins));
  const site = timePhaseSync('site checks', () => runSiteChecks(checks, crawl.sitePages, options.urls, options, linkTargets));
  const report = timePhaseSync('report assembly', () => buildReport({
    tool: { name: 'welcomemat', version: toolVersion(), axeVersion: AXE_VERSION, browserVersion: started.browserVersion() },
    siteName: options.siteName ?? new URL(options.urls[0]).hostname,
    startUrls: options.urls,
    startedAt: crawl.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    complete: crawl.stopReason === undefined,
    ...(crawl.stopReason ? { incompleteReason: crawl.stopReason } : {}),
    config: { ...redactOptions(options), ...(started.sandboxNote() ? { sandboxNote: started.sandboxNote() } : {}) },
    pages: crawl.pages,
    skipped: crawl.skipped,
    skippedCount: crawl.skippedCount,
    findings: [...crawl.findings, ...crawl.documents.flatMap((document) => document.findings), ...site.findings],
    checkErrors: [...crawl.checkErrors, ...site.errors],
    rules: ruleCatalog(checks, options),
    contacts: collectContacts(crawl.contacts),
    siteOutcomes: site.outcomes,
    ...(crawl.documents.length > 0 ? { documents: crawl.documents.map(({ findings: _findings, ...document }) => ({ ...document, violations: 0, needsReview: 0 })) } : {}),
    ...(crawl.skippedDocuments.length > 0 ? { skippedDocuments: crawl.skippedDocuments } : {}),
    ...(lighthouse ? { lighthouse } : {}),
  }));
  progress({ type: 'done', report });
  return report;
}

/** Lighthouse (src/lighthouse/) on the audit's Chromium, after the crawl: start page plus a sample; a failure is recorded, never fatal. */
async function lighthouseOnce(session: BrowserSession, crawl: CrawlOutcome, options: ResolvedOptions): Promise<LighthouseSummary> {
  return lighthouseForAudit(session, crawl.pages, options.urls, options.lighthouse.pages, options.report.locale).catch((error: unknown) => ({
    version: 'unknown',
    pages: [{ url: options.urls[0], scores: [], opportunities: [], durationMs: 0, error: String(error) }],
  }));
}

/** Aborts when either signal does, with its reason; undefined when there is neither. */
function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length <= 1 ? given[0] : AbortSignal.any(given);
}

/** When nothing could be audited and a start page failed, the audit as a whole failed: say why in one line. */
function failIfStartUnreachable(crawl: CrawlOutcome): void {
  const startFailures = crawl.pages.filter((page) => page.depth === 0 && page.foundBy === 'start' && page.error);
  if (crawl.pages.every((page) => page.error) && startFailures.length > 0) {
    const first = startFailures[0];
    throw new WelcomematError('START_PAGE_UNREACHABLE', `the start page ${first.url} could not be loaded: ${first.error!.message}`);
  }
}
