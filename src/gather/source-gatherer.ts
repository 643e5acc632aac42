// Reads the HTML the server sent for the page (not the DOM the browser repaired) and lists its markup problems with parse5.
import type { GatherContext, Gatherer } from './gatherer.js';
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
 * The body of the response the page was loaded from, kept by load-page from the navigation
 * response (no new request). Where the browser no longer holds it, its HTTP cache is asked
 * with `only-if-cached`, which never goes to the server either.
 */
async function documentSource(context: GatherContext): Promise<{ html: string; via: SourceArtifact['via'] }> {
  const html = await context.mainDocumentHtml();
  if (html !== null) return { html, via: 'response' };
  const cached = await context.page.evaluate(async (max: number) => {
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
  async gather(context) {
    const { page } = context;
    const contentType = await page.evaluate(() => document.contentType);
    const empty = { 'unclosed': 0, 'stray-end-tag': 0, 'duplicate-attribute': 0, 'unclosed-raw-text': 0 };
    if (contentType !== 'text/html') return { contentType, via: 'none', chars: 0, truncated: false, problems: [], counts: empty };
    const { html, via } = await documentSource(context);
    const truncated = html.length > MAX_SOURCE_CHARS;
    const source = truncated ? html.slice(0, MAX_SOURCE_CHARS) : html;
    const { problems, counts } = analyseMarkup(source, truncated);
    return { contentType, via, chars: source.length, truncated, problems, counts };
  },
};
