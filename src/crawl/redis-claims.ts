// The crawl's decisions on final URLs and layout sampling, kept in Redis for a queued run: each decision is one Lua script, so two workers racing decide once.
import type { Redis } from 'ioredis';
import type { PageTask } from '../model/page-task.js';
import type { InteractionSample, SkippedUrl } from '../model/report.js';
import type { PageClaims } from '../page/visit-page.js';
import type { ResolvedOptions } from '../config/options.js';
import { directoryKey, type ClaimsSnapshot } from './local-claims.js';
import { normalizePageUrl } from './normalize-url.js';
import type { ScopeVerdict } from './scope.js';

/**
 * KEYS: final-URL hash, directory hash. ARGV: normalised final URL, directory key ('' for
 * none), task URL, TTL. Returns {0} when claimed (or already this task's), {1, owner} when
 * another task has the final URL, {2, owner} when another task has the directory's page.
 */
const CLAIM_FINAL_URL = `
local owner = redis.call('HGET', KEYS[1], ARGV[1])
if owner and owner ~= ARGV[3] then return {1, owner} end
if ARGV[2] ~= '' then
  local twin = redis.call('HGET', KEYS[2], ARGV[2])
  if twin and twin ~= ARGV[3] then return {2, twin} end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return {0}
`;

/**
 * KEYS: layout hash. ARGV: signature, URL, most layouts sampled, TTL. The same rule as
 * InteractionSampler.claim: {0} for yes, {1, first} when another page stood in, {2} past the limit.
 */
const CLAIM_LAYOUT = `
local first = redis.call('HGET', KEYS[1], ARGV[1])
if first == ARGV[2] then return {0} end
if first then return {1, first} end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return {2} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return {0}
`;

/** What a worker's claims decided for one page, returned with its result so the coordinator's crawl state keeps it. */
export interface ClaimedForPage {
  finalUrl?: string;
  fingerprint?: string;
  /** [layout signature, the URL that stood in for it]. */
  layout?: [string, string];
}

/** The three hashes of a run's claims. */
function claimKeys(prefix: string): { finalUrls: string; directories: string; layouts: string } {
  return { finalUrls: `${prefix}:final`, directories: `${prefix}:dirs`, layouts: `${prefix}:layouts` };
}

export class RedisClaims implements PageClaims {
  private readonly keys: ReturnType<typeof claimKeys>;
  /** What this page's visit claimed; read once the visit is over. */
  readonly claimed: ClaimedForPage = {};

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    private readonly inScope: (url: string) => ScopeVerdict,
    private readonly options: Pick<ResolvedOptions, 'interaction'>,
    private readonly ttlSeconds: number,
  ) {
    this.keys = claimKeys(keyPrefix);
  }

  async claimFinalUrl(task: PageTask, finalUrl: string, fingerprint?: string): Promise<SkippedUrl | null> {
    const normalized = normalizePageUrl(finalUrl) ?? finalUrl;
    const from = task.from ? { from: task.from } : {};
    const verdict = normalized === task.url ? ({ inScope: true } as const) : this.inScope(normalized);
    if (!verdict.inScope) return { url: task.url, reason: 'out-of-scope', detail: `redirects to ${finalUrl}: ${verdict.detail}`, ...from };
    const sameDirectory = fingerprint ? directoryKey(normalized, fingerprint) : undefined;
    const [outcome, owner] = (await this.redis.eval(CLAIM_FINAL_URL, 2, this.keys.finalUrls, this.keys.directories, normalized, sameDirectory ?? '', task.url, this.ttlSeconds)) as [number, string?];
    if (outcome === 1) return { url: task.url, reason: 'duplicate-final-url', detail: `leads to ${finalUrl}, already audited`, ...from };
    if (outcome === 2) return { url: task.url, reason: 'duplicate-final-url', detail: `the same page as ${owner} (a directory and its default document)`, ...from };
    this.claimed.finalUrl = finalUrl;
    if (fingerprint) this.claimed.fingerprint = fingerprint;
    return null;
  }

  async claimInteraction(layoutSignature: string, url: string): Promise<InteractionSample | null> {
    const { sampling, maxPages } = this.options.interaction;
    if (sampling === 'all') return null;
    const [outcome, first] = (await this.redis.eval(CLAIM_LAYOUT, 1, this.keys.layouts, layoutSignature, url, maxPages, this.ttlSeconds)) as [number, string?];
    if (outcome === 1) return { reason: 'same-layout', standIn: first! };
    if (outcome === 2) return { reason: 'layout-limit', limit: maxPages };
    this.claimed.layout = [layoutSignature, url];
    return null;
  }
}

/**
 * Writes a saved crawl state's claims into Redis (never over a claim already there), so a
 * run resumed after Redis lost its data decides as the first part did.
 */
export async function seedRedisClaims(redis: Redis, keyPrefix: string, snapshot: ClaimsSnapshot, ttlSeconds: number): Promise<void> {
  const keys = claimKeys(keyPrefix);
  const pipeline = redis.pipeline();
  for (const [finalUrl, owner] of snapshot.finalUrls) pipeline.hsetnx(keys.finalUrls, finalUrl, owner);
  for (const [key, owner] of snapshot.directories ?? []) pipeline.hsetnx(keys.directories, key, owner);
  for (const [signature, url] of snapshot.layouts) pipeline.hsetnx(keys.layouts, signature, url);
  for (const key of Object.values(keys)) pipeline.expire(key, ttlSeconds);
  await pipeline.exec();
}

/** Removes a run's claims (the run is over). */
export async function dropRedisClaims(redis: Redis, keyPrefix: string): Promise<void> {
  await redis.del(...Object.values(claimKeys(keyPrefix)));
}
