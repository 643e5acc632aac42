// Collects the page's static DOM facts (title, language, links, ...) in one round trip.
import { createHash } from 'node:crypto';
import type { Gatherer } from './gatherer.js';
import type { DomSnapshot, LinkFact } from './artifacts.js';

/** Links beyond this many on one page are not followed: a page with 10,000 links is a trap or a sitemap. */
export const MAX_LINKS_PER_PAGE = 2_000;

/**
 * Unique selectors cost a document query per ancestor; on a page with thousands of
 * links that dominates. Checks only ever point at the first links, so only they get one.
 */
export const LINKS_WITH_SELECTORS = 100;

/**
 * How deep the layout signature looks below <body>: deep enough for the header, navigation,
 * main regions and their widgets; shallow enough that paragraph counts and wording in
 * articles do not make every page look different.
 */
const LAYOUT_DEPTH = 4;

/**
 * Widgets the keyboard walk exercises, by kind, as CSS selectors. A page that carries a kind
 * its layout's first page does not is walked too (see samplingSignature); the kinds, not their
 * number, count, so pages with the same widgets still share one walk.
 */
export const WIDGET_SELECTORS: Record<string, string> = {
  'dialog': 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], [aria-haspopup="dialog"], [data-toggle="modal"], [data-bs-toggle="modal"], [data-lightbox], [data-fancybox], a[rel^="lightbox"], [data-toggle="lightbox"], a.lightbox, a.glightbox',
  'disclosure': '[aria-expanded]:not([aria-haspopup]), details > summary',
  'menu': '[aria-haspopup="menu"], [aria-haspopup="true"], [aria-haspopup="listbox"], [role="menu"], [role="menubar"], nav li > ul, nav li > div > ul',
  'tabs': '[role="tablist"]',
  'tooltip': '[role="tooltip"], [data-tooltip], [data-toggle="tooltip"], [data-bs-toggle="tooltip"], .tooltip',
  'role-button': '[role="button"]:not(button):not(input):not(summary)',
  'accesskey': '[accesskey]',
  'live-alert': '[role="alert"], [role="status"], [aria-live="assertive"], [aria-live="polite"]',
};

/** Runs inside the page; relies only on `window.__welcomemat` helpers. */
function collectDomSnapshot(maxLinks: number, linksWithSelectors: number, layoutDepth: number, widgetSelectors: Record<string, string>): DomSnapshot {
  const helpers = window.__welcomemat!;
  const widgets = Object.keys(widgetSelectors).filter((kind) => {
    try {
      return !!document.querySelector(widgetSelectors[kind]);
    } catch {
      return false;
    }
  });
  /** The set of tag.class tokens near the top of the page, plus what moves or traps focus. */
  function layoutTokens(maxDepth: number): string[] {
    const tokens = new Set<string>();
    const walk = (element: Element, depth: number) => {
      const classes = Array.from(element.classList).sort().slice(0, 3).join('.');
      const role = element.getAttribute('role');
      tokens.add(`${element.localName}${classes ? `.${classes}` : ''}${role ? `[${role}]` : ''}`);
      if (depth < maxDepth) for (const child of Array.from(element.children)) walk(child, depth + 1);
    };
    if (document.body) walk(document.body, 0);
    // Things that change how keyboard, zoom and motion behave, wherever they sit in the page.
    const features: [string, string][] = [
      ['form', 'form'],
      ['table', 'table'],
      ['video,audio', 'media'],
      ['iframe', 'iframe'],
      ['dialog,[aria-modal="true"]', 'dialog'],
      ['[tabindex]', 'tabindex'],
      ['pre,code', 'code'],
    ];
    for (const [selector, name] of features) if (document.querySelector(selector)) tokens.add(`has:${name}`);
    if (document.getAnimations().length > 0) tokens.add('has:animation');
    return [...tokens].sort();
  }
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
    layoutSignature: layoutTokens(layoutDepth).join(' '),
    widgets: widgets.sort(),
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
  required: true,
  async gather({ page }) {
    const snapshot = await page.evaluate(collectDomSnapshot, MAX_LINKS_PER_PAGE, LINKS_WITH_SELECTORS, LAYOUT_DEPTH, WIDGET_SELECTORS);
    // The token list can be long; a short hash is all the sampler needs to compare pages.
    return { ...snapshot, layoutSignature: createHash('sha1').update(snapshot.layoutSignature).digest('hex').slice(0, 16) };
  },
};

/**
 * What the interaction sampler compares: the layout, and (unless sampling is "template")
 * the kinds of widget the page carries, so a page of a shared template with an accordion,
 * a dialog or a tooltip of its own is walked rather than represented by one without.
 */
export function samplingSignature(dom: Pick<DomSnapshot, 'layoutSignature' | 'widgets'>, sampling: string): string {
  const widgets = dom.widgets ?? [];
  if (sampling === 'template' || widgets.length === 0) return dom.layoutSignature;
  return `${dom.layoutSignature}+${widgets.join(',')}`;
}
