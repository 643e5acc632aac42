// The interactive gatherers give the same findings in the audited tab (after the static ones) as in tabs that load the page again, on every interaction fixture page.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { allChecks } from '../../../src/checks/registry.js';
import { runPageChecks } from '../../../src/checks/run-checks.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { allGatherers } from '../../../src/gather/registry.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/interaction/', import.meta.url));
/** hangs-on-focus.html stalls the keyboard walk for a minute by design (interaction-audit.test.ts covers it). */
const pages = readdirSync(fixtures).filter((name) => name.endsWith('.html') && name !== 'hangs-on-focus.html');

describe('interactive gatherers in the audited tab', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    browser = await FixtureBrowser.start();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Every gatherer (static first, as in an audit), then every page check; findings as sorted lines, and the tabs opened. */
  const audit = async (name: string, reuseAuditedTab: boolean) => {
    const url = `${site.url}/${name}`;
    let tabs = 0;
    const count = () => void tabs++;
    browser.session.browser.on('targetcreated', count);
    try {
      const { artifacts, errors } = await browser.gather(url, allGatherers, {}, reuseAuditedTab);
      assert.deepEqual(errors, [], `${name} (${reuseAuditedTab ? 'audited tab' : 'fresh tabs'})`);
      const { findings } = runPageChecks(allChecks, artifacts, url, resolveOptions({ urls: [url] }));
      const lines = findings.map((f) => `${f.ruleId} ${f.kind} ${f.selector ?? ''} ${JSON.stringify(f.message)}`).sort();
      return { lines, tabs };
    } finally {
      browser.session.browser.off('targetcreated', count);
    }
  };

  for (const name of pages) {
    it(`${name}: same findings both ways, two page loads fewer`, async () => {
      const fresh = await audit(name, false);
      const reused = await audit(name, true);
      assert.deepEqual(reused.lines, fresh.lines);
      // Fresh tabs: the audited one, the layout gatherers' shared one, motion's and the keyboard walk's. Reused: the audited one and motion's.
      assert.equal(fresh.tabs, 4, `${name}: tabs opened loading again`);
      assert.equal(reused.tabs, 2, `${name}: tabs opened lending the audited tab`);
    });
  }
});
