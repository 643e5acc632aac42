// fetchDocument against a local HTTP server on 127.0.0.1: sniffing against content types, redirects by hand (loops, caps, schemes), size and time caps, headers kept to the document's origin.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchDocument, type FetchDocumentOptions } from '../../../src/documents/fetch-document.js';
import { hasPdfExtension, isPdfContentType, looksLikePdf } from '../../../src/documents/sniff.js';
import { plainPdf } from '../../helpers/raw-pdf.js';

const PDF = plainPdf(['Opening hours: every day from half past seven.']);
const HTML = Buffer.from('<!doctype html><html><head><title>Not found</title></head><body><p>Sorry, this page is gone.</p>' + ' '.repeat(2000) + '</body></html>');

let server: http.Server;
let other: http.Server;
let origin = '';
let otherOrigin = '';
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const s = http.createServer(handler);
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve([s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`])));
}

before(async () => {
  [other, otherOrigin] = await listen((request, response) => {
    seen.push({ url: `other${request.url}`, headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end(PDF);
  });
  [server, origin] = await listen((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const url = request.url ?? '';
    const hop = /^\/hop\/(\d+)$/.exec(url);
    if (hop) {
      response.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` });
      response.end();
      return;
    }
    switch (url) {
      case '/menu.pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end(PDF);
        return;
      case '/pdf-as-html':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PDF);
        return;
      case '/pdf-as-octets':
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(PDF);
        return;
      case '/html-as-pdf.pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end(HTML);
        return;
      case '/empty.pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end();
        return;
      case '/loop-a':
        response.writeHead(301, { location: '/loop-b' });
        response.end();
        return;
      case '/loop-b':
        response.writeHead(302, { location: `${origin}/loop-a#again` });
        response.end();
        return;
      case '/to-ftp':
        response.writeHead(302, { location: 'ftp://127.0.0.1/menu.pdf' });
        response.end();
        return;
      case '/no-location':
        response.writeHead(302);
        response.end();
        return;
      case '/to-same-origin':
        response.writeHead(302, { location: '/menu.pdf' });
        response.end();
        return;
      case '/to-other-origin':
        response.writeHead(302, { location: `${otherOrigin}/menu.pdf` });
        response.end();
        return;
      case '/missing.pdf':
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('gone');
        return;
      case '/no-answer.pdf':
        // Never sends headers; only the time limit ends the wait.
        return;
      case '/never-ending.pdf': {
        // A PDF header, then a byte every 50 ms, forever: under the size cap, so only the time limit ends it.
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.write('%PDF-1.7\n');
        const timer = setInterval(() => response.write(' '), 50);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/enormous.pdf': {
        // No Content-Length, 64 KB chunks as fast as the client reads: only the size cap ends it.
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.write('%PDF-1.7\n');
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        pump();
        return;
      }
      case '/declared-enormous.pdf':
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(10 * 1024 ** 3) });
        response.write('%PDF-1.7\n');
        return;
      default:
        response.writeHead(500);
        response.end();
    }
  });
});

after(async () => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const options: FetchDocumentOptions = { userAgent: 'welcomemat', maxBytes: 1024 * 1024, timeoutMs: 1500, maxRedirects: 5 };
const failure = async (path: string, extra: Partial<FetchDocumentOptions> = {}) => {
  const result = await fetchDocument(`${origin}${path}`, { ...options, ...extra });
  assert.equal(result.ok, false, `${path} should fail`);
  return result.ok ? undefined : result.error;
};

describe('sniffing', () => {
  it('finds %PDF- in the first 1024 bytes only', () => {
    assert.ok(looksLikePdf(Buffer.from('%PDF-1.7')));
    assert.ok(looksLikePdf(Buffer.concat([Buffer.alloc(1000, 0x20), Buffer.from('%PDF-1.4')])));
    assert.ok(!looksLikePdf(Buffer.concat([Buffer.alloc(1024, 0x20), Buffer.from('%PDF-1.4')])));
    assert.ok(!looksLikePdf(HTML));
  });
  it('knows PDF content types and .pdf paths', () => {
    assert.ok(isPdfContentType('Application/PDF; charset=binary'));
    assert.ok(!isPdfContentType('application/octet-stream'));
    assert.ok(hasPdfExtension('https://example.org/files/Menu.PDF?v=2#page=3'));
    assert.ok(!hasPdfExtension('https://example.org/pdf/menu'));
  });
});

describe('fetchDocument', () => {
  it('downloads a PDF with the crawl user agent and the audit headers', async () => {
    const result = await fetchDocument(`${origin}/menu.pdf`, { ...options, headers: { authorization: 'Bearer t', cookie: 'session=1' } });
    assert.ok(result.ok);
    assert.equal(result.status, 200);
    assert.equal(result.sniffed, false);
    assert.deepEqual(Buffer.from(result.bytes), PDF);
    const request = seen.findLast((entry) => entry.url === '/menu.pdf')!;
    assert.equal(request.headers['user-agent'], 'welcomemat');
    assert.equal(request.headers['authorization'], 'Bearer t');
    assert.equal(request.headers['cookie'], 'session=1');
  });

  it('recognises a PDF served as text/html or octet-stream by its bytes', async () => {
    for (const path of ['/pdf-as-html', '/pdf-as-octets']) {
      const result = await fetchDocument(`${origin}${path}`, options);
      assert.ok(result.ok, path);
      assert.equal(result.sniffed, true, path);
    }
  });

  it('refuses an HTML page served as application/pdf, and an empty body', async () => {
    assert.deepEqual(await failure('/html-as-pdf.pdf'), { code: 'not-a-pdf', message: 'served as application/pdf, but the bytes are an HTML page, not a PDF' });
    assert.deepEqual(await failure('/empty.pdf'), { code: 'not-a-pdf', message: 'served as application/pdf, but the bytes are an empty body, not a PDF' });
  });

  it('names a redirect loop, too many redirects and unusable redirects', async () => {
    assert.deepEqual(await failure('/loop-a'), { code: 'redirect-loop', message: `redirect loop: ${origin}/loop-a was already visited` });
    assert.deepEqual(await failure('/hop/0'), { code: 'too-many-redirects', message: 'more than 5 redirects' });
    assert.deepEqual(await failure('/to-ftp'), { code: 'bad-redirect', message: 'redirect to a ftp: URL' });
    assert.deepEqual(await failure('/no-location'), { code: 'bad-redirect', message: 'HTTP 302 without a usable Location' });
  });

  it('keeps the audit headers on the same origin and drops them across origins', async () => {
    const headers = { authorization: 'Bearer secret', cookie: 'session=2' };
    const same = await fetchDocument(`${origin}/to-same-origin`, { ...options, headers });
    assert.ok(same.ok);
    assert.equal(same.finalUrl, `${origin}/menu.pdf`);
    assert.equal(seen.findLast((entry) => entry.url === '/menu.pdf')!.headers['authorization'], 'Bearer secret');
    const cross = await fetchDocument(`${origin}/to-other-origin`, { ...options, headers });
    assert.ok(cross.ok);
    const request = seen.findLast((entry) => entry.url === 'other/menu.pdf')!;
    assert.equal(request.headers['authorization'], undefined);
    assert.equal(request.headers['cookie'], undefined);
    assert.equal(request.headers['user-agent'], 'welcomemat');
  });

  it('reports HTTP errors and network errors', async () => {
    assert.deepEqual(await failure('/missing.pdf'), { code: 'http-error', message: 'HTTP 404' });
    const closed = await listen(() => undefined);
    await new Promise<void>((resolve) => closed[0].close(() => resolve()));
    const result = await fetchDocument(`${closed[1]}/menu.pdf`, options);
    assert.equal(result.ok ? '' : result.error.code, 'network');
  });

  it('cuts a response that never ends, and one that never starts, at the time limit', async () => {
    assert.deepEqual(await failure('/never-ending.pdf'), { code: 'fetch-timeout', message: 'no complete answer within 1500 ms' });
    assert.deepEqual(await failure('/no-answer.pdf'), { code: 'fetch-timeout', message: 'no complete answer within 1500 ms' });
  });

  it('stops an enormous download at the size limit, counted while streaming or declared up front', async () => {
    const started = Date.now();
    assert.deepEqual(await failure('/enormous.pdf'), { code: 'too-large', message: 'larger than the 1048576-byte limit; the download was stopped' });
    assert.ok(Date.now() - started < 1500, 'stopped by size, not by time');
    assert.deepEqual(await failure('/declared-enormous.pdf'), { code: 'too-large', message: 'Content-Length 10737418240 is over the 1048576-byte limit; not downloaded' });
  });
});
