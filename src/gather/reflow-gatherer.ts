// Lays the page out at 320 CSS px wide (WCAG 1.4.10) and records sideways scrolling, what causes it, and clipped text.
import type { Gatherer } from './gatherer.js';
import { DESKTOP_VIEWPORT } from '../browser/viewport.js';
import { nextFrames } from './interaction-page.js';
import { ensureBaseline, withLayoutPage, type ClippedText, type WideElement } from './layout-probe.js';

export type { ClippedText, WideElement } from './layout-probe.js';

export interface ReflowArtifact {
  /** The narrow viewport's width: 320 CSS px is 1280 px at 400 % zoom, as WCAG 1.4.10 sets it. */
  viewportWidth: number;
  scrollWidth: number;
  /** Whether the document really scrolls sideways (tried, not inferred). */
  scrollable: boolean;
  /** Outermost elements reaching past the right edge, widest first, outside any scroll container of their own. */
  wide: WideElement[];
  /** Text cut off at 320 px that was not cut off at the desktop width. */
  clipped: ClippedText[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    reflow: ReflowArtifact;
  }
}

export const REFLOW_WIDTH = 320;
/** WCAG's 1.4.10 example for vertical scrolling is 256 px high; a phone-like 640 keeps layouts realistic. */
const REFLOW_HEIGHT = 640;
/** One narrow layout, two measurements, a restore: about 0.5 s on a big page; 4 s leaves room for slow layouts. */
export const REFLOW_BUDGET_MS = 4_000;

export const reflowGatherer: Gatherer<'reflow'> = {
  artifact: 'reflow',
  phase: 'interactive',
  budgetMs: () => REFLOW_BUDGET_MS,
  gather: (context) =>
    withLayoutPage(context, async (page) => {
      await ensureBaseline(page);
      // isMobile false: a desktop browser zoomed to 400 % ignores <meta name=viewport>, and so does this layout.
      await page.setViewport({ width: REFLOW_WIDTH, height: REFLOW_HEIGHT, deviceScaleFactor: 1 });
      let restored = false;
      try {
        await nextFrames(page);
        const measured = await page.evaluate(() => ({ ...window.__wmLayout!.horizontal(), clipped: window.__wmLayout!.newlyClipped() }));
        await page.setViewport({ ...DESKTOP_VIEWPORT });
        restored = true;
        if (measured.wide.length > 0) {
          await nextFrames(page);
          const boxes = await page.evaluate(() => window.__wmLayout!.wideBoxes());
          measured.wide.forEach((element, i) => (element.box = boxes[i] ?? null));
        }
        return measured;
      } finally {
        if (!restored) await page.setViewport({ ...DESKTOP_VIEWPORT });
      }
    }),
};
