// Unit tests for fetchText against a local HTTP server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchText } from '../../../src/crawl/fetch-text.js';

let server: http.Server;
let origin = '';
const seenHeaders: http.IncomingHttpHeaders[] = [];

/** Bytes the /endless route writes per chunk; small so the cap is hit mid-stream. */
const CHUNK_BYTES = 1024;

before(async () => {
  server = http.createServer((request, response) => {
    seenHeaders.push(request.headers);
    switch (request.url) {
      case '/text':
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('hello');
        return;
      case '/redirect':
        response.writeHead(301, { location: '/text' });
        response.end();
        return;
      case '/missing':
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('not here');
        return;
      case '/no-type':
        response.writeHead(200);
        response.end('x');
        return;
      case '/endless': {
        // Writes until the client goes away, so only the size cap can end the read.
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(CHUNK_BYTES, 'a');
        const timer = setInterval(() => response.write(chunk), 1);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/slow':
        // Never answers; the timeout must fire.
        return;
      default:
        response.writeHead(500);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fetchText = () => createFetchText({ userAgent: 'welcomemat-test/1.0', timeoutMs: 2000, maxBytes: 5000, headers: { 'x-extra': 'yes' } });

test('returns status, content type, body and final URL, and sends the user agent', async () => {
  const result = await fetchText()(`${origin}/text`);
  assert.equal(result.status, 200);
  assert.equal(result.contentType, 'text/plain; charset=utf-8');
  assert.equal(result.body.toString('utf8'), 'hello');
  assert.equal(result.finalUrl, `${origin}/text`);
  const headers = seenHeaders.at(-1);
  assert.equal(headers?.['user-agent'], 'welcomemat-test/1.0');
  assert.equal(headers?.['x-extra'], 'yes');
});

test('follows redirects', async () => {
  const result = await fetchText()(`${origin}/redirect`);
  assert.equal(result.status, 200);
  assert.equal(result.finalUrl, `${origin}/text`);
  assert.equal(result.body.toString('utf8'), 'hello');
});

test('resolves with 4xx statuses instead of throwing', async () => {
  const result = await fetchText()(`${origin}/missing`);
  assert.equal(result.status, 404);
  assert.equal(result.body.toString('utf8'), 'not here');
});

test('an absent Content-Type gives an empty string', async () => {
  assert.equal((await fetchText()(`${origin}/no-type`)).contentType, '');
});

test('stops reading at maxBytes', async () => {
  const result = await fetchText()(`${origin}/endless`);
  assert.equal(result.body.length, 5000);
});

test('rejects on timeout', async () => {
  const quick = createFetchText({ userAgent: 'welcomemat-test', timeoutMs: 100, maxBytes: 100 });
  await assert.rejects(quick(`${origin}/slow`), /could not fetch .*\/slow: timed out/);
});

test('rejects on network errors', async () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused.
  await assert.rejects(fetchText()('http://127.0.0.1:1/'), /could not fetch http:\/\/127\.0\.0\.1:1\//);
});
