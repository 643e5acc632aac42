// What the CLI's config-aware commands do: `audit` with a config, `run` (once or on a schedule) and `init`.
import path from 'node:path';
import type { AuditOptionsInput, ProgressEvent } from '../config/options.js';
import { loadConfig, planSites, type LoadedConfig, type SitePlan } from '../config/load-config.js';
import type { GateConfig } from '../config/config-schema.js';
import { STARTER_CONFIG_NAME, writeStarterConfig } from '../config/init-template.js';
import { EXIT_CODES, WelcomematError } from '../errors.js';
import { createLogger, type LogFormat, type Logger } from '../log/logger.js';
import type { Report } from '../model/report.js';
import { runOnSchedule, validateCron } from '../schedule/run-on-schedule.js';
import { preflight } from './preflight.js';
import { runSites, type RunSitesResult } from './run-sites.js';
import { parseRedisUrl } from '../config/values.js';
import { defaultConcurrency } from '../config/options.js';
import { scrubText } from '../auth/secrets.js';

export interface CommonFlags {
  config?: string;
  out?: string;
  format?: string[];
  logFormat?: LogFormat;
  quiet?: boolean;
  /** Gate flags; they override the config's `gate`. */
  gate: GateConfig;
}

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  signal: AbortSignal;
  /** Live progress for one site (the audit command's progress line). */
  onProgress?: (site: string, event: ProgressEvent) => void;
  /** One-line summary of a report, printed by `audit`. */
  summaryLine(report: Report): string;
  /** Extra audit() options for a one-site audit, given its output folder (the CLI's --resume state). */
  auditExtras?: (outDir: string) => Record<string, unknown>;
}

function withGateFlags(plans: SitePlan[], gate: GateConfig, cwd: string): SitePlan[] {
  const given = Object.fromEntries(Object.entries(gate).filter(([, value]) => value !== undefined)) as GateConfig;
  if (given.baseline) given.baseline = path.resolve(cwd, given.baseline);
  if (given.accepted) given.accepted = path.resolve(cwd, given.accepted);
  return plans.map((plan) => ({ ...plan, gate: { ...plan.gate, ...given } }));
}

function defaultOutDir(url: string | undefined): string {
  let host = 'site';
  try {
    host = new URL(url ?? '').host.replace(/[^a-z0-9.-]+/gi, '_') || 'site';
  } catch {
    // Bad URLs are reported by the audit itself.
  }
  return path.join('reports', host);
}

function printResult(result: RunSitesResult, io: CommandIo, logger: Logger): void {
  if (logger.format === 'json') return;
  for (const site of result.sites) {
    if (!site.reportData) continue;
    io.stdout.write(`${result.sites.length > 1 ? `${site.name}: ` : ''}${io.summaryLine(site.reportData)}\n`);
    for (const file of site.files ?? []) io.stdout.write(`Report: ${file}\n`);
    if (!site.reportData.complete) io.stdout.write(`Partial report: ${site.reportData.incompleteReason}\n`);
    for (const reason of site.gate?.reasons ?? []) io.stdout.write(`Gate reached: ${reason}\n`);
  }
  if (result.indexFiles[0]) io.stdout.write(`Index: ${result.indexFiles[0]}\n`);
}

/**
 * `welcomemat audit [url...]`: with URLs, one site (config top-level options as defaults,
 * flags on top) written to --out; without URLs, every site of the config, one folder each
 * plus an index. Returns the exit code.
 */
export async function auditCommand(urls: string[], overrides: Partial<AuditOptionsInput>, flags: CommonFlags, io: CommandIo): Promise<number> {
  const cwd = process.cwd();
  const loaded = await loadConfig({ ...(flags.config ? { configPath: flags.config } : {}), cwd });
  const format = flags.logFormat ?? 'text';
  // In text mode the progress line and the summary on stdout say it all; only warnings and errors are logged.
  const logger = createLogger({ format, stream: io.stderr, level: format === 'text' ? 'warn' : 'info' });
  const config = loaded?.config ?? {};
  if (urls.length === 0 && !config.sites && !config.urls?.length) {
    throw new WelcomematError('BAD_OPTIONS', 'give a start URL (welcomemat audit https://example.com) or a config with urls or sites (welcomemat init)');
  }
  const formats = flags.format?.length ? flags.format : (config.output?.formats ?? ['html', 'json']);
  const single = urls.length > 0 || !config.sites;
  const plans = withGateFlags(
    planSites(single ? { ...config, sites: undefined } : config, { ...overrides, ...(urls.length > 0 ? { urls } : {}) }),
    flags.gate,
    cwd,
  );
  const outDir = path.resolve(flags.out ?? (single ? defaultOutDir(plans[0].options.urls?.[0]) : (config.output?.dir ?? 'reports')));
  const result = await runSites({
    plans,
    outDir,
    formats,
    timestamped: false,
    retention: Infinity,
    index: !single,
    ...(single ? { dirFor: () => outDir, rethrow: true, ...(io.auditExtras ? { auditExtras: io.auditExtras } : {}) } : {}),
    logger,
    signal: io.signal,
    ...(io.onProgress ? { onProgress: io.onProgress } : {}),
  });
  printResult(result, io, logger);
  return result.exitCode;
}

export interface RunFlags extends CommonFlags {
  schedule?: string | boolean;
  runNow?: boolean;
  retention?: number;
  webhook?: string;
}

async function requireConfig(flags: CommonFlags): Promise<LoadedConfig> {
  const loaded = await loadConfig({ ...(flags.config ? { configPath: flags.config } : {}) });
  if (!loaded) throw new WelcomematError('BAD_CONFIG', `no config file found in ${process.cwd()} (write one with "welcomemat init", or pass --config)`);
  if (!loaded.config.sites && !loaded.config.urls?.length) throw new WelcomematError('BAD_CONFIG', `config ${path.basename(loaded.file)}: give urls or sites`);
  return loaded;
}

/**
 * `welcomemat run`: every site of the config into `<out>/<site>/<timestamp>/`, a latest
 * pointer, retention, an index and the webhook; once, or on a cron schedule until SIGTERM.
 */
export async function runCommand(overrides: Partial<AuditOptionsInput>, flags: RunFlags, io: CommandIo): Promise<number> {
  const { file, config } = await requireConfig(flags);
  const logger = createLogger({ format: flags.logFormat ?? config.log?.format ?? 'auto', stream: io.stderr });
  const plans = withGateFlags(planSites(config, overrides), flags.gate, process.cwd());
  const outDir = path.resolve(flags.out ?? config.output?.dir ?? 'reports');
  const webhook = flags.webhook ? { ...config.webhook, url: flags.webhook } : config.webhook;
  // 10 weekly runs is about a quarter of history: enough for a trend, small on disk.
  const retention = flags.retention ?? config.output?.retention ?? 10;
  const once = (signal: AbortSignal) =>
    runSites({
      plans,
      outDir,
      formats: flags.format?.length ? flags.format : (config.output?.formats ?? ['html', 'json']),
      timestamped: true,
      retention,
      index: true,
      ...(webhook ? { webhook } : {}),
      logger,
      signal,
      onProgress: (site, event) => {
        if (event.type === 'page-done') logger.debug(`${site}: ${event.url} ${event.error ? `failed: ${event.error}` : 'done'}`, { event: 'page-done', site, url: event.url, audited: event.audited, queued: event.queued });
      },
    });
  io.signal.addEventListener('abort', () => logger.warn('signal received: finishing pages in flight, writing partial reports, starting nothing new (again to quit now)', { event: 'signal' }), { once: true });
  logger.info(`config ${file}: ${plans.length} site${plans.length === 1 ? '' : 's'}`, { event: 'config-loaded', file, sites: plans.map((plan) => plan.name) });
  const cron = typeof flags.schedule === 'string' ? flags.schedule : flags.schedule ? config.schedule?.cron : undefined;
  if (flags.schedule === true && !cron) throw new WelcomematError('BAD_OPTIONS', '--schedule needs a cron expression, here or as schedule.cron in the config');
  if (!cron) {
    const result = await once(io.signal);
    printResult(result, io, logger);
    return result.exitCode;
  }
  validateCron(cron, config.schedule?.timezone, typeof flags.schedule === 'string' ? '--schedule' : 'schedule.cron');
  // A schedule may wait hours for its first run: check every site now, not then.
  await preflight(plans, flags.format?.length ? flags.format : (config.output?.formats ?? ['html', 'json']));
  return runOnSchedule({
    cron,
    ...(config.schedule?.timezone ? { timezone: config.schedule.timezone } : {}),
    ...(flags.runNow ? { runNow: true } : {}),
    logger,
    signal: io.signal,
    job: async (signal) => (await once(signal)).exitCode,
  });
}

/** `welcomemat init [file]`: writes the commented starter config. */
export async function initCommand(file: string | undefined, flags: { force?: boolean; url?: string }, io: Pick<CommandIo, 'stdout'>): Promise<number> {
  const written = await writeStarterConfig(file ?? STARTER_CONFIG_NAME, flags);
  io.stdout.write(`Wrote ${written}\nEdit the sites in it, then run: npx welcomemat run${file && file !== STARTER_CONFIG_NAME ? ` --config ${file}` : ''}\n`);
  return EXIT_CODES.ok;
}

/**
 * `welcomemat worker`: serves queued audits until SIGTERM or SIGINT. The Redis URL comes from
 * --redis, WELCOMEMAT_REDIS_URL or the config's queue.redis, in that order.
 */
export async function workerCommand(flags: { redis?: string; concurrency?: number; stalledAfter?: number; config?: string; sandbox?: 'auto' | 'on' | 'off' }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const fromEnv = env.WELCOMEMAT_REDIS_URL ? parseRedisUrl(env.WELCOMEMAT_REDIS_URL, 'WELCOMEMAT_REDIS_URL') : undefined;
  const fromConfig = flags.redis || fromEnv ? undefined : (await loadConfig({ ...(flags.config ? { configPath: flags.config } : {}) }))?.config.queue?.redis;
  const redis = flags.redis ?? fromEnv ?? fromConfig;
  if (!redis) throw new WelcomematError('BAD_OPTIONS', 'give the Redis to take pages from: --redis redis://host:6379, WELCOMEMAT_REDIS_URL, or queue.redis in the config');
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const log = (line: string) => process.stderr.write(`welcomemat worker: ${scrubText(line)}\n`);
  // BullMQ is loaded only by the commands that use it.
  const { runWorker } = await import('../runner/queue-worker.js');
  return runWorker({ redis, concurrency: flags.concurrency ?? defaultConcurrency(), ...(flags.stalledAfter ? { stalledAfterMs: flags.stalledAfter * 1000 } : {}), ...(flags.sandbox ? { sandbox: flags.sandbox } : {}), log, signal: controller.signal });
}
