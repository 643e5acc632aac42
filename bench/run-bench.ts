// `npm run bench`: serves a generated site, runs the floor and welcomemat variants side by side, prints and saves the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConcurrency } from '../src/config/options.js';
import { writeReport } from '../src/report/write-report.js';
import type { Report } from '../src/model/report.js';
import { startGeneratedSite } from './generate-site.js';
import { childrenCpuSeconds, watchTree } from './process-memory.js';
import type { Variant, VariantResult, VariantSpec } from './run-variant.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/bench → the repository root, where bench-results/ goes. */
const repoRoot = path.resolve(here, '..', '..');

/** The default site size: big enough that start-up costs vanish, small enough for a few minutes. */
const DEFAULT_PAGES = 300;
/** Site sizes of the scaling run: linear time and flat memory must show across a 10× range. */
const SCALING_PAGES = [100, 300, 1000];
/** The CI smoke run: enough pages to cross nothing but to exercise every part. */
const SMOKE_PAGES = 20;
/** Synthetic report for render timing: 1,000 pages, over 20,000 findings (the target size). */
const RENDER_PAGES = 1000;
/** The sample report leaves one page in seven failed (no findings): 24 per audited page gives about 20,500. */
const RENDER_FINDINGS_PER_PAGE = 24;
const ALL_VARIANTS: Variant[] = ['floor', 'axe-only', 'default', 'default-template'];
/** Run unless --variants says otherwise; default-template is the before of issue 12's widget-aware sampling. */
const DEFAULT_VARIANTS: Variant[] = ['floor', 'axe-only', 'default', 'default-template'];

interface BenchConfig {
  sizes: number[];
  concurrency: number;
  variants: Variant[];
  repeat: number;
  syntheticRender: boolean;
  blockResources: string[];
  outDir: string;
}

interface Measured extends VariantResult {
  n: number;
  run: number;
  concurrency: number;
  pagesPerMinute: number;
  peakPssMb: number;
  peakProcesses: number;
  cpuSecondsPerPage: number;
  loadAverageBefore: number[];
  wallMs: number;
}

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const next = args[index + 1];
  return next === undefined || next.startsWith('--') ? 'true' : next;
}

function parseConfig(args: string[]): BenchConfig {
  const env = process.env;
  const scaling = flag(args, 'scaling') !== undefined || env.BENCH_SCALING === '1';
  const smoke = flag(args, 'smoke') !== undefined || env.BENCH_SMOKE === '1';
  const n = Number(flag(args, 'n') ?? env.BENCH_N ?? (smoke ? SMOKE_PAGES : DEFAULT_PAGES));
  const sizesText = flag(args, 'sizes') ?? env.BENCH_SIZES;
  const sizes = sizesText ? sizesText.split(',').map(Number) : scaling ? SCALING_PAGES : [n];
  const variantsText = flag(args, 'variants') ?? env.BENCH_VARIANTS;
  const variants = (variantsText ? variantsText.split(',') : DEFAULT_VARIANTS) as Variant[];
  for (const variant of variants) if (!ALL_VARIANTS.includes(variant)) throw new Error(`unknown variant "${variant}" (use ${ALL_VARIANTS.join(', ')})`);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('page counts must be positive integers');
  const blockText = flag(args, 'block-resources') ?? env.BENCH_BLOCK_RESOURCES;
  return {
    sizes,
    concurrency: Number(flag(args, 'concurrency') ?? env.BENCH_CONCURRENCY ?? defaultConcurrency()),
    variants,
    repeat: Number(flag(args, 'repeat') ?? env.BENCH_REPEAT ?? 1),
    syntheticRender: (flag(args, 'no-synthetic') ?? env.BENCH_NO_SYNTHETIC) === undefined && !smoke,
    blockResources: blockText && blockText !== 'true' ? blockText.split(',') : [],
    outDir: path.resolve(flag(args, 'out') ?? env.BENCH_OUT ?? path.join(repoRoot, 'bench-results')),
  };
}

/** Runs one variant in a child process and measures its whole process tree. */
async function measure(spec: Omit<VariantSpec, 'outFile'>, n: number, run: number, workDir: string): Promise<Measured> {
  const outFile = path.join(workDir, `${spec.variant}-${n}-${run}.json`);
  const specFile = `${outFile}.spec.json`;
  fs.writeFileSync(specFile, JSON.stringify({ ...spec, outFile }));
  const loadAverageBefore = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const cpuBefore = childrenCpuSeconds();
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(here, 'run-variant.js'), specFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  const watch = watchTree(child.pid!);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const memory = watch.stop();
  const wallMs = Date.now() - started;
  // Sampled tree CPU, or the reaped-children count if that is larger (it misses unreaped Chromium helpers).
  const cpuSeconds = Math.max(memory.cpuSeconds, childrenCpuSeconds() - cpuBefore);
  if (exitCode !== 0) throw new Error(`variant ${spec.variant} (N=${n}) exited with code ${exitCode}`);
  const result = JSON.parse(fs.readFileSync(outFile, 'utf8')) as VariantResult;
  return {
    ...result,
    n,
    run,
    concurrency: spec.concurrency,
    pagesPerMinute: Math.round((result.pages / (result.durationMs / 60_000)) * 10) / 10,
    peakPssMb: Math.round(memory.peakPssBytes / (1024 * 1024)),
    peakProcesses: memory.peakProcesses,
    cpuSecondsPerPage: Math.round((cpuSeconds / Math.max(1, result.pages)) * 1000) / 1000,
    loadAverageBefore,
    wallMs,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface SummaryRow {
  n: number;
  variant: Variant;
  runs: number;
  pages: number;
  pagesPerMinute: number;
  ratioToFloor: number | null;
  peakPssMb: number;
  pssRatioToFloor: number | null;
  cpuSecondsPerPage: number;
  renderMs: number | null;
  htmlKb: number | null;
  jsonKb: number | null;
  /** Share of pages the keyboard gatherer walked; null for the floor. */
  keyboardWalkedShare: number | null;
}

function summarize(results: Measured[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const n of [...new Set(results.map((r) => r.n))]) {
    const floor = results.filter((r) => r.n === n && r.variant === 'floor');
    const floorPpm = floor.length ? median(floor.map((r) => r.pagesPerMinute)) : null;
    const floorPss = floor.length ? median(floor.map((r) => r.peakPssMb)) : null;
    for (const variant of ALL_VARIANTS) {
      const runs = results.filter((r) => r.n === n && r.variant === variant);
      if (runs.length === 0) continue;
      const ppm = median(runs.map((r) => r.pagesPerMinute));
      const pss = median(runs.map((r) => r.peakPssMb));
      const render = runs.filter((r) => r.renderMs !== undefined);
      rows.push({
        n,
        variant,
        runs: runs.length,
        pages: median(runs.map((r) => r.pages)),
        pagesPerMinute: round(ppm, 1),
        ratioToFloor: floorPpm ? round(ppm / floorPpm) : null,
        peakPssMb: pss,
        pssRatioToFloor: floorPss ? round(pss / floorPss) : null,
        cpuSecondsPerPage: round(median(runs.map((r) => r.cpuSecondsPerPage)), 3),
        renderMs: render.length ? median(render.map((r) => r.renderMs!)) : null,
        htmlKb: render.length ? Math.round(median(render.map((r) => r.htmlBytes!)) / 1024) : null,
        jsonKb: render.length ? Math.round(median(render.map((r) => r.jsonBytes!)) / 1024) : null,
        keyboardWalkedShare: runs.every((r) => r.keyboardWalkedShare !== undefined) ? round(median(runs.map((r) => r.keyboardWalkedShare!)), 3) : null,
      });
    }
  }
  return rows;
}

function printTable(rows: SummaryRow[]): void {
  const header = ['N', 'variant', 'runs', 'pages', 'pages/min', '× floor', 'peak PSS MB', 'PSS × floor', 'CPU s/page', 'render ms', 'HTML KB', 'JSON KB', 'keyboard-walked'];
  const lines = rows.map((row) => [
    row.n,
    row.variant,
    row.runs,
    row.pages,
    row.pagesPerMinute,
    row.ratioToFloor ?? '',
    row.peakPssMb,
    row.pssRatioToFloor ?? '',
    row.cpuSecondsPerPage,
    row.renderMs ?? '',
    row.htmlKb ?? '',
    row.jsonKb ?? '',
    row.keyboardWalkedShare === null ? '' : `${Math.round(row.keyboardWalkedShare * 1000) / 10} %`,
  ].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

/** Renders a synthetic 1,000-page report (HTML and JSON) and times it; needs the test helper build. */
async function syntheticRender(): Promise<{ pages: number; findings: number; renderMs: number; htmlBytes: number; jsonBytes: number } | undefined> {
  const helper = path.join(here, '..', 'test', 'helpers', 'sample-report.js');
  if (!fs.existsSync(helper)) return undefined;
  const { makeSampleReport } = (await import(helper)) as { makeSampleReport(o: { pages: number; findingsPerPage: number }): Report };
  const report = makeSampleReport({ pages: RENDER_PAGES, findingsPerPage: RENDER_FINDINGS_PER_PAGE });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-render-'));
  const started = Date.now();
  const [htmlPath, jsonPath] = await writeReport(report, { outDir, formats: ['html', 'json'] });
  const renderMs = Date.now() - started;
  const sizes = { htmlBytes: fs.statSync(htmlPath).size, jsonBytes: fs.statSync(jsonPath).size };
  fs.rmSync(outDir, { recursive: true, force: true });
  return { pages: report.pages.length, findings: report.findings.length, renderMs, ...sizes };
}

async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-bench-work-'));
  const results: Measured[] = [];
  console.log(`welcomemat bench: sizes ${config.sizes.join(', ')}, concurrency ${config.concurrency}, variants ${config.variants.join(', ')}, repeat ${config.repeat}, ${os.availableParallelism()} cores, load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  try {
    for (const n of config.sizes) {
      const site = await startGeneratedSite(n);
      try {
        for (let run = 1; run <= config.repeat; run++) {
          // Alternate the order between runs so drift in machine load does not favour one variant.
          const order = run % 2 === 1 ? config.variants : [...config.variants].reverse();
          for (const variant of order) {
            const spec: Omit<VariantSpec, 'outFile'> = {
              variant,
              startUrl: site.startUrl,
              pageUrls: site.pageUrls,
              concurrency: config.concurrency,
              ...(config.blockResources.length && variant !== 'floor' ? { auditOptions: { blockResources: config.blockResources } as VariantSpec['auditOptions'] } : {}),
            };
            const measured = await measure(spec, n, run, workDir);
            results.push(measured);
            console.log(
              `  N=${n} run ${run} ${variant.padEnd(16)} ${measured.pages} pages in ${(measured.durationMs / 1000).toFixed(1)} s = ${measured.pagesPerMinute} pages/min, peak PSS ${measured.peakPssMb} MB, ${measured.cpuSecondsPerPage} CPU s/page, load ${measured.loadAverageBefore.join(' ')}` +
                (measured.meanPageMs ? `, mean ms/page ${JSON.stringify(measured.meanPageMs)}` : ''),
            );
          }
        }
      } finally {
        await site.server.close();
      }
    }
    const render = config.syntheticRender ? await syntheticRender() : undefined;
    const summary = summarize(results);
    console.log('');
    printTable(summary);
    if (render) console.log(`\nsynthetic report: ${render.pages} pages, ${render.findings} findings rendered (HTML+JSON) in ${render.renderMs} ms; HTML ${Math.round(render.htmlBytes / 1024)} KB, JSON ${Math.round(render.jsonBytes / 1024)} KB`);
    fs.mkdirSync(config.outDir, { recursive: true });
    const outFile = path.join(config.outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const document = {
      createdAt: new Date().toISOString(),
      machine: { cores: os.availableParallelism(), totalMemoryMb: Math.round(os.totalmem() / (1024 * 1024)), node: process.version, loadAverageAfter: os.loadavg() },
      config,
      summary,
      syntheticRender: render ?? null,
      runs: results,
    };
    fs.writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`\nresults written to ${path.relative(process.cwd(), outFile) || outFile}`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
