// Unit tests for sitemap parsing (XML, gzip, text, index) and collection across indexes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { parseSitemap, collectSitemapUrls } from '../../../src/crawl/sitemap.js';
import type { FetchText } from '../../../src/crawl/fetch-text.js';

function urlset(urls: string[]): string {
  const entries = urls.map((url) => `  <url><loc>${url}</loc><lastmod>2024-01-01</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>`;
}

function sitemapIndex(urls: string[]): string {
  const entries = urls.map((url) => `<sitemap><loc>${url}</loc></sitemap>`).join('');
  return `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>`;
}

test('parses a urlset', () => {
  const parsed = parseSitemap(urlset(['https://x.test/', 'https://x.test/a?b=1&amp;c=2']));
  assert.deepEqual(parsed, { pageUrls: ['https://x.test/', 'https://x.test/a?b=1&c=2'], sitemapUrls: [] });
});

test('parses a urlset with a single entry and whitespace around loc', () => {
  const parsed = parseSitemap('<urlset><url><loc>\n  https://x.test/only\n</loc></url></urlset>');
  assert.deepEqual(parsed.pageUrls, ['https://x.test/only']);
});

test('parses a namespace-prefixed urlset', () => {
  const xml = '<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc>https://x.test/p</sm:loc></sm:url></sm:urlset>';
  assert.deepEqual(parseSitemap(xml).pageUrls, ['https://x.test/p']);
});

test('parses a sitemap index', () => {
  const parsed = parseSitemap(sitemapIndex(['https://x.test/s1.xml', 'https://x.test/s2.xml.gz']));
  assert.deepEqual(parsed, { pageUrls: [], sitemapUrls: ['https://x.test/s1.xml', 'https://x.test/s2.xml.gz'] });
});

test('gunzips a gzip sitemap detected by magic bytes', () => {
  const gz = gzipSync(Buffer.from(urlset(['https://x.test/zipped'])));
  assert.deepEqual(parseSitemap(gz).pageUrls, ['https://x.test/zipped']);
});

test('parses a Buffer with a byte order mark', () => {
  assert.deepEqual(parseSitemap(Buffer.from(`\uFEFF${urlset(['https://x.test/bom'])}`)).pageUrls, ['https://x.test/bom']);
});

test('parses a plain-text sitemap, skipping non-URL lines', () => {
  const text = 'https://x.test/a\r\nhttps://x.test/b\n\nnot a url\nmailto:a@x.test\n';
  assert.deepEqual(parseSitemap(text), { pageUrls: ['https://x.test/a', 'https://x.test/b'], sitemapUrls: [] });
});

test('drops non-http locs', () => {
  assert.deepEqual(parseSitemap(urlset(['ftp://x.test/f', 'https://x.test/ok', 'javascript:x'])).pageUrls, ['https://x.test/ok']);
});

test('malformed input gives an empty result, never throws', () => {
  const empty = { pageUrls: [], sitemapUrls: [] };
  assert.deepEqual(parseSitemap('<urlset><url><loc>https://x.test/</loc></url>'), empty);
  assert.deepEqual(parseSitemap('<html><body>Not found</body></html>'), empty);
  assert.deepEqual(parseSitemap(Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02])), empty);
  assert.deepEqual(parseSitemap(''), empty);
  assert.deepEqual(parseSitemap('<<<>>>'), empty);
});

/** A FetchText over a map of URL → body; unknown URLs are 404, bodies that are Errors reject. */
function fakeSite(pages: Record<string, string | Buffer | Error>, fetched: string[] = []): FetchText {
  return async (url) => {
    fetched.push(url);
    const body = pages[url];
    if (body instanceof Error) throw body;
    if (body === undefined) return { status: 404, contentType: 'text/html', body: Buffer.from('nope'), finalUrl: url };
    return { status: 200, contentType: 'application/xml', body: Buffer.from(body), finalUrl: url };
  };
}

test('follows an index breadth-first and normalizes and dedupes page URLs', async () => {
  const fetched: string[] = [];
  const site = fakeSite(
    {
      'https://x.test/sitemap.xml': sitemapIndex(['https://x.test/a.xml', 'https://x.test/b.xml.gz']),
      'https://x.test/a.xml': urlset(['https://x.test/1', 'https://X.test/1#top', 'https://x.test/2?utm_source=z']),
      'https://x.test/b.xml.gz': gzipSync(Buffer.from(urlset(['https://x.test/3']))),
    },
    fetched,
  );
  const result = await collectSitemapUrls({ seeds: ['https://x.test/sitemap.xml'], fetchText: site, maxUrls: 100, maxSitemaps: 10 });
  assert.deepEqual(result.urls, ['https://x.test/1', 'https://x.test/2', 'https://x.test/3']);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(fetched, ['https://x.test/sitemap.xml', 'https://x.test/a.xml', 'https://x.test/b.xml.gz']);
});

test('an index loop is read once per sitemap and ends', async () => {
  const fetched: string[] = [];
  const site = fakeSite(
    {
      'https://x.test/a.xml': sitemapIndex(['https://x.test/b.xml', 'https://x.test/a.xml']),
      'https://x.test/b.xml': sitemapIndex(['https://x.test/a.xml', 'https://x.test/c.xml']),
      'https://x.test/c.xml': urlset(['https://x.test/page']),
    },
    fetched,
  );
  const result = await collectSitemapUrls({ seeds: ['https://x.test/a.xml', 'https://x.test/a.xml'], fetchText: site, maxUrls: 100, maxSitemaps: 100 });
  assert.deepEqual(result.urls, ['https://x.test/page']);
  assert.deepEqual(fetched, ['https://x.test/a.xml', 'https://x.test/b.xml', 'https://x.test/c.xml']);
});

test('stops at maxUrls', async () => {
  const site = fakeSite({ 'https://x.test/s.xml': urlset(['https://x.test/1', 'https://x.test/2', 'https://x.test/3']) });
  const result = await collectSitemapUrls({ seeds: ['https://x.test/s.xml'], fetchText: site, maxUrls: 2, maxSitemaps: 10 });
  assert.deepEqual(result.urls, ['https://x.test/1', 'https://x.test/2']);
});

test('stops at maxSitemaps and says so', async () => {
  const fetched: string[] = [];
  const site = fakeSite(
    {
      'https://x.test/index.xml': sitemapIndex(['https://x.test/a.xml', 'https://x.test/b.xml']),
      'https://x.test/a.xml': urlset(['https://x.test/a']),
      'https://x.test/b.xml': urlset(['https://x.test/b']),
    },
    fetched,
  );
  const result = await collectSitemapUrls({ seeds: ['https://x.test/index.xml'], fetchText: site, maxUrls: 100, maxSitemaps: 2 });
  assert.deepEqual(result.urls, ['https://x.test/a']);
  assert.equal(fetched.length, 2);
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0] ?? '', /stopped after 2 sitemaps/);
});

test('a failing sitemap adds an error and the rest go on', async () => {
  const site = fakeSite({
    'https://x.test/index.xml': sitemapIndex(['https://x.test/missing.xml', 'https://x.test/down.xml', 'https://x.test/junk.xml', 'https://x.test/ok.xml']),
    'https://x.test/down.xml': new Error('connection reset'),
    'https://x.test/junk.xml': '<html>oops',
    'https://x.test/ok.xml': urlset(['https://x.test/fine']),
  });
  const result = await collectSitemapUrls({ seeds: ['https://x.test/index.xml'], fetchText: site, maxUrls: 100, maxSitemaps: 10 });
  assert.deepEqual(result.urls, ['https://x.test/fine']);
  assert.equal(result.errors.length, 3);
  assert.match(result.errors[0] ?? '', /missing\.xml: HTTP 404/);
  assert.match(result.errors[1] ?? '', /down\.xml: connection reset/);
  assert.match(result.errors[2] ?? '', /junk\.xml: no URLs found/);
});
