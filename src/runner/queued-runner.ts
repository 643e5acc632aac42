// Visits pages through a BullMQ queue on Redis: each page is a job for `welcomemat worker` processes; results come back through the queue and are removed once stored.
import path from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { restoreEnvReferences } from '../config/env-references.js';
import type { ProgressEvent, ResolvedOptions } from '../config/options.js';
import { LocalClaims } from '../crawl/local-claims.js';
import type { PageRunner, RunControl } from '../crawl/page-runner.js';
import { dropRedisClaims, seedRedisClaims } from '../crawl/redis-claims.js';
import { emptyPageResult, type PageTask } from '../model/page-task.js';
import type { PageClaims, PageVisit } from '../page/visit-page.js';
import { errorMessage } from '../util/error-message.js';
import { toolVersion } from '../util/tool-version.js';
import { unpackResult } from './page-result-wire.js';
import { REDIS_LOST_REASON } from './redis-lost.js';
import {
  claimsKeyPrefix,
  connectOrFail,
  EVENT_STREAM_LENGTH,
  KEY_PREFIX,
  newRunId,
  pageJobId,
  PROTOCOL,
  QUEUE_NAME,
  REDIS_LOST_AFTER_MS,
  RUN_TTL_SECONDS,
  runKey,
  shownRedisUrl,
  type PageJobData,
  type PageJobResult,
} from './queue-protocol.js';

/** Every few seconds (ms) the coordinator looks up the jobs it waits for, in case their events were missed. */
const SWEEP_MS = 3_000;
export { REDIS_LOST_REASON };

type Settled = { kind: 'completed'; result: PageJobResult } | { kind: 'failed'; reason: string };

function failedVisit(task: PageTask, code: 'crashed' | 'unknown', message: string): PageVisit {
  return { kind: 'failed', page: { ...emptyPageResult(task), error: { code, message } } };
}

/** Why BullMQ failed a job, in the report's words. */
function failureMessage(reason: string): { code: 'crashed' | 'unknown'; message: string } {
  if (/stalled more than allowable limit/i.test(reason)) return { code: 'crashed', message: 'the page killed its worker twice (the worker process died while auditing it, then again on the retry)' };
  return { code: 'unknown', message: reason };
}

export class QueuedRunner implements PageRunner {
  readonly capacity: number;
  private readonly pending = new Map<string, (settled: Settled) => void>();
  private readonly lostController = new AbortController();
  private seeded: Promise<void> | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private downSince: number | undefined;
  private stopped = false;
  private refusalShown = false;
  private eventsConnection: Redis | undefined;
  private noWorkerShown = false;
  /** Browser version and sandbox note, from the first worker result. */
  browserVersion = 'unknown (queued: see the workers)';
  sandboxNote = '';

  private constructor(
    readonly runId: string,
    private readonly options: ResolvedOptions,
    private readonly redis: Redis,
    private readonly queue: Queue<PageJobData, PageJobResult>,
    private readonly events: QueueEvents,
    private readonly progress: (event: ProgressEvent) => void,
  ) {
    this.capacity = options.concurrency;
  }

  /** Aborts (with the reason as a string) when Redis stays unreachable past REDIS_LOST_AFTER_MS: the crawl stops with what it has. */
  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  /**
   * Connects (or fails with one line and exit code 6 before any work), records the run's settings
   * once, and listens for results. `runId` continues a run (a resume); otherwise a new one starts.
   */
  static async start(options: ResolvedOptions, progress: (event: ProgressEvent) => void, runId: string = newRunId()): Promise<QueuedRunner> {
    const url = options.queue!.redis;
    const redis = await connectOrFail(url, `welcomemat-coordinator-${runId}`);
    const queue = new Queue<PageJobData, PageJobResult>(QUEUE_NAME, { connection: redis, prefix: KEY_PREFIX, streams: { events: { maxLen: EVENT_STREAM_LENGTH } } });
    // BullMQ leaves connections it was given open: both are closed in close().
    const eventsConnection = redis.duplicate();
    eventsConnection.on('error', () => undefined);
    const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: KEY_PREFIX });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    const runner = new QueuedRunner(runId, options, redis, queue, events, progress);
    runner.eventsConnection = eventsConnection;
    await runner.recordRun();
    await events.waitUntilReady();
    runner.listen();
    return runner;
  }

  /** The run's settings for its workers: secrets as ${env:NAME} references, no local paths they cannot use. */
  private async recordRun(): Promise<void> {
    const { artifactsDir, browser, ...rest } = this.options;
    const { executablePath: _local, ...browserRest } = browser;
    const stored = {
      ...rest,
      // Not the Redis URL: it may hold Redis's password, and workers have their own.
      queue: { maxResultBytes: this.options.queue!.maxResultBytes },
      browser: browserRest,
      ...(rest.auth ? { auth: restoreEnvReferences(rest.auth) } : {}),
      ...(artifactsDir ? { artifactsDirName: path.basename(artifactsDir) } : {}),
    };
    const key = runKey(this.runId);
    await this.redis
      .multi()
      .hset(key, { protocol: String(PROTOCOL), version: toolVersion(), state: 'running', options: JSON.stringify(stored) })
      .hdel(key, 'refused')
      .expire(key, RUN_TTL_SECONDS)
      .exec();
  }

  private listen(): void {
    this.events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, { kind: 'completed', result: returnvalue as unknown as PageJobResult }));
    this.events.on('failed', ({ jobId, failedReason }) => this.settle(jobId, { kind: 'failed', reason: failedReason }));
    this.sweep = setInterval(() => void this.lookUpPending(), SWEEP_MS);
    this.redis.on('close', () => (this.downSince ??= Date.now()));
    this.redis.on('error', () => (this.downSince ??= Date.now()));
    this.redis.on('ready', () => (this.downSince = undefined));
    this.watchdog = setInterval(() => {
      if (this.downSince !== undefined && Date.now() - this.downSince > REDIS_LOST_AFTER_MS) this.loseRedis();
    }, 1_000);
  }

  private settle(jobId: string, settled: Settled): void {
    const resolve = this.pending.get(jobId);
    if (!resolve) return;
    this.pending.delete(jobId);
    resolve(settled);
  }

  /** Looks up jobs whose events were missed; says once when no worker is there or a worker refused the run. */
  private async lookUpPending(): Promise<void> {
    if (this.downSince !== undefined) return;
    try {
      for (const jobId of [...this.pending.keys()]) {
        const job = await Job.fromId<PageJobData, PageJobResult>(this.queue, jobId);
        const state = job ? await job.getState() : 'unknown';
        if (job && state === 'completed') this.settle(jobId, { kind: 'completed', result: job.returnvalue });
        else if (job && state === 'failed') this.settle(jobId, { kind: 'failed', reason: job.failedReason });
      }
      if (this.pending.size > 0 && !this.noWorkerShown && (await this.queue.getWorkersCount()) === 0) {
        this.noWorkerShown = true;
        this.progress({ type: 'notice', message: `no worker is connected to ${shownRedisUrl(this.options.queue!.redis)}: pages wait in the queue until one starts (welcomemat worker --redis …)` });
      }
      const refused = this.refusalShown ? null : await this.redis.hget(runKey(this.runId), 'refused');
      if (refused) {
        this.refusalShown = true;
        this.progress({ type: 'notice', message: `a worker of another version refused this run's pages (${refused}); only workers of welcomemat ${toolVersion()} take them` });
      }
    } catch {
      // Redis trouble shows through the watchdog.
    }
  }

  private loseRedis(): void {
    if (this.lostController.signal.aborted) return;
    const reason = `${REDIS_LOST_REASON} at ${shownRedisUrl(this.options.queue!.redis)} for more than ${REDIS_LOST_AFTER_MS / 1000} s`;
    // The crawl stops first, so the pages failed below count as cut off, to be tried again on resume.
    this.lostController.abort(reason);
    for (const jobId of [...this.pending.keys()]) this.settle(jobId, { kind: 'failed', reason: `crashed: ${reason}` });
  }

  async run(task: PageTask, claims: PageClaims, control: RunControl): Promise<PageVisit> {
    if (control.stopping.aborted) this.stopped = true;
    else control.stopping.addEventListener('abort', () => (this.stopped = true), { once: true });
    if (this.lostController.signal.aborted) return failedVisit(task, 'crashed', String(this.lostController.signal.reason));
    const lost = new Promise<Settled>((resolve) => this.lostController.signal.addEventListener('abort', () => resolve({ kind: 'failed', reason: `crashed: ${String(this.lostController.signal.reason)}` }), { once: true }));
    try {
      // A resumed crawl's saved claims go into Redis first, in case Redis lost them since.
      if (claims instanceof LocalClaims) this.seeded ??= seedRedisClaims(this.redis, claimsKeyPrefix(this.runId), claims.snapshot(), RUN_TTL_SECONDS);
      const settled = await Promise.race([this.submit(task), lost]);
      if (settled.kind === 'failed') {
        if (settled.reason.startsWith('crashed: ')) return failedVisit(task, 'crashed', settled.reason.slice('crashed: '.length));
        const { code, message } = failureMessage(settled.reason);
        await this.queue.remove(pageJobId(this.runId, task.url)).catch(() => undefined);
        return failedVisit(task, code, message);
      }
      const { result } = settled;
      if (result.browserVersion) {
        this.browserVersion = result.browserVersion;
        this.sandboxNote = result.sandboxNote ?? '';
      }
      const visit = await unpackResult(result, this.options.artifactsDir ? path.dirname(path.resolve(this.options.artifactsDir)) : undefined);
      await this.mirrorClaims(claims, task, result);
      // Stored: the job (and its copy of the result) leaves Redis.
      await this.queue.remove(pageJobId(this.runId, task.url)).catch(() => undefined);
      return visit;
    } catch (error) {
      return failedVisit(task, 'crashed', `the queue failed: ${errorMessage(error)}`);
    }
  }

  /** Adds the page's job (or finds it from before a resume) and waits for it to finish. */
  private async submit(task: PageTask): Promise<Settled> {
    const jobId = pageJobId(this.runId, task.url);
    const settled = new Promise<Settled>((resolve) => this.pending.set(jobId, resolve));
    await this.seeded;
    const existing = await Job.fromId<PageJobData, PageJobResult>(this.queue, jobId);
    const state = existing ? await existing.getState() : undefined;
    if (existing && state === 'completed') this.settle(jobId, { kind: 'completed', result: existing.returnvalue });
    else if (existing && state === 'failed') {
      // Dropped while the run was cancelled, or failed before a resume: queue it afresh.
      await existing.remove();
      await this.add(jobId, task);
    } else if (!existing) await this.add(jobId, task);
    return settled;
  }

  private async add(jobId: string, task: PageTask): Promise<void> {
    const data: PageJobData = { protocol: PROTOCOL, version: toolVersion(), runId: this.runId, task };
    // Finished jobs are removed by the coordinator once stored; the age limits only clean up after a run nobody resumed.
    await this.queue.add('page', data, { jobId, removeOnComplete: { age: RUN_TTL_SECONDS }, removeOnFail: { age: RUN_TTL_SECONDS } });
  }

  /** Records the worker's claims in the crawl's own, so a saved crawl state holds them. */
  private async mirrorClaims(claims: PageClaims, task: PageTask, result: PageJobResult): Promise<void> {
    if (result.claimed.finalUrl) await claims.claimFinalUrl(task, result.claimed.finalUrl, result.claimed.fingerprint);
    if (result.claimed.layout) await claims.claimInteraction(result.claimed.layout[0], result.claimed.layout[1]);
  }

  /**
   * Ends the run in Redis. A finished crawl drops its claims and settings; a stopped one marks
   * the run cancelled (workers drop its jobs) and takes back the jobs no worker started, keeping
   * claims and finished results for a resume.
   */
  async close(): Promise<void> {
    clearInterval(this.sweep);
    clearInterval(this.watchdog);
    const lost = this.lostController.signal.aborted;
    if (!lost) {
      const key = runKey(this.runId);
      const cleanUp = async () => {
        if (this.stopped) {
          await this.redis.hset(key, 'state', 'cancelled');
          for (const jobId of this.pending.keys()) {
            const job = await Job.fromId(this.queue, jobId);
            const state = job ? await job.getState() : undefined;
            if (job && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) await job.remove().catch(() => undefined);
          }
        } else {
          await this.redis.del(key);
          await dropRedisClaims(this.redis, claimsKeyPrefix(this.runId));
        }
      };
      // Bounded: a Redis that goes away now must not hold the report.
      await Promise.race([cleanUp().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, REDIS_LOST_AFTER_MS).unref())]);
    }
    for (const jobId of [...this.pending.keys()]) this.settle(jobId, { kind: 'failed', reason: 'crashed: the crawl stopped' });
    await Promise.race([Promise.all([this.events.close(), this.queue.close()]).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    void this.events.disconnect().catch(() => undefined);
    this.eventsConnection?.disconnect();
    this.redis.disconnect();
  }
}
