// Finds single-page-app routes beyond <a href>: follows same-origin navigation controls (buttons in menus, href="#" and javascript: links) and records the pushState/replaceState and hash routes they lead to.
import type { Page } from 'puppeteer';
import type { Gatherer } from './gatherer.js';

/** A route a control led to, as plain data the crawl offers to its frontier. */
export interface FoundRoute {
  /** The address the page showed after the click (pushState, replaceState or a hash route). */
  url: string;
  /** The control's text. */
  text: string;
  selector: string;
  /** The route rendered "not found" (a soft 404): a dead end, not a page to audit. */
  notFound: boolean;
}

export interface RoutesArtifact {
  routes: FoundRoute[];
  /** Controls tried, and why the walk stopped early where it did. */
  clicked: number;
  stoppedBy?: 'click-limit' | 'time' | 'lost-state';
}

declare module './artifacts.js' {
  interface ArtifactMap {
    routes: RoutesArtifact;
  }
}

/** Controls clicked per page at most: a menu of a dozen entries is covered; a page of 200 buttons is not a menu. */
export const MAX_ROUTE_CLICKS = 12;

/**
 * After a click, how long to wait for anything to happen (ms): routers change the address and
 * the DOM in the click's own task, or after one fetch of the route's data. Nothing by then:
 * the control is not a route.
 */
const CHANGE_WAIT_MS = 1_000;

/** The DOM counts as settled once no node was added or removed for this long (ms). */
const QUIET_MS = 120;

/** A route that keeps changing the DOM (a ticker, an animation) is read at this point anyway (ms). */
const MAX_SETTLE_MS = 2_000;

/** Stop starting clicks once this share of the gatherer's budget is spent, so the last one can finish and state be restored. */
const BUDGET_SHARE = 0.6;

/** Controls whose label says they act rather than navigate: never clicked. */
const RISKY_LABEL = /log ?out|sign ?out|delete|remove|unsubscribe|cancel|buy|pay|order now|add to (cart|basket)|cerrar sesi[oó]n|eliminar|borrar|comprar|pagar|darse de baja/i;

interface Candidate {
  selector: string;
  text: string;
}

/** Runs in the page: visible controls that may navigate by script, with unique selectors. */
function collectCandidates(max: number, risky: string): { candidates: Candidate[]; startUrl: string } {
  const helpers = window.__welcomemat!;
  const riskyPattern = new RegExp(risky, 'i');
  const inMenus = 'nav, [role="navigation"], [role="menu"], [role="menubar"], menu';
  const controls = 'button:not([type="submit"]):not([type="reset"]), [role="button"], [role="link"], [role="menuitem"], [role="tab"], [onclick], a:not([href])';
  const anywhere = 'a[href="#"], a[href^="javascript:" i]';
  const found = new Set<Element>();
  for (const menu of Array.from(document.querySelectorAll(inMenus))) for (const element of Array.from(menu.querySelectorAll(controls))) found.add(element);
  for (const element of Array.from(document.querySelectorAll(anywhere))) found.add(element);
  const list: Candidate[] = [];
  for (const element of found) {
    if (list.length >= max) break;
    const html = element as HTMLElement;
    // Menu toggles and pop-up openers show more controls; they do not lead anywhere.
    if (html.hasAttribute('aria-expanded') || html.hasAttribute('aria-haspopup') || html.hasAttribute('aria-controls')) continue;
    if ((html as HTMLButtonElement).disabled || html.closest('form')) continue;
    const box = html.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(html).visibility === 'hidden') continue;
    const text = (html.innerText || html.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 120);
    if (riskyPattern.test(text)) continue;
    list.push({ selector: helpers.selector(element), text });
  }
  return { candidates: list, startUrl: location.href };
}

/** Runs in the page: clicks one control and waits for what changed (address, then the DOM settling). */
async function clickAndWatch(selector: string, changeWaitMs: number, quietMs: number, maxSettleMs: number): Promise<{ url: string; changed: boolean; notFound: boolean } | null> {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) return null;
  const startUrl = location.href;
  let lastMutation = 0;
  let resolveChange: () => void = () => undefined;
  const changed = new Promise<void>((resolve) => (resolveChange = resolve));
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.addedNodes.length > 0 || record.removedNodes.length > 0 || record.type === 'characterData')) {
      lastMutation = performance.now();
      resolveChange();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const onNavigate = () => resolveChange();
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  try {
    element.click();
    if (location.href !== startUrl) resolveChange();
    const timedOut = await Promise.race([changed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), changeWaitMs))]);
    if (timedOut) return { url: location.href, changed: false, notFound: false };
    // Settled: no node added or removed for quietMs (the main content has been replaced), within maxSettleMs.
    const settleStart = performance.now();
    if (lastMutation === 0) lastMutation = settleStart;
    while (performance.now() - lastMutation < quietMs && performance.now() - settleStart < maxSettleMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(10, quietMs - (performance.now() - lastMutation))));
    }
  } finally {
    observer.disconnect();
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener('hashchange', onNavigate);
  }
  const main = document.querySelector('main, [role="main"]') ?? document.body;
  const heading = main.querySelector('h1, h2')?.textContent ?? '';
  const notFoundWords = /\b(not found|404|page (does not|doesn't|no longer) exists?)\b|no (se ha )?encontrad[ao]|no existe/i;
  return { url: location.href, changed: location.href !== startUrl, notFound: notFoundWords.test(document.title) || notFoundWords.test(heading) };
}

/** Runs in the page: goes back one history entry and waits until the address is `url` again (or not, within the wait). */
async function goBack(url: string, waitMs: number, quietMs: number): Promise<boolean> {
  if (location.href === url) return true;
  const back = new Promise<void>((resolve) => {
    const done = () => resolve();
    window.addEventListener('popstate', done, { once: true });
    window.addEventListener('hashchange', done, { once: true });
  });
  history.back();
  await Promise.race([back, new Promise((resolve) => setTimeout(resolve, waitMs))]);
  // Give the router's re-render a quiet moment to land (it runs on popstate).
  let last = performance.now();
  const observer = new MutationObserver(() => (last = performance.now()));
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const started = performance.now();
  while (performance.now() - last < quietMs && performance.now() - started < waitMs) await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  return location.href === url;
}

/** Whether `after` is another route than `before`: another path or query, or a hash route (#/…, #!/…), not an in-page anchor. */
export function isNewRoute(before: string, after: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(before);
    to = new URL(after);
  } catch {
    return false;
  }
  if (from.origin !== to.origin) return false;
  if (from.pathname !== to.pathname || from.search !== to.search) return true;
  return to.hash !== from.hash && /^#!?\/./.test(to.hash);
}

async function walkRoutes(page: Page, budgetMs: number, signal: AbortSignal): Promise<RoutesArtifact> {
  const started = Date.now();
  // One round trip on a page without such controls (most pages): nothing more is done there.
  const { candidates, startUrl } = await page.evaluate(collectCandidates, MAX_ROUTE_CLICKS * 2, RISKY_LABEL.source);
  const routes = new Map<string, FoundRoute>();
  let clicked = 0;
  for (const candidate of candidates) {
    if (clicked >= MAX_ROUTE_CLICKS) return { routes: [...routes.values()], clicked, stoppedBy: 'click-limit' };
    if (signal.aborted || Date.now() - started > budgetMs * BUDGET_SHARE) return { routes: [...routes.values()], clicked, stoppedBy: 'time' };
    const outcome = await page.evaluate(clickAndWatch, candidate.selector, CHANGE_WAIT_MS, QUIET_MS, MAX_SETTLE_MS);
    if (!outcome) continue;
    clicked++;
    if (outcome.changed && isNewRoute(startUrl, outcome.url) && !routes.has(outcome.url)) {
      routes.set(outcome.url, { url: outcome.url, text: candidate.text, selector: candidate.selector, notFound: outcome.notFound });
    }
    if (outcome.url !== startUrl && !(await page.evaluate(goBack, startUrl, MAX_SETTLE_MS, QUIET_MS))) {
      // The page could not be brought back to where it started: further clicks would be on another page.
      return { routes: [...routes.values()], clicked, stoppedBy: 'lost-state' };
    }
  }
  return { routes: [...routes.values()], clicked };
}

export const routeGatherer: Gatherer<'routes'> = {
  artifact: 'routes',
  // It clicks the audited tab, so it runs after every other gatherer has read it.
  phase: 'interactive',
  forCrawl: true,
  // Twelve clicks at up to three seconds each would be 36 s; most routers answer in well under one.
  budgetMs: () => 15_000,
  retryOnTimeout: false,
  gather: ({ page, budgetMs, signal }) => walkRoutes(page, budgetMs, signal),
};
