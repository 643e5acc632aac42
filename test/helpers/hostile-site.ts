// A hostile, broken website on 127.0.0.1: every way a real site can hang, crash, trap or attack a crawler, with the expected outcome of each.
import type { ServerResponse } from 'node:http';
import { startSiteServer, type RouteHandler, type SiteServer } from '../../src/demo/site-server.js';
import { page, sendHtml } from './html.js';

/** What must happen to one case's URL in the report. */
export type Expected =
  | { kind: 'audited' }
  | { kind: 'failed'; code: string; status?: number }
  | { kind: 'skipped'; reason: string };

export interface HostileCase {
  path: string;
  what: string;
  expected: Expected;
  /** A second acceptable outcome, with why (a known limitation elsewhere, still a clear per-page reason). */
  alsoAccepted?: { outcome: Expected; why: string };
}

export interface HostileSite {
  site: SiteServer;
  /** A second server, out of scope, that nothing should ever load. */
  elsewhere: SiteServer;
  cases: HostileCase[];
  /** Requests that reached `/beacon` (an injected payload ran somewhere). */
  beaconHits(): number;
  close(): Promise<void>;
}

/** Months either way the calendar links to: endless, only limits stop a crawler. */
const CALENDAR_PAGE_PATH = '/calendar';
/** The size of the "10,000 links" case. */
export const MANY_LINKS = 10_000;
/** About 1.5 MB of HTML: large enough to strain a crawler, small enough for a shared CI machine. */
const HUGE_PARAGRAPHS = 6_000;

const audited: Expected = { kind: 'audited' };

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function status(code: number, headers: Record<string, string> = {}): RouteHandler {
  return (_req, res) => {
    res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(page(`Status ${code}`, `<p>HTTP ${code}.</p>`));
  };
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

/** The injected payloads: each would set window.__pwned, open a dialog or call the beacon if it ever ran. */
export function injectionPayloads(origin: string): Record<string, string> {
  const run = (where: string) => `window.__pwned=1;alert(1);new Image().src='${origin}/beacon?${where}'`;
  return {
    title: `</title><script>${run('title')}</script>`,
    heading: `<img src=x onerror="${run('heading')}">`,
    alt: `"><script>${run('alt')}</script>`,
    attribute: `" onmouseover="${run('attr')}" autofocus onfocus="${run('attr-focus')}`,
    text: `{{constructor.constructor('${run('template')}')()}} <svg/onload=${run('svg')}>`,
  };
}

export async function startHostileSite(): Promise<HostileSite> {
  const hanging = new Set<ServerResponse>();
  let beacon = 0;
  const elsewhere = await startSiteServer({ routes: { '/trap': (_req, res) => sendHtml(res, page('Elsewhere', '<p>Out of scope.</p>')) } });
  let origin = '';
  const cases: HostileCase[] = [];
  const routes: Record<string, RouteHandler> = {};
  const add = (path: string, what: string, expected: Expected, handler: RouteHandler, alsoAccepted?: HostileCase['alsoAccepted']) => {
    cases.push({ path, what, expected, ...(alsoAccepted ? { alsoAccepted } : {}) });
    routes[path.split('?')[0]] = handler;
  };

  // Cases listed in crawl order: those with pages one link further come first, the 10,000 links last.
  add('/self-navigating', 'navigates itself away right after load', audited, (_req, res) =>
    sendHtml(res, page('Self-navigating', `<p>Going.</p><script>addEventListener('load', () => setTimeout(() => { location.href = '/self-navigating/landed'; }, 0));</script>`)),
  );
  routes['/self-navigating/landed'] = (_req, res) => sendHtml(res, page('Landed', '<p>Where the page sent itself.</p>'));
  add(`${CALENDAR_PAGE_PATH}?month=0`, 'a calendar: endless unique next/previous links', audited, (req, res) => {
    const month = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('month') ?? 0) || 0;
    sendHtml(res, page(`Month ${month}`, `<a href="${CALENDAR_PAGE_PATH}?month=${month - 1}">Previous month</a> <a href="${CALENDAR_PAGE_PATH}?month=${month + 1}">Next month</a>`));
  });
  add('/redirect-loop', 'a redirect loop', { kind: 'failed', code: 'redirect-loop' }, (_req, res) => redirect(res, '/redirect-loop/b'));
  routes['/redirect-loop/b'] = (_req, res) => redirect(res, '/redirect-loop');
  add('/never-ends', 'a response that never finishes', { kind: 'failed', code: 'timeout' }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write('<!doctype html><html lang="en"><head><title>Never ends</title></head><body><p>Loading');
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  });
  add('/huge', 'a very large page (about 1.5 MB)', audited, (_req, res) => {
    const paragraph = '<p>' + 'All work and no play makes a very long page. '.repeat(5) + '</p>';
    sendHtml(res, page('Huge', paragraph.repeat(HUGE_PARAGRAPHS)));
  });
  add('/busy-loop', 'a script that never returns', { kind: 'failed', code: 'timeout' }, (_req, res) =>
    sendHtml(res, page('Busy', '<p>Spinning.</p><script>for (;;) {}</script>')),
  );
  add('/memory-eater', 'a script that eats memory until its tab dies', { kind: 'failed', code: 'crashed' }, (_req, res) =>
    sendHtml(res, page('Hungry', '<p>Eating.</p><script>const hog = []; for (;;) hog.push(new Array(1e6).fill(Math.random()));</script>')),
  );
  for (const kind of ['alert', 'confirm', 'prompt']) {
    add(`/dialogs/${kind}`, `${kind}() on load and again later`, audited, (_req, res) =>
      sendHtml(res, page(`Dialog ${kind}`, `<p>Answer me.</p><script>${kind}('1'); addEventListener('load', () => { ${kind}('2'); setTimeout(() => ${kind}('3'), 200); });</script>`)),
    );
  }
  add('/dialogs/beforeunload', 'a beforeunload prompt', audited, (_req, res) =>
    sendHtml(res, page('Stay', `<p>Do not leave.</p><script>addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = 'stay'; });</script>`)),
  );
  add('/popups', 'window.open pop-ups', audited, (_req, res) =>
    sendHtml(res, page('Pop-ups', `<p>Surprise.</p><script>for (let i = 0; i < 5; i++) window.open('/popup-target?n=' + i, '_blank'); addEventListener('load', () => window.open('about:blank'));</script>`)),
  );
  routes['/popup-target'] = (_req, res) => sendHtml(res, page('Pop-up', `<p>A pop-up.</p><script>alert('from the pop-up')</script>`));
  add('/meta-refresh-away', 'a meta refresh to another site', audited, (_req, res) =>
    sendHtml(res, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${elsewhere.url}/trap"><title>Moving</title></head><body><main><h1>Moving</h1></main></body></html>`),
  );
  add('/meta-refresh-file', 'a meta refresh to file:///etc/passwd', audited, (_req, res) =>
    sendHtml(res, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=file:///etc/passwd"><title>Local</title></head><body><main><h1>Local</h1></main></body></html>`),
  );
  add('/js-redirect-file', 'a script redirect to file: and chrome: URLs', audited, (_req, res) =>
    sendHtml(res, page('Script redirect', `<p>Away.</p><script>addEventListener('load', () => { location.href = 'file:///etc/passwd'; setTimeout(() => { location.href = 'chrome://settings'; }, 50); });</script>`)),
  );
  add('/download', 'a download (Content-Disposition: attachment)', { kind: 'skipped', reason: 'not-html' }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-disposition': 'attachment; filename="evil.html"' });
    res.end('<p>saved to disk?</p>');
  });
  add('/wrong-type/plain', 'HTML served as text/plain', { kind: 'skipped', reason: 'not-html' }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(page('Plain', '<p>Not really HTML.</p>'));
  });
  add('/wrong-type/image.html', 'a PNG behind an .html URL', { kind: 'skipped', reason: 'not-html' }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  });
  add('/wrong-type/json-as-html', 'JSON served as text/html', audited, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('{"not": "a page", "but": ["browsers", "render", "it"]}');
  });
  add('/links/odd', 'malformed and javascript:/mailto:/tel:/data:/file:/chrome: links', audited, (_req, res) =>
    sendHtml(
      res,
      page(
        'Odd links',
        [
          'javascript:window.__pwned=1',
          'JaVaScRiPt:alert(1)',
          'mailto:hello@example.com',
          'tel:+441234567890',
          'data:text/html,<script>alert(1)</script>',
          'file:///etc/passwd',
          'chrome://settings',
          'view-source:http://127.0.0.1/',
          'about:blank',
          'blob:http://127.0.0.1/x',
          'http://[::1',
          'http://exa mple.com/',
          'ht tp://broken',
          'http://',
          '//',
          '',
          '#top',
          '%%%',
        ]
          .map((href, i) => `<a href="${escapeText(href)}">odd ${i}</a>`)
          .join(' '),
      ),
    ),
  );
  add('/status/401', 'HTTP 401', { kind: 'failed', code: 'http-error', status: 401 }, status(401, { 'www-authenticate': 'Basic realm="staff"' }));
  add('/status/403', 'HTTP 403', { kind: 'failed', code: 'http-error', status: 403 }, status(403));
  add('/status/404', 'HTTP 404', { kind: 'failed', code: 'http-error', status: 404 }, status(404));
  add('/status/429', 'HTTP 429 with Retry-After', { kind: 'failed', code: 'http-error', status: 429 }, status(429, { 'retry-after': '120' }));
  add('/status/500', 'HTTP 500', { kind: 'failed', code: 'http-error', status: 500 }, status(500));
  add('/status/503', 'HTTP 503', { kind: 'failed', code: 'http-error', status: 503 }, status(503, { 'retry-after': '3600' }));
  add('/injection', 'script and markup injection in title, text, alt, URLs and attributes', audited, (_req, res) => {
    const p = injectionPayloads(origin);
    sendHtml(
      res,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(p.title)}</title></head><body><main>` +
        `<h1>${escapeText(p.heading)}</h1><p>${escapeText(p.text)}</p>` +
        `<img src="/pixel.png" alt="${escapeText(p.alt)}">` +
        `<img src="/pixel.png" data-note="${escapeText(p.attribute)}">` +
        `<input type="text" id="${escapeText(p.alt)}" placeholder="${escapeText(p.attribute)}">` +
        `<a href="/injection/${encodeURIComponent(p.title)}?q=${escapeText(p.alt)}">${escapeText(p.text)}</a>` +
        `</main></body></html>`,
    );
  });
  routes['/pixel.png'] = (_req, res) => {
    res.writeHead(404);
    res.end();
  };
  routes['/beacon'] = (_req, res) => {
    beacon++;
    res.writeHead(204);
    res.end();
  };
  add('/many-links', `a page with ${MANY_LINKS.toLocaleString('en')} links`, audited, (_req, res) =>
    sendHtml(res, page('Many links', Array.from({ length: MANY_LINKS }, (_, i) => `<a href="/many/${i}">${i}</a>`).join(' '))),
  );
  const manyPage: RouteHandler = (req, res) => sendHtml(res, page(`Item ${req.url}`, '<p>One of many.</p>'));
  for (let i = 0; i < MANY_LINKS; i++) routes[`/many/${i}`] = manyPage;

  routes['/'] = (_req, res) =>
    sendHtml(res, page('Hostile home', `<ul>${cases.map((c) => `<li><a href="${escapeText(c.path)}">${escapeText(c.what)}</a></li>`).join('')}</ul>`));

  const site = await startSiteServer({ routes });
  origin = site.url;
  return {
    site,
    elsewhere,
    cases,
    beaconHits: () => beacon,
    async close() {
      for (const res of hanging) res.destroy();
      await site.close();
      await elsewhere.close();
    },
  };
}
