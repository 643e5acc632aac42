// Unit tests for the crawl scope: hosts, subdomains, path prefix, include/exclude patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScope, type ScopeOptions } from '../../../src/crawl/scope.js';
import { WelcomematError } from '../../../src/errors.js';

function scope(overrides: Partial<ScopeOptions> = {}) {
  return createScope({
    startUrls: ['https://www.example.com/'],
    subdomains: false,
    pathPrefix: '',
    include: [],
    exclude: [],
    ...overrides,
  });
}

test('same host is in scope with either scheme and default port', () => {
  const inScope = scope();
  assert.deepEqual(inScope('https://www.example.com/about'), { inScope: true });
  assert.deepEqual(inScope('http://www.example.com/about'), { inScope: true });
  assert.deepEqual(inScope('https://www.example.com:443/about'), { inScope: true });
});

test('other hosts and ports are out of scope by default', () => {
  const inScope = scope();
  for (const url of ['https://example.com/', 'https://shop.example.com/', 'https://other.org/', 'https://www.example.com:8443/']) {
    const verdict = inScope(url);
    assert.equal(verdict.inScope, false, url);
    assert.equal(verdict.inScope === false && verdict.reason, 'out-of-scope', url);
  }
});

test('non-http and malformed URLs are out of scope', () => {
  const inScope = scope();
  assert.equal(inScope('mailto:a@www.example.com').inScope, false);
  assert.equal(inScope('not a url').inScope, false);
});

test('any of several start URLs puts its host in scope', () => {
  const inScope = scope({ startUrls: ['https://a.test/', 'http://127.0.0.1:8080/'] });
  assert.equal(inScope('https://a.test/x').inScope, true);
  assert.equal(inScope('http://127.0.0.1:8080/y').inScope, true);
  assert.equal(inScope('http://127.0.0.1:9090/y').inScope, false);
});

test('subdomains: the www-less base domain and its subdomains are in scope', () => {
  const inScope = scope({ subdomains: true });
  assert.equal(inScope('https://example.com/').inScope, true);
  assert.equal(inScope('https://shop.example.com/').inScope, true);
  assert.equal(inScope('https://a.b.example.com/').inScope, true);
  assert.equal(inScope('https://badexample.com/').inScope, false);
  assert.equal(inScope('https://example.com.evil.org/').inScope, false);
  assert.equal(inScope('https://shop.example.com:8443/').inScope, false);
});

test('pathPrefix limits paths', () => {
  const inScope = scope({ pathPrefix: '/en/' });
  assert.equal(inScope('https://www.example.com/en/about').inScope, true);
  const verdict = inScope('https://www.example.com/fr/about');
  assert.equal(verdict.inScope, false);
  assert.match(verdict.inScope === false ? verdict.detail : '', /\/en\//);
});

test('glob: * stays within a segment, ** crosses them', () => {
  const single = scope({ exclude: ['/blog/*'] });
  assert.equal(single('https://www.example.com/blog/post').inScope, false);
  assert.equal(single('https://www.example.com/blog/2024/post').inScope, true);
  const double = scope({ exclude: ['/blog/**'] });
  assert.equal(double('https://www.example.com/blog/2024/post').inScope, false);
  assert.equal(double('https://www.example.com/blogger').inScope, true);
});

test('glob without :// matches path and query; with :// the full URL', () => {
  const pathQuery = scope({ exclude: ['/search?*'] });
  assert.equal(pathQuery('https://www.example.com/search?q=x').inScope, false);
  assert.equal(pathQuery('https://www.example.com/search').inScope, true);
  const full = scope({ subdomains: true, exclude: ['https://shop.example.com/**'] });
  assert.equal(full('https://shop.example.com/cart').inScope, false);
  assert.equal(full('https://www.example.com/cart').inScope, true);
});

test('glob treats regex characters literally', () => {
  const inScope = scope({ exclude: ['/a.b(c)'] });
  assert.equal(inScope('https://www.example.com/a.b(c)').inScope, false);
  assert.equal(inScope('https://www.example.com/aXb(c)').inScope, true);
});

test('regex patterns with flags match the full URL', () => {
  const inScope = scope({ exclude: ['/\\.PDF$/i'] });
  const verdict = inScope('https://www.example.com/files/report.pdf');
  assert.deepEqual(verdict, { inScope: false, reason: 'excluded', detail: 'matches exclude pattern "/\\.PDF$/i"' });
  assert.equal(inScope('https://www.example.com/files/report').inScope, true);
});

test('a global-flag regex gives the same verdict every time', () => {
  const inScope = scope({ exclude: ['/private/g'] });
  assert.equal(inScope('https://www.example.com/private').inScope, false);
  assert.equal(inScope('https://www.example.com/private').inScope, false);
});

test('include: when given, a URL must match one', () => {
  const inScope = scope({ include: ['/docs/**', '/\\/help\\//'] });
  assert.equal(inScope('https://www.example.com/docs/a/b').inScope, true);
  assert.equal(inScope('https://www.example.com/help/x').inScope, true);
  const verdict = inScope('https://www.example.com/shop');
  assert.equal(verdict.inScope, false);
  assert.equal(verdict.inScope === false && verdict.reason, 'out-of-scope');
});

test('exclude wins over include', () => {
  const inScope = scope({ include: ['/docs/**'], exclude: ['/docs/old/**'] });
  assert.equal(inScope('https://www.example.com/docs/new').inScope, true);
  const verdict = inScope('https://www.example.com/docs/old/a');
  assert.equal(verdict.inScope === false && verdict.reason, 'excluded');
});

test('an invalid regular expression throws BAD_OPTIONS at creation', () => {
  assert.throws(
    () => scope({ include: ['/(unclosed/'] }),
    (error: unknown) =>
      error instanceof WelcomematError &&
      error.code === 'BAD_OPTIONS' &&
      error.message.startsWith('include pattern "/(unclosed/" is not a valid regular expression: '),
  );
  assert.throws(() => scope({ exclude: ['/[z-a]/'] }), /exclude pattern/);
});

test('a bad start URL throws', () => {
  assert.throws(() => scope({ startUrls: ['nope'] }), (error: unknown) => error instanceof WelcomematError && error.code === 'BAD_URL');
  assert.throws(
    () => scope({ startUrls: ['ftp://example.com/'] }),
    (error: unknown) => error instanceof WelcomematError && error.code === 'UNSUPPORTED_SCHEME',
  );
});
