// The tab pool in real Chromium: which tabs serve the next page and which are closed.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'puppeteer';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { loadPage } from '../../src/browser/load-page.js';
import { keepTab, takeTab } from '../../src/browser/tab-pool.js';
import { resolveOptions } from '../../src/config/resolve-options.js';

const pages: Record<string, string> = {
  '/plain': '<!doctype html><html lang="en"><title>Plain</title><main><button>Order</button></main></html>',
  // Asks "leave this page?" on the way out, once a click has made that possible.
  '/stay': '<!doctype html><html lang="en"><title>Stay</title><button>Order</button><script>addEventListener("beforeunload", (e) => { e.preventDefault(); e.returnValue = "stay"; })</script></html>',
  // Keeps its main thread busy a moment after load, for ever: the tab can neither answer nor leave.
  '/spins': '<!doctype html><html lang="en"><title>Spins</title><script>setTimeout(() => { for (;;) {} }, 300)</script></html>',
};

describe('tab pool', () => {
  let server: http.Server;
  let origin: string;
  let session: BrowserSession;
  let context: BrowserContext;
  const options = resolveOptions({ urls: ['http://127.0.0.1/'] });

  before(async () => {
    server = http.createServer((req, res) => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' }).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session = await BrowserSession.start(options.browser);
    context = await session.acquire();
  });
  after(async () => {
    session.release(context);
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Takes a tab and loads `path` in it the way a page visit does. */
  const visit = async (path: string) => {
    const tab = await takeTab(context);
    const loaded = await loadPage(tab.page, `${origin}${path}`, options);
    assert.equal(loaded.kind, 'page', `${path} loaded`);
    return tab;
  };

  it('a tab that ended a visit cleanly serves the next page, emptied to about:blank in between', async () => {
    const first = await visit('/plain');
    assert.equal(first.reused, false);
    await keepTab(context, first.page, true);
    assert.equal(first.page.isClosed(), false);
    assert.equal(first.page.url(), 'about:blank');
    const second = await visit('/plain');
    assert.equal(second.reused, true);
    assert.equal(second.page, first.page);
    assert.equal(second.guard, first.guard, 'the tab keeps its one navigation guard');
    await keepTab(context, second.page, true);
  });

  it('a visit that did not end cleanly closes its tab', async () => {
    const tab = await visit('/plain');
    await keepTab(context, tab.page, false);
    assert.equal(tab.page.isClosed(), true);
    const next = await takeTab(context);
    assert.notEqual(next.page, tab.page);
    await keepTab(context, next.page, false);
  });

  it('a page that asks before it is left (beforeunload, after a click) is left all the same, and its tab kept', async () => {
    const tab = await visit('/stay');
    await tab.page.click('button');
    await keepTab(context, tab.page, true);
    assert.equal(tab.page.isClosed(), false);
    assert.equal(tab.page.url(), 'about:blank');
    const next = await visit('/plain');
    assert.equal(next.page, tab.page);
    await keepTab(context, next.page, false);
  });

  it('a kept tab closed meanwhile is passed over', async () => {
    const tab = await visit('/plain');
    await keepTab(context, tab.page, true);
    await tab.page.close();
    const next = await takeTab(context);
    assert.equal(next.reused, false);
    assert.notEqual(next.page, tab.page);
    await keepTab(context, next.page, false);
  });

  it('a tab keeps its keyboard focus, and its focus ring, when another tab comes to the front', async () => {
    const walked = await visit('/plain');
    const other = await visit('/plain');
    try {
      await walked.page.keyboard.press('Tab');
      // puppeteer brings a tab to the front to take its screenshot; without focus emulation the walked tab loses focus here.
      await other.page.screenshot();
      const focus = await walked.page.evaluate(() => {
        const active = document.activeElement!;
        return { hasFocus: document.hasFocus(), tag: active.localName, focusVisible: active.matches(':focus-visible'), outline: getComputedStyle(active).outlineStyle };
      });
      assert.deepEqual(focus, { hasFocus: true, tag: 'button', focusVisible: true, outline: 'auto' });
    } finally {
      await keepTab(context, walked.page, false);
      await keepTab(context, other.page, false);
    }
  });

  it('a tab whose script never yields is not waited on: emptied in time or closed', async () => {
    const tab = await visit('/spins');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const started = Date.now();
    await keepTab(context, tab.page, true);
    const tookMs = Date.now() - started;
    // Chromium may put about:blank in a new renderer and leave the busy one behind; either way the page is gone.
    assert.ok(tab.page.isClosed() || tab.page.url() === 'about:blank', `left on ${tab.page.url()}`);
    // The 2 s for leaving and the close; the protocol's own timeout is a minute.
    assert.ok(tookMs < 30_000, `keepTab took ${tookMs} ms`);
  });
});
