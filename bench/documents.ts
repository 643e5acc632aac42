// `node dist/bench/documents.js [runs] [--crawl]`: times reading and checking a 100-page PDF printed by Chromium, and a decompression bomb, with peak memory of the reading worker and of the process; with --crawl, also a crawl of a generated site with and without linked PDFs (pages per minute, and the time of one web page).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../src/browser/launch.js';
import { resolveOptions } from '../src/config/resolve-options.js';
import { auditDocument } from '../src/documents/audit-document.js';
import { DEFAULT_DOCUMENT_LIMITS } from '../src/documents/limits.js';
import { readPdf, type ReadStats } from '../src/documents/read-pdf.js';
import { printPdf, printedPageHtml, ENGLISH_PARAGRAPH } from '../test/helpers/pdf-fixtures.js';
import { decompressionBomb } from '../test/helpers/raw-pdf.js';
import { audit } from '../src/audit/audit-site.js';
import { startGeneratedSite } from './generate-site.js';
import { median } from './stats.js';

/** Pages of the generated site for the crawl figures: enough for a steady pages-per-minute on 2 cores. */
const CRAWL_PAGES = 20;
/** Linked 100-page PDFs in the crawl with documents: every page links to all of them. */
const CRAWL_DOCUMENTS = 5;
/** Pages audited at once in both crawls. */
const CRAWL_CONCURRENCY = 2;

interface CrawlFigures {
  pages: number;
  /** Pages per minute while pages were being audited (start to the last page done). */
  pagesPerMinute: number;
  /** Median time of one web page (open the tab to close it). */
  medianPageMs: number;
  /** The whole audit, documents included. */
  totalMs: number;
  documents: number;
  medianDocumentMs: number;
}

/** One crawl of the generated site; with `pdf`, every page links to CRAWL_DOCUMENTS copies of it. */
async function crawlFigures(pdf: Buffer | null): Promise<CrawlFigures> {
  const documents = pdf ? Object.fromEntries(Array.from({ length: CRAWL_DOCUMENTS }, (_, index) => [`/files/report-${index + 1}.pdf`, pdf])) : {};
  const site = await startGeneratedSite(CRAWL_PAGES, documents);
  const started = performance.now();
  let lastPageDone = started;
  try {
    const report = await audit({
      urls: [site.startUrl],
      maxPages: CRAWL_PAGES,
      concurrency: CRAWL_CONCURRENCY,
      useSitemaps: false,
      maxDocuments: pdf ? 50 : 0,
      onProgress: (event) => {
        if (event.type === 'page-done') lastPageDone = performance.now();
      },
    });
    const audited = report.pages.filter((page) => !page.error);
    return {
      pages: audited.length,
      pagesPerMinute: Math.round((audited.length / ((lastPageDone - started) / 60_000)) * 10) / 10,
      medianPageMs: median(audited.map((page) => page.timing.totalMs)),
      totalMs: Math.round(performance.now() - started),
      documents: report.documents?.length ?? 0,
      medianDocumentMs: report.documents?.length ? median(report.documents.map((document) => document.durationMs)) : 0,
    };
  } finally {
    await site.server.close();
  }
}

/** The figure: a 100-page PDF must take well under the time of auditing one web page. */
const PAGES = 100;
/** Runs per figure; the median is reported (the first run also pays for loading pdf.js from disk). */
const DEFAULT_RUNS = 5;
/** Inflates to twice the default buffer limit, so the watchdog must stop it. */
const BOMB_BYTES = 512 * 1024 * 1024;

const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? DEFAULT_RUNS);
  const options = resolveOptions({ urls: ['http://127.0.0.1/'] });
  const { browser } = await launchBrowser(options.browser);
  const pdf = await printPdf(browser, printedPageHtml({ lang: 'en', title: 'Bench', paragraph: ENGLISH_PARAGRAPH, pages: PAGES, headings: true, imageAlt: 'A loaf' }), { tagged: true, outline: true });
  await browser.close();
  const bomb = await decompressionBomb(BOMB_BYTES);

  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end(request.url === '/bomb.pdf' ? bomb : pdf);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const baselineRss = process.memoryUsage.rss() / 1024 / 1024;
  const audits: { ms: number; stats: ReadStats; findings: number }[] = [];
  for (let run = 0; run < runs; run++) {
    let stats: ReadStats | undefined;
    const result = await auditDocument(`${origin}/menu.pdf`, { options, onReadStats: (s) => (stats = s) });
    if (result.error || !stats) throw new Error(`bench document failed: ${result.error?.message}`);
    audits.push({ ms: result.durationMs, stats, findings: result.findings.length });
  }
  // An empty worker: what starting the thread and loading pdf.js costs, whatever the document.
  const empty = await readPdf(Buffer.from('%PDF-1.7\n%%EOF\n'), DEFAULT_DOCUMENT_LIMITS);
  let bombStats: ReadStats | undefined;
  const bombResult = await auditDocument(`${origin}/bomb.pdf`, { options, onReadStats: (s) => (bombStats = s) });
  server.close();

  const lines = [
    `documents bench: ${PAGES}-page tagged PDF printed by Chromium (${(pdf.length / 1024).toFixed(0)} KB), ${runs} runs, medians`,
    `  fetch + read + checks:   ${median(audits.map((a) => a.ms))} ms (read alone ${median(audits.map((a) => a.stats.ms))} ms by the clock, ${median(audits.map((a) => a.stats.cpuMs))} ms of processor time at the lowest priority; worker start and pdf.js load on an empty file: ${empty.stats.ms} ms)`,
    `  worker heap peak:        ${mb(median(audits.map((a) => a.stats.peakHeapMb)))}   buffers peak: ${mb(median(audits.map((a) => a.stats.peakBufferMb)))}`,
    `  process RSS peak:        ${mb(Math.max(...audits.map((a) => a.stats.peakRssMb)))} (baseline before the runs ${mb(baselineRss)})`,
    `  findings:                ${audits[0].findings}`,
    `decompression bomb (${(bomb.length / 1024 / 1024).toFixed(1)} MB file inflating to ${BOMB_BYTES / 1024 / 1024} MB):`,
    `  outcome:                 ${bombResult.error?.code ?? 'read'} after ${bombResult.durationMs} ms`,
    `  worker buffers peak:     ${mb(bombStats?.peakBufferMb ?? 0)} (limit ${DEFAULT_DOCUMENT_LIMITS.maxBufferMb} MB)   heap peak: ${mb(bombStats?.peakHeapMb ?? 0)} (limit ${DEFAULT_DOCUMENT_LIMITS.maxHeapMb} MB)`,
    `  process RSS peak:        ${mb(bombStats?.peakRssMb ?? 0)}`,
  ];
  if (args.includes('--crawl')) {
    const without = await crawlFigures(null);
    const withDocuments = await crawlFigures(pdf);
    const row = (label: string, f: CrawlFigures) =>
      `  ${label.padEnd(24)} ${f.pages} pages, ${f.pagesPerMinute} pages/min, median page ${f.medianPageMs} ms, whole audit ${(f.totalMs / 1000).toFixed(1)} s` +
      (f.documents ? `; ${f.documents} documents, median ${f.medianDocumentMs} ms each` : '');
    lines.push(
      `crawl of a generated ${CRAWL_PAGES}-page site, concurrency ${CRAWL_CONCURRENCY}:`,
      row('no documents:', without),
      row(`${CRAWL_DOCUMENTS} linked ${PAGES}-page PDFs:`, withDocuments),
      `  pages/min with documents: ${Math.round((withDocuments.pagesPerMinute / without.pagesPerMinute) * 100)} % of without`,
    );
  }
  console.log(lines.join('\n'));
}

await main();
