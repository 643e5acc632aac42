// Report rendering benchmark: time and size per format for a big synthetic audit (1,000 pages, about 20,000 findings),
// then the HTML report as a reader opens it: main file size and first contentful paint in real Chromium.
// Run: npm run build && node dist/bench/report-render.js [pages] [findingsPerPage]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderers } from '../src/report/renderers/index.js';
import { writeReport } from '../src/report/write-report.js';
import { makeSampleReport } from '../test/helpers/sample-report.js';
import { measurePage } from './page-metrics.js';

/** 1,000 pages × 20 findings: the size the report must stay usable at (issue 5). */
const pages = Number(process.argv[2] ?? 1000);
const perPage = Number(process.argv[3] ?? 20);
/** Cold loads of the HTML report; the median is printed (one load swings with the machine's load). */
const OPENS = 3;
const report = makeSampleReport({ pages, findingsPerPage: perPage });
const context = { outDir: '/tmp/welcomemat-bench' };
console.log(`report: ${report.pages.length} pages, ${report.findings.length} findings, ${report.fixes.length} fixes`);
console.log('format    ms      size');
for (const name of ['html', 'json', 'csv', 'sarif', 'junit', 'md'] as const) {
  const renderer = renderers[name];
  // One small warm-up render so template compilation is not counted.
  await renderer.render(makeSampleReport({ pages: 1 }), context);
  const started = performance.now();
  const files = renderer.renderFiles ? await renderer.renderFiles(report, context) : [{ fileName: renderer.fileName, contents: await renderer.render(report, context) }];
  const ms = performance.now() - started;
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  const names = files.length > 4 ? `${files[0].fileName} and ${files.length - 1} more` : files.map((file) => file.fileName).join(', ');
  console.log(`${name.padEnd(8)} ${ms.toFixed(0).padStart(5)}  ${(bytes / 1e6).toFixed(2).padStart(6)} MB  (${names})`);
}

// The HTML report as written to a folder and opened from file://, as a reader would.
const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-bench-html-'));
try {
  const [main] = await writeReport(report, { outDir, formats: ['html'] });
  const mainBytes = (await fs.stat(main)).size;
  const htmlFiles = (await fs.readdir(outDir, { recursive: true })).filter((file) => String(file).endsWith('.html'));
  let allBytes = 0;
  for (const file of htmlFiles) allBytes += (await fs.stat(path.join(outDir, String(file)))).size;
  const runs = [];
  for (let i = 0; i < OPENS; i++) runs.push(await measurePage(main));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const fcp = median(runs.map((run) => run.firstContentfulPaintMs ?? Number.NaN));
  console.log(`html main file ${(mainBytes / 1e6).toFixed(2)} MB; ${htmlFiles.length} HTML file(s), ${(allBytes / 1e6).toFixed(2)} MB in all`);
  console.log(
    `opened in Chromium (median of ${OPENS}): first contentful paint ${fcp} ms, DOMContentLoaded ${median(runs.map((run) => run.domContentLoadedMs))} ms, load ${median(runs.map((run) => run.loadMs))} ms, height ${runs[0].scrollHeight} px (load average ${os.loadavg()[0].toFixed(1)})`,
  );
} finally {
  await fs.rm(outDir, { recursive: true, force: true });
}
