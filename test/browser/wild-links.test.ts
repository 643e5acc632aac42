// Staging copies and links that lead nowhere, crawled in real Chromium: which pages are audited on the copy, and exactly which links are reported.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../src/index.js';
import type { Report } from '../../src/index.js';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.js';
import { renderers } from '../../src/report/renderers/index.js';
import { page, sendHtml } from '../helpers/html.js';

/** Gatherers these tests do not need: the crawl and the link check read the DOM snapshot only. */
const QUICK = { concurrency: 1, disabledGatherers: ['keyboard', 'reflow', 'textResize', 'textSpacing', 'motion'] };

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const LIVE = 'https://www.welcomemat-live.invalid';

describe('a staging copy whose sitemap and links name the live origin', () => {
  let site: SiteServer;
  let report: Report;

  before(async () => {
    site = await startSiteServer({
      routes: {
        '/': (_req, res) => sendHtml(res, page('Home', `<nav><a href="${LIVE}/contact">Contact</a> <a href="/about">About</a></nav>`)),
        '/about': (_req, res) => sendHtml(res, page('About', '<p>We bake.</p>')),
        '/contact': (_req, res) => sendHtml(res, page('Contact', '<p>Call us.</p>')),
        '/only-in-sitemap': (_req, res) => sendHtml(res, page('Sitemap only', '<p>Found through the sitemap.</p>')),
        '/sitemap.xml': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${LIVE}/</loc></url><url><loc>${LIVE}/only-in-sitemap</loc></url></urlset>`);
        },
      },
    });
    report = await audit({ urls: [`${site.url}/`], rewriteOrigins: [`${LIVE}=${site.url}`], ...QUICK });
  });
  after(() => site?.close());

  it('audits the live URLs on the copy, each once, and never asks the live origin', () => {
    const audited = report.pages.filter((p) => !p.error).map((p) => p.finalUrl).sort();
    assert.deepEqual(audited, [`${site.url}/`, `${site.url}/about`, `${site.url}/contact`, `${site.url}/only-in-sitemap`]);
    assert.deepEqual(report.skipped.filter((s) => s.url.startsWith(LIVE)), []);
  });

  it('says so in the report', async () => {
    // Markdown escapes punctuation; compare the text as a reader sees it.
    const text = String(await renderers.md.render(report, { outDir: '/tmp', locale: 'en' })).replace(/\\(.)/g, '$1');
    assert.match(text, new RegExp(`Audited on a copy of the site: addresses on ${LIVE.replace(/\./g, '\\.')} \\(in its sitemaps and links\\) were audited on ${site.url.replace(/\./g, '\\.')}\\.`));
  });
});

describe('links that lead nowhere', () => {
  let site: SiteServer;
  let refusedPort: number;

  before(async () => {
    refusedPort = await closedPort();
    site = await startSiteServer({
      routes: {
        '/': (_req, res) =>
          sendHtml(
            res,
            page(
              'Home',
              `<ul>
                <li><a id="to-missing" href="/missing">Old prices</a></li>
                <li><a id="to-gone" href="/gone">Winter menu</a></li>
                <li><a id="to-about" href="/about">About</a></li>
                <li><a id="to-unknown" href="http://no-such-bakery.invalid/">Our partner</a></li>
                <li><a id="to-refused" href="http://127.0.0.1:${refusedPort}/shop">Shop</a></li>
                <li><a id="malformed" href="http://exa mple.com/">Typo</a></li>
                <li><a id="mail" href="mailto:hello@example.com">Mail us</a></li>
                <li><a id="phone" href="tel:+441632960451">Call us</a></li>
              </ul>`,
            ),
          ),
        '/about': (_req, res) => sendHtml(res, page('About', '<p><a id="again-missing" href="/missing">Prices</a></p>')),
        '/missing': (_req, res) => sendHtml(res, page('Not found', '<p>Nothing here.</p>'), 404),
        '/gone': (_req, res) => sendHtml(res, page('Gone', '<p>Gone for good.</p>'), 410),
      },
    });
  });
  after(() => site?.close());

  const nowhere = (report: Report) =>
    report.findings
      .filter((f) => f.ruleId === 'links-lead-nowhere')
      .map((f) => `${new URL(f.url).pathname} ${f.selector} ${f.message}`)
      .sort();

  it('reports in-scope 404/410 targets and malformed hrefs by default, with the page and link text, never mail or phone links', async () => {
    const report = await audit({ urls: [`${site.url}/`], useSitemaps: false, ...QUICK });
    assert.deepEqual(nowhere(report), [
      `/ #malformed The link "Typo" goes to http://exa%20mple.com/, which is not a valid web address.`,
      `/ #to-gone The link "Winter menu" goes to ${site.url}/gone, which answers "gone" (HTTP 410).`,
      `/ #to-missing The link "Old prices" goes to ${site.url}/missing, which answers "not found" (HTTP 404).`,
      `/about #again-missing The link "Prices" goes to ${site.url}/missing, which answers "not found" (HTTP 404).`,
    ]);
    // Out-of-scope targets are not requested without the option.
    assert.equal(site.requests.filter((target) => target === '/shop').length, 0);
    assert.equal(report.fixes.filter((fix) => fix.ruleId === 'links-lead-nowhere').length, 1);
  });

  it('with --check-external-links, also reports unknown hosts and refused connections', async () => {
    const report = await audit({ urls: [`${site.url}/`], useSitemaps: false, externalLinks: { check: true }, ...QUICK });
    assert.deepEqual(nowhere(report), [
      `/ #malformed The link "Typo" goes to http://exa%20mple.com/, which is not a valid web address.`,
      `/ #to-gone The link "Winter menu" goes to ${site.url}/gone, which answers "gone" (HTTP 410).`,
      `/ #to-missing The link "Old prices" goes to ${site.url}/missing, which answers "not found" (HTTP 404).`,
      `/ #to-refused The link "Shop" goes to http://127.0.0.1:${refusedPort}/shop, which refuses the connection.`,
      `/ #to-unknown The link "Our partner" goes to http://no-such-bakery.invalid/, which is on a host name that does not exist.`,
      `/about #again-missing The link "Prices" goes to ${site.url}/missing, which answers "not found" (HTTP 404).`,
    ]);
  });
});
