// Runs the static gatherers and axe on fixture pages in real Chromium and checks each marked element is flagged (data-expect="fail"), asked for review only ("review"), or not ("pass").
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';
import { gifBytes, photoLikePng, textLikePng } from '../../helpers/images.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { domGatherer } from '../../../src/gather/dom-gatherer.js';
import { contentGatherer, type ContentArtifact } from '../../../src/gather/content-gatherer.js';
import { formsGatherer } from '../../../src/gather/forms-gatherer.js';
import { structureGatherer } from '../../../src/gather/structure-gatherer.js';
import { sourceGatherer } from '../../../src/gather/source-gatherer.js';
import { axeGatherer } from '../../../src/gather/axe-gatherer.js';
import { allChecks } from '../../../src/checks/registry.js';
import { axeFindings } from '../../../src/checks/axe-findings.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { runPageChecks } from '../../../src/checks/run-checks.js';
import { isArtifactFailure } from '../../../src/gather/artifacts.js';
import type { Finding } from '../../../src/model/finding.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/checks/', import.meta.url));

const FILES = ['alt-text.html', 'forms.html', 'language.html', 'links.html', 'tables.html', 'typography.html', 'images.html', 'markup.html', 'direction.html', 'short-french-declared.html', 'short-french.html', 'customer-care.html'];
/** Pages about the page as a whole carry one expectation, on <html>; the others many. */
const minExpectations = (file: string) => (file.startsWith('short-') ? 1 : 6);

/** Reads `id`, `data-check`, `data-expect` and an optional `data-selector` (where the finding's selector is not `#id`) from the fixture's markup. */
async function expectations(file: string): Promise<{ selector: string; checks: string[]; expect: 'fail' | 'pass' | 'review' }[]> {
  const html = await readFile(`${fixtures}${file}`, 'utf8');
  const list = [];
  for (const tag of html.match(/<[a-z0-9]+\b[^>]*data-expect="[^"]+"[^>]*>/g) ?? []) {
    const id = tag.match(/\bid="([^"]+)"/)?.[1];
    const selector = tag.match(/data-selector="([^"]+)"/)?.[1].replace(/&quot;/g, '"') ?? (id ? `#${id}` : undefined);
    const checks = tag.match(/data-check="([^"]+)"/)?.[1].split(/\s+/) ?? [];
    const expect = tag.match(/data-expect="(fail|pass|review)"/)?.[1] as 'fail' | 'pass' | 'review';
    if (selector) list.push({ selector, checks, expect });
  }
  return list;
}

/** Images the fixtures load, built in memory (test/helpers/images.ts). */
function imageRoutes(): Record<string, (req: unknown, res: ServerResponse) => void> {
  const send = (type: string, body: Buffer) => (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  };
  return {
    '/anim/forever.gif': send('image/gif', gifBytes({ frames: 4, loop: 0, delayCs: 20 })),
    '/anim/forever2.gif': send('image/gif', gifBytes({ frames: 4, loop: 0, delayCs: 20 })),
    '/anim/once.gif': send('image/gif', gifBytes({ frames: 3, delayCs: 50 })),
    '/anim/still.gif': send('image/gif', gifBytes({ frames: 1 })),
    '/pix/sale-banner.png': send('image/png', textLikePng()),
    '/pix/logo-wordmark.png': send('image/png', textLikePng()),
    '/pix/loaves.png': send('image/png', photoLikePng()),
  };
}

describe('check fixtures in Chromium', () => {
  let browser: FixtureBrowser;
  let site: SiteServer;
  const findings = new Map<string, Finding[]>();

  before(async () => {
    site = await startSiteServer({ root: fixtures, routes: imageRoutes() });
    browser = await FixtureBrowser.start();
    for (const file of FILES) {
      const url = `${site.url}/${file}`;
      const options = resolveOptions({ urls: [url] });
      const { artifacts, errors } = await browser.gather(url, [domGatherer, contentGatherer, formsGatherer, structureGatherer, sourceGatherer, axeGatherer]);
      assert.deepEqual(errors, []);
      const run = runPageChecks(allChecks, artifacts, url, options);
      assert.deepEqual(run.errors, []);
      const axe = artifacts.axe && !isArtifactFailure(artifacts.axe) ? axeFindings(artifacts.axe, url).findings : [];
      findings.set(file, [...run.findings, ...axe]);
    }
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const file of FILES) {
    it(`${file}: marked elements are flagged or not, as expected`, async () => {
      const list = await expectations(file);
      assert.ok(list.length >= minExpectations(file), 'fixture has expectations');
      const found = findings.get(file) ?? [];
      for (const { selector, checks, expect } of list) {
        for (const check of checks) {
          const hits = found.filter((f) => f.ruleId === check && f.selector === selector);
          const got = JSON.stringify(found.filter((f) => f.selector === selector).map((f) => `${f.kind} ${f.ruleId}`));
          if (expect === 'review') {
            // Unsure cases: asked for review, never a violation.
            assert.ok(hits.length > 0 && hits.every((f) => f.kind === 'needs-review'), `${file} ${selector}: ${check} should ask for review; got ${got}`);
            continue;
          }
          assert.equal(hits.length > 0, expect === 'fail', `${file} ${selector}: ${check} should ${expect === 'fail' ? '' : 'not '}flag it; got ${got}`);
        }
      }
    });
  }

  it('a planted pattern that must be a violation is one, and a needs-review one stays needs-review', () => {
    const kinds = (file: string, ruleId: string) => new Set((findings.get(file) ?? []).filter((f) => f.ruleId === ruleId).map((f) => f.kind));
    assert.deepEqual(kinds('markup.html', 'markup-unclosed-element'), new Set(['violation']));
    assert.deepEqual(kinds('links.html', 'link-text-generic'), new Set(['needs-review']));
    assert.deepEqual(kinds('tables.html', 'table-layout-data-markup'), new Set(['violation']));
    assert.deepEqual(kinds('typography.html', 'line-too-long'), new Set(['needs-review']));
  });

  it('takes only a real language menu as language options, not navigation in a page with language classes', async () => {
    const url = `${site.url}/language-switcher.html`;
    const { artifacts } = await browser.gather(url, [contentGatherer]);
    const content = artifacts.content as ContentArtifact;
    assert.deepEqual(content.switcherOptions.map((option) => `${option.selector} ${option.reason}`), ['#opt-en hreflang', '#opt-ca language-name']);
  });

  it('the name tries leave the field values untouched and report the rejected names', () => {
    const names = (findings.get('forms.html') ?? []).find((f) => f.ruleId === 'name-field-rejects-names');
    assert.match(names?.message ?? '', /Zoë O'Brien-Nguyễn.*李小龍/);
    assert.doesNotMatch(names?.message ?? '', /Madonna/);
  });

  it('wording findings on an English page name the phrase and a suggestion', () => {
    const wording = (findings.get('language.html') ?? []).filter((f) => f.ruleId === 'inclusive-wording');
    assert.ok(wording.some((f) => /guys/.test(f.message) && /folks|people/.test(f.message)));
    assert.ok(wording.some((f) => /crazy/.test(f.message)));
  });
});
