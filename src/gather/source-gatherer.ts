// Reads the HTML the server sent for the page (not the DOM the browser repaired) and lists its markup problems with parse5.
import type { CDPSession, Page } from 'puppeteer';
import type { Gatherer } from './gatherer.js';
import { analyseMarkup, type MarkupProblem } from './markup-analysis.js';

export interface SourceArtifact {
  /** document.contentType; only text/html is parsed. */
  contentType: string;
  /** Where the HTML came from: the browser's copy of the navigation response, or its HTTP cache. */
  via: 'response' | 'cache' | 'none';
  /** Characters of HTML read, and whether the source was cut at MAX_SOURCE_CHARS. */
  chars: number;
  truncated: boolean;
  problems: MarkupProblem[];
  counts: Record<MarkupProblem['kind'], number>;
}

declare module './artifacts.js' {
  interface ArtifactMap {
    source: SourceArtifact;
  }
}

/** 1,000,000 characters: a very long page; parse5 reads that in well under a second, more is a data dump. */
export const MAX_SOURCE_CHARS = 1_000_000;

/**
 * The body of the response the page was loaded from. Puppeteer's own DevTools session
 * keeps response bodies (its network domain is on), so this costs no new request. That
 * session is not public API (`_client`); where it is missing, the browser's HTTP cache is
 * asked with `only-if-cached`, which never goes to the server either.
 */
async function documentSource(page: Page): Promise<{ html: string; via: SourceArtifact['via'] }> {
  const client = (page as unknown as { _client?: () => CDPSession })._client?.();
  if (client) {
    try {
      const { frameTree } = await client.send('Page.getFrameTree');
      // The main document's request id is its loader id.
      const body = await client.send('Network.getResponseBody', { requestId: frameTree.frame.loaderId });
      return { html: body.base64Encoded ? Buffer.from(body.body, 'base64').toString('utf8') : body.body, via: 'response' };
    } catch {
      // Not kept (evicted, or the session changed): try the cache.
    }
  }
  const cached = await page.evaluate(async (max: number) => {
    try {
      const response = await fetch(location.href, { cache: 'only-if-cached', mode: 'same-origin' });
      if (!response.ok) return null;
      return (await response.text()).slice(0, max + 1);
    } catch {
      return null;
    }
  }, MAX_SOURCE_CHARS);
  if (cached !== null) return { html: cached, via: 'cache' };
  throw new Error('the HTML the server sent is no longer available: the browser did not keep the response and it is not cached');
}

export const sourceGatherer: Gatherer<'source'> = {
  artifact: 'source',
  phase: 'static',
  // One DevTools call and a parse of at most 1 MB; 10 s allows a slow machine.
  budgetMs: () => 10_000,
  async gather({ page }) {
    const contentType = await page.evaluate(() => document.contentType);
    const empty = { 'unclosed': 0, 'stray-end-tag': 0, 'duplicate-attribute': 0, 'unclosed-raw-text': 0 };
    if (contentType !== 'text/html') return { contentType, via: 'none', chars: 0, truncated: false, problems: [], counts: empty };
    const { html, via } = await documentSource(page);
    const truncated = html.length > MAX_SOURCE_CHARS;
    const source = truncated ? html.slice(0, MAX_SOURCE_CHARS) : html;
    const { problems, counts } = analyseMarkup(source, truncated);
    return { contentType, via, chars: source.length, truncated, problems, counts };
  },
};
