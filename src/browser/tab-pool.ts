// Tabs kept between pages of one browser context: the next page loads in a tab a finished page left behind instead of a new one.
import type { BrowserContext, Page } from 'puppeteer';
import { closeQuietly, disarm } from './disarm.js';
import { guardNavigation, type NavigationGuard } from './navigation-guard.js';

/**
 * A new tab costs a target, its CDP sessions and, for a site, a new renderer process: on
 * two busy cores about a second of wall time and half a second of CPU per page (the
 * benchmark's profile, docs/benchmark.md). Navigating a tab that is already on the site
 * keeps its renderer. Isolation does not change: cookies, storage and cache belong to the
 * browser context, which every tab of it shares anyway, and which is still replaced every
 * PAGES_PER_CONTEXT pages (src/browser/browser-session.ts).
 *
 * Only a tab that is safe to navigate is kept (see `keepTab`); the pool holds at most as
 * many tabs as pages were in flight at once, since each page takes one and gives one back.
 */
const idle = new WeakMap<BrowserContext, Page[]>();

export interface Tab {
  page: Page;
  guard: NavigationGuard;
  /** True when the tab served an earlier page. */
  reused: boolean;
}

/** A tab for the next page in `context`: a kept one if there is one, else a new one, disarmed and guarded. */
export async function takeTab(context: BrowserContext): Promise<Tab> {
  const kept = idle.get(context);
  while (kept && kept.length > 0) {
    const page = kept.pop()!;
    if (!page.isClosed()) return { page, guard: await guardNavigation(page), reused: true };
  }
  const page = await context.newPage();
  disarm(page);
  return { page, guard: await guardNavigation(page), reused: false };
}

/**
 * Gives a tab back after a page's visit, or closes it. It is kept only when `clean` (the
 * visit ended normally: no crash, no gatherer cut off while it ran script in the tab) and
 * the page never had a user gesture: after one (the keyboard walk presses keys), a
 * beforeunload handler may ask before leaving, and the dialog, dismissed, would cancel
 * the next navigation. Never throws.
 */
export async function keepTab(context: BrowserContext, page: Page, clean: boolean): Promise<void> {
  if (clean && !page.isClosed()) {
    const activated = await page
      .evaluate(() => (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive ?? true)
      .catch(() => true);
    if (!activated) {
      const list = idle.get(context) ?? [];
      list.push(page);
      idle.set(context, list);
      return;
    }
  }
  await closeQuietly(page);
}
