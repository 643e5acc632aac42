// Single-page apps in real Chromium: routes reachable only through buttons and script (pushState and hash routers) are found, audited once each, and a route that renders "not found" is a link that leads nowhere.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../src/index.js';
import type { Report } from '../../src/index.js';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.js';
import { sendHtml } from '../helpers/html.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/spa/', import.meta.url));

/** Gatherers these tests do not need: the crawl reads the DOM snapshot and the routes. */
const QUICK = { concurrency: 1, useSitemaps: false, disabledGatherers: ['keyboard', 'reflow', 'textResize', 'textSpacing', 'motion'] };

describe('single-page apps', () => {
  let site: SiteServer;
  let historyReport: Report;
  let hashReport: Report;

  before(async () => {
    const historyApp = await readFile(`${fixtures}history-app.html`, 'utf8');
    const hashApp = await readFile(`${fixtures}hash-app.html`, 'utf8');
    // The server answers every app path with the app, as single-page-app hosting does.
    const shell = (html: string) => (_req: unknown, res: Parameters<typeof sendHtml>[0]) => sendHtml(res, html);
    const routes = Object.fromEntries(['/app/', '/app/menu', '/app/visit', '/app/hours', '/app/basket', '/app/offers-2019'].map((path) => [path, shell(historyApp)]));
    site = await startSiteServer({ routes: { ...routes, '/hash/': shell(hashApp) } });
    historyReport = await audit({ urls: [`${site.url}/app/`], ...QUICK });
    hashReport = await audit({ urls: [`${site.url}/hash/`], ...QUICK });
  });
  after(() => site?.close());

  const audited = (report: Report) =>
    report.pages
      .filter((p) => !p.error)
      .map((p) => `${p.foundBy} ${p.finalUrl.slice(site.url.length)}`)
      .sort();
  const nowhere = (report: Report) =>
    report.findings
      .filter((f) => f.ruleId === 'links-lead-nowhere')
      .map((f) => `${f.url.slice(site.url.length)} ${f.message.replace(site.url, '')}`)
      .sort();

  it('pushState: audits exactly the routes the menu buttons and the href="#" link lead to', () => {
    assert.deepEqual(audited(historyReport), ['route /app/hours', 'route /app/menu', 'route /app/visit', 'start /app/']);
  });

  it('pushState: the route that renders "not found" is a link that leads nowhere on every page showing it, not an audited page', () => {
    const message = 'The link "Old offers" goes to /app/offers-2019, which shows a "not found" page (though the server says all is well).';
    assert.deepEqual(nowhere(historyReport), ['/app/', '/app/hours', '/app/menu', '/app/visit'].map((page) => `${page} ${message}`));
  });

  it('hash routes: audits each route with its own URL, and not in-page anchors', () => {
    assert.deepEqual(audited(hashReport), ['route /hash/#/menu', 'route /hash/#/visit', 'start /hash/']);
    const message = 'The link "Old offers" goes to /hash/#/old-offers, which shows a "not found" page (though the server says all is well).';
    assert.deepEqual(nowhere(hashReport), ['/hash/', '/hash/#/menu', '/hash/#/visit'].map((page) => `${page} ${message}`));
  });
});
