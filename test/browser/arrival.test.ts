// Audits fixture sites with a consent banner (OneTrust-like and home-made), a sign-up pop-up and lazy content in real Chromium: exactly which pages are audited and which arrival findings are raised, once per site.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../src/index.js';
import type { Report } from '../../src/index.js';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.js';
import { FixtureVisitor } from '../helpers/visit-fixture.js';

const root = fileURLToPath(new URL('../../../test/fixtures/arrival/', import.meta.url));

describe('arrival layers and lazy content', () => {
  let site: SiteServer;
  const reports = new Map<string, Report>();
  const path = (url: string) => url.replace(site.url, '');
  const pagesOf = (name: string) => reports.get(name)!.pages.map((p) => `${path(p.url)}${p.error ? ` ${p.error.code}` : ''}`).sort();
  const arrivalFindings = (name: string) =>
    reports
      .get(name)!
      .findings.filter((f) => f.family === 'arrival')
      .map((f) => `${f.kind} ${f.ruleId} ${path(f.url)} ${f.selector}`)
      .sort();
  const run = async (name: string, start: string, extra: Record<string, unknown> = {}) => {
    reports.set(name, await audit({ urls: [`${site.url}/${start}`], concurrency: 1, respectRobots: false, useSitemaps: false, ...extra }));
  };

  before(async () => {
    site = await startSiteServer({ root });
    await run('onetrust', 'onetrust/index.html');
    await run('late-platform', 'late-platform/index.html');
    await run('homemade', 'homemade/index.html');
    await run('homemade-kept', 'homemade/index.html', { keepBanner: true });
    await run('newsletter', 'newsletter/index.html');
    await run('lazy', 'lazy/index.html');
    await run('lazy-unscrolled', 'lazy/index.html', { lazyScroll: { maxScreens: 0 } });
  });

  after(() => site?.close());

  it('audits a OneTrust-like banner once: refusing is drawn as plain text beside a filled "Accept" button; the refusal holds on the other pages', () => {
    assert.deepEqual(pagesOf('onetrust'), ['/onetrust/about.html', '/onetrust/contact.html', '/onetrust/index.html']);
    assert.deepEqual(arrivalFindings('onetrust'), ['violation consent-refuse-equal /onetrust/index.html #onetrust-reject-all-handler']);
    const finding = reports.get('onetrust')!.findings.find((f) => f.ruleId === 'consent-refuse-equal')!;
    assert.match(finding.message, /plain text beside a filled button/);
  });

  it('waits for a consent platform whose script draws its banner after load: found on the first page and judged once', () => {
    assert.deepEqual(pagesOf('late-platform'), ['/late-platform/about.html', '/late-platform/index.html']);
    assert.deepEqual(arrivalFindings('late-platform'), ['violation consent-refuse-equal /late-platform/index.html #CybotCookiebotDialogBodyButtonDecline']);
  });

  it('audits a home-made cookie wall once, with its own findings, and dismisses it elsewhere', () => {
    assert.deepEqual(pagesOf('homemade'), ['/homemade/carta.html', '/homemade/contacto.html', '/homemade/index.html']);
    assert.deepEqual(arrivalFindings('homemade'), [
      'needs-review arrival-name /homemade/index.html #cookie-wall',
      'violation arrival-focus /homemade/index.html #cookie-wall',
      'violation arrival-hides-page /homemade/index.html #cookie-wall',
      'violation arrival-hides-page /homemade/index.html #cookie-wall',
      'violation arrival-keyboard /homemade/index.html #cw-reject',
      'violation arrival-language /homemade/index.html #cookie-wall',
    ]);
    const focus = reports.get('homemade')!.findings.find((f) => f.ruleId === 'arrival-focus')!;
    assert.match(focus.message, /needs 26 Tab presses/);
    // The wall left <main> aria-hidden on the page where it was closed; the other pages never showed it.
    const hiddenFocus = reports.get('homemade')!.findings.filter((f) => f.ruleId === 'aria-hidden-focus').map((f) => path(f.url));
    assert.deepEqual([...new Set(hiddenFocus)], ['/homemade/index.html']);
  });

  it('keeps the banner on every page with keepBanner, still judging it once', () => {
    assert.deepEqual(pagesOf('homemade-kept'), ['/homemade/carta.html', '/homemade/contacto.html', '/homemade/index.html']);
    const hiddenFocus = reports.get('homemade-kept')!.findings.filter((f) => f.ruleId === 'aria-hidden-focus').map((f) => path(f.url));
    assert.deepEqual([...new Set(hiddenFocus)].sort(), ['/homemade/carta.html', '/homemade/contacto.html', '/homemade/index.html']);
    assert.equal(reports.get('homemade-kept')!.findings.filter((f) => f.ruleId === 'arrival-language').length, 1);
  });

  it('reports a sign-up pop-up shown on every page as one finding for review, with the number of pages', () => {
    assert.deepEqual(pagesOf('newsletter'), ['/newsletter/index.html', '/newsletter/plants.html', '/newsletter/tools.html']);
    assert.deepEqual(arrivalFindings('newsletter'), ['needs-review arrival-popup /newsletter/index.html #nl > div']);
    assert.match(reports.get('newsletter')!.findings.find((f) => f.ruleId === 'arrival-popup')!.message, /\(3 of 3 pages audited\)/);
  });

  it('scrolls lazy content into being: the section an IntersectionObserver loads is audited', () => {
    assert.deepEqual(pagesOf('lazy'), ['/lazy/index.html']);
    const lazy = (name: string) =>
      reports
        .get(name)!
        .findings.filter((f) => ['image-alt', 'link-name'].includes(f.ruleId))
        .map((f) => `${f.ruleId} ${f.selector}`)
        .sort();
    assert.deepEqual(lazy('lazy'), ['image-alt #late-photo', 'image-alt #lazy-summer', 'link-name #late-link']);
    // Without scrolling, the reviews never load: only the lazy image (in the DOM from the start) is found.
    assert.deepEqual(lazy('lazy-unscrolled'), ['image-alt #lazy-summer']);
    assert.deepEqual(arrivalFindings('lazy'), []);
  });

  it('stops an endless feed at the distance bound and goes back to the top', async () => {
    const visitor = await FixtureVisitor.start({ lazyScroll: { maxScreens: 6, maxMs: 20_000 } });
    try {
      const visit = await visitor.visit(`${site.url}/lazy/feed.html`);
      const arrival = visit.siteArtifacts.arrival;
      assert.ok(arrival && !('failed' in arrival));
      assert.equal(arrival.scroll?.stoppedBy, 'distance');
      assert.equal(arrival.scroll?.steps, 6);
      assert.ok((arrival.scroll?.grewPx ?? 0) > 0);
    } finally {
      await visitor.close();
    }
  });
});
