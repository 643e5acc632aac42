// Which link targets lead nowhere: pages that failed with 404/410 or an unknown host or refused connection, and (with an option) out-of-scope targets checked with one HEAD request each.
import type { ResolvedOptions } from '../config/options.js';
import type { DeadEndLink, DeadEndReason, DeadEndTarget, LinkTargets } from '../model/dead-end.js';
import type { PageResult, SkippedUrl } from '../model/report.js';
import { sleep } from '../util/with-budget.js';
import { normalizePageUrl } from './normalize-url.js';

/** One HEAD request gets this long (ms): a server that has not answered by then is slow, not missing. */
const HEAD_TIMEOUT_MS = 10_000;

/** Hosts checked at once; each host gets one request at a time, so no server sees more than one. */
const HOSTS_AT_ONCE = 4;

/**
 * Between two requests to one host (ms), at least: polite to a small server even when the
 * audit's own --delay is 0.
 */
const MIN_GAP_PER_HOST_MS = 250;

/** A dead-end reason for an HTTP status, or undefined when the status does not say the target is missing. */
export function reasonForStatus(status: number): DeadEndReason | undefined {
  if (status === 404) return 'not-found';
  if (status === 410) return 'gone';
  return undefined;
}

/** The dead end a failed page stands for, or undefined when its failure says nothing about the link (a timeout, a 500). */
function deadEndOfPage(page: PageResult): DeadEndTarget | undefined {
  if (!page.error) return undefined;
  const url = normalizePageUrl(page.url) ?? page.url;
  const byStatus = page.error.code === 'http-error' ? reasonForStatus(page.status) : undefined;
  if (byStatus) return { url, reason: byStatus, status: page.status };
  if (page.error.code === 'network-error' && /unknown host/i.test(page.error.message)) return { url, reason: 'unknown-host' };
  if (page.error.code === 'network-error' && /connection refused/i.test(page.error.message)) return { url, reason: 'refused' };
  return undefined;
}

/** The dead ends among the pages the crawl tried to load. */
export function deadEndsOfPages(pages: readonly PageResult[]): DeadEndTarget[] {
  return pages.map(deadEndOfPage).filter((target) => target !== undefined);
}

/** The dead end a low-level fetch error stands for (DNS failure, refused connection), or undefined. */
function reasonForFetchError(error: unknown): DeadEndReason | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_NONAME') return 'unknown-host';
  if (cause?.code === 'ECONNREFUSED') return 'refused';
  return undefined;
}

/**
 * RFC 6761: names under .invalid never resolve, and resolvers must say so without asking
 * anyone; answering here saves a lookup and keeps tests off the network.
 */
function neverResolves(host: string): boolean {
  return /(^|\.)invalid\.?$/i.test(host);
}

/** One HEAD request; redirects followed. A server that refuses HEAD (405, 501) is not a dead end. */
async function headTarget(url: string, userAgent: string): Promise<DeadEndTarget | undefined> {
  if (neverResolves(new URL(url).hostname)) return { url, reason: 'unknown-host' };
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', headers: { 'user-agent': userAgent }, signal: AbortSignal.timeout(HEAD_TIMEOUT_MS) });
    const reason = reasonForStatus(response.status);
    return reason ? { url, reason, status: response.status } : undefined;
  } catch (error) {
    const reason = reasonForFetchError(error);
    return reason ? { url, reason } : undefined;
  }
}

/**
 * Out-of-scope link targets (from the crawl's skipped list) checked with one HEAD request
 * each: at most `externalLinks.max`, one at a time per host, a few hosts at once.
 */
export async function checkExternalTargets(skipped: readonly SkippedUrl[], options: ResolvedOptions, userAgent: string, signal?: AbortSignal): Promise<DeadEndTarget[]> {
  if (!options.externalLinks.check || options.externalLinks.max === 0) return [];
  const urls = [...new Set(skipped.filter((entry) => entry.reason === 'out-of-scope').map((entry) => entry.url))].slice(0, options.externalLinks.max);
  const byHost = new Map<string, string[]>();
  for (const url of urls) {
    const host = new URL(url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const gap = Math.max(MIN_GAP_PER_HOST_MS, options.delayMs);
  const found: DeadEndTarget[] = [];
  const hosts = [...byHost.values()];
  const worker = async () => {
    for (let list = hosts.shift(); list; list = hosts.shift()) {
      for (let index = 0; index < list.length && !signal?.aborted; index++) {
        if (index > 0) await sleep(gap);
        const dead = await headTarget(list[index], userAgent);
        if (dead) found.push(dead);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HOSTS_AT_ONCE, hosts.length) }, worker));
  return found;
}

export function createLinkTargets(targets: readonly DeadEndTarget[], links: readonly DeadEndLink[], rewrite: (url: string) => string = (url) => url): LinkTargets {
  const byUrl = new Map(targets.map((target) => [target.url, target]));
  return {
    deadEndFor(href) {
      const url = normalizePageUrl(rewrite(href));
      return url ? byUrl.get(url) : undefined;
    },
    links,
  };
}
