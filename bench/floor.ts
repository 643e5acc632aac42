// The floor: plain axe-core in one warm Chromium, each URL loaded with page.goto, default axe options, nothing else.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import pLimit from 'p-limit';
import { launchBrowser } from '../src/browser/launch.js';
import { resolveOptions } from '../src/config/resolve-options.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The tags welcomemat runs by default; the floor runs the same rules. */
export const FLOOR_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface FloorResult {
  pages: number;
  failed: number;
  /** From the first goto to the last page closed; browser start-up is excluded (a warm browser). */
  durationMs: number;
  violations: number;
  /** Mean milliseconds per page: goto (to the load event), axe injection plus run, and the whole page. */
  meanPageMs: { load: number; axe: number; total: number };
}

/** Loads every URL and runs axe on it, `concurrency` pages at once, in one browser launched with welcomemat's flags. */
export async function runFloor(urls: string[], concurrency: number): Promise<FloorResult> {
  // Same executable, sandbox decision and flags as welcomemat, so only the loop differs.
  const browserOptions = resolveOptions({ urls: [urls[0]] }).browser;
  const { browser } = await launchBrowser(browserOptions);
  try {
    // Warm up: one page opened and closed before the clock starts.
    const warm = await browser.newPage();
    await warm.close();
    const limit = pLimit(concurrency);
    let failed = 0;
    let violations = 0;
    const sums = { load: 0, axe: 0, total: 0 };
    const started = Date.now();
    await Promise.all(
      urls.map((url) =>
        limit(async () => {
          const pageStarted = performance.now();
          const page = await browser.newPage();
          try {
            const loadStarted = performance.now();
            await page.goto(url);
            const axeStarted = performance.now();
            sums.load += axeStarted - loadStarted;
            await page.evaluate(axeSource);
            const result = (await page.evaluate(
              (tags) => (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: unknown[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
              FLOOR_TAGS,
            )) as { violations: unknown[] };
            violations += result.violations.length;
            sums.axe += performance.now() - axeStarted;
          } catch {
            failed++;
          } finally {
            await page.close().catch(() => undefined);
            sums.total += performance.now() - pageStarted;
          }
        }),
      ),
    );
    const mean = (sum: number) => Math.round(sum / urls.length);
    return { pages: urls.length - failed, failed, durationMs: Date.now() - started, violations, meanPageMs: { load: mean(sums.load), axe: mean(sums.axe), total: mean(sums.total) } };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
