// Keeps a tab on the page it was sent to: later top-level navigations (meta refresh, script redirects) are blocked and recorded.
import type { CDPSession, Page, Protocol } from 'puppeteer';

export interface NavigationGuard {
  /** Where the page tried to go after its first navigation started, in order. */
  readonly blocked: string[];
  /** Lets the next main-frame navigation through (the caller's own `goto`); later ones are blocked again. */
  allowNextNavigation(): void;
  /** Stops intercepting; safe to call more than once, never throws. */
  dispose(): Promise<void>;
}

/**
 * Only document requests are intercepted (scripts, images and the rest never pause), so
 * the cost is one round trip per navigation. The first main-frame navigation and its
 * HTTP redirect hops (same network id) go through; any later one is answered with 204
 * No Content, which cancels it. Without this, a page that sends itself elsewhere after
 * load (a meta refresh, `location = ...`, an auto-submitting form) makes the gatherers
 * measure half of one document and half of another, and an out-of-scope target gets
 * loaded at all. Frames inside the page are not touched.
 */
export function guardNavigation(page: Page): Promise<NavigationGuard> {
  let guard = guards.get(page);
  if (!guard) {
    guard = armGuard(page);
    guards.set(page, guard);
  }
  return guard;
}

/** One guard per tab, however many callers (page audit, loadPage, gatherers' own tabs) ask. */
const guards = new WeakMap<Page, Promise<NavigationGuard>>();

async function armGuard(page: Page): Promise<NavigationGuard> {
  const blocked: string[] = [];
  let session: CDPSession | undefined;
  let firstNavigation: string | undefined;
  try {
    session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    const cdp = session;
    cdp.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
      const id = event.networkId ?? event.requestId;
      const isMainFrame = event.frameId === mainFrameId;
      if (isMainFrame && firstNavigation === undefined) firstNavigation = id;
      const allow = !isMainFrame || id === firstNavigation;
      if (!allow) blocked.push(event.request.url);
      const answer = allow
        ? cdp.send('Fetch.continueRequest', { requestId: event.requestId })
        : // A 204 answer cancels a navigation and keeps the current document; failing it would show an error page instead.
          cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 204, responseHeaders: [] });
      // The tab may close while a request is paused; nothing is left to answer then.
      answer.catch(() => undefined);
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] });
  } catch {
    // A tab that is already closing cannot be guarded; loading it will fail and say why.
  }
  let disposed = false;
  return {
    blocked,
    allowNextNavigation() {
      firstNavigation = undefined;
    },
    async dispose() {
      if (disposed || !session) return;
      disposed = true;
      await session.detach().catch(() => undefined);
    },
  };
}
