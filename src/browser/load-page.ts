// Opens one URL in a tab and says what happened: a page to audit, a non-HTML target, or an error.
import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer';
import { blockResources, type BlockableResource } from './block-resources.js';
import type { PageError } from '../model/report.js';
import { errorMessage } from '../util/error-message.js';
import { guardNavigation } from './navigation-guard.js';
import { timePhase } from '../util/phase-profile.js';

export interface LoadTimeouts {
  navigationTimeoutMs: number;
  settleTimeoutMs: number;
  /** Kinds of resource the tab must not load (see the blockResources option). */
  blockResources?: readonly BlockableResource[];
}

export type LoadOutcome =
  | { kind: 'page'; status: number; finalUrl: string; redirects: string[]; loadMs: number }
  | { kind: 'not-html'; status: number; finalUrl: string; redirects: string[]; detail: string }
  | { kind: 'error'; status: number; finalUrl: string; redirects: string[]; error: PageError };

/** The response each tab's page was last loaded from, for the HTML the server sent (see mainDocumentHtml). */
const documentResponses = new WeakMap<Page, HTTPResponse>();

/**
 * The HTML the server sent for the page `page` last loaded with loadPage (not the DOM the
 * browser repaired), or null when the browser no longer holds the body (evicted, or the
 * tab navigated since). Reads the navigation response puppeteer keeps: no new request.
 */
export async function mainDocumentHtml(page: Page): Promise<string | null> {
  const response = documentResponses.get(page);
  if (!response || response.frame()?.page() !== page) return null;
  try {
    return (await response.buffer()).toString('utf8');
  } catch {
    return null;
  }
}

/** After the load event, the network counts as settled once quiet this long (ms). */
const NETWORK_QUIET_MS = 250;

function isHtml(contentType: string): boolean {
  // Browsers sniff a missing content type as HTML; so do we.
  return contentType === '' || /^(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

function classifyNavigationError(message: string): PageError {
  if (/ERR_TOO_MANY_REDIRECTS/.test(message)) return { code: 'redirect-loop', message: 'too many redirects (a redirect loop)' };
  if (/timeout|timed out/i.test(message)) return { code: 'timeout', message };
  if (/ERR_NAME_NOT_RESOLVED/.test(message)) return { code: 'network-error', message: 'unknown host (DNS lookup failed)' };
  if (/ERR_CONNECTION_REFUSED/.test(message)) return { code: 'network-error', message: 'connection refused' };
  if (/ERR_CERT|ERR_SSL/.test(message)) return { code: 'network-error', message: `TLS error: ${message}` };
  if (/Target closed|crash|Session closed/i.test(message)) return { code: 'crashed', message };
  if (/ERR_/.test(message)) return { code: 'network-error', message };
  return { code: 'unknown', message };
}

function describeStatus(response: HTTPResponse): string {
  const text = response.statusText();
  // 429 and 503 may say when to come back; the report passes that on rather than hammering the server.
  const retryAfter = response.headers()['retry-after'];
  return `HTTP ${response.status()}${text ? ` ${text}` : ''}${retryAfter ? ` (Retry-After: ${retryAfter.slice(0, 40)})` : ''}`;
}

function redirectChain(response: HTTPResponse | null): string[] {
  return response ? response.request().redirectChain().map((request) => request.url()) : [];
}

/**
 * Navigates `page` to `url`. The main document's response is watched so that a
 * download or PDF, which aborts the navigation, is still recognised for what it is.
 */
export async function loadPage(page: Page, url: string, timeouts: LoadTimeouts): Promise<LoadOutcome> {
  let lastDocumentResponse: HTTPResponse | null = null;
  const onResponse = (response: HTTPResponse) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) lastDocumentResponse = response;
  };
  // Every tab that loads a page is guarded: this navigation goes through, none the page starts by itself later.
  (await guardNavigation(page)).allowNextNavigation();
  page.on('response', onResponse);
  // Requests still open after the load event; only then is waiting for the network worth it.
  const inFlight = new Set<HTTPRequest>();
  const onRequest = (request: HTTPRequest) => inFlight.add(request);
  const onRequestDone = (request: HTTPRequest) => inFlight.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onRequestDone);
  page.on('requestfailed', onRequestDone);
  const started = Date.now();
  try {
    if (timeouts.blockResources?.length) await blockResources(page, timeouts.blockResources);
    let response: HTTPResponse | null;
    try {
      response = await timePhase('navigation', () => page.goto(url, { waitUntil: 'load', timeout: timeouts.navigationTimeoutMs }));
    } catch (error) {
      const message = errorMessage(error);
      const seen = lastDocumentResponse as HTTPResponse | null;
      if (seen && /ERR_ABORTED|net::ERR_/.test(message)) {
        const outcome = classifyResponse(seen, redirectChain(seen), seen.url());
        if (outcome) return outcome;
      }
      return { kind: 'error', status: seen?.status() ?? 0, finalUrl: seen?.url() ?? url, redirects: redirectChain(seen), error: classifyNavigationError(message) };
    }
    const finalResponse = response ?? lastDocumentResponse;
    const redirects = redirectChain(finalResponse);
    if (!finalResponse) {
      return { kind: 'error', status: 0, finalUrl: page.url(), redirects, error: { code: 'unknown', message: 'no response for the page' } };
    }
    const outcome = classifyResponse(finalResponse, redirects, page.url());
    if (outcome) return outcome;
    documentResponses.set(page, finalResponse);
    // A page whose requests all ended by the load event is settled; waiting the quiet time would only add latency.
    if (inFlight.size > 0) {
      await timePhase('settle: network', () => page.waitForNetworkIdle({ idleTime: NETWORK_QUIET_MS, timeout: timeouts.settleTimeoutMs }).catch(() => undefined));
    }
    return { kind: 'page', status: finalResponse.status(), finalUrl: page.url(), redirects, loadMs: Date.now() - started };
  } finally {
    page.off('response', onResponse);
    page.off('request', onRequest);
    page.off('requestfinished', onRequestDone);
    page.off('requestfailed', onRequestDone);
  }
}

/** A non-page or failed response, or null for an HTML page to audit. */
function classifyResponse(response: HTTPResponse, redirects: string[], finalUrl: string): LoadOutcome | null {
  const headers = response.headers();
  const status = response.status();
  const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (status >= 400) {
    return { kind: 'error', status, finalUrl, redirects, error: { code: 'http-error', message: describeStatus(response) } };
  }
  if (/^\s*attachment/i.test(headers['content-disposition'] ?? '')) {
    return { kind: 'not-html', status, finalUrl, redirects, detail: `download (Content-Disposition: attachment${contentType ? `, ${contentType}` : ''})` };
  }
  if (!isHtml(contentType)) {
    return { kind: 'not-html', status, finalUrl, redirects, detail: `not a web page (${contentType})` };
  }
  return null;
}
