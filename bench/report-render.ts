// Report rendering benchmark: time and size per format for a big synthetic audit (1,000 pages, about 20,000 findings).
// Run: npm run build && node dist/bench/report-render.js [pages] [findingsPerPage]
import { renderers } from '../src/report/renderers/index.js';
import { makeSampleReport } from '../test/helpers/sample-report.js';

/** 1,000 pages × 20 findings: the size the report must stay usable at (issue 5). */
const pages = Number(process.argv[2] ?? 1000);
const perPage = Number(process.argv[3] ?? 20);
const report = makeSampleReport({ pages, findingsPerPage: perPage });
const context = { outDir: '/tmp/welcomemat-bench' };
console.log(`report: ${report.pages.length} pages, ${report.findings.length} findings, ${report.fixes.length} fixes`);
console.log('format    ms      size');
for (const name of ['html', 'json', 'csv', 'sarif', 'junit', 'md']) {
  const renderer = renderers[name];
  // One small warm-up render so template compilation is not counted.
  await renderer.render(makeSampleReport({ pages: 1 }), context);
  const started = performance.now();
  const files = renderer.renderFiles ? await renderer.renderFiles(report, context) : [{ fileName: renderer.fileName, contents: await renderer.render(report, context) }];
  const ms = performance.now() - started;
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  console.log(`${name.padEnd(8)} ${ms.toFixed(0).padStart(5)}  ${(bytes / 1e6).toFixed(2).padStart(6)} MB  (${files.map((file) => file.fileName).join(', ')})`);
}
