// End to end: the CLI audits the bundled demo site; the files are written, valid, and the report is itself accessible.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from '../../src/browser/find-browser.js';
import { BASE_CHROMIUM_FLAGS } from '../../src/browser/launch.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/schema.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('welcomemat demo (the quick start)', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-demo-'));
  let run: CliRun;
  let report: Report;
  let browser: Browser;

  before(async () => {
    run = await runCli(['demo', '--out', outDir]);
    const location = await findBrowser();
    browser = await puppeteer.launch({ executablePath: location!.path, headless: true, args: [...BASE_CHROMIUM_FLAGS, '--no-sandbox'] });
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
    assert.ok(report.skipped.some((s) => s.url.endsWith('/menu.pdf') && s.reason === 'not-html'));
  });

  it('writes an HTML report with no axe violations of its own', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${path.join(outDir, 'index.html')}`);
      await page.evaluate(axeSource);
      const results = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        }),
      )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
      assert.deepEqual(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
    } finally {
      await page.close();
    }
  });
});
