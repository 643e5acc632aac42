// Takes one bounded JPEG screenshot of the page at the desktop viewport, for the report to show findings' boxes on.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Gatherer } from './gatherer.js';
import { DESKTOP_VIEWPORT, ensureDesktopViewport } from '../browser/viewport.js';

export interface ScreenshotArtifact {
  /** Path relative to the report folder (the parent of `artifactsDir`), with forward slashes. */
  file: string;
  /** Absolute path of the file written. */
  absolutePath: string;
  width: number;
  /** Height captured: the page's height, cut at MAX_SCREENSHOT_HEIGHT. */
  height: number;
  /** The page is taller than the screenshot. */
  cut: boolean;
}

declare module './artifacts.js' {
  interface ArtifactMap {
    screenshot: ScreenshotArtifact;
  }
}

/** 4000 px shows the top of any page and most of a typical one; a 1280×4000 JPEG at quality 60 is about 0.3–0.6 MB. */
export const MAX_SCREENSHOT_HEIGHT = 4_000;
/** Quality 60 keeps text readable and files small; this picture is for locating problems, not for print. */
const JPEG_QUALITY = 60;
/** Encoding a tall JPEG takes about 0.3 s idle, but several seconds when the cores are shared (the demo beside a test suite timed out at 3 s, scaled and retried): 6 s. */
export const SCREENSHOT_BUDGET_MS = 6_000;

/** A stable file name for a URL: the same page gets the same file across runs. */
export function screenshotFileName(url: string): string {
  // 16 hex characters (64 bits) never collide within one site's pages.
  return `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.jpg`;
}

export const screenshotGatherer: Gatherer<'screenshot'> = {
  artifact: 'screenshot',
  // Interactive because it resizes the audited tab to the desktop viewport; it runs after every static gatherer.
  phase: 'interactive',
  forReport: true,
  budgetMs: () => SCREENSHOT_BUDGET_MS,
  // Screenshots are files next to the report; without a folder there is nowhere to put them.
  enabled: (options) => options.artifactsDir !== undefined,
  async gather({ page, url, options }) {
    const dir = path.resolve(options.artifactsDir!);
    await ensureDesktopViewport(page);
    const documentHeight = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    const height = Math.max(1, Math.min(documentHeight, MAX_SCREENSHOT_HEIGHT));
    const image = await page.screenshot({
      type: 'jpeg',
      quality: JPEG_QUALITY,
      clip: { x: 0, y: 0, width: DESKTOP_VIEWPORT.width, height },
      captureBeyondViewport: true,
    });
    await mkdir(dir, { recursive: true });
    const name = screenshotFileName(url);
    const absolutePath = path.join(dir, name);
    await writeFile(absolutePath, image);
    return {
      file: path.relative(path.dirname(dir), absolutePath).split(path.sep).join('/'),
      absolutePath,
      width: DESKTOP_VIEWPORT.width,
      height,
      cut: documentHeight > MAX_SCREENSHOT_HEIGHT,
    };
  },
};
