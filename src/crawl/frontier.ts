// The crawl frontier: which URLs are waiting, which were seen, and why others were turned away.
import type { PageTask } from '../model/page-task.js';
import type { SkippedUrl } from '../model/report.js';
import { hasPdfExtension } from '../documents/sniff.js';
import { normalizePageUrl } from './normalize-url.js';
import { nonHtmlReasonForUrl } from './resource-type.js';
import type { ScopeVerdict } from './scope.js';

/**
 * Skipped URLs kept in the report. A crawler trap or a page with 10,000 links would
 * otherwise fill it; the count of all of them is still reported.
 */
export const MAX_SKIPPED_LISTED = 1_000;

/** Everything a frontier knows, as plain data, so a stopped crawl can be resumed. */
export interface FrontierSnapshot {
  queue: PageTask[];
  seen: string[];
  skipped: SkippedUrl[];
  skippedCount: number;
}

export interface FrontierOptions {
  maxDepth: number;
  inScope: (url: string) => ScopeVerdict;
  /**
   * Takes in-scope URLs that name a PDF by their extension, each time a page links to one,
   * instead of skipping them as not HTML: linked documents are audited beside the pages.
   */
  onDocument?: (url: string, from: string | undefined, text: string | undefined) => void;
  /** Moves URLs of a live origin to the copy being audited (--rewrite-origin); none by default. */
  rewrite?: (url: string) => string;
}

/** Link texts kept on a task: enough to recognise the link, small enough for a saved queue. */
const MAX_LINK_TEXT = 200;

export class Frontier {
  private readonly queue: PageTask[] = [];
  private readonly seen = new Set<string>();
  /** URLs handed to onDocument, so every later link to them is handed on too. */
  private readonly documents = new Set<string>();
  readonly skipped: SkippedUrl[] = [];
  skippedCount = 0;

  constructor(private readonly options: FrontierOptions) {}

  /** The crawl's scope verdict for a URL (also for where a redirect ended up). */
  inScope(url: string): ScopeVerdict {
    return this.options.inScope(url);
  }

  /** Offers a URL found on `from` (or a start/sitemap URL), by a link with `text`. Non-http(s) URLs are ignored silently. */
  offer(rawUrl: string, depth: number, foundBy: PageTask['foundBy'], from?: string, text?: string): void {
    const url = normalizePageUrl(this.options.rewrite ? this.options.rewrite(rawUrl) : rawUrl);
    if (!url) return;
    if (this.documents.has(url)) return this.options.onDocument?.(url, from, text);
    if (this.seen.has(url)) return;
    this.seen.add(url);
    const where = from ? { from } : {};
    const verdict = this.options.inScope(url);
    if (!verdict.inScope) return this.skip({ url, reason: verdict.reason, detail: verdict.detail, ...where });
    if (this.options.onDocument && hasPdfExtension(url)) {
      this.documents.add(url);
      return this.options.onDocument(url, from, text);
    }
    const nonHtml = nonHtmlReasonForUrl(url);
    if (nonHtml) return this.skip({ url, reason: 'not-html', detail: nonHtml, ...where });
    if (depth > this.options.maxDepth) {
      return this.skip({ url, reason: 'max-depth', detail: `${depth} links from the start, limit ${this.options.maxDepth}`, ...where });
    }
    const linkText = text?.replace(/\s+/g, ' ').trim().slice(0, MAX_LINK_TEXT);
    this.queue.push({ url, depth, foundBy, ...where, ...(linkText ? { linkText } : {}) });
  }

  /** Marks a URL as known (e.g. a redirect's final URL), so links to it are not queued again. */
  markSeen(rawUrl: string): void {
    const url = normalizePageUrl(rawUrl);
    if (url) this.seen.add(url);
  }

  /** Puts a task back at the front, for a retry after a browser crash. */
  retry(task: PageTask): void {
    this.queue.unshift(task);
  }

  get size(): number {
    return this.queue.length;
  }

  /** Takes the first waiting task that `eligible` accepts (looking at most `lookahead` tasks ahead). */
  take(eligible: (task: PageTask) => boolean = () => true, lookahead = 100): PageTask | undefined {
    const limit = Math.min(this.queue.length, lookahead);
    for (let index = 0; index < limit; index++) {
      if (eligible(this.queue[index])) return this.queue.splice(index, 1)[0];
    }
    return undefined;
  }

  skip(entry: SkippedUrl): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push(entry);
  }

  /** The frontier as plain data; `pending` (pages in flight, not finished) go first in the queue. */
  snapshot(pending: PageTask[] = []): FrontierSnapshot {
    return { queue: [...pending, ...this.queue], seen: [...this.seen], skipped: [...this.skipped], skippedCount: this.skippedCount };
  }

  /** Replaces this (fresh) frontier's contents with a saved snapshot, to resume a crawl. */
  restore(snapshot: FrontierSnapshot): void {
    this.queue.splice(0, this.queue.length, ...snapshot.queue);
    this.seen.clear();
    for (const url of snapshot.seen) this.seen.add(url);
    this.skipped.splice(0, this.skipped.length, ...snapshot.skipped);
    this.skippedCount = snapshot.skippedCount;
  }

  /** Everything still waiting when the crawl stops, recorded with the reason it stopped. */
  drain(reason: SkippedUrl['reason'], detail: string): void {
    for (const task of this.queue.splice(0)) this.skip({ url: task.url, reason, detail, ...(task.from ? { from: task.from } : {}) });
  }
}
