// Optional blocking of heavy resources (fonts, media, analytics) by URL pattern; off by default because it changes what is audited.
import type { Page } from 'puppeteer';

export const BLOCKABLE_RESOURCES = ['font', 'media', 'analytics'] as const;
export type BlockableResource = (typeof BLOCKABLE_RESOURCES)[number];

/**
 * Chromium URL patterns (`*` wildcards) per kind. Patterns, not request interception:
 * Network.setBlockedURLs is applied inside the browser, so unblocked requests pay no
 * extra round trip to Node, which interception would add to every request.
 */
const PATTERNS: Record<BlockableResource, string[]> = {
  font: ['*.woff2', '*.woff2?*', '*.woff', '*.woff?*', '*.ttf', '*.ttf?*', '*.otf', '*.otf?*', '*.eot', '*.eot?*', '*fonts.googleapis.com/*', '*fonts.gstatic.com/*', '*use.typekit.net/*'],
  media: ['*.mp4', '*.mp4?*', '*.webm', '*.webm?*', '*.ogv', '*.mov', '*.m4v', '*.mp3', '*.mp3?*', '*.m4a', '*.ogg', '*.wav', '*.m3u8', '*.m3u8?*'],
  // The trackers most small-business sites carry; they add requests, never content.
  analytics: [
    '*google-analytics.com/*',
    '*googletagmanager.com/*',
    '*doubleclick.net/*',
    '*connect.facebook.net/*',
    '*static.hotjar.com/*',
    '*script.hotjar.com/*',
    '*cdn.segment.com/*',
    '*api.segment.io/*',
    '*plausible.io/js/*',
    '*js.hs-analytics.net/*',
    '*snap.licdn.com/*',
    '*bat.bing.com/*',
    '*clarity.ms/*',
    '*matomo.js*',
  ],
};

export function blockedUrlPatterns(kinds: readonly BlockableResource[]): string[] {
  return [...new Set(kinds.flatMap((kind) => PATTERNS[kind]))];
}

/** Tabs already blocking: a tab kept for the next page (src/browser/tab-pool.ts) keeps its setting and needs no second session. */
const blocking = new WeakSet<Page>();

/** Makes the tab refuse requests to the chosen kinds of resource; call before navigating. */
export async function blockResources(page: Page, kinds: readonly BlockableResource[]): Promise<void> {
  if (kinds.length === 0 || blocking.has(page)) return;
  blocking.add(page);
  const session = await page.createCDPSession();
  await session.send('Network.enable');
  await session.send('Network.setBlockedURLs', { urls: blockedUrlPatterns(kinds) });
}
