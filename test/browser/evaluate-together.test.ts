// Several in-page functions in one round trip, in real Chromium: results by name, in order, and under a page's strictest Content-Security-Policy.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'puppeteer';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { evaluateTogether, inPage } from '../../src/browser/evaluate-together.js';
import { openTab } from '../../src/browser/open-tab.js';
import { resolveOptions } from '../../src/config/resolve-options.js';

// No script may run, eval is forbidden and every script sink needs a Trusted Type.
const STRICT_CSP = "default-src 'none'; script-src 'none'; require-trusted-types-for 'script'";

function markItems(className: string): number {
  const items = document.querySelectorAll('li');
  items.forEach((li) => li.classList.add(className));
  return items.length;
}

function readMarked(className: string, quote: string): { marked: number; quote: string } {
  return { marked: document.querySelectorAll(`li.${className}`).length, quote };
}

function fail(): never {
  throw new Error('in-page failure');
}

describe('evaluateTogether', () => {
  let server: http.Server;
  let origin: string;
  let session: BrowserSession;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': STRICT_CSP });
      res.end('<!doctype html><html lang="en"><title>Strict</title><ul><li>one</li><li>two</li><li>three</li></ul></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session = await BrowserSession.start(resolveOptions({ urls: [origin] }).browser);
    context = await session.acquire();
    page = await openTab(context);
    await page.goto(`${origin}/`);
  });
  after(async () => {
    session?.release(context);
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('runs the calls in the order given and returns each result by name, on a page whose policy forbids every script', async () => {
    const quote = 'a "quoted" </script> \u2028 line';
    const results = await evaluateTogether(page, {
      marked: inPage(markItems, 'seen'),
      read: inPage(readMarked, 'seen', quote),
    });
    assert.deepEqual(results, { marked: 3, read: { marked: 3, quote } });
  });

  it('fails as a whole when one call throws', async () => {
    await assert.rejects(evaluateTogether(page, { fine: inPage(markItems, 'again'), broken: inPage(fail) }), /in-page failure/);
  });
});
