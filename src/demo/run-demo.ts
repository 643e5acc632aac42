// The main job of the quick start: serve the bundled demo site on 127.0.0.1, audit it, write the report.
import path from 'node:path';
import { audit } from '../audit/audit-site.js';
import { createProgressPrinter } from '../cli/progress.js';
import type { Report } from '../model/report.js';
import { writeReport } from '../report/write-report.js';
import { packageRoot } from '../util/package-root.js';
import { startSiteServer } from './site-server.js';

export const DEMO_SITE_ROOT = path.join(packageRoot, 'demo-site');

export interface DemoRun {
  report: Report;
  files: string[];
}

export interface DemoOptions {
  outDir: string;
  quiet?: boolean;
  formats?: string[];
  /** Aborting writes a partial report, as for any audit. */
  signal?: AbortSignal;
  sandbox?: 'auto' | 'on' | 'off';
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const server = await startSiteServer({ root: DEMO_SITE_ROOT });
  const printer = createProgressPrinter(process.stderr, options.quiet);
  const outDir = path.resolve(options.outDir);
  try {
    const report = await audit({
      urls: [`${server.url}/`],
      siteName: 'Crumb & Kettle (demo)',
      artifactsDir: path.join(outDir, 'screenshots'),
      onProgress: printer.onProgress,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.sandbox ? { browser: { sandbox: options.sandbox } } : {}),
    });
    printer.finish();
    // The demo shows everything an owner gets: the report and the three compliance documents (docs/compliance.md).
    const files = await writeReport(report, { outDir, formats: options.formats ?? ['html', 'json', 'conformance', 'statement', 'acr'] });
    const s = report.summary;
    process.stdout.write(
      `Audited the demo site: ${s.pagesAudited} pages, ${s.violations} violations and ${s.needsReview} to review in ${s.fixes} fixes.\n`,
    );
    for (const file of files) process.stdout.write(`Report: ${file}\n`);
    return { report, files };
  } finally {
    printer.finish();
    await server.close();
  }
}
