// Unit tests for page URL normalisation: same page once, different pages apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePageUrl, isHttpUrl, TRACKING_PARAMS } from '../../../src/crawl/normalize-url.js';
import { isNewRoute } from '../../../src/gather/route-gatherer.js';

test('lowercases scheme and host but keeps path case', () => {
  assert.equal(normalizePageUrl('HTTPS://Example.COM/About/Team'), 'https://example.com/About/Team');
});

test('drops default ports and keeps other ports', () => {
  assert.equal(normalizePageUrl('https://example.com:443/a'), 'https://example.com/a');
  assert.equal(normalizePageUrl('http://example.com:80/a'), 'http://example.com/a');
  assert.equal(normalizePageUrl('http://example.com:8080/a'), 'http://example.com:8080/a');
});

test('drops the fragment', () => {
  assert.equal(normalizePageUrl('https://example.com/a#section-2'), 'https://example.com/a');
  assert.equal(normalizePageUrl('https://example.com/a#:~:text=hello'), 'https://example.com/a');
});

test('keeps a hash route of a single-page app, but not its bare start "#/"', () => {
  assert.equal(normalizePageUrl('https://example.com/?utm_source=x#/menu'), 'https://example.com/#/menu');
  assert.equal(normalizePageUrl('https://example.com/#!/menu/cakes'), 'https://example.com/#!/menu/cakes');
  assert.equal(normalizePageUrl('https://example.com/#/'), 'https://example.com/');
  assert.equal(normalizePageUrl('https://example.com/#//evil'), 'https://example.com/');
});

test('a new route is another path or query, or a hash route; an in-page anchor is not', () => {
  assert.equal(isNewRoute('https://example.com/app/', 'https://example.com/app/menu'), true);
  assert.equal(isNewRoute('https://example.com/app/', 'https://example.com/app/#/menu'), true);
  assert.equal(isNewRoute('https://example.com/app/', 'https://example.com/app/#story'), false);
  assert.equal(isNewRoute('https://example.com/app/', 'https://example.com/app/#'), false);
  assert.equal(isNewRoute('https://example.com/app/', 'https://other.example/app/menu'), false);
});

test('sorts query parameters, keeping the order of repeated keys', () => {
  assert.equal(normalizePageUrl('https://example.com/s?z=1&a=2&a=1'), 'https://example.com/s?a=2&a=1&z=1');
  assert.equal(normalizePageUrl('https://example.com/s?b=2&a=1'), normalizePageUrl('https://example.com/s?a=1&b=2'));
});

test('strips every documented tracking parameter and keeps meaningful ones', () => {
  const tracking =
    'utm_source=a&utm_medium=b&UTM_Campaign=c&gclid=1&fbclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&_gl=7&igshid=8&yclid=9&ref_src=10';
  assert.equal(normalizePageUrl(`https://example.com/p?page=2&${tracking}&lang=fr`), 'https://example.com/p?lang=fr&page=2');
  assert.equal(TRACKING_PARAMS.length, 11);
});

test('removes an empty query', () => {
  assert.equal(normalizePageUrl('https://example.com/about?'), 'https://example.com/about');
  assert.equal(normalizePageUrl('https://example.com/about?utm_source=x'), 'https://example.com/about');
});

test('resolves relative URLs and dot segments against the base', () => {
  assert.equal(normalizePageUrl('../contact', 'https://example.com/a/b/page'), 'https://example.com/a/contact');
  assert.equal(normalizePageUrl('/x/./y/../z', 'https://example.com/'), 'https://example.com/x/z');
  assert.equal(normalizePageUrl('//cdn.example.com/p', 'https://example.com/'), 'https://cdn.example.com/p');
  assert.equal(normalizePageUrl('?q=1', 'https://example.com/search'), 'https://example.com/search?q=1');
});

test('keeps www and the trailing slash', () => {
  assert.equal(normalizePageUrl('https://www.example.com/about/'), 'https://www.example.com/about/');
  assert.notEqual(normalizePageUrl('https://www.example.com/'), normalizePageUrl('https://example.com/'));
});

test('keeps genuinely different URLs apart', () => {
  const distinct = [
    'https://example.com/about',
    'https://example.com/about/',
    'https://example.com/About',
    'https://example.com/about?lang=fr',
    'https://example.com/about?lang=de',
    'https://example.com/about?lang=fr&page=2',
    'http://example.com/about',
    'https://example.com:8443/about',
    'https://example.com/about/index.html',
  ];
  const normalized = new Set(distinct.map((url) => normalizePageUrl(url)));
  assert.equal(normalized.size, distinct.length);
});

test('keeps the root slash', () => {
  assert.equal(normalizePageUrl('https://example.com'), 'https://example.com/');
});

test('strips credentials', () => {
  assert.equal(normalizePageUrl('https://user:secret@example.com/a'), 'https://example.com/a');
});

test('returns null for non-http schemes and malformed input', () => {
  for (const raw of [
    'mailto:a@example.com',
    'tel:+441234',
    'javascript:void(0)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'chrome://settings',
    'http://',
    'not a url',
    '',
  ]) {
    assert.equal(normalizePageUrl(raw), null, raw);
  }
  assert.equal(normalizePageUrl('mailto:a@example.com', 'https://example.com/'), null);
});

test('isHttpUrl accepts only absolute http(s) URLs', () => {
  assert.equal(isHttpUrl('https://example.com/'), true);
  assert.equal(isHttpUrl('http://127.0.0.1:8080/x'), true);
  assert.equal(isHttpUrl('/relative'), false);
  assert.equal(isHttpUrl('ftp://example.com/'), false);
  assert.equal(isHttpUrl('javascript:alert(1)'), false);
});
