// Opens a tab for a page visit or a gatherer: dialogs and pop-ups disarmed, and focused as if it were the only tab.
import type { BrowserContext, Page } from 'puppeteer';
import { disarm } from './disarm.js';

/**
 * A new tab in `context`. Pages are audited side by side in tabs of one browser, and only
 * one tab of a browser is "focused": when another tab is brought to the front (puppeteer's
 * `page.screenshot` does it), this one loses focus, `:focus` and `:focus-visible` stop
 * matching and the browser stops drawing focus rings. A keyboard walk running then would
 * see no focus indicator where there is one. Emulating focus keeps every tab focused,
 * whatever the others do (test/browser/tab-pool.test.ts shows both).
 */
export async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  disarm(page);
  // A tab that is already closing cannot be set up; using it fails and says why.
  await page.emulateFocusedPage(true).catch(() => undefined);
  return page;
}
