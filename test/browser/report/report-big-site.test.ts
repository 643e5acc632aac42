// A big site's report: per-page files with the report's look and CSP, a small main file, and a summary PDF by default (full on request).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import type { Report } from '../../../src/model/report.js';
import { BIG_SITE_PAGES, renderHtml } from '../../../src/report/renderers/html.js';
import { renderPdf } from '../../../src/report/renderers/pdf.js';
import { writeReport } from '../../../src/report/write-report.js';
import { HOSTILE, makeSampleReport } from '../../helpers/sample-report.js';
import { axeViolations, describeViolations, launchTestBrowser } from '../../helpers/test-browser.js';

let browser: Browser;
let root: string;

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-big-site-'));
  browser = await launchTestBrowser();
});

after(async () => {
  await browser?.close();
  await fs.rm(root, { recursive: true, force: true });
});

/** Pages in a PDF: Chromium writes one "/Type /Page" object per sheet (and one "/Type /Pages" tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

const big = (): Report => makeSampleReport({ pages: BIG_SITE_PAGES + 10, findingsPerPage: 4 });

describe('big site: one file per page', () => {
  it('writes pages/<n>.html for a site over the threshold, linked from the pages table, and none for a small one', async () => {
    const outDir = path.join(root, 'big');
    const report = big();
    const files = await writeReport(report, { outDir, formats: ['html'] });
    const main = files[0];
    assert.equal(path.basename(main), 'index.html');
    const pageFiles = files.filter((file) => file.includes(`${path.sep}pages${path.sep}`));
    assert.ok(pageFiles.length > BIG_SITE_PAGES, `${pageFiles.length} page files`);
    const html = await fs.readFile(main, 'utf8');
    assert.doesNotMatch(html, /class="page-detail/, 'no page details in the main file');
    const links = [...html.matchAll(/href="(pages\/\d+\.html)"/g)].map((match) => match[1]);
    assert.equal(new Set(links).size, pageFiles.length, 'each page file is linked once from the table');
    for (const href of links) await fs.access(path.join(outDir, href));

    const small = path.join(root, 'small');
    const smallFiles = await writeReport(makeSampleReport({ pages: 8 }), { outDir: small, formats: ['html'] });
    assert.deepEqual(smallFiles.map((file) => path.basename(file)), ['index.html']);
    assert.match(await fs.readFile(smallFiles[0], 'utf8'), /class="page-detail/);
  });

  it('a page file has the report’s CSP and look, no axe violations, and leads back to the report and its fixes', async () => {
    const outDir = path.join(root, 'look');
    const files = await writeReport(big(), { outDir, formats: ['html'], locale: 'es' });
    const main = await fs.readFile(files[0], 'utf8');
    const csp = (text: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text)?.[1];
    const pageFile = files.find((file) => file.endsWith(`${path.sep}pages${path.sep}2.html`))!;
    const text = await fs.readFile(pageFile, 'utf8');
    assert.equal(csp(text), csp(main), 'same CSP');
    assert.match(text, /<html lang="es">/);
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
      assert.deepEqual(describeViolations(await axeViolations(page)), []);
      const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('../index.html#pages'), 'back to the report');
      assert.ok(hrefs.some((href) => /^\.\.\/index\.html#fix-\d+$/.test(href ?? '')), 'to the fixes');
      assert.ok(hrefs.some((href) => /^\d+\.html$/.test(href ?? '')), 'to the neighbouring pages');
      assert.ok((await page.$eval('h1', (h1) => h1.textContent?.trim() ?? '')).length > 0, 'the page title is the h1');
    } finally {
      await page.close();
    }
  });

  it('escapes the site’s data in every page file', async () => {
    const outDir = path.join(root, 'hostile');
    const files = await writeReport(makeSampleReport({ hostile: true, pages: BIG_SITE_PAGES + 5, findingsPerPage: 3 }), { outDir, formats: ['html'] });
    assert.ok(files.length > BIG_SITE_PAGES);
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      for (const raw of [HOSTILE.script, HOSTILE.pwnedScript, HOSTILE.pwnedSvg, 'href="javascript:']) assert.ok(!text.includes(raw), `${path.basename(file)}: ${raw}`);
    }
  });

  it('removes page files of an earlier, bigger report in the same folder', async () => {
    const outDir = path.join(root, 'again');
    await writeReport(makeSampleReport({ pages: BIG_SITE_PAGES + 20, findingsPerPage: 2 }), { outDir, formats: ['html'] });
    const second = await writeReport(big(), { outDir, formats: ['html'] });
    const left = (await fs.readdir(path.join(outDir, 'pages'))).map((name) => path.join(outDir, 'pages', name)).sort();
    assert.deepEqual(left, second.filter((file) => file.includes(`${path.sep}pages${path.sep}`)).sort());
    await writeReport(makeSampleReport({ pages: 8 }), { outDir, formats: ['html'] });
    await assert.rejects(fs.access(path.join(outDir, 'pages')), 'a small report leaves no pages folder');
  });
});

describe('PDF for people', () => {
  it('prints the summary by default for a big site, and everything with pdf: full', async () => {
    const report = big();
    const outDir = path.join(root, 'pdf');
    const summary = await renderPdf(report, { outDir }, { browser });
    const full = await renderPdf(report, { outDir, pdf: 'full' }, { browser });
    const explicit = await renderPdf(report, { outDir, pdf: 'summary' }, { browser });
    assert.equal(summary.subarray(0, 5).toString('latin1'), '%PDF-');
    const [summaryPages, fullPages] = [pdfPages(summary), pdfPages(full)];
    assert.ok(summaryPages >= 2 && fullPages > summaryPages * 3, `summary ${summaryPages} pages, full ${fullPages}`);
    console.log(`# ${report.pages.length} pages audited: summary PDF ${summaryPages} pages, full PDF ${fullPages} pages`);
    assert.equal(pdfPages(explicit), summaryPages);
  });

  it('a small site prints everything by default', async () => {
    const report = makeSampleReport({ pages: 8, findingsPerPage: 4 });
    const outDir = path.join(root, 'pdf-small');
    const byDefault = await renderPdf(report, { outDir }, { browser });
    const full = await renderPdf(report, { outDir, pdf: 'full' }, { browser });
    const summary = await renderPdf(report, { outDir, pdf: 'summary' }, { browser });
    assert.equal(pdfPages(byDefault), pdfPages(full));
    assert.ok(pdfPages(summary) < pdfPages(full));
  });

  it('the summary print has the summary and one example per fix, and no per-page section', async () => {
    const report = big();
    const html = await renderHtml(report, { outDir: root }, undefined, { output: 'print-summary' });
    assert.match(html, /id="summary"/);
    assert.match(html, /id="fixes"/);
    for (const section of ['id="pages"', 'id="not-audited"', 'class="page-detail', 'id="find"']) assert.ok(!html.includes(section), `no ${section}`);
    const examples = [...html.matchAll(/<ol class="examples">([\s\S]*?)<\/ol>/g)].map((match) => (match[1].match(/<li class="example">/g) ?? []).length);
    assert.equal(examples.length, report.fixes.filter((fix) => fix.examples.length > 0).length);
    assert.ok(examples.every((count) => count === 1), `one example per fix: ${examples.join(', ')}`);
    const full = await renderHtml(report, { outDir: root }, undefined, { output: 'print-full' });
    assert.match(full, /class="page-detail/, 'the full print has every page inline');
  });
});
