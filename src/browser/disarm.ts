// Keeps a hostile page from blocking the run: dialogs are dismissed, pop-ups closed, tabs closed without asking.
import type { Page } from 'puppeteer';

/**
 * Dismisses every dialog the page opens and closes every pop-up it manages to open. A
 * "leave this page?" prompt (beforeunload) is answered "leave": the auditor only ever leaves
 * a page to empty its tab for the next one (src/browser/tab-pool.ts), and staying would
 * cancel that. Navigations the page starts by itself are stopped by the navigation guard,
 * whatever the answer.
 */
export function disarm(page: Page): void {
  page.on('dialog', (dialog) => {
    (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined);
  });
  page.on('popup', (popup) => {
    if (!popup) return;
    // A pop-up shares its opener's renderer: a dialog left open in it would block the opener too.
    disarm(popup);
    popup.close().catch(() => undefined);
  });
}

/** Closes a tab without running its beforeunload handlers; a tab that is already gone is fine. */
export async function closeQuietly(page: Page): Promise<void> {
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
}
