// Opens a report file in real Chromium and reads what a reader meets: first contentful paint, load time and page height.
// Run: node dist/bench/page-metrics.js <file.html> [width]   (prints the figures as JSON)
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/launch.js';

export interface PageMetrics {
  /** First contentful paint, ms from navigation start (Chromium's paint timing entry). */
  firstContentfulPaintMs: number | null;
  /** DOMContentLoaded and load event ends, ms from navigation start. */
  domContentLoadedMs: number;
  loadMs: number;
  /** document.body.scrollHeight at the given width, in CSS px. */
  scrollHeight: number;
}

/** Desktop width the demo's height is measured at (the "59,000 px at desktop width"). */
export const DESKTOP_WIDTH = 1280;

/** One cold load of `file` in a fresh browser (no cache shared with an earlier load). */
export async function measurePage(file: string, width = DESKTOP_WIDTH): Promise<PageMetrics> {
  const { browser } = await launchBrowser({ sandbox: 'auto', args: [] });
  try {
    const page = await browser.newPage();
    // 800 px tall: a laptop's first screen.
    await page.setViewport({ width, height: 800 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
    return await page.evaluate(() => {
      const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstContentfulPaintMs: paint ? Math.round(paint.startTime) : null,
        domContentLoadedMs: Math.round(nav?.domContentLoadedEventEnd ?? 0),
        loadMs: Math.round(nav?.loadEventEnd ?? 0),
        scrollHeight: document.body.scrollHeight,
      };
    });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/bench/page-metrics.js <file.html> [width]');
    process.exit(2);
  }
  console.log(JSON.stringify(await measurePage(file, Number(process.argv[3] ?? DESKTOP_WIDTH))));
}
