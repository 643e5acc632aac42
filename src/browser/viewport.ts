// The desktop viewport every tab uses, so axe's layout, finding boxes and screenshots agree.
import type { Page } from 'puppeteer';

/**
 * 1280 px is the commonest desktop width; 900 px high is a laptop screen without
 * browser chrome. Every tab opens at this size (see launch.ts).
 */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 } as const;

/** Puts `page` at the desktop viewport unless it already is; one CDP round trip when needed. */
export async function ensureDesktopViewport(page: Page): Promise<void> {
  const current = page.viewport();
  if (current && current.width === DESKTOP_VIEWPORT.width && current.height === DESKTOP_VIEWPORT.height) return;
  await page.setViewport({ ...DESKTOP_VIEWPORT });
}
