// `node dist/bench/documents.js [runs]`: times reading and checking a 100-page PDF printed by Chromium, and a decompression bomb, with peak memory of the reading worker and of the process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../src/browser/launch.js';
import { resolveOptions } from '../src/config/resolve-options.js';
import { auditDocument } from '../src/documents/audit-document.js';
import { DEFAULT_DOCUMENT_LIMITS } from '../src/documents/limits.js';
import { readPdf, type ReadStats } from '../src/documents/read-pdf.js';
import { printPdf, printedPageHtml, ENGLISH_PARAGRAPH } from '../test/helpers/pdf-fixtures.js';
import { decompressionBomb } from '../test/helpers/raw-pdf.js';

/** The figure: a 100-page PDF must take well under the time of auditing one web page. */
const PAGES = 100;
/** Runs per figure; the median is reported (the first run also pays for loading pdf.js from disk). */
const DEFAULT_RUNS = 5;
/** Inflates to twice the default buffer limit, so the watchdog must stop it. */
const BOMB_BYTES = 512 * 1024 * 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? DEFAULT_RUNS);
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
    `  fetch + read + checks:   ${median(audits.map((a) => a.ms))} ms (read alone ${median(audits.map((a) => a.stats.ms))} ms; worker start and pdf.js load on an empty file: ${empty.stats.ms} ms)`,
    `  worker heap peak:        ${mb(median(audits.map((a) => a.stats.peakHeapMb)))}   buffers peak: ${mb(median(audits.map((a) => a.stats.peakBufferMb)))}`,
    `  process RSS peak:        ${mb(Math.max(...audits.map((a) => a.stats.peakRssMb)))} (baseline before the runs ${mb(baselineRss)})`,
    `  findings:                ${audits[0].findings}`,
    `decompression bomb (${(bomb.length / 1024 / 1024).toFixed(1)} MB file inflating to ${BOMB_BYTES / 1024 / 1024} MB):`,
    `  outcome:                 ${bombResult.error?.code ?? 'read'} after ${bombResult.durationMs} ms`,
    `  worker buffers peak:     ${mb(bombStats?.peakBufferMb ?? 0)} (limit ${DEFAULT_DOCUMENT_LIMITS.maxBufferMb} MB)   heap peak: ${mb(bombStats?.peakHeapMb ?? 0)} (limit ${DEFAULT_DOCUMENT_LIMITS.maxHeapMb} MB)`,
    `  process RSS peak:        ${mb(bombStats?.peakRssMb ?? 0)}`,
  ];
  console.log(lines.join('\n'));
}

await main();
