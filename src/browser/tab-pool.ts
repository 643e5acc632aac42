// Tabs kept between pages of one browser context: the next page loads in a tab a finished page left behind instead of a new one.
import type { BrowserContext, Page } from 'puppeteer';
import { closeQuietly } from './disarm.js';
import { openTab } from './open-tab.js';
import { guardNavigation, type NavigationGuard } from './navigation-guard.js';

/**
 * A new tab costs a target, its CDP sessions and, for a site, a new renderer process: on
 * two busy cores about a second of wall time and half a second of CPU per page (the
 * benchmark's profile, docs/benchmark.md). Navigating a tab that is already on the site
 * keeps its renderer. Isolation does not change: cookies, storage and cache belong to the
 * browser context, which every tab of it shares anyway, and which is still replaced every
 * PAGES_PER_CONTEXT pages (src/browser/browser-session.ts).
 *
 * Only a tab that is safe to navigate is kept, emptied to about:blank (see `keepTab`): it
 * keeps its renderer process but no document. The pool holds at most as many tabs as pages
 * were in flight at once, since each page takes one and gives one back.
 */
const idle = new WeakMap<BrowserContext, Page[]>();
/** about:blank loads in a few ms; a tab that cannot leave its page within this is busy with its own script and is closed. */
const BLANK_TIMEOUT_MS = 2_000;

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
  const page = await openTab(context);
  return { page, guard: await guardNavigation(page), reused: false };
}

/**
 * Gives a tab back after a page's visit, or closes it. It is kept only when `clean` (the
 * visit ended normally: no crash, no gatherer cut off while it ran script in the tab) and
 * it then leaves its page for about:blank within BLANK_TIMEOUT_MS. Whether the page had a
 * user gesture cannot decide it: Chromium counts the DevTools navigation that loaded the
 * page as one (`navigator.userActivation.hasBeenActive` is true on every audited page), so
 * a "leave this page?" prompt can come on any page; `disarm` answers it "leave". Never throws.
 */
export async function keepTab(context: BrowserContext, page: Page, clean: boolean): Promise<void> {
  if (clean && !page.isClosed()) {
    // The old document goes first: its scripts stop using CPU and memory while the tab
    // waits, and a navigation it starts itself (a meta refresh, a script redirect) cannot
    // race the next page's and be let through by the guard in its place. about:blank
    // makes no request, so the guard does not see it. A page whose script keeps its main
    // thread busy cannot leave in time and is closed.
    const blanked = await page.goto('about:blank', { waitUntil: 'load', timeout: BLANK_TIMEOUT_MS }).then(
      () => page.url() === 'about:blank',
      () => false,
    );
    if (blanked) {
      const list = idle.get(context) ?? [];
      list.push(page);
      idle.set(context, list);
      return;
    }
  }
  await closeQuietly(page);
}
