// Unit tests for the demo/fixture static server: routes, files, redirects, 404, traversal, types, substitutions.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentTypeFor, startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request with the target exactly as given (fetch would normalise `..`). */
function rawGet(server: SiteServer, target: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolveResponse, rejectResponse) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: target, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', rejectResponse);
    });
    req.on('error', rejectResponse);
    req.end();
  });
}

describe('startSiteServer', () => {
  let parent: string;
  let root: string;
  let server: SiteServer;

  before(async () => {
    parent = await mkdtemp(join(tmpdir(), 'welcomemat-site-server-'));
    root = join(parent, 'site');
    await mkdir(join(root, 'docs'), { recursive: true });
    await mkdir(join(root, 'empty'), { recursive: true });
    await writeFile(join(parent, 'secret.txt'), 'outside the root');
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Home</title><a href="{{ORIGIN}}/docs/">Docs</a>');
    await writeFile(join(root, 'docs', 'index.html'), '<!doctype html><title>Docs</title>');
    await writeFile(join(root, 'style.css'), 'body { color: #222; } /* {{ORIGIN}} stays */');
    await writeFile(join(root, 'sitemap.xml'), '<urlset><url><loc>{{ORIGIN}}/</loc></url></urlset>');
    await writeFile(join(root, 'robots.txt'), 'Sitemap: {{ORIGIN}}/sitemap.xml\nContact: {{EMAIL}}\n');
    await writeFile(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(root, 'static.txt'), 'file body');
    await writeFile(join(root, 'caf\u00e9 menu.txt'), 'accented name');
    server = await startSiteServer({
      root,
      substitutions: { '{{EMAIL}}': 'hello@example.test' },
      routes: {
        '/api/hello': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"hello":"world"}');
        },
        '/static.txt': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('from route');
        },
        '/boom': () => {
          throw new Error('route failed');
        },
      },
    });
  });

  after(async () => {
    await server.close();
    await rm(parent, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with a free port and a url without trailing slash', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  it('serves index.html for / and for /dir/', async () => {
    const home = await rawGet(server, '/');
    assert.equal(home.status, 200);
    assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(home.body, /<title>Home<\/title>/);
    const docs = await rawGet(server, '/docs/');
    assert.equal(docs.status, 200);
    assert.match(docs.body, /<title>Docs<\/title>/);
  });

  it('redirects a directory without trailing slash, keeping the query', async () => {
    const res = await rawGet(server, '/docs?x=1');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/docs/?x=1');
  });

  it('answers 404 with a small HTML page for unknown paths and index-less directories', async () => {
    for (const target of ['/nope.html', '/empty/', '/docs/missing/']) {
      const res = await rawGet(server, target);
      assert.equal(res.status, 404, target);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(res.body, /<html lang="en">/);
      assert.match(res.body, /Page not found/);
    }
  });

  it('lets routes win over files and ignores the query when matching', async () => {
    const overridden = await rawGet(server, '/static.txt');
    assert.equal(overridden.body, 'from route');
    const api = await rawGet(server, '/api/hello?lang=fr');
    assert.equal(api.status, 200);
    assert.deepEqual(JSON.parse(api.body), { hello: 'world' });
  });

  it('turns a throwing route into a 500', async () => {
    const res = await rawGet(server, '/boom');
    assert.equal(res.status, 500);
  });

  it('blocks path traversal with 403', async () => {
    for (const target of ['/../secret.txt', '/docs/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\secret.txt']) {
      const res = await rawGet(server, target);
      assert.equal(res.status, 403, target);
      assert.doesNotMatch(res.body, /outside the root/);
    }
  });

  it('rejects undecodable paths and NUL bytes with 400', async () => {
    assert.equal((await rawGet(server, '/%E0%A4%A')).status, 400);
    assert.equal((await rawGet(server, '/index.html%00.txt')).status, 400);
  });

  it('decodes percent-encoded file names', async () => {
    const res = await rawGet(server, '/caf%C3%A9%20menu.txt');
    assert.equal(res.status, 200);
    assert.equal(res.body, 'accented name');
  });

  it('sends the right content types', async () => {
    assert.equal((await rawGet(server, '/style.css')).headers['content-type'], 'text/css; charset=utf-8');
    assert.equal((await rawGet(server, '/logo.svg')).headers['content-type'], 'image/svg+xml');
    assert.equal((await rawGet(server, '/sitemap.xml')).headers['content-type'], 'application/xml; charset=utf-8');
    assert.equal((await rawGet(server, '/robots.txt')).headers['content-type'], 'text/plain; charset=utf-8');
    const expected: Record<string, string> = {
      'a.html': 'text/html; charset=utf-8',
      'a.js': 'text/javascript; charset=utf-8',
      'a.png': 'image/png',
      'a.JPG': 'image/jpeg',
      'a.gif': 'image/gif',
      'a.webp': 'image/webp',
      'a.pdf': 'application/pdf',
      'a.json': 'application/json; charset=utf-8',
      'a.vtt': 'text/vtt; charset=utf-8',
      'a.mp4': 'video/mp4',
      'a.webm': 'video/webm',
      'favicon.ico': 'image/x-icon',
      'a.woff2': 'font/woff2',
      'sitemap.xml.gz': 'application/gzip',
      'a.unknown': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(expected)) assert.equal(contentTypeFor(name), type, name);
  });

  it('substitutes {{ORIGIN}} and custom placeholders in html, xml and txt only', async () => {
    assert.match((await rawGet(server, '/')).body, new RegExp(`href="${server.url}/docs/"`));
    assert.equal((await rawGet(server, '/sitemap.xml')).body, `<urlset><url><loc>${server.url}/</loc></url></urlset>`);
    const robots = await rawGet(server, '/robots.txt');
    assert.equal(robots.body, `Sitemap: ${server.url}/sitemap.xml\nContact: hello@example.test\n`);
    assert.equal(Number(robots.headers['content-length']), Buffer.byteLength(robots.body));
    assert.match((await rawGet(server, '/style.css')).body, /\{\{ORIGIN\}\} stays/);
  });

  it('answers HEAD without a body and refuses other methods on files', async () => {
    const head = await rawGet(server, '/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal((await rawGet(server, '/', 'POST')).status, 405);
  });

  it('records requested paths in order', async () => {
    const fresh = await startSiteServer({ root });
    try {
      await rawGet(fresh, '/');
      await rawGet(fresh, '/robots.txt');
      await rawGet(fresh, '/nope?x=1');
      assert.deepEqual(fresh.requests, ['/', '/robots.txt', '/nope?x=1']);
    } finally {
      await fresh.close();
    }
  });

  it('serves only routes when there is no root, and closes fast with keep-alive sockets open', async () => {
    const routesOnly = await startSiteServer({
      routes: { '/ok': (_req, res) => void res.end('ok') },
    });
    const res = await fetch(`${routesOnly.url}/ok`); // fetch keeps the socket alive
    assert.equal(await res.text(), 'ok');
    assert.equal((await fetch(`${routesOnly.url}/index.html`)).status, 404);
    const started = Date.now();
    await routesOnly.close();
    await routesOnly.close(); // idempotent
    // Generous bound: a lingering keep-alive socket would hold close() for ~5 s.
    assert.ok(Date.now() - started < 2000);
  });
});
