// Kills Chromium with SIGKILL in the middle of a crawl: the browser must come back once, the lost pages be retried, nothing audited be lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { audit, type Report } from '../../../src/index.js';
import { observeBrowserLaunches } from '../../../src/browser/browser-session.js';
import { startSiteServer, type RouteHandler, type SiteServer } from '../../../src/demo/site-server.js';
import { page, sendHtml } from '../../helpers/html.js';
import { survivors, watchProcessTree } from '../../helpers/process-tree.js';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

/** Pages on the site besides home: enough that several are in flight when the browser dies. */
const PAGE_COUNT = 12;
/** Each page answers this late, so pages are still loading at the moment of the kill. */
const SLOW_RESPONSE_MS = 700;
/** The kill comes after this many pages are done, so there is audited work that must not be lost. */
const KILL_AFTER_DONE = 3;

describe('the browser process killed mid-crawl', () => {
  let site: SiteServer;
  let report: Report;
  const launched: number[] = [];
  let inFlightAtKill = 0;
  let tree: ReturnType<typeof watchProcessTree>;

  before(async () => {
    const slow: RouteHandler = (req, res) => {
      setTimeout(() => sendHtml(res, page(`Page ${req.url}`, '<p>Slow but fine.</p>')), SLOW_RESPONSE_MS);
    };
    const routes: Record<string, RouteHandler> = {
      '/': (_req, res) => sendHtml(res, page('Home', Array.from({ length: PAGE_COUNT }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(' '))),
    };
    for (let i = 0; i < PAGE_COUNT; i++) routes[`/p${i}`] = slow;
    site = await startSiteServer({ routes });
    const stopObserving = observeBrowserLaunches((pid) => launched.push(pid));
    tree = watchProcessTree(() => launched);
    let done = 0;
    let active = 0;
    let killed = false;
    try {
      report = await audit({
        urls: [`${site.url}/`],
        concurrency: 3,
        useSitemaps: false,
        disabledGatherers: ['keyboard', 'reflow', 'textResize', 'textSpacing'],
        onProgress: (event) => {
          if (event.type === 'page-start') active = event.active;
          if (event.type !== 'page-done') return;
          done++;
          if (done === KILL_AFTER_DONE && !killed) {
            killed = true;
            inFlightAtKill = active;
            process.kill(launched[0], 'SIGKILL');
          }
        },
      });
    } finally {
      stopObserving();
      tree.stop();
    }
  });
  after(() => site?.close());

  it('relaunches the browser exactly once', () => {
    assert.equal(launched.length, 2, `browsers launched: ${launched.join(', ')}`);
    assert.ok(inFlightAtKill >= 2, `pages in flight at the kill: ${inFlightAtKill}`);
  });

  it('audits every page, each once, losing none', () => {
    const paths = report.pages.map((p) => new URL(p.url).pathname).sort();
    const expected = ['/', ...Array.from({ length: PAGE_COUNT }, (_, i) => `/p${i}`)].sort();
    assert.deepEqual(paths, expected);
    assert.deepEqual(report.pages.filter((p) => p.error).map((p) => `${p.url}: ${p.error!.message}`), []);
    assert.equal(report.complete, true);
  });

  it('retried the pages that were in flight', () => {
    const retried = new Set(site.requests.filter((r, i) => r.startsWith('/p') && site.requests.indexOf(r) !== i));
    assert.ok(retried.size >= 1, `requested twice: ${[...retried].join(', ')}`);
  });

  it('leaves no Chromium process behind', async () => {
    const left = await survivors(tree.seen.values());
    assert.ok(tree.seen.size >= 2, 'the watch saw the browser processes');
    assert.deepEqual(left, []);
  });

  it('has no unhandled promise rejection', () => {
    assert.deepEqual(unhandled.map(String), []);
  });
});
