// The crawl's decisions on final URLs and layout sampling, kept in this process: one audit per final URL, one stand-in per layout.
import { directoryOf, type PageTask } from '../model/page-task.js';
import type { InteractionSample, SkippedUrl } from '../model/report.js';
import type { PageClaims } from '../page/visit-page.js';
import { InteractionSampler } from './interaction-sampler.js';
import { normalizePageUrl } from './normalize-url.js';
import type { ScopeVerdict } from './scope.js';

/** What a crawl state saves of the claims, so a resumed crawl decides the same way. */
export interface ClaimsSnapshot {
  /** [normalised final URL, the task URL that claimed it]. */
  finalUrls: [string, string][];
  /** [directory URL and text fingerprint, the task URL that claimed it]. */
  directories?: [string, string][];
  /** [layout signature, the page that stood in for it]. */
  layouts: [string, string][];
}

/** "https://x/a/|<fingerprint>" for "https://x/a/" and "https://x/a/index.html" alike (the query is kept: it can change the page). */
export function directoryKey(url: string, fingerprint: string): string | undefined {
  try {
    const parsed = new URL(url);
    const directory = directoryOf(parsed.pathname);
    return directory === null ? undefined : `${parsed.origin}${directory}${parsed.search}|${fingerprint}`;
  } catch {
    return undefined;
  }
}

export class LocalClaims implements PageClaims {
  private readonly finalUrls = new Map<string, string>();
  /** [directory URL + text fingerprint] → the task URL that claimed it, so "/" and "/index.html" are one page. */
  private readonly directories = new Map<string, string>();

  constructor(
    private readonly inScope: (url: string) => ScopeVerdict,
    private readonly sampler: InteractionSampler,
  ) {}

  async claimFinalUrl(task: PageTask, finalUrl: string, fingerprint?: string): Promise<SkippedUrl | null> {
    const normalized = normalizePageUrl(finalUrl) ?? finalUrl;
    const from = task.from ? { from: task.from } : {};
    const verdict = normalized === task.url ? ({ inScope: true } as const) : this.inScope(normalized);
    if (!verdict.inScope) return { url: task.url, reason: 'out-of-scope', detail: `redirects to ${finalUrl}: ${verdict.detail}`, ...from };
    const owner = this.finalUrls.get(normalized);
    if (owner !== undefined && owner !== task.url) return { url: task.url, reason: 'duplicate-final-url', detail: `leads to ${finalUrl}, already audited`, ...from };
    const sameDirectory = fingerprint ? directoryKey(normalized, fingerprint) : undefined;
    const twin = sameDirectory ? this.directories.get(sameDirectory) : undefined;
    if (twin !== undefined && twin !== task.url) return { url: task.url, reason: 'duplicate-final-url', detail: `the same page as ${twin} (a directory and its default document)`, ...from };
    this.finalUrls.set(normalized, task.url);
    if (sameDirectory) this.directories.set(sameDirectory, task.url);
    return null;
  }

  async claimInteraction(layoutSignature: string, url: string): Promise<InteractionSample | null> {
    return this.sampler.claim(layoutSignature, url);
  }

  /** Forgets the final URL a task claimed, when its page was cut off by a stop and will be tried again on resume. */
  release(taskUrl: string): void {
    for (const [finalUrl, owner] of this.finalUrls) if (owner === taskUrl) this.finalUrls.delete(finalUrl);
    for (const [key, owner] of this.directories) if (owner === taskUrl) this.directories.delete(key);
  }

  snapshot(): ClaimsSnapshot {
    return { finalUrls: [...this.finalUrls], directories: [...this.directories], layouts: this.sampler.snapshot() };
  }

  restore(snapshot: ClaimsSnapshot): void {
    for (const [finalUrl, owner] of snapshot.finalUrls) this.finalUrls.set(finalUrl, owner);
    for (const [key, owner] of snapshot.directories ?? []) this.directories.set(key, owner);
    this.sampler.restore(snapshot.layouts);
  }
}
