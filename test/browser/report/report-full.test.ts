// The full report in Chromium: every locale free of axe violations, CSS-only filters by keyboard, crops loaded, 320 px, screenshots and a PDF.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import type { Report } from '../../../src/model/report.js';
import { availableLocales } from '../../../src/report/i18n.js';
import { renderPdf } from '../../../src/report/renderers/pdf.js';
import { writeReport } from '../../../src/report/write-report.js';
import { packageRoot } from '../../../src/util/package-root.js';
import { fullReport } from '../../helpers/full-report.js';
import { axeViolations, describeViolations, launchTestBrowser } from '../../helpers/test-browser.js';

/** WCAG 1.4.10 Reflow width, and a common desktop width. */
const PHONE = 320;
const DESKTOP = 1280;
/** Screenshots kept for people to look at (gitignored). */
const ARTIFACTS = path.join(packageRoot, 'test-artifacts', 'report');

let browser: Browser;
let root: string;

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-report-full-'));
  await fs.mkdir(ARTIFACTS, { recursive: true });
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await fs.rm(root, { recursive: true, force: true });
});

/** A report whose pages have real screenshot files, so crops and page pictures load. */
async function reportWithScreenshots(outDir: string): Promise<Report> {
  const report = fullReport({ pages: 6, findingsPerPage: 5, partial: true });
  await fs.mkdir(path.join(outDir, 'screenshots'), { recursive: true });
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.setContent('<body style="margin:0;font:20px sans-serif"><header style="background:#234;color:#fff;padding:20px">Crumb &amp; Kettle</header><main style="padding:20px"><h1>Fresh bread</h1><p>Every morning.</p><img alt="" width="300" height="200" style="background:#c96"></main></body>');
  const shot = path.join(outDir, 'screenshots', 'page.jpg');
  await tab.screenshot({ path: shot, type: 'jpeg', quality: 60 });
  await tab.close();
  for (const page of report.pages) if (!page.error) page.screenshot = 'screenshots/page.jpg';
  for (const fix of report.fixes) for (const example of fix.examples) example.screenshot = 'screenshots/page.jpg';
  return report;
}

async function open(file: string, width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}


describe('full HTML report in Chromium', () => {
  for (const locale of availableLocales()) {
    it(`${locale}: no axe violations with every part open, images load, no sideways scroll at ${PHONE} px; screenshots kept`, async () => {
      const outDir = path.join(root, locale);
      const report = await reportWithScreenshots(outDir);
      const [file] = await writeReport(report, { outDir, formats: ['html'], locale });
      for (const width of [DESKTOP, PHONE]) {
        const page = await open(file, width);
        try {
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
          assert.deepEqual(describeViolations(await axeViolations(page)), [], `${locale} at ${width}px`);
          const images = await page.evaluate(async () => {
            const imgs = [...document.images];
            // Lazy images off screen never load on their own; make them eager and wait (bounded) for each.
            await Promise.all(
              imgs.map((img) => {
                img.loading = 'eager';
                return img.complete && img.naturalWidth > 0 ? undefined : new Promise((resolve) => { img.addEventListener('load', resolve, { once: true }); img.addEventListener('error', resolve, { once: true }); setTimeout(resolve, 5000); });
              }),
            );
            return { pictures: imgs.length, loaded: imgs.filter((img) => img.naturalWidth > 0).length, crops: document.querySelectorAll('.crop svg image').length };
          });
          assert.ok(images.pictures > 0 && images.loaded === images.pictures, `page screenshots load under the CSP: ${JSON.stringify(images)}`);
          assert.ok(images.crops > 0, 'cropped examples are drawn');
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth} at ${width}`);
          await page.screenshot({ path: path.join(ARTIFACTS, `report-${locale}-${width}.png`), fullPage: false });
        } finally {
          await page.close();
        }
      }
    });
  }

  it('filters fixes by keyboard without any script', async () => {
    const outDir = path.join(root, 'filters');
    const [file] = await writeReport(fullReport(), { outDir, formats: ['html'] });
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: DESKTOP, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    try {
      const visible = () => page.$$eval('.fix-list > .fix', (fixes) => fixes.filter((fix) => getComputedStyle(fix).display !== 'none').map((fix) => fix.getAttribute('data-impact')));
      const all = await visible();
      assert.ok(all.length > 3);
      // Keyboard: focus the impact group's "All" radio and arrow to the next option (critical).
      await page.focus('#filter-impact-all');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'filter-impact-critical');
      const critical = await visible();
      assert.ok(critical.length > 0 && critical.length < all.length, `${critical.length} of ${all.length}`);
      assert.ok(critical.every((impact) => impact === 'critical'));
      await page.click('label[for="filter-impact-all"]');
      assert.equal((await visible()).length, all.length, 'All shows everything again');
    } finally {
      await page.close();
    }
  });

  it('prints to a multi-page PDF with the print stylesheet', async () => {
    const outDir = path.join(root, 'pdf');
    const report = await reportWithScreenshots(outDir);
    const pdf = await renderPdf(report, { outDir, locale: 'en' }, { browser });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 4, `${pages} pages`);
    await fs.writeFile(path.join(ARTIFACTS, 'report.pdf'), pdf);
    assert.deepEqual((await fs.readdir(outDir)).filter((name) => name.startsWith('.print-')), [], 'temporary HTML removed');
  });
});
