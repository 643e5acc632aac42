// A crawl stopped while its linked documents are being read keeps them in the crawl state: --resume does not read a finished document again and reads the ones that were still waiting.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../../src/index.js';
import type { Report } from '../../../src/index.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { page, sendHtml } from '../../helpers/html.js';
import { printedFixtures } from '../../helpers/pdf-fixtures.js';

describe('linked documents across a stop and --resume', () => {
  let site: SiteServer;
  let folder: string;
  let stopped: Report;
  let resumed: Report;
  /** Opened when the first run has been told to stop: /slow.pdf answers only then. */
  let openGate: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const names = (report: Report) => (report.documents ?? []).map((document) => new URL(document.url).pathname).sort();

  before(async () => {
    const printed = await printedFixtures();
    const interrupt = new AbortController();
    const pdf = (body: Buffer) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(body);
    };
    site = await startSiteServer({
      routes: {
        // Found in this order and read one at a time: first.pdf, then slow.pdf (held), with last.pdf waiting behind it.
        '/': (_req, res) =>
          sendHtml(res, page('Home', '<a href="/first.pdf">Menu</a> <a href="/slow.pdf">Prices</a> <a href="/last.pdf">Allergens</a> <a href="/about">About</a>')),
        '/about': (_req, res) => sendHtml(res, page('About', '<p>We bake.</p> <a href="/more">More</a>')),
        '/more': (_req, res) => sendHtml(res, page('More', '<p>Every day.</p>')),
        '/first.pdf': pdf(printed.good),
        '/slow.pdf': async (_req, res) => {
          // The reader has finished first.pdf by now (one document at a time): time to stop the crawl.
          interrupt.abort();
          await gate;
          pdf(printed.untagged)(_req, res);
        },
        '/last.pdf': pdf(printed.good),
      },
    });
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-resume-documents-'));
    const crawlStatePath = path.join(folder, 'crawl-state.json');
    const options = { urls: [`${site.url}/`], concurrency: 1, useSitemaps: false, disabledGatherers: ['keyboard', 'motion', 'reflow', 'textSpacing', 'textResize'] };
    const first = audit({ ...options, signal: interrupt.signal, crawlStatePath });
    await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
    openGate();
    stopped = await first;
    resumed = await audit({ ...options, crawlStatePath, resumeFrom: crawlStatePath });
  });

  after(async () => {
    openGate();
    await site?.close();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  });

  it('the stopped run reports what it read and lists the waiting document as stopped', () => {
    assert.equal(stopped.complete, false, "the first run stopped");
    assert.ok(names(stopped).includes('/first.pdf'));
    const waiting = (stopped.skippedDocuments ?? []).find((entry) => new URL(entry.url).pathname === '/last.pdf');
    assert.equal(waiting?.reason, 'stopped');
  });

  it('the resumed run has every document once, with the pages that link to them', () => {
    assert.deepEqual(names(resumed), ['/first.pdf', '/last.pdf', '/slow.pdf']);
    for (const document of resumed.documents ?? []) {
      assert.deepEqual(
        document.linkedFrom?.map((link) => new URL(link.url).pathname),
        ['/'],
        `${document.url} keeps the page that links to it`,
      );
    }
    assert.equal(resumed.complete, true);
  });

  it('a document read before the stop is not fetched again; the waiting one is fetched once, after the resume', () => {
    const count = (target: string) => site.requests.filter((request) => request === target).length;
    assert.equal(count('/first.pdf'), 1);
    assert.equal(count('/last.pdf'), 1);
  });
});
