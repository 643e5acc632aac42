// Keeps a tab on the page it was sent to: later top-level navigations (meta refresh, script redirects) are blocked and recorded.
import type { CDPSession, Credentials, Page, Protocol } from 'puppeteer';

export interface NavigationGuard {
  /** Where the page tried to go after its first navigation started, in order. */
  readonly blocked: string[];
  /** Lets the next main-frame navigation through (the caller's own `goto`); later ones are blocked again. */
  allowNextNavigation(): void;
  /**
   * Answers HTTP basic auth challenges with these credentials, for every request of the tab.
   * The guard must do it: with two sessions intercepting, Chromium gives the challenge to this
   * one, and puppeteer's own `page.authenticate` then never sees it (the page got a 401).
   */
  provideCredentials(credentials: Credentials): Promise<void>;
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
  let credentials: Credentials | undefined;
  /** Off until the first `loadPage`: a tab armed early for its credentials (a login tab) navigates freely. */
  let guarding = false;
  /** Requests already answered with the credentials: a second challenge means they were wrong, and asking again would loop. */
  const answered = new Set<string>();
  const documentsOnly: Protocol.Fetch.RequestPattern[] = [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }];
  try {
    session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    const cdp = session;
    cdp.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
      // With credentials every request pauses (a challenge can come from any); only documents are judged.
      if (event.resourceType !== 'Document') {
        cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
        return;
      }
      if (!guarding) {
        cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
        return;
      }
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
    cdp.on('Fetch.authRequired', (event: Protocol.Fetch.AuthRequiredEvent) => {
      const provide = credentials && event.authChallenge.source !== 'Proxy' && !answered.has(event.requestId);
      answered.add(event.requestId);
      const authChallengeResponse: Protocol.Fetch.AuthChallengeResponse = provide
        ? { response: 'ProvideCredentials', username: credentials!.username, password: credentials!.password }
        : { response: 'CancelAuth' };
      cdp.send('Fetch.continueWithAuth', { requestId: event.requestId, authChallengeResponse }).catch(() => undefined);
    });
    await cdp.send('Fetch.enable', { patterns: documentsOnly, handleAuthRequests: true });
  } catch {
    // A tab that is already closing cannot be guarded; loading it will fail and say why.
  }
  let disposed = false;
  return {
    blocked,
    allowNextNavigation() {
      guarding = true;
      firstNavigation = undefined;
    },
    async provideCredentials(given) {
      credentials = given;
      await session?.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }], handleAuthRequests: true }).catch(() => undefined);
    },
    async dispose() {
      if (disposed || !session) return;
      disposed = true;
      await session.detach().catch(() => undefined);
    },
  };
}
