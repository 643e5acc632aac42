// What the coordinator and its workers agree on in Redis: the queue, the key names, the job and result shapes, the connection settings.
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { registerSecret } from '../auth/secrets.js';
import { WelcomematError } from '../errors.js';
import type { ClaimedForPage } from '../crawl/redis-claims.js';
import type { PageTask } from '../model/page-task.js';
import type { PageVisit } from '../page/visit-page.js';
import { errorMessage } from '../util/error-message.js';

/** Every key welcomemat writes starts with this, so a shared Redis can be searched and cleaned. */
export const KEY_PREFIX = 'welcomemat';
/** The BullMQ queue of page jobs. */
export const QUEUE_NAME = 'pages';
/**
 * Bumped when a job, a result or a run record changes shape. Workers also compare the
 * welcomemat version itself: checks and gatherers differ between versions, and one report
 * must come from one version.
 */
export const PROTOCOL = 1;

/**
 * How long a run's records (its settings, claims and uncollected results) outlive their last
 * write: a week covers an interrupted weekly run resumed days later.
 */
export const RUN_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Events kept in BullMQ's event stream. Each "completed" event repeats the page's result, so
 * the stream is kept short: the coordinator reads events as they come and looks jobs up
 * directly when it missed one. 200 events of at most the result cap bound its memory.
 */
export const EVENT_STREAM_LENGTH = 200;

/** Connecting to Redis at the start takes at most this long (ms) before the run gives up with one line. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Redis unreachable this long during a run counts as lost (ms): a restart or failover of a
 * managed Redis takes a few seconds; longer, the coordinator writes what it has.
 */
export const REDIS_LOST_AFTER_MS = 15_000;

/** One page job: a task of a run. Settings (with secrets as `${env:NAME}` references) sit once per run under runKey. */
export interface PageJobData {
  protocol: number;
  /** The welcomemat version of the coordinator: a worker of another version refuses the job. */
  version: string;
  runId: string;
  task: PageTask;
}

/** The run record (a Redis hash under runKey). */
export interface RunRecord {
  protocol: string;
  version: string;
  /** "running", or "cancelled" when its coordinator was interrupted: workers then drop its jobs. */
  state: 'running' | 'cancelled';
  /** The resolved audit options as JSON, secrets as `${env:NAME}` references; artifactsDir is replaced by a flag. */
  options: string;
}

/** A page result as it travels back: the visit, with the screenshot's bytes when there is one. */
export interface PageJobResult {
  visit: PageVisit;
  /** What the worker's claims decided for the page, so the coordinator's crawl state can save it for a resume. */
  claimed: ClaimedForPage;
  /** The worker's Chromium version, and its note on the sandbox, for the report's tool section. */
  browserVersion?: string;
  sandboxNote?: string;
  /** The JPEG screenshot, base64, when screenshots are taken; `visit.page.screenshot` names its file. */
  screenshot?: string;
}

export function runKey(runId: string): string {
  return `${KEY_PREFIX}:run:${runId}`;
}

/** Prefix of the run's claim hashes (final URLs, directories, layouts): see src/crawl/redis-claims.ts. */
export function claimsKeyPrefix(runId: string): string {
  return `${KEY_PREFIX}:run:${runId}:claims`;
}

/** A new run id: time first, so ids sort by start; no ":" (BullMQ job ids must not hold one). */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** The job id of a page of a run: the same URL in the same run is one job, across a resume too. */
export function pageJobId(runId: string, normalizedUrl: string): string {
  return `${runId}-${createHash('sha256').update(normalizedUrl).digest('hex').slice(0, 24)}`;
}

/** The URL without its password, for messages. */
export function shownRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * A Redis connection for BullMQ: commands wait through short outages (BullMQ's workers need
 * maxRetriesPerRequest null), reconnecting every second or two.
 */
export function connectRedis(url: string, name: string): Redis {
  const password = new URL(url).password;
  if (password) registerSecret(decodeURIComponent(password));
  // Reconnect quickly at first, then every 2 s: a restarted Redis is found again within seconds.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, retryStrategy: (times) => Math.min(times * 200, 2_000), lazyConnect: true });
}

/**
 * Connects and pings within CONNECT_TIMEOUT_MS, or throws QUEUE_UNREACHABLE (exit code 6) with
 * one line; run before anything else starts, so an unreachable Redis costs nothing.
 */
export async function connectOrFail(url: string, name: string): Promise<Redis> {
  const redis = connectRedis(url, name);
  // Errors while connecting surface through the rejected promise below; the listener keeps them from being unhandled.
  const onError = () => undefined;
  redis.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS))),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new WelcomematError('QUEUE_UNREACHABLE', `cannot reach Redis at ${shownRedisUrl(url)}: ${errorMessage(error) || 'connection refused'}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
