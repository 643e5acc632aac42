// PDF renderer: the HTML report printed by Chromium with the print stylesheet (A4, page numbers in the footer).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../browser/launch.js';
import type { PdfMode } from '../../config/values.js';
import type { Report } from '../../model/report.js';
import { createTranslator } from '../i18n.js';
import type { RenderContext, Renderer } from '../renderer.js';
import { isBigSite, renderHtml } from './html.js';
import { xmlText } from './xml.js';

/** Printing a big report can take a while; past this the PDF is given up (ms). */
const PDF_TIMEOUT_MS = 120_000;

/** Chromium's header/footer templates are HTML; site names go in escaped, page numbers through its classes. */
function footerTemplate(report: Report, locale: string | undefined): string {
  const tr = createTranslator(locale);
  const text = xmlText(tr.t('report.pdfFooter', { site: report.siteName, page: '\u0000PAGE\u0000', pages: '\u0000PAGES\u0000' }))
    .replace('\uFFFDPAGE\uFFFD', '<span class="pageNumber"></span>')
    .replace('\uFFFDPAGES\uFFFD', '<span class="totalPages"></span>');
  return `<div style="font-size:8pt;width:100%;padding:0 14mm;color:#333;font-family:sans-serif;">${text}</div>`;
}

export interface PdfOptions {
  /** A running browser to print with (the audit's, say); otherwise one is launched and closed. */
  browser?: Browser;
}

/**
 * What a PDF prints when nobody said: a big site's full report runs to hundreds of pages
 * (about three per audited page), which nobody reads on paper, so it gets the summary.
 */
export function defaultPdfMode(report: Pick<Report, 'pages'>): PdfMode {
  return isBigSite(report) ? 'summary' : 'full';
}

/**
 * Writes the HTML next to where the screenshots are (so relative images load), opens it
 * from file://, and prints it with the print stylesheet. "summary" prints the summary, each
 * fix with one example and the compliance tables; "full" prints everything, every page's
 * findings included (inline, even for a big site).
 */
export async function renderPdf(report: Report, context: RenderContext, options: PdfOptions = {}): Promise<Buffer> {
  const mode = context.pdf ?? defaultPdfMode(report);
  const html = await renderHtml(report, context, undefined, { output: mode === 'summary' ? 'print-summary' : 'print-full', pageFiles: false });
  await fs.mkdir(context.outDir, { recursive: true });
  // Hidden, random name: never clashes with index.html and is removed afterwards.
  const tmp = path.join(context.outDir, `.print-${process.pid}-${randomBytes(6).toString('hex')}.html`);
  await fs.writeFile(tmp, html);
  const launched = options.browser ? undefined : await launchBrowser({ sandbox: 'auto', args: [] });
  const browser = options.browser ?? launched!.browser;
  try {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(tmp).href, { waitUntil: 'load', timeout: PDF_TIMEOUT_MS });
      await page.emulateMediaType('print');
      // Open every <details> as the beforeprint script would, so paper shows everything.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footerTemplate(report, context.locale),
        timeout: PDF_TIMEOUT_MS,
      });
      return Buffer.from(pdf);
    } finally {
      await page.close().catch(() => undefined);
    }
  } finally {
    await launched?.browser.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
  }
}

export const pdfRenderer: Renderer = {
  name: 'pdf',
  fileName: 'report.pdf',
  render(report, context) {
    return renderPdf(report, context);
  },
};
