// Collects the page's static DOM facts (title, language, links, ...) in one round trip.
import type { Gatherer } from './gatherer.js';
import type { DomSnapshot, LinkFact } from './artifacts.js';

/** Links beyond this many on one page are not followed: a page with 10,000 links is a trap or a sitemap. */
export const MAX_LINKS_PER_PAGE = 2_000;

/**
 * Unique selectors cost a document query per ancestor; on a page with thousands of
 * links that dominates. Checks only ever point at the first links, so only they get one.
 */
export const LINKS_WITH_SELECTORS = 100;

/** Runs inside the page; relies only on `window.__welcomemat` helpers. */
function collectDomSnapshot(maxLinks: number, linksWithSelectors: number): DomSnapshot {
  const helpers = window.__welcomemat!;
  const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const links: LinkFact[] = [];
  for (const anchor of Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'))) {
    if (links.length >= maxLinks) break;
    links.push({
      href: anchor.href,
      text: text(anchor.textContent).slice(0, 200),
      rel: anchor.getAttribute('rel') ?? '',
      hreflang: anchor.getAttribute('hreflang') ?? '',
      selector: links.length < linksWithSelectors ? helpers.selector(anchor) : '',
    });
  }
  let metaRefreshUrl = '';
  const refresh = document.querySelector('meta[http-equiv="refresh" i]');
  const match = refresh?.getAttribute('content')?.match(/url\s*=\s*['"]?([^'";]+)/i);
  if (match) {
    try {
      metaRefreshUrl = new URL(match[1].trim(), document.baseURI).href;
    } catch {
      metaRefreshUrl = '';
    }
  }
  return {
    title: text(document.title),
    htmlLang: document.documentElement.getAttribute('lang') ?? '',
    links,
    metaRefreshUrl,
    documentSize: {
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    },
  };
}

export const domGatherer: Gatherer<'dom'> = {
  artifact: 'dom',
  phase: 'static',
  // One DOM walk; even a 10,000-link page is well under a second.
  budgetMs: () => 10_000,
  enabled: () => true,
  async gather({ page }) {
    return page.evaluate(collectDomSnapshot, MAX_LINKS_PER_PAGE, LINKS_WITH_SELECTORS);
  },
};
