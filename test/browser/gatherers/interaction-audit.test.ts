// Audits fixture pages end to end in Chromium: a gatherer that runs out of time fails alone, and the screenshot is written.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { audit, type Report } from '../../../src/index.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/interaction/', import.meta.url));

describe('interactive gatherers in a whole audit', () => {
  let site: SiteServer;
  let dir: string;
  let report: Report;

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    dir = await mkdtemp(path.join(os.tmpdir(), 'welcomemat-interaction-'));
    report = await audit({
      urls: [`${site.url}/hangs-on-focus.html`],
      maxPages: 1,
      maxDepth: 0,
      respectRobots: false,
      useSitemaps: false,
      artifactsDir: path.join(dir, 'screenshots'),
      // A small base budget keeps the test short: two attempts of at most 2 s × 8 plus a reload, far under the page's minute-long hang.
      gathererBudgets: { keyboard: 2_000 },
    });
  });
  after(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the keyboard gatherer as timed out and keeps the page audited', () => {
    const [page] = report.pages;
    assert.equal(page.error, undefined);
    const keyboard = page.gathererErrors.find((error) => error.gatherer === 'keyboard');
    assert.ok(keyboard, `gathererErrors: ${JSON.stringify(page.gathererErrors)}`);
    assert.equal(keyboard.timedOut, true);
    assert.equal(keyboard.retried, true, 'a timed-out gatherer is tried once more with a larger budget');
  });

  it('keeps the axe findings and the other interactive results of that page', () => {
    assert.ok(report.findings.some((finding) => finding.source === 'axe' && finding.ruleId === 'image-alt'));
    const [page] = report.pages;
    assert.ok(!page.gathererErrors.some((error) => ['axe', 'reflow', 'motion', 'screenshot'].includes(error.gatherer)), JSON.stringify(page.gathererErrors));
    // Checks that needed the keyboard walk say they could not run, and why; they do not vanish.
    const notRun = page.outcomes?.notRun.find((entry) => entry.gatherer === 'keyboard');
    assert.equal(notRun?.reason, 'gatherer-timed-out', JSON.stringify(page.outcomes?.notRun));
    assert.ok(notRun?.rules.includes('focus-not-visible'));
    assert.ok(!page.outcomes?.notRun.some((entry) => entry.rules.includes('reflow-horizontal-scroll')), 'the reflow checks ran');
  });

  it('writes a bounded screenshot and records its path relative to the report folder', async () => {
    const [page] = report.pages;
    assert.ok(page.screenshot?.startsWith('screenshots/') && page.screenshot.endsWith('.jpg'), page.screenshot);
    const info = await stat(path.join(dir, page.screenshot ?? ''));
    assert.ok(info.size > 1_000 && info.size < 2_000_000, `${info.size} bytes`);
  });
});
