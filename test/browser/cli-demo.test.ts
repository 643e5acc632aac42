// End to end: the CLI audits the bundled demo site; the files are written, valid, and the report is itself accessible.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/schema.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { axeViolations, describeViolations, launchTestBrowser } from '../helpers/test-browser.js';


describe('welcomemat demo (the quick start)', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-demo-'));
  let run: CliRun;
  let report: Report;
  let browser: Browser;

  before(async () => {
    run = await runCli(['demo', '--out', outDir]);
    browser = await launchTestBrowser();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('exits 0 and says where the report is', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Report: ${path.join(outDir, 'index.html').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('writes report.json that validates against the schema', async () => {
    report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8')) as Report;
    const result = await validateReport(report);
    assert.deepEqual(result.errors, []);
    assert.ok(report.summary.pagesAudited >= 8, `audited ${report.summary.pagesAudited} demo pages`);
    assert.ok(report.fixes.length > 0);
  });

  it('finds the planted axe problems of the demo site', () => {
    const rules = new Set(report.findings.filter((f) => f.kind === 'violation').map((f) => f.ruleId));
    for (const rule of ['color-contrast', 'label', 'button-name']) assert.ok(rules.has(rule), `demo finds ${rule}`);
  });

  it('checks the two linked PDFs beside the pages: the menu fails, the allergen guide passes', () => {
    const documentAt = (name: string) => report.documents?.find((document) => document.url.endsWith(`/${name}`));
    const menu = documentAt('menu.pdf');
    const allergens = documentAt('allergens.pdf');
    assert.ok(menu && allergens, 'both documents are in the report');
    assert.deepEqual([...menu.outcomes.failed].sort(), ['pdf-language-missing', 'pdf-no-title', 'pdf-not-tagged']);
    assert.deepEqual(allergens.outcomes.failed, []);
    assert.deepEqual(allergens.outcomes.needsReview, []);
    assert.equal(allergens.tagged, true);
    assert.equal(menu.linkedFrom?.[0]?.text, 'Download our menu (PDF)');
    assert.ok(!report.skipped.some((entry) => entry.url.endsWith('.pdf')), 'audited PDFs are not listed as not audited');
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    assert.ok(html.includes('id="documents"') && html.includes('allergens.pdf'), 'the HTML report has the documents section');
  });

  it('audits the cookie banner and the newsletter pop-up once, on the first page that shows them, and dismisses them elsewhere', () => {
    const arrival = report.findings.filter((f) => f.family === 'arrival');
    assert.deepEqual(arrival.map((f) => `${f.kind} ${f.ruleId}`).sort(), ['needs-review arrival-popup', 'violation consent-refuse-equal']);
    // Usually the start page; on a loaded machine another page may reach its arrival step first. Either way, one page.
    assert.equal(new Set(arrival.map((f) => f.url)).size, 1, `audited on one page: ${arrival.map((f) => f.url).join(', ')}`);
    // Refused and closed on the first page(s): pages audited at the same time may meet the pop-up too, no others.
    const popup = arrival.find((f) => f.ruleId === 'arrival-popup')!;
    const seen = Number(/\((\d+) of \d+ pages audited\)/.exec(popup.message)?.[1]);
    assert.ok(seen >= 1 && seen <= 2, popup.message);
  });

  it('writes an HTML report with no axe violations of its own', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${path.join(outDir, 'index.html')}`);
      assert.deepEqual(describeViolations(await axeViolations(page)), []);
    } finally {
      await page.close();
    }
  });
});
