// `welcomemat worker`: takes page jobs from the BullMQ queue and audits them with its own Chromium, one browser session (and login) per run it serves.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { resolveEnvReferences } from '../config/env-references.js';
import type { ResolvedOptions } from '../config/options.js';
import { RedisClaims } from '../crawl/redis-claims.js';
import { createScope } from '../crawl/scope.js';
import { createVisitSetup } from '../page/visit-setup.js';
import { errorMessage } from '../util/error-message.js';
import { toolVersion } from '../util/tool-version.js';
import { InProcessRunner } from './in-process-runner.js';
import { packResult } from './page-result-wire.js';
import { claimsKeyPrefix, connectOrFail, KEY_PREFIX, PROTOCOL, QUEUE_NAME, RUN_TTL_SECONDS, runKey, type PageJobData, type PageJobResult } from './queue-protocol.js';

/** A run's browser session closes after this long without a page of it (ms): its crawl is likely over. */
const RUN_IDLE_MS = 60_000;
/** A refused job goes back to the queue for this long (ms), so a worker of the right version can take it. */
const REFUSED_DELAY_MS = 2_000;
/**
 * A page's job may go this long (ms) without its worker renewing the lock before BullMQ
 * hands it to another worker. BullMQ's default: long enough for a busy machine's event loop.
 */
export const DEFAULT_STALLED_AFTER_MS = 30_000;

export interface WorkerSettings {
  redis: string;
  /** Pages this worker audits at once (browser tabs). */
  concurrency: number;
  /** How long a killed worker's page waits before another worker takes it up again (ms). */
  stalledAfterMs?: number;
  /** This machine's Chromium sandbox setting, over the run's (the worker knows whether its container allows it). */
  sandbox?: 'auto' | 'on' | 'off';
  /** One line for the person running the worker. */
  log(line: string): void;
  /** Aborting lets pages in flight finish, then the worker stops. */
  signal: AbortSignal;
}

interface ServedRun {
  options: ResolvedOptions;
  runner: Promise<InProcessRunner>;
  /** The worker's stand-in for the run's report folder, where screenshots wait to be sent. */
  reportRoot?: string;
  active: number;
  lastUsed: number;
}

/** Runs until `signal` aborts; resolves with the exit code. Throws QUEUE_UNREACHABLE when Redis cannot be reached at the start. */
export async function runWorker(settings: WorkerSettings): Promise<number> {
  const name = `${os.hostname()}:${process.pid}`;
  const connection = await connectOrFail(settings.redis, `welcomemat-worker-${name}`);
  connection.on('error', () => undefined);
  const version = toolVersion();
  const runs = new Map<string, ServedRun>();
  const refusedRuns = new Set<string>();
  const stopping = new AbortController();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-worker-'));

  const serve = async (runId: string, record: Record<string, string>): Promise<ServedRun> => {
    let run = runs.get(runId);
    if (run) return run;
    // Secrets arrive as ${env:NAME} references and are read from this worker's own environment.
    const stored = JSON.parse(record.options) as ResolvedOptions & { artifactsDirName?: string };
    const { artifactsDirName, ...rest } = stored;
    const browser = { ...rest.browser, ...(settings.sandbox ? { sandbox: settings.sandbox } : {}), ...(process.env.CHROME_PATH ? { executablePath: process.env.CHROME_PATH } : {}) };
    const auth = rest.auth ? (resolveEnvReferences(rest.auth, process.env, 'auth') as ResolvedOptions['auth']) : undefined;
    const reportRoot = artifactsDirName ? path.join(scratch, runId) : undefined;
    const options: ResolvedOptions = {
      ...rest,
      browser,
      ...(auth ? { auth } : {}),
      concurrency: settings.concurrency,
      perHostConcurrency: settings.concurrency,
      ...(reportRoot && artifactsDirName ? { artifactsDir: path.join(reportRoot, artifactsDirName) } : {}),
    };
    run = { options, runner: InProcessRunner.start(options, createVisitSetup(options)), ...(reportRoot ? { reportRoot } : {}), active: 0, lastUsed: Date.now() };
    runs.set(runId, run);
    run.runner.catch(() => runs.delete(runId));
    settings.log(`serving run ${runId} (${options.urls.join(', ')})`);
    return run;
  };

  const processPage = async (job: Job<PageJobData>, token?: string): Promise<PageJobResult> => {
    const data = job.data;
    if (data.protocol !== PROTOCOL || data.version !== version) {
      if (!refusedRuns.has(data.runId)) {
        refusedRuns.add(data.runId);
        const why = `refusing pages of run ${data.runId}: it was started by welcomemat ${data.version}, this worker is welcomemat ${version}; run workers of the coordinator's version`;
        settings.log(why);
        await connection.hset(runKey(data.runId), 'refused', `worker ${name}: welcomemat ${version}`).catch(() => undefined);
      }
      // Back to the queue for a worker of the right version; the coordinator says so and bounds its wait.
      await job.moveToDelayed(Date.now() + REFUSED_DELAY_MS, token);
      throw new DelayedError();
    }
    const record = await connection.hgetall(runKey(data.runId));
    if (record.state !== 'running') throw new UnrecoverableError(record.state === 'cancelled' ? 'the run was cancelled: its coordinator was interrupted' : 'the run is over or unknown');
    let run: ServedRun;
    try {
      run = await serve(data.runId, record);
    } catch (error) {
      throw new UnrecoverableError(`this worker cannot serve the run: ${errorMessage(error)}`);
    }
    run.active++;
    run.lastUsed = Date.now();
    try {
      const runner = await run.runner.catch((error: unknown) => {
        throw new UnrecoverableError(`this worker could not start its browser for the run: ${errorMessage(error)}`);
      });
      const scope = createScope({ startUrls: run.options.urls, ...run.options.scope });
      const claims = new RedisClaims(connection, claimsKeyPrefix(data.runId), scope, run.options, RUN_TTL_SECONDS);
      const visit = await runner.run(data.task, claims, { stopping: stopping.signal });
      const packed = await packResult(visit, claims.claimed, run.reportRoot, run.options.queue?.maxResultBytes ?? Number.MAX_SAFE_INTEGER);
      return { ...packed, browserVersion: runner.session.version, ...(runner.session.sandboxNote ? { sandboxNote: runner.session.sandboxNote } : {}) };
    } finally {
      run.active--;
      run.lastUsed = Date.now();
    }
  };

  const stalledAfterMs = settings.stalledAfterMs ?? DEFAULT_STALLED_AFTER_MS;
  const worker = new Worker<PageJobData, PageJobResult>(QUEUE_NAME, processPage, {
    connection: connection as Redis,
    prefix: KEY_PREFIX,
    name,
    concurrency: settings.concurrency,
    lockDuration: stalledAfterMs,
    stalledInterval: stalledAfterMs,
    // A page whose worker died once is tried again; the second time it is failed: "job stalled more than allowable limit".
    maxStalledCount: 1,
  });
  worker.on('error', (error) => settings.log(`queue error: ${errorMessage(error)}`));
  worker.on('failed', (job, error) => {
    if (job && !(error instanceof DelayedError)) settings.log(`page ${job.data.task.url} not audited: ${errorMessage(error)}`);
  });

  // Closes the browser of a run nobody has sent pages for in a while.
  const sweep = setInterval(() => {
    for (const [runId, run] of runs) {
      if (run.active > 0 || Date.now() - run.lastUsed < RUN_IDLE_MS) continue;
      runs.delete(runId);
      void run.runner.then((runner) => runner.close()).catch(() => undefined);
      if (run.reportRoot) void fs.rm(run.reportRoot, { recursive: true, force: true });
    }
  }, 5_000);
  sweep.unref();

  settings.log(`worker ${name} (welcomemat ${version}) taking pages from ${QUEUE_NAME} with concurrency ${settings.concurrency}`);
  await new Promise<void>((resolve) => {
    if (settings.signal.aborted) resolve();
    settings.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  settings.log('stopping: finishing pages in flight');
  clearInterval(sweep);
  await worker.close();
  stopping.abort();
  await Promise.all([...runs.values()].map((run) => run.runner.then((runner) => runner.close()).catch(() => undefined)));
  await fs.rm(scratch, { recursive: true, force: true });
  connection.disconnect();
  return 0;
}
