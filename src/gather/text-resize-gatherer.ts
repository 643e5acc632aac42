// Doubles the text size (WCAG 1.4.4) at the desktop width and records text that becomes clipped.
import type { Gatherer } from './gatherer.js';
import { nextFrames } from './interaction-page.js';
import { ensureBaseline, withLayoutPage, type ClippedText } from './layout-probe.js';

export interface TextResizeArtifact {
  /** How text was enlarged; see TEXT_RESIZE_METHOD. */
  method: string;
  factor: number;
  /** Text cut off at 200 % that was not cut off at 100 %. */
  clipped: ClippedText[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    textResize: TextResizeArtifact;
  }
}

/** WCAG 1.4.4: text resized up to 200 percent. */
export const TEXT_RESIZE_FACTOR = 2;

/**
 * Headless Chromium has no text-only zoom. Page zoom scales the layout too, which is
 * the same as a narrower viewport and is covered by the reflow gatherer. Setting the
 * root font size to 200 % misses every size given in px, which most sites use. So each
 * element's computed font size (and any px line height) is doubled with an inline
 * !important style: what Firefox's "zoom text only" does.
 */
export const TEXT_RESIZE_METHOD = 'each element font-size x2 (inline !important), px line-heights x2';

/** Writing sizes to a few thousand elements and measuring: about 0.3 s; 3 s allows for slow layouts. */
export const TEXT_RESIZE_BUDGET_MS = 3_000;

export const textResizeGatherer: Gatherer<'textResize'> = {
  artifact: 'textResize',
  phase: 'interactive',
  budgetMs: () => TEXT_RESIZE_BUDGET_MS,
  gather: (context) =>
    withLayoutPage(context, async (page) => {
      await ensureBaseline(page);
      await page.evaluate((factor) => window.__wmLayout!.enlargeText(factor), TEXT_RESIZE_FACTOR);
      try {
        await nextFrames(page);
        const clipped = await page.evaluate(() => window.__wmLayout!.newlyClipped());
        return { method: TEXT_RESIZE_METHOD, factor: TEXT_RESIZE_FACTOR, clipped };
      } finally {
        await page.evaluate(() => window.__wmLayout!.restoreText());
      }
    }),
};
