// Unit tests for robots.txt parsing and loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots, loadRobots, ALLOW_ALL, robotsTokenFor } from '../../../src/crawl/robots.js';
import type { FetchText, FetchedText } from '../../../src/crawl/fetch-text.js';

const ROBOTS_URL = 'https://example.com/robots.txt';

const BODY = [
  'User-agent: *',
  'Disallow: /private/',
  'Crawl-delay: 1.5',
  '',
  'User-agent: otherbot',
  'Disallow: /',
  '',
  'Sitemap: https://example.com/sitemap.xml',
  'Sitemap: /relative-sitemap.xml',
].join('\n');

test('applies the * group when there is no welcomemat group', () => {
  const rules = parseRobots(ROBOTS_URL, BODY, 'welcomemat/0.1');
  assert.equal(rules.isAllowed('https://example.com/private/a'), false);
  assert.equal(rules.isAllowed('https://example.com/public'), true);
  assert.equal(rules.crawlDelayMs, 1500);
});

test('a welcomemat group overrides *', () => {
  const body = 'User-agent: *\nDisallow: /\n\nUser-agent: welcomemat\nDisallow: /admin\n';
  const rules = parseRobots(ROBOTS_URL, body, 'Mozilla/5.0 (compatible; welcomemat/0.1)');
  assert.equal(rules.isAllowed('https://example.com/'), true);
  assert.equal(rules.isAllowed('https://example.com/admin/x'), false);
  assert.equal(rules.crawlDelayMs, undefined);
});

test('robotsTokenFor', () => {
  assert.equal(robotsTokenFor('welcomemat/1.0'), 'welcomemat');
  assert.equal(robotsTokenFor('Mozilla/5.0 welcomemat'), 'welcomemat');
  assert.equal(robotsTokenFor('AgencyBot/2.0 (+https://a.test)'), 'agencybot');
  assert.equal(robotsTokenFor(''), 'welcomemat');
});

test('lists sitemaps as absolute URLs', () => {
  const rules = parseRobots(ROBOTS_URL, BODY, 'welcomemat');
  assert.deepEqual(rules.sitemaps, ['https://example.com/sitemap.xml', 'https://example.com/relative-sitemap.xml']);
});

test('explain quotes the disallowing line', () => {
  const rules = parseRobots(ROBOTS_URL, BODY, 'welcomemat');
  assert.equal(rules.explain('https://example.com/private/x'), `disallowed by ${ROBOTS_URL} line 2: Disallow: /private/`);
  assert.match(rules.explain('https://example.com/ok'), /^allowed/);
});

test('URLs of another origin are not governed by this robots.txt', () => {
  const rules = parseRobots(ROBOTS_URL, 'User-agent: *\nDisallow: /\n', 'welcomemat');
  assert.equal(rules.isAllowed('https://example.com/x'), false);
  assert.equal(rules.isAllowed('https://other.test/x'), true);
});

test('an empty or junk robots.txt allows everything', () => {
  assert.equal(parseRobots(ROBOTS_URL, '', 'welcomemat').isAllowed('https://example.com/a'), true);
  assert.equal(parseRobots(ROBOTS_URL, '<html>not robots</html>', 'welcomemat').isAllowed('https://example.com/a'), true);
});

test('ALLOW_ALL allows everything', () => {
  assert.equal(ALLOW_ALL.isAllowed('https://example.com/anything'), true);
  assert.deepEqual(ALLOW_ALL.sitemaps, []);
  assert.equal(ALLOW_ALL.crawlDelayMs, undefined);
});

function fakeFetch(response: Partial<FetchedText> | Error, seen: string[] = []): FetchText {
  return async (url) => {
    seen.push(url);
    if (response instanceof Error) throw response;
    return { status: 200, contentType: 'text/plain', body: Buffer.alloc(0), finalUrl: url, ...response };
  };
}

test('loadRobots fetches /robots.txt of the origin and parses it', async () => {
  const seen: string[] = [];
  const rules = await loadRobots('https://example.com', fakeFetch({ body: Buffer.from(BODY) }, seen), 'welcomemat');
  assert.deepEqual(seen, ['https://example.com/robots.txt']);
  assert.equal(rules.isAllowed('https://example.com/private/a'), false);
});

test('loadRobots: 4xx, 5xx and network errors allow everything', async () => {
  const disallowAll = Buffer.from('User-agent: *\nDisallow: /\n');
  for (const status of [404, 410, 500, 503]) {
    const rules = await loadRobots('https://example.com', fakeFetch({ status, body: disallowAll }), 'welcomemat');
    assert.equal(rules.isAllowed('https://example.com/a'), true, String(status));
  }
  const failed = await loadRobots('https://example.com', fakeFetch(new Error('ECONNREFUSED')), 'welcomemat');
  assert.equal(failed.isAllowed('https://example.com/a'), true);
});
