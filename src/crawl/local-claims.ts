// The crawl's decisions on final URLs and layout sampling, kept in this process: one audit per final URL, one stand-in per layout.
import type { PageTask } from '../model/page-task.js';
import type { InteractionSample, SkippedUrl } from '../model/report.js';
import type { PageClaims } from '../page/visit-page.js';
import { InteractionSampler } from './interaction-sampler.js';
import { normalizePageUrl } from './normalize-url.js';
import type { ScopeVerdict } from './scope.js';

/** What a crawl state saves of the claims, so a resumed crawl decides the same way. */
export interface ClaimsSnapshot {
  /** [normalised final URL, the task URL that claimed it]. */
  finalUrls: [string, string][];
  /** [layout signature, the page that stood in for it]. */
  layouts: [string, string][];
}

export class LocalClaims implements PageClaims {
  private readonly finalUrls = new Map<string, string>();

  constructor(
    private readonly inScope: (url: string) => ScopeVerdict,
    private readonly sampler: InteractionSampler,
  ) {}

  async claimFinalUrl(task: PageTask, finalUrl: string): Promise<SkippedUrl | null> {
    const normalized = normalizePageUrl(finalUrl) ?? finalUrl;
    const from = task.from ? { from: task.from } : {};
    const verdict = normalized === task.url ? ({ inScope: true } as const) : this.inScope(normalized);
    if (!verdict.inScope) return { url: task.url, reason: 'out-of-scope', detail: `redirects to ${finalUrl}: ${verdict.detail}`, ...from };
    const owner = this.finalUrls.get(normalized);
    if (owner !== undefined && owner !== task.url) return { url: task.url, reason: 'duplicate-final-url', detail: `leads to ${finalUrl}, already audited`, ...from };
    this.finalUrls.set(normalized, task.url);
    return null;
  }

  async claimInteraction(layoutSignature: string, url: string): Promise<InteractionSample | null> {
    return this.sampler.claim(layoutSignature, url);
  }

  /** Forgets the final URL a task claimed, when its page was cut off by a stop and will be tried again on resume. */
  release(taskUrl: string): void {
    for (const [finalUrl, owner] of this.finalUrls) if (owner === taskUrl) this.finalUrls.delete(finalUrl);
  }

  snapshot(): ClaimsSnapshot {
    return { finalUrls: [...this.finalUrls], layouts: this.sampler.snapshot() };
  }

  restore(snapshot: ClaimsSnapshot): void {
    for (const [finalUrl, owner] of snapshot.finalUrls) this.finalUrls.set(finalUrl, owner);
    this.sampler.restore(snapshot.layouts);
  }
}
