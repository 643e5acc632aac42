// Applies the WCAG 1.4.12 text-spacing overrides and records text that becomes clipped.
import type { Gatherer } from './gatherer.js';
import { nextFrames } from './interaction-page.js';
import { ensureBaseline, withLayoutPage, type ClippedText } from './layout-probe.js';

export interface TextSpacingArtifact {
  /** Text cut off with the overrides applied that was not cut off without them. */
  clipped: ClippedText[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    textSpacing: TextSpacingArtifact;
  }
}

/** Two measurements and a style sheet: well under a second; 3 s allows for slow layouts. */
export const TEXT_SPACING_BUDGET_MS = 3_000;

export const textSpacingGatherer: Gatherer<'textSpacing'> = {
  artifact: 'textSpacing',
  phase: 'interactive',
  budgetMs: () => TEXT_SPACING_BUDGET_MS,
  gather: (context) =>
    withLayoutPage(context, async (page) => {
      await ensureBaseline(page);
      await page.evaluate(() => window.__wmLayout!.applyTextSpacing());
      try {
        await nextFrames(page);
        return { clipped: await page.evaluate(() => window.__wmLayout!.newlyClipped()) };
      } finally {
        await page.evaluate(() => window.__wmLayout!.removeTextSpacing());
      }
    }),
};
