// The step of a page visit between loading and gathering: the arrival layer (consent banner, pop-up) is audited and closed, and lazy content is scrolled into being.
import type { BrowserContext, Page } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import { evaluateTogether, inPage } from '../browser/evaluate-together.js';
import { handleArrival, lookForLayers, type ArrivalArtifact, type ArrivalMemory } from '../gather/arrival-layer.js';
import type { ArtifactFailure } from '../gather/artifacts.js';
import { installPageHelpers } from '../gather/page-helpers.js';
import { LAZY_SELECTOR, readLazySigns, scrollThrough, watchLazyContent } from '../gather/lazy-scroll.js';
import { errorMessage } from '../util/error-message.js';
import { BudgetExceededError, withBudget } from '../util/with-budget.js';

/**
 * The most the arrival step may take besides scrolling: finding, auditing and closing a
 * banner is a few dozen key presses and waits of at most 1.5 s each.
 */
const ARRIVAL_BUDGET_MS = 10_000;

/** Before the page loads: the consent cookies the run has so far, and the watcher of lazy loading. */
export async function beforeLoad(page: Page, context: BrowserContext, memory: ArrivalMemory): Promise<void> {
  await memory.seed(context);
  await watchLazyContent(page);
}

/** After the page loaded and before gathering: the `arrival` artifact, or its failure (the visit goes on either way). */
export async function arrivalStep(page: Page, options: ResolvedOptions, memory: ArrivalMemory): Promise<ArrivalArtifact | ArtifactFailure> {
  try {
    return await withBudget(ARRIVAL_BUDGET_MS + options.lazyScroll.maxMs, 'arrival step', async () => {
      // One round trip on a page with nothing on top and nothing lazy (most pages): this step runs on every page.
      const look = await evaluateTogether(page, {
        helpers: inPage(installPageHelpers),
        ...lookForLayers(),
        lazy: inPage(readLazySigns, LAZY_SELECTOR),
      });
      const arrival = await handleArrival(page, memory, options.keepBanner, look);
      if (options.lazyScroll.maxScreens > 0 && options.lazyScroll.maxMs > 0) {
        // A layer closed or hidden may have given the page back its scrolling: read the signs again then.
        const scroll = await scrollThrough(page, options.lazyScroll, arrival.layers.length === 0 ? look.lazy : undefined);
        if (scroll) arrival.scroll = scroll;
      }
      return arrival;
    });
  } catch (error) {
    return { failed: true, message: errorMessage(error), timedOut: error instanceof BudgetExceededError };
  }
}
