// Runs the content and forms gatherers on fixture pages in real Chromium and checks each marked element is flagged (data-expect="fail") or not (="pass").
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { contentGatherer } from '../../../src/gather/content-gatherer.js';
import { formsGatherer } from '../../../src/gather/forms-gatherer.js';
import { inclusiveChecks } from '../../../src/checks/inclusive-checks.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { runPageChecks } from '../../../src/checks/run-checks.js';
import type { Finding } from '../../../src/model/finding.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/checks/', import.meta.url));

/** Reads `id`, `data-check` and `data-expect` from the fixture's markup. */
async function expectations(file: string): Promise<{ id: string; checks: string[]; expect: 'fail' | 'pass' }[]> {
  const html = await readFile(`${fixtures}${file}`, 'utf8');
  const list = [];
  for (const tag of html.match(/<[a-z]+\b[^>]*data-expect="[^"]+"[^>]*>/g) ?? []) {
    const id = tag.match(/\bid="([^"]+)"/)?.[1];
    const checks = tag.match(/data-check="([^"]+)"/)?.[1].split(/\s+/) ?? [];
    const expect = tag.match(/data-expect="(fail|pass)"/)?.[1] as 'fail' | 'pass';
    if (id) list.push({ id, checks, expect });
  }
  return list;
}

describe('check fixtures in Chromium', () => {
  let browser: FixtureBrowser;
  let site: SiteServer;
  const findings = new Map<string, Finding[]>();

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    browser = await FixtureBrowser.start();
    for (const file of ['alt-text.html', 'forms.html', 'language.html']) {
      const url = `${site.url}/${file}`;
      const { artifacts, errors } = await browser.gather(url, [contentGatherer, formsGatherer]);
      assert.deepEqual(errors, []);
      const run = runPageChecks(inclusiveChecks, artifacts, url, resolveOptions({ urls: [url] }));
      assert.deepEqual(run.errors, []);
      findings.set(file, run.findings);
    }
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const file of ['alt-text.html', 'forms.html', 'language.html']) {
    it(`${file}: marked elements are flagged or not, as expected`, async () => {
      const list = await expectations(file);
      assert.ok(list.length > 5, 'fixture has expectations');
      const found = findings.get(file) ?? [];
      for (const { id, checks, expect } of list) {
        for (const check of checks) {
          const hit = found.some((f) => f.ruleId === check && f.selector === `#${id}`);
          assert.equal(hit, expect === 'fail', `${file} #${id}: ${check} should ${expect === 'fail' ? '' : 'not '}flag it; got ${JSON.stringify(found.filter((f) => f.selector === `#${id}`).map((f) => f.ruleId))}`);
        }
      }
    });
  }

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
