// The rendered HTML report in real Chromium: no axe violations, hostile data inert, no sideways scroll at 320px.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer';
import { writeReport } from '../../../src/report/write-report.js';
import { axeViolations, describeViolations, launchTestBrowser } from '../../helpers/test-browser.js';
import { makeSampleReport, type SampleReportOptions } from '../../helpers/sample-report.js';

/** The narrowest width WCAG 1.4.10 Reflow asks content to fit (400% zoom of 1280px). */
const REFLOW_WIDTH = 320;


let browser: Browser;
let root: string;

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-report-a11y-'));
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await fs.rm(root, { recursive: true, force: true });
});

/** Writes the sample report to disk and opens it over file://, as an owner would. */
async function openReport(name: string, options: SampleReportOptions, width = 1280): Promise<{ page: Page; dialogs: string[] }> {
  const [file] = await writeReport(makeSampleReport(options), { outDir: path.join(root, name), formats: ['html'] });
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewport({ width, height: 900 });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, dialogs };
}



describe('HTML report in Chromium', () => {
  it('has no axe violations, with every <details> open', async () => {
    const { page } = await openReport('plain', { pages: 12, findingsPerPage: 6, partial: true });
    try {
      // Open the folded parts too, so axe sees everything a reader can reach.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      assert.deepEqual(describeViolations(await axeViolations(page)), []);
    } finally {
      await page.close();
    }
  });

  it('keeps hostile site data inert, and still has no axe violations', async () => {
    const { page, dialogs } = await openReport('hostile', { hostile: true, pages: 8, findingsPerPage: 5 });
    try {
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      // Give any planted onerror/onload handlers a moment to fire.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(dialogs, [], 'no alert() ran');
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no planted script ran');
      const planted = await page.evaluate(() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        svgs: document.querySelectorAll('svg').length,
        handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
        badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((href) => !/^(https?:\/\/|#|screenshots\/)/.test(href)),
      }));
      assert.deepEqual(planted, { scripts: 1, images: 0, svgs: 0, handlers: 0, badLinks: [] });
      assert.deepEqual(describeViolations(await axeViolations(page)), []);
    } finally {
      await page.close();
    }
  });

  it(`does not scroll sideways at ${REFLOW_WIDTH} CSS pixels, even with long unbroken text`, async () => {
    for (const options of [{ pages: 12, findingsPerPage: 6 }, { hostile: true }] satisfies SampleReportOptions[]) {
      const { page } = await openReport(`narrow-${options.hostile ? 'hostile' : 'plain'}`, options, REFLOW_WIDTH);
      try {
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= REFLOW_WIDTH, `scrollWidth ${scrollWidth} > ${REFLOW_WIDTH}`);
      } finally {
        await page.close();
      }
    }
  });

  it('runs only its own hashed script under the CSP (details open for printing)', async () => {
    const { page } = await openReport('print', { pages: 3 });
    try {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.emulateMediaType('print');
      // beforeprint fires only for a real print; dispatch it the way the browser would.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const allOpen = await page.evaluate(() => [...document.querySelectorAll('details')].every((details) => details.open));
      assert.ok(allOpen, 'the print script opened every <details>');
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
});
