// Scrolls a page through before it is gathered, so images and sections that load only when scrolled to exist; bounded in distance and time, waiting on the page's own events, then back to the top.
import type { HTTPRequest, Page } from 'puppeteer';

export interface ScrollBounds {
  /** Most viewport heights to scroll down: an infinite feed stops here. */
  maxScreens: number;
  /** Most milliseconds to spend scrolling one page. */
  maxMs: number;
}

/** How the page was scrolled through. */
export interface ScrollFacts {
  steps: number;
  /** How far down the last step went, in CSS pixels. */
  distancePx: number;
  /** How much taller the document grew while scrolling (lazy sections, infinite scroll). */
  grewPx: number;
  /** end: the bottom was reached; distance / time: a bound stopped it. */
  stoppedBy: 'end' | 'distance' | 'time';
  ms: number;
}

/** After a step, the network counts as settled once quiet this long (ms): long enough for a lazy image's request to start and finish. */
const STEP_QUIET_MS = 100;
/** The most one step waits for the network: a slow image must not hold the page. */
const STEP_NETWORK_MS = 1_000;

interface LazyCounts {
  observed: number;
  scrollListeners: number;
}

declare global {
  interface Window {
    __welcomematLazy?: LazyCounts;
  }
}

/** Tabs that already carry the lazy-content watcher. */
const watchedTabs = new WeakSet<Page>();

/**
 * Before the page loads: counts IntersectionObserver targets and scroll listeners, the two
 * ways scripts load content on scroll. A page with neither, and no lazy images, is not
 * scrolled at all, so ordinary pages pay nothing.
 */
export async function watchLazyContent(page: Page): Promise<void> {
  // Once per tab: the script stays for every later document of the tab, and a tab serves page
  // after page (src/browser/tab-pool.ts); added again, it would wrap addEventListener once more
  // for each page the tab has served.
  if (watchedTabs.has(page)) return;
  watchedTabs.add(page);
  await page.evaluateOnNewDocument(() => {
    const counts = { observed: 0, scrollListeners: 0 };
    Object.defineProperty(window, '__welcomematLazy', { value: counts, enumerable: false, configurable: true });
    const Observer = window.IntersectionObserver;
    if (Observer) {
      const observe = Observer.prototype.observe;
      Observer.prototype.observe = function (this: IntersectionObserver, target: Element) {
        counts.observed++;
        return observe.call(this, target);
      };
    }
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
      if ((type === 'scroll' || type === 'wheel') && (this === window || this === document)) counts.scrollListeners++;
      return (add as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof EventTarget.prototype.addEventListener;
  });
}

/** Elements that load when scrolled to: native lazy loading and the data attributes lazy-loading libraries read. */
export const LAZY_SELECTOR = 'img[loading="lazy"], iframe[loading="lazy"], [data-src], [data-srcset], [data-lazy], [data-bg]';

/** What tells whether a page has lazy content below the fold, read before scrolling. */
export interface LazySigns {
  height: number;
  vh: number;
  /** Elements matching LAZY_SELECTOR. */
  lazy: number;
  observed: number;
  listeners: number;
}

/** Runs inside the page: its lazy-content signs (`selector` is LAZY_SELECTOR). */
export function readLazySigns(selector: string): LazySigns {
  return {
    height: document.documentElement.scrollHeight,
    vh: window.innerHeight,
    lazy: document.querySelectorAll(selector).length,
    observed: window.__welcomematLazy?.observed ?? 0,
    listeners: window.__welcomematLazy?.scrollListeners ?? 0,
  };
}

/**
 * Scrolls `page` down in viewport steps while it has lazy content below the fold, then back to
 * the top; undefined when there was nothing to scroll for. `signs`: read already, in the same
 * round trip as other reads after load (src/page/arrival-step.ts), and nothing changed since.
 */
export async function scrollThrough(page: Page, bounds: ScrollBounds, signs?: LazySigns): Promise<ScrollFacts | undefined> {
  const started = Date.now();
  const first = signs ?? (await page.evaluate(readLazySigns, LAZY_SELECTOR));
  if (first.height <= first.vh || first.lazy + first.observed + first.listeners === 0) return undefined;
  const inFlight = new Set<HTTPRequest>();
  const onRequest = (request: HTTPRequest) => inFlight.add(request);
  const onDone = (request: HTTPRequest) => inFlight.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  const maxDistance = bounds.maxScreens * first.vh;
  let steps = 0;
  let y = 0;
  let height = first.height;
  let stoppedBy: ScrollFacts['stoppedBy'] = 'end';
  try {
    for (;;) {
      if (Date.now() - started >= bounds.maxMs) {
        stoppedBy = 'time';
        break;
      }
      if (y + first.vh >= height) break;
      const next = y + first.vh;
      if (next > maxDistance) {
        stoppedBy = 'distance';
        break;
      }
      // Two animation frames: the first lays out the new scroll position, intersection observers report in the second.
      const state = await page.evaluate(
        (to: number) =>
          new Promise<{ y: number; height: number }>((resolve) => {
            window.scrollTo(0, to);
            requestAnimationFrame(() => requestAnimationFrame(() => resolve({ y: window.scrollY, height: document.documentElement.scrollHeight })));
          }),
        next,
      );
      steps++;
      if (inFlight.size > 0) {
        const left = Math.max(0, bounds.maxMs - (Date.now() - started));
        await page.waitForNetworkIdle({ idleTime: STEP_QUIET_MS, timeout: Math.min(STEP_NETWORK_MS, left) }).catch(() => undefined);
        height = await page.evaluate(() => document.documentElement.scrollHeight);
      } else {
        height = state.height;
      }
      // The page would not scroll further (it is shorter than it said): the end.
      if (state.y <= y) break;
      y = state.y;
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
    await page
      .evaluate(() => new Promise<void>((resolve) => {
        window.scrollTo(0, 0);
        requestAnimationFrame(() => resolve());
      }))
      .catch(() => undefined);
  }
  return { steps, distancePx: Math.round(y), grewPx: Math.max(0, Math.round(height - first.height)), stoppedBy, ms: Date.now() - started };
}
