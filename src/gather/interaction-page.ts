// Shared plumbing for interactive gatherers: the desktop viewport, own pages opened before load, frame waits.
import type { CDPSession, Page } from 'puppeteer';
import { disarm } from '../audit/audit-page.js';
import { loadPage } from '../audit/load-page.js';
import { ensurePageHelpers } from './page-helpers.js';
import type { GatherContext } from './gatherer.js';

/**
 * The viewport every interactive gatherer and the screenshot use, so boxes from any
 * of them line up on the screenshot. 1280 px is the commonest desktop width; 900 px
 * high is a laptop screen without browser chrome.
 */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 } as const;

/** Puts `page` at the desktop viewport unless it already is; one CDP round trip when needed. */
export async function ensureDesktopViewport(page: Page): Promise<void> {
  const current = page.viewport();
  if (current && current.width === DESKTOP_VIEWPORT.width && current.height === DESKTOP_VIEWPORT.height) return;
  await page.setViewport({ ...DESKTOP_VIEWPORT });
}

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
  const page = await context.page.browserContext().newPage();
  const close = () => void page.close({ runBeforeUnload: false }).catch(() => undefined);
  context.signal.addEventListener('abort', close, { once: true });
  try {
    disarm(page);
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

