// Audits every site of a config in one run: per-site report folders (timestamped with a latest pointer and retention, or plain), gates, an index, a webhook.
import fs from 'node:fs/promises';
import path from 'node:path';
import { audit } from '../audit/audit-site.js';
import { scrubData, scrubText } from '../auth/secrets.js';
import type { ProgressEvent } from '../config/options.js';
import { siteSlug, type SitePlan } from '../config/load-config.js';
import { EXIT_CODES, WelcomematError } from '../errors.js';
import { applyAccepted, loadAcceptedFile } from '../gate/accepted.js';
import { compareFixes, loadBaseline, type Baseline, type FixChanges } from '../gate/baseline.js';
import { evaluateGate, type GateResult, type GateSettings } from '../gate/evaluate-gate.js';
import type { Logger } from '../log/logger.js';
import type { Report } from '../model/report.js';
import { reportOptionsFrom, writeReport } from '../report/write-report.js';
import { complianceInputFrom } from '../compliance/inputs.js';
import { errorMessage } from '../util/error-message.js';
import { preflight } from './preflight.js';
import { REDIS_LOST_REASON } from '../runner/redis-lost.js';
import { createRunFolder, pruneRuns, writeLatest } from './retention.js';
import type { IndexEntry, SiteIndex } from '../model/site-index.js';
import { writeSiteIndex } from './site-index.js';
import { sendWebhook, type WebhookSettings } from './webhook.js';

export interface RunSitesOptions {
  plans: SitePlan[];
  outDir: string;
  formats: string[];
  /** Timestamped run folders with latest pointer and retention (`welcomemat run`), or one plain folder per site. */
  timestamped: boolean;
  /** Run folders kept per site when timestamped. */
  retention: number;
  /** Write index.html/index.json across the sites. */
  index: boolean;
  webhook?: WebhookSettings;
  /** The folder a site's report goes to (default `<outDir>/<slug>`). */
  dirFor?: (plan: SitePlan, slug: string) => string;
  /** Throw a site's error instead of recording it and going on (the one-site `audit` command). */
  rethrow?: boolean;
  /** Extra audit() options for a site, given the folder its report goes to (e.g. the CLI's crawl-state file for --resume). */
  auditExtras?: (reportDir: string) => Record<string, unknown>;
  logger: Logger;
  signal?: AbortSignal;
  onProgress?: (site: string, event: ProgressEvent) => void;
  now?: () => Date;
}

export interface SiteOutcome extends IndexEntry {
  /** The report as written (accepted findings removed, secrets scrubbed), when the audit ran. */
  reportData?: Report;
  /** Absolute paths of the report files written. */
  files?: string[];
  exitCode: number;
}

export interface RunSitesResult {
  sites: SiteOutcome[];
  /** Files written for the index, when one was. */
  indexFiles: string[];
  /** 0, or 1 when a gate was reached, or the first site's error exit code; interruption wins. */
  exitCode: number;
  interrupted: boolean;
}

function changeCounts(changes: FixChanges, comparedWith: string): NonNullable<IndexEntry['changes']> {
  return { newFixes: changes.newFixes.length, fixedFixes: changes.fixedIds.length, newViolations: changes.newViolations.length, fixedViolations: changes.fixedViolations, comparedWith };
}

async function auditOneSite(plan: SitePlan, options: RunSitesOptions, runStarted: Date): Promise<SiteOutcome> {
  const { logger } = options;
  const slug = siteSlug(plan.name);
  const siteDir = options.dirFor?.(plan, slug) ?? path.join(options.outDir, slug);
  const startUrls = plan.options.urls ?? [];
  const base: SiteOutcome = { name: plan.name, slug, status: 'failed', startUrls, exitCode: EXIT_CODES.ok };
  // The previous run of this site (timestamped mode): what "changed since last time" is measured against.
  const previous = options.timestamped ? await loadBaseline(siteDir, { optional: true }).catch(() => undefined) : undefined;
  const explicitBaseline = plan.gate.baseline ? await loadBaseline(plan.gate.baseline) : undefined;
  const accepted = plan.gate.accepted ? await loadAcceptedFile(plan.gate.accepted) : undefined;
  // The manual-verdicts file is read before the audit, so a bad one stops the run with one line (exit 2), not after the crawl.
  const compliance = complianceInputFrom(plan.options);

  logger.info(`auditing ${plan.name}`, { event: 'site-start', site: plan.name, urls: startUrls });
  const reportDir = options.timestamped ? await createRunFolder(siteDir, runStarted) : siteDir;
  let report: Report;
  try {
    report = await audit({ ...plan.options, ...options.auditExtras?.(reportDir), ...(options.signal ? { signal: options.signal } : {}), onProgress: (event) => options.onProgress?.(plan.name, event) });
  } catch (error) {
    // An empty run folder would count against retention; rmdir only removes it when empty.
    if (options.timestamped) await fs.rmdir(reportDir).catch(() => undefined);
    throw error;
  }
  let acceptedInfo: IndexEntry['accepted'];
  if (accepted) {
    const applied = applyAccepted(report, accepted, options.now?.() ?? new Date());
    report = applied.report;
    acceptedInfo = { silenced: applied.outcome.silenced, expired: applied.outcome.expired.length };
    for (const entry of applied.outcome.expired) {
      logger.warn(`accepted finding for rule ${entry.rule} expired on ${entry.expires}; it no longer silences anything`, { event: 'accepted-expired', site: plan.name, rule: entry.rule, page: entry.page, selector: entry.selector, reason: entry.reason });
    }
  }
  // Whatever the audited pages echoed back (a user name, a token in a URL), no secret value reaches the files.
  report = scrubData(report);

  // Locale, branding, --compare and the run history (kept in the site folder across timestamped runs): src/report/write-report.ts.
  const written = await writeReport(report, { outDir: reportDir, formats: options.formats, compliance, ...reportOptionsFrom(plan.options, options.timestamped ? siteDir : reportDir) });
  const relative = (file: string) => path.relative(options.outDir, file).split(path.sep).join('/');
  const htmlFile = written.find((file) => file.endsWith('.html'));
  const jsonFile = written.find((file) => file.endsWith('report.json'));
  if (options.timestamped) {
    const run = path.basename(reportDir);
    await writeLatest(siteDir, {
      run,
      report: `${run}/report.json`,
      ...(htmlFile ? { html: `${run}/${path.basename(htmlFile)}` } : {}),
      finishedAt: report.finishedAt,
    });
    const removed = await pruneRuns(siteDir, options.retention);
    if (removed.length > 0) logger.info(`removed ${removed.length} old run${removed.length === 1 ? '' : 's'} of ${plan.name} (retention ${options.retention})`, { event: 'pruned', site: plan.name, removed });
  }

  const baseline: Baseline | undefined = explicitBaseline ?? previous;
  const changes = baseline ? compareFixes(baseline.report, report) : undefined;
  const sincePrevious = previous ? compareFixes(previous.report, report) : changes;
  const gate: GateResult = evaluateGate(report, plan.gate as GateSettings, changes);
  if (plan.gate.failOnNew && !baseline) logger.warn(`no baseline for ${plan.name} yet, so no finding counts as new`, { event: 'no-baseline', site: plan.name });
  const s = report.summary;
  logger.info(`${plan.name}: ${s.pagesAudited} pages, ${s.violations} violations, ${s.needsReview} to review, ${s.fixes} fixes`, {
    event: 'site-done',
    site: plan.name,
    summary: s,
    report: htmlFile ?? jsonFile,
    ...(sincePrevious ? { newFixes: sincePrevious.newFixes.length, fixedFixes: sincePrevious.fixedIds.length } : {}),
    complete: report.complete,
  });
  for (const reason of gate.reasons) logger.warn(`gate reached for ${plan.name}: ${reason}`, { event: 'gate-reached', site: plan.name });
  return {
    ...base,
    status: 'ok',
    summary: s,
    ...(htmlFile ? { report: relative(htmlFile) } : {}),
    ...(jsonFile ? { json: relative(jsonFile) } : {}),
    ...(sincePrevious ? { changes: changeCounts(sincePrevious, path.relative(options.outDir, (previous ?? baseline)!.file).split(path.sep).join('/')) } : {}),
    gate,
    ...(acceptedInfo ? { accepted: acceptedInfo } : {}),
    reportData: report,
    files: written,
    exitCode: gate.failed ? EXIT_CODES.thresholdReached : report.complete ? EXIT_CODES.ok : report.incompleteReason?.startsWith(REDIS_LOST_REASON) ? EXIT_CODES.queueUnavailable : EXIT_CODES.interrupted,
  };
}

/** The Slack-compatible one-paragraph summary of a run. */
export function summaryText(sites: SiteOutcome[]): string {
  const lines = sites.map((site) => {
    if (site.status === 'failed') return `• ${site.name}: audit failed: ${site.error}`;
    const s = site.summary!;
    const change = site.changes ? `; since last run ${site.changes.newFixes} new, ${site.changes.fixedFixes} fixed` : '; first run';
    const gate = site.gate?.failed ? `; gate reached: ${site.gate.reasons.join('; ')}` : '';
    return `• ${site.name}: ${s.violations} violations, ${s.needsReview} to review in ${s.fixes} fixes on ${s.pagesAudited} pages${change}${gate}`;
  });
  return `welcomemat audited ${sites.length} site${sites.length === 1 ? '' : 's'}\n${lines.join('\n')}`;
}

/** Connects once to each Redis the plans queue pages on; throws QUEUE_UNREACHABLE for the first that does not answer. */
async function checkQueues(plans: SitePlan[]): Promise<void> {
  const urls = new Set(plans.flatMap((plan) => (plan.options.queue?.redis ? [plan.options.queue.redis] : [])));
  if (urls.size === 0) return;
  // The Redis client is loaded only for runs that queue pages.
  const { connectOrFail } = await import('../runner/queue-protocol.js');
  for (const url of urls) (await connectOrFail(url, 'welcomemat-preflight')).disconnect();
}

export async function runSites(options: RunSitesOptions): Promise<RunSitesResult> {
  const runStarted = options.now?.() ?? new Date();
  // Every site's options, paths and files first: a bad value stops the run before any site is audited.
  await preflight(options.plans, options.formats);
  // A queued run whose Redis cannot be reached stops here, with one line and exit code 6.
  await checkQueues(options.plans);
  await fs.mkdir(options.outDir, { recursive: true });
  const sites: SiteOutcome[] = [];
  for (const plan of options.plans) {
    if (options.signal?.aborted) break;
    try {
      sites.push(await auditOneSite(plan, options, runStarted));
    } catch (error) {
      // One client's broken site must not stop the others' reports.
      const message = scrubText(errorMessage(error));
      const exitCode = error instanceof WelcomematError ? error.exitCode : EXIT_CODES.internal;
      if (options.rethrow || (error instanceof WelcomematError && (error.code === 'BAD_CONFIG' || error.code === 'BAD_OPTIONS'))) throw error;
      options.logger.error(`${plan.name}: ${message}`, { event: 'site-failed', site: plan.name, code: error instanceof WelcomematError ? error.code : 'INTERNAL' });
      sites.push({ name: plan.name, slug: siteSlug(plan.name), status: 'failed', error: message, startUrls: plan.options.urls ?? [], exitCode });
    }
  }
  let indexFiles: string[] = [];
  if (options.index) {
    const index: SiteIndex = { generatedAt: new Date().toISOString(), sites: sites.map(({ reportData: _report, exitCode: _code, files: _files, ...entry }) => entry) };
    indexFiles = await writeSiteIndex(options.outDir, scrubData(index));
    options.logger.info(`index of ${sites.length} site${sites.length === 1 ? '' : 's'}: ${indexFiles[0]}`, { event: 'index-written', file: indexFiles[0] });
  }
  if (options.webhook) {
    await sendWebhook(
      options.webhook,
      {
        text: summaryText(sites),
        event: 'run-finished',
        startedAt: runStarted.toISOString(),
        finishedAt: new Date().toISOString(),
        sites: sites.map(({ reportData: _report, exitCode: _code, files: _files, ...entry }) => entry),
      },
      options.logger,
    );
  }
  const interrupted = Boolean(options.signal?.aborted);
  // A site whose queue's Redis was lost mid-run counts like a failed site: its report is partial.
  const failure = sites.find((site) => site.status === 'failed' || site.exitCode === EXIT_CODES.queueUnavailable);
  const exitCode = interrupted
    ? EXIT_CODES.interrupted
    : failure
      ? failure.exitCode
      : sites.some((site) => site.exitCode === EXIT_CODES.thresholdReached)
        ? EXIT_CODES.thresholdReached
        : EXIT_CODES.ok;
  return { sites, indexFiles, exitCode, interrupted };
}
