// Walks the widget fixture pages with the keyboard gatherer in real Chromium and checks each marked element is flagged (data-expect="fail"), asked for review only ("review"), or not ("pass").
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { keyboardGatherer, type KeyboardArtifact } from '../../../src/gather/keyboard-gatherer.js';
import { allChecks } from '../../../src/checks/registry.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { runPageChecks } from '../../../src/checks/run-checks.js';
import { isArtifactFailure } from '../../../src/gather/artifacts.js';
import type { Finding } from '../../../src/model/finding.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/checks/', import.meta.url));
const FILES = ['widgets-dialogs.html', 'widgets-controls.html', 'widgets-menus.html'];
/** The widget checks: only their findings are compared here (the Tab walk's own checks have their tests). */
const WIDGET_CHECKS = new Set(['dialog-focus-not-moved', 'dialog-focus-escapes', 'dialog-escape-does-not-close', 'dialog-focus-not-returned', 'disclosure-state-not-updated', 'disclosure-not-operable', 'menu-items-unreachable', 'tabs-keyboard-unreachable', 'button-role-ignores-space', 'tooltip-hover-only', 'accesskey-conflict', 'alert-short-lived']);

/** Reads `id`, `data-check` and `data-expect` from the fixture's markup. */
async function expectations(file: string): Promise<{ selector: string; checks: string[]; expect: 'fail' | 'pass' | 'review' }[]> {
  const html = await readFile(`${fixtures}${file}`, 'utf8');
  const list = [];
  for (const tag of html.match(/<[a-z0-9]+\b[^>]*data-expect="[^"]+"[^>]*>/g) ?? []) {
    const id = tag.match(/\bid="([^"]+)"/)?.[1];
    const checks = tag.match(/data-check="([^"]+)"/)?.[1].split(/\s+/) ?? [];
    const expect = tag.match(/data-expect="(fail|pass|review)"/)?.[1] as 'fail' | 'pass' | 'review';
    if (id) list.push({ selector: `#${id}`, checks, expect });
  }
  return list;
}

describe('widget fixtures in Chromium', () => {
  let browser: FixtureBrowser;
  let site: SiteServer;
  const findings = new Map<string, Finding[]>();
  const walks = new Map<string, KeyboardArtifact>();

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    browser = await FixtureBrowser.start();
    for (const file of FILES) {
      const url = `${site.url}/${file}`;
      const { artifacts, errors } = await browser.gather(url, [keyboardGatherer]);
      assert.deepEqual(errors, []);
      const keyboard = artifacts.keyboard;
      assert.ok(keyboard && !isArtifactFailure(keyboard));
      if (process.env.WELCOMEMAT_DEBUG) console.log(file, JSON.stringify(keyboard.widgets, null, 1));
      walks.set(file, keyboard);
      const run = runPageChecks(allChecks, artifacts, url, resolveOptions({ urls: [url] }));
      assert.deepEqual(run.errors, []);
      findings.set(file, run.findings.filter((f) => WIDGET_CHECKS.has(f.ruleId)));
    }
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const file of FILES) {
    it(`${file}: marked widgets are flagged or not, as expected`, async () => {
      const list = await expectations(file);
      assert.ok(list.length >= 4, 'fixture has expectations');
      const found = findings.get(file) ?? [];
      for (const { selector, checks, expect } of list) {
        for (const check of checks) {
          const hits = found.filter((f) => f.ruleId === check && f.selector === selector);
          const got = JSON.stringify(found.filter((f) => f.selector === selector).map((f) => `${f.kind} ${f.ruleId}`));
          if (expect === 'review') {
            assert.ok(hits.length > 0 && hits.every((f) => f.kind === 'needs-review'), `${file} ${selector}: ${check} should ask for review; got ${got}`);
            continue;
          }
          assert.equal(hits.length > 0, expect === 'fail', `${file} ${selector}: ${check} should ${expect === 'fail' ? '' : 'not '}flag it; got ${got}`);
          if (expect === 'fail') assert.ok(hits.some((f) => f.kind === 'violation'), `${file} ${selector}: ${check} should be a violation; got ${got}`);
        }
      }
    });
  }

  it('tries every widget within the budget and puts the page back after each', () => {
    for (const file of FILES) {
      const widgets = walks.get(file)?.widgets;
      assert.ok(widgets, `${file}: widget facts`);
      assert.equal(widgets.untried, 0, `${file}: widgets left untried`);
    }
    const dialogs = walks.get('widgets-dialogs.html')!.widgets!.dialogs;
    assert.deepEqual(dialogs.map((d) => d.selector), ['#dlg-good-open', '#dlg-bad-open', '#dlg-bad-open-2', '#lightbox-open']);
    assert.deepEqual(dialogs.map((d) => d.closedBy), ['escape', 'close-button', 'close-button', 'escape']);
  });
});
