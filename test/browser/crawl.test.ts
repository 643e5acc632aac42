// Crawls a fixture site in real Chromium and checks exactly which pages were audited, failed and skipped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../src/index.js';
import type { Report } from '../../src/index.js';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.js';
import { page, sendHtml } from '../helpers/html.js';

describe('crawling a small site', () => {
  let site: SiteServer;
  let elsewhere: SiteServer;
  let report: Report;

  before(async () => {
    elsewhere = await startSiteServer({ routes: { '/elsewhere': (_req, res) => sendHtml(res, page('Elsewhere', '<p>Another site.</p>')) } });
    site = await startSiteServer({
      routes: {
        '/': (_req, res) =>
          sendHtml(
            res,
            page(
              'Home',
              `<nav><ul>
                <li><a href="/about#team">About</a></li>
                <li><a href="/old-page">Old contact page</a></li>
                <li><a href="/contact?utm_source=newsletter">Contact</a></li>
                <li><a href="/missing">Missing</a></li>
                <li><a href="/menu.pdf">Menu (PDF)</a></li>
                <li><a href="/download">Price list</a></li>
                <li><a href="/private/secret">Staff</a></li>
                <li><a href="${elsewhere.url}/elsewhere">Partner</a></li>
                <li><a href="mailto:hello@example.com">Mail us</a></li>
                <li><a href="javascript:void(0)">Nothing</a></li>
              </ul></nav>`,
            ),
          ),
        '/about': (_req, res) => sendHtml(res, page('About', '<p>We bake.</p><img src="/logo.png" id="logo-without-alt">')),
        '/old-page': (_req, res) => {
          res.writeHead(301, { location: '/contact' });
          res.end();
        },
        '/contact': (_req, res) => sendHtml(res, page('Contact', '<form><input type="text" id="unlabelled-name"></form>')),
        '/only-in-sitemap': (_req, res) => sendHtml(res, page('Sitemap only', '<p>Found through the sitemap.</p>')),
        '/missing': (_req, res) => sendHtml(res, page('Not found', '<p>Gone.</p>'), 404),
        '/download': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="prices.bin"' });
          res.end('binary');
        },
        '/private/secret': (_req, res) => sendHtml(res, page('Secret', '<p>Should never be loaded.</p>')),
        '/logo.png': (_req, res) => {
          res.writeHead(404);
          res.end();
        },
        '/robots.txt': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`User-agent: *\nDisallow: /private/\nSitemap: ${site.url}/sitemap.xml\n`);
        },
        '/sitemap.xml': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.url}/</loc></url><url><loc>${site.url}/only-in-sitemap</loc></url></urlset>`);
        },
      },
    });
    report = await audit({ urls: [`${site.url}/`], concurrency: 1, checks: {}, maxDocuments: 0 });
    if (process.env.DUMP_REPORT) console.log(JSON.stringify({ pages: report.pages, skipped: report.skipped }, null, 1));
  });

  after(async () => {
    await site?.close();
    await elsewhere?.close();
  });

  const path = (url: string) => new URL(url).pathname;

  it('audits exactly the in-scope HTML pages, each final URL once', () => {
    const audited = report.pages.filter((p) => !p.error).map((p) => path(p.finalUrl)).sort();
    assert.deepEqual(audited, ['/', '/about', '/contact', '/only-in-sitemap']);
  });

  it('records the redirect and its final URL', () => {
    const redirected = report.pages.find((p) => path(p.url) === '/old-page');
    assert.ok(redirected, 'the redirecting URL is audited under its final URL');
    assert.equal(path(redirected.finalUrl), '/contact');
    assert.deepEqual(redirected.redirects.map(path), ['/old-page']);
    const duplicate = report.skipped.find((s) => path(s.url) === '/contact');
    assert.equal(duplicate?.reason, 'duplicate-final-url');
  });

  it('reports a 404 as a page-level error and goes on', () => {
    const missing = report.pages.find((p) => path(p.url) === '/missing');
    assert.equal(missing?.error?.code, 'http-error');
    assert.equal(missing?.status, 404);
  });

  it('lists non-HTML (documents off), robots-excluded and out-of-scope URLs as not audited', () => {
    const reasonOf = (suffix: string) => report.skipped.find((s) => s.url.endsWith(suffix))?.reason;
    assert.equal(reasonOf('/menu.pdf'), 'not-html');
    assert.equal(reasonOf('/download'), 'not-html');
    assert.equal(reasonOf('/private/secret'), 'robots-disallowed');
    assert.equal(reasonOf('/elsewhere'), 'out-of-scope');
    assert.ok(!site.requests.includes('/private/secret'), 'robots-excluded page never requested');
    assert.ok(!site.requests.includes('/menu.pdf'), 'PDF never loaded');
  });

  it('finds known axe violations on known elements', () => {
    const imageAlt = report.findings.find((f) => f.ruleId === 'image-alt' && f.kind === 'violation');
    assert.equal(imageAlt?.selector, '#logo-without-alt');
    assert.equal(path(imageAlt!.url), '/about');
    const label = report.findings.find((f) => f.ruleId === 'label' && f.kind === 'violation');
    assert.equal(label?.selector, '#unlabelled-name');
    assert.equal(path(label!.url), '/contact');
  });

  it('ignores mailto: and javascript: links and strips tracking parameters', () => {
    assert.ok(!report.skipped.some((s) => s.url.startsWith('mailto:') || s.url.startsWith('javascript:')));
    assert.ok(!JSON.stringify(report.pages).includes('utm_source'));
  });

  it('groups findings into prioritized fixes and counts them in the summary', () => {
    assert.ok(report.fixes.length > 0);
    for (let i = 1; i < report.fixes.length; i++) assert.ok(report.fixes[i - 1].priority >= report.fixes[i].priority);
    assert.equal(report.summary.pagesAudited, 4);
    assert.equal(report.summary.pagesFailed, 1);
    assert.equal(report.complete, true);
  });
});

describe('crawl limits', () => {
  let site: SiteServer;
  before(async () => {
    // An endless chain of unique pages: only the limits stop it.
    site = await startSiteServer({
      routes: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`/p${i}`, (_req: unknown, res: Parameters<typeof sendHtml>[0]) => sendHtml(res, page(`Page ${i}`, `<a href="/p${i + 1}">next</a>`))]),
      ),
    });
  });
  after(() => site?.close());

  it('stops at maxPages and lists the rest as not audited', async () => {
    const report = await audit({ urls: [`${site.url}/p0`], maxPages: 3, concurrency: 1, useSitemaps: false });
    assert.equal(report.pages.length, 3);
    assert.ok(report.skipped.some((s) => s.reason === 'max-pages'));
  });

  it('stops at maxDepth', async () => {
    const report = await audit({ urls: [`${site.url}/p0`], maxDepth: 2, concurrency: 1, useSitemaps: false });
    assert.deepEqual(report.pages.map((p) => new URL(p.url).pathname), ['/p0', '/p1', '/p2']);
    assert.equal(report.skipped.find((s) => s.url.endsWith('/p3'))?.reason, 'max-depth');
  });
});

describe('keyboard, zoom and motion checks sampled by layout', () => {
  let site: SiteServer;
  // A widget deep in an article's text (below the depth the layout signature reads) leaves the layout as it is.
  const article = (i: number | string, next: string, widget = '') => page(`Article ${i}`, `<article class="post"><p>Story <em>${i}${widget}</em>.</p><a href="${next}">next</a></article>`);
  // No tabindex: a tabindex would change the layout signature itself (it notes what moves focus).
  const more = '<button type="button" aria-expanded="false">more</button>';
  before(async () => {
    site = await startSiteServer({
      routes: {
        '/a0': (_req, res) => sendHtml(res, article(0, '/a1')),
        '/a1': (_req, res) => sendHtml(res, article(1, '/a2')),
        '/a2': (_req, res) => sendHtml(res, page('Contact', '<form><label>Name <input name="n"></label></form><a href="/w0">Questions</a>')),
        '/w0': (_req, res) => sendHtml(res, article('w0', '/w1', more)),
        '/w1': (_req, res) => sendHtml(res, article('w1', '/a0', more)),
      },
    });
  });

  it('walks a page of a shared layout whose content carries widgets of its own, and samples pages with the same widgets', async () => {
    const report = await audit({ urls: [`${site.url}/a0`], concurrency: 1, useSitemaps: false });
    const byPath = Object.fromEntries(report.pages.map((p) => [new URL(p.url).pathname, p]));
    assert.equal(byPath['/w0'].sampled, undefined, 'the first article with a widget is walked');
    assert.deepEqual(byPath['/w1'].sampled, { reason: 'same-layout', standIn: `${site.url}/w0` });
    const before = await audit({ urls: [`${site.url}/a0`], concurrency: 1, useSitemaps: false, interaction: { sampling: 'template' } });
    const beforeByPath = Object.fromEntries(before.pages.map((p) => [new URL(p.url).pathname, p]));
    assert.deepEqual(beforeByPath['/w0'].sampled, { reason: 'same-layout', standIn: `${site.url}/a0` }, '"template" compares layouts only');
  });
  after(() => site?.close());

  it('runs them on the first page of each layout and says which page stood in for the rest', async () => {
    const report = await audit({ urls: [`${site.url}/a0`], concurrency: 1, useSitemaps: false });
    const byPath = Object.fromEntries(report.pages.map((p) => [new URL(p.url).pathname, p]));
    assert.equal(byPath['/a0'].sampled, undefined);
    assert.deepEqual(byPath['/a1'].sampled, { reason: 'same-layout', standIn: `${site.url}/a0` });
    assert.equal(byPath['/a2'].sampled, undefined, 'a page with a form is another layout');
    assert.ok(!report.checkErrors.some((e) => /not gathered/.test(e.message)), 'no check errors for pages left out of the sample');
    // The keyboard checks did not run on /a1, and its outcomes say which page stood in.
    const sampledOut = byPath['/a1'].outcomes!.notRun.find((entry) => entry.reason === 'sampled' && entry.gatherer === 'keyboard');
    assert.ok(sampledOut?.rules.includes('focus-not-visible'), JSON.stringify(byPath['/a1'].outcomes?.notRun));
    assert.equal(sampledOut?.standIn, `${site.url}/a0`);
    assert.ok(!byPath['/a0'].outcomes!.notRun.some((entry) => entry.reason === 'sampled'));
  });

  it('runs them everywhere with interaction.sampling "all"', async () => {
    const report = await audit({ urls: [`${site.url}/a0`], concurrency: 1, useSitemaps: false, interaction: { sampling: 'all' } });
    assert.ok(report.pages.every((p) => p.sampled === undefined));
  });
});

describe('a directory and its default document', () => {
  let site: SiteServer;
  before(async () => {
    const home = page('Home', '<p>Fresh bread every day.</p><a href="/index.html">Home again</a> <a href="/news/">News</a> <a href="/news/index.html">Old news</a>');
    site = await startSiteServer({
      routes: {
        '/': (_req, res) => sendHtml(res, home),
        '/index.html': (_req, res) => sendHtml(res, home),
        '/news/': (_req, res) => sendHtml(res, page('News', '<p>This week: rye.</p>')),
        // Same folder, different page: both are audited.
        '/news/index.html': (_req, res) => sendHtml(res, page('News archive', '<p>Last year: spelt.</p>')),
      },
    });
  });
  after(() => site?.close());

  it('audits "/" and "/index.html" once when they answer with the same page, and both when they differ', async () => {
    const report = await audit({ urls: [`${site.url}/`], useSitemaps: false, disabledGatherers: ['keyboard', 'reflow', 'textResize', 'textSpacing', 'motion'] });
    const audited = report.pages.filter((p) => !p.error).map((p) => new URL(p.url).pathname).sort();
    assert.deepEqual(audited, ['/', '/news/', '/news/index.html']);
    const skipped = report.skipped.find((s) => new URL(s.url).pathname === '/index.html');
    assert.equal(skipped?.reason, 'duplicate-final-url');
    assert.match(skipped?.detail ?? '', /the same page as http:\/\/[^ ]+\/ \(a directory and its default document\)/);
  });
});
