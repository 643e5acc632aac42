// Seeds the frontier from the site's sitemaps: those robots.txt declares, else /sitemap.xml.
import type { ResolvedOptions } from '../config/options.js';
import { createFetchText } from './fetch-text.js';
import type { Frontier } from './frontier.js';
import type { RobotsRules } from './robots.js';
import { collectSitemapUrls } from './sitemap.js';

/** Sitemaps can list millions of URLs; past a few times maxPages they only cost memory. */
const SITEMAP_URLS_PER_PAGE_LIMIT = 4;
/** Sitemap indexes can nest and loop; 20 files cover any small business site. */
const MAX_SITEMAP_FILES = 20;
/** A sitemap file may be big (50 MB is the protocol's own limit); it is fetched once. */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Offers every sitemap URL (as one link from the start); returns errors worth reporting. */
export async function seedFromSitemaps(
  frontier: Frontier,
  options: ResolvedOptions,
  robotsFor: (origin: string) => Promise<RobotsRules>,
  userAgent: string,
): Promise<string[]> {
  const fetchText = createFetchText({ userAgent, timeoutMs: 10_000, maxBytes: MAX_SITEMAP_BYTES });
  const seeds = new Set<string>();
  const guessed = new Set<string>();
  for (const start of options.urls) {
    const origin = new URL(start).origin;
    const declared = (await robotsFor(origin)).sitemaps;
    for (const sitemap of declared) seeds.add(sitemap);
    if (declared.length === 0) guessed.add(`${origin}/sitemap.xml`);
  }
  for (const url of guessed) seeds.add(url);
  const { urls, errors } = await collectSitemapUrls({
    seeds: [...seeds],
    fetchText,
    maxUrls: options.maxPages * SITEMAP_URLS_PER_PAGE_LIMIT,
    maxSitemaps: MAX_SITEMAP_FILES,
  });
  // Sitemap entries count as one step from the start: they are as good as linked from it.
  for (const url of urls) frontier.offer(url, 1, 'sitemap');
  // Most sites have no /sitemap.xml; only a sitemap the site itself declared is worth an error entry.
  return errors.filter((error) => ![...guessed].some((url) => error.startsWith(`sitemap ${url}:`)));
}
