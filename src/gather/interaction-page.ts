// Shared plumbing for interactive gatherers: own pages opened before load, frame waits.
import type { CDPSession, Page } from 'puppeteer';
import { openTab } from '../browser/open-tab.js';
import { loadPage } from '../browser/load-page.js';
import { DESKTOP_VIEWPORT, ensureDesktopViewport } from '../browser/viewport.js';
import { ensurePageHelpers } from './page-helpers.js';
import type { GatherContext } from './gatherer.js';

/** Waits two animation frames in the page: enough for style, layout and resize observers to settle. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Opens a tab of its own in the audited page's browser context, runs `prepare` before
 * navigation (emulation, init scripts), then loads the URL. The tab closes when the
 * budget's signal fires or when `use` ends, whichever comes first.
 */
export async function withOwnPage<T>(
  context: GatherContext,
  prepare: (page: Page) => Promise<void>,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await openTab(context.page.browserContext());
  const close = () => void page.close({ runBeforeUnload: false }).catch(() => undefined);
  context.signal.addEventListener('abort', close, { once: true });
  try {
    await page.setViewport({ ...DESKTOP_VIEWPORT });
    await prepare(page);
    const loaded = await loadPage(page, context.url, context.options);
    if (loaded.kind !== 'page') throw new Error(`the page did not load again: ${loaded.kind}`);
    await ensurePageHelpers(page);
    return await use(page);
  } finally {
    context.signal.removeEventListener('abort', close);
    close();
  }
}

/** A fresh page from the runner, at the desktop viewport. */
export async function freshDesktopPage(context: GatherContext): Promise<Page> {
  const page = await context.openFreshPage();
  await ensureDesktopViewport(page);
  return page;
}

/** A CDP session on the page, for the few commands puppeteer wraps in extra round trips. */
export async function cdp(page: Page): Promise<CDPSession> {
  return page.createCDPSession();
}

