// Keeps a tab on the page it was sent to: later top-level navigations (meta refresh, script redirects) are blocked and recorded.
import type { CDPSession, Page, Protocol } from 'puppeteer';

export interface NavigationGuard {
  /** Where the page tried to go after its first navigation started, in order. */
  readonly blocked: string[];
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
export async function guardNavigation(page: Page): Promise<NavigationGuard> {
  const blocked: string[] = [];
  let session: CDPSession | undefined;
  try {
    session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    let firstNavigation: string | undefined;
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
    async dispose() {
      if (disposed || !session) return;
      disposed = true;
      await session.detach().catch(() => undefined);
    },
  };
}
