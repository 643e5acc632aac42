// Lighthouse on the same Chromium via a puppeteer page: scores for a local page, a failure recorded (not thrown) for a dead one.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer';
import { runLighthouse, samplePages } from '../../../src/lighthouse/run-lighthouse.js';
import { makeSampleReport } from '../../helpers/sample-report.js';
import { launchTestBrowser } from '../../helpers/test-browser.js';

let browser: Browser;
let server: http.Server;
let origin: string;

before(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>Fixture</title><meta name="viewport" content="width=device-width"></head><body><h1>Hello</h1><p>Fresh bread every morning.</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('Lighthouse', () => {
  it('samples the start page first, then spread-out pages', () => {
    const report = makeSampleReport({ pages: 20 });
    const urls = samplePages(report.pages, report.startUrls, 3);
    assert.equal(urls[0], report.pages[0].finalUrl);
    assert.equal(urls.length, 4);
    assert.equal(new Set(urls).size, 4);
  });

  it('scores performance, SEO and best practices (no accessibility) and records a failure without throwing', async () => {
    // Port 9 (discard) on loopback: nothing listens, so the load fails fast.
    const summary = await runLighthouse([`${origin}/`, 'http://127.0.0.1:9/'], { newPage: () => browser.newPage(), budgetMs: 90_000 });
    assert.match(summary.version, /^\d+\.\d+/);
    const [good, bad] = summary.pages;
    assert.deepEqual(good.scores.map((score) => score.id), ['performance', 'seo', 'best-practices']);
    assert.ok(good.scores.every((score) => score.score === null || (score.score >= 0 && score.score <= 100)), JSON.stringify(good));
    assert.ok(good.scores.some((score) => typeof score.score === 'number'), JSON.stringify(good));
    assert.ok(bad.error, `a dead page is recorded as an error: ${JSON.stringify(bad)}`);
  });
});
