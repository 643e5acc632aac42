// `npm run bench`: serves a generated site, runs the floor and welcomemat variants side by side, prints and saves the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConcurrency } from '../src/config/options.js';
import { writeReport } from '../src/report/write-report.js';
import type { Report } from '../src/model/report.js';
import { startGeneratedSite, type GeneratedSite } from './generate-site.js';
import { childrenCpuSeconds, watchTree, type PeakBreakdown } from './process-memory.js';
import { median } from './stats.js';
import { startTinySite } from './tiny-site.js';
import type { Variant, VariantResult, VariantSpec } from './run-variant.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/bench → the repository root, where bench-results/ goes. */
const repoRoot = path.resolve(here, '..', '..');

/** The issue's default site size: big enough that start-up costs vanish, small enough for a few minutes. */
const DEFAULT_PAGES = 300;
/** Site sizes of the scaling run: linear time and flat memory must show across a 10× range. */
const SCALING_PAGES = [100, 300, 1000];
/** The CI smoke run: enough pages to cross nothing but to exercise every part. */
const SMOKE_PAGES = 20;
/** Synthetic report for render timing: 1,000 pages, over 20,000 findings (the issue's target size). */
const RENDER_PAGES = 1000;
/** The sample report leaves one page in seven failed (no findings): 24 per audited page gives about 20,500. */
const RENDER_FINDINGS_PER_PAGE = 24;
const ALL_VARIANTS: Variant[] = ['floor', 'axe-only', 'default', 'default-template', 'all', 'queued'];
/** What runs without --variants; `all` is long and `queued` needs redis-server: both only when asked for. */
/** default-template is the before of issue 12's widget-aware sampling. */
const DEFAULT_VARIANTS: Variant[] = ['floor', 'axe-only', 'default', 'default-template'];
/** The issue's queued set-up: two workers of concurrency 1 on this machine. */
const QUEUED_WORKERS = 2;
const QUEUED_WORKER_CONCURRENCY = 1;
/** Pages the coordinator keeps in flight: the workers' two slots plus two waiting, so no worker waits on the crawl. */
const QUEUED_IN_FLIGHT = 4;
/** Pages of the --profile run: enough for stable means per phase, few enough at one page at a time. */
const PROFILE_PAGES = 40;
type Code = 'after' | 'before';

interface BenchConfig {
  sizes: number[];
  concurrency: number;
  variants: Variant[];
  repeat: number;
  syntheticRender: boolean;
  blockResources: string[];
  /** Chromium's CPU slow-down for the welcomemat variants (browser.cpuThrottling): 4 = a busy or slow machine. */
  cpuThrottling: number;
  outDir: string;
  /** bakery: the generated small-business site; tiny: one component per page. */
  site: 'bakery' | 'tiny';
  /** A worktree (built) whose code runs as "before", side by side with this one. */
  baseline?: string;
  /** Phase profile at one page at a time instead of the timed runs. */
  profile: boolean;
  /** Whether --variants was given (else --profile profiles default and all). */
  variantsGiven: boolean;
}

/** What the queued variant measures besides the coordinator: its workers and Redis. */
interface QueuedFigures {
  workers: number;
  workerConcurrency: number;
  coordinatorCpuSecondsPerPage: number;
  workerCpuSecondsPerPage: number;
  workerPeakPssMb: number;
  redisPeakMb: number;
  redisBaselineMb: number;
  /** Redis peak above its empty baseline, scaled to 1,000 pages (it is bounded by pages in flight, not by N). */
  redisPeakMbPer1000Pages: number;
}

interface Measured extends VariantResult {
  queued?: QueuedFigures;
  code: Code;
  /** Share of the run's wall time the tree kept the cores busy: CPU seconds ÷ (wall seconds × cores). */
  cpuBusyShare: number;
  n: number;
  run: number;
  concurrency: number;
  pagesPerMinute: number;
  peakPssMb: number;
  peakProcesses: number;
  /** Where the peak PSS sat: MB of Node, Chromium's browser process, renderers and other helpers. */
  peakBreakdown: PeakBreakdown;
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
    cpuThrottling: Number(flag(args, 'cpu-throttling') ?? env.BENCH_CPU_THROTTLING ?? 1),
    outDir: path.resolve(flag(args, 'out') ?? env.BENCH_OUT ?? path.join(repoRoot, 'bench-results')),
    site: (flag(args, 'site') ?? env.BENCH_SITE ?? 'bakery') === 'tiny' ? 'tiny' : 'bakery',
    ...((flag(args, 'baseline') ?? env.BENCH_BASELINE) ? { baseline: path.resolve(flag(args, 'baseline') ?? env.BENCH_BASELINE!) } : {}),
    profile: flag(args, 'profile') !== undefined || env.BENCH_PROFILE === '1',
    variantsGiven: variantsText !== undefined,
  };
}

/** Audit options the welcomemat variants share: resource blocking and CPU throttling when asked for. */
function welcomematOptions(config: BenchConfig): VariantSpec['auditOptions'] {
  return {
    ...(config.blockResources.length ? { blockResources: config.blockResources } : {}),
    ...(config.cpuThrottling > 1 ? { browser: { cpuThrottling: config.cpuThrottling } } : {}),
  } as VariantSpec['auditOptions'];
}

/** Runs one variant in a child process and measures its whole process tree. */
async function measure(spec: Omit<VariantSpec, 'outFile'>, n: number, run: number, workDir: string, code: Code = 'after'): Promise<Measured> {
  const outFile = path.join(workDir, `${spec.variant}-${code}-${n}-${run}.json`);
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
  // The queued variant's workers are children too and may be reaped meanwhile: only the coordinator's own tree counts for it.
  const cpuSeconds = spec.variant === 'queued' ? memory.cpuSeconds : Math.max(memory.cpuSeconds, childrenCpuSeconds() - cpuBefore);
  if (exitCode !== 0) throw new Error(`variant ${spec.variant} (N=${n}) exited with code ${exitCode}`);
  const result = JSON.parse(fs.readFileSync(outFile, 'utf8')) as VariantResult;
  return {
    ...result,
    code,
    cpuBusyShare: round(cpuSeconds / ((wallMs / 1000) * os.availableParallelism()), 2),
    n,
    run,
    concurrency: spec.concurrency,
    pagesPerMinute: Math.round((result.pages / (result.durationMs / 60_000)) * 10) / 10,
    peakPssMb: Math.round(memory.peakPssBytes / (1024 * 1024)),
    peakProcesses: memory.peakProcesses,
    peakBreakdown: memory.peakBreakdown,
    cpuSecondsPerPage: Math.round((cpuSeconds / Math.max(1, result.pages)) * 1000) / 1000,
    loadAverageBefore,
    wallMs,
  };
}

/** "node 180, browser 120, 3 renderers 400, other 60 MB; at most 5 renderers": where the peak PSS sat. */
function breakdownText(peak: PeakBreakdown | undefined): string {
  if (!peak) return 'no breakdown';
  const { node, browser, renderer, other } = peak.mb;
  return `node ${node}, browser ${browser}, ${peak.renderers} renderers ${renderer}, other ${other} MB; at most ${peak.maxRenderers} renderers`;
}

/** "1,192 of 1,200 (99.3 %)": the share of (page, gatherer) pairs that ended with their artifact. */
function completionText(pairs: { started: number; completed: number }): string {
  const share = pairs.started === 0 ? 100 : (pairs.completed / pairs.started) * 100;
  return `${pairs.completed} of ${pairs.started} (${share.toFixed(1)} %)`;
}

function completedPct(runs: Measured[]): number | null {
  const started = runs.reduce((sum, r) => sum + (r.gathererPairs?.started ?? 0), 0);
  const completed = runs.reduce((sum, r) => sum + (r.gathererPairs?.completed ?? 0), 0);
  return started === 0 ? null : round((completed / started) * 100, 1);
}

/**
 * The queued variant: a fresh redis-server, QUEUED_WORKERS `welcomemat worker` processes, and the
 * coordinator measured like any variant (its own process tree); workers and Redis measured beside it.
 */
async function measureQueued(spec: Omit<VariantSpec, 'outFile'>, n: number, run: number, workDir: string, code: Code = 'after'): Promise<Measured> {
  const { startRedis } = (await import(path.join(here, '..', 'test', 'helpers', 'redis-server.js'))) as typeof import('../test/helpers/redis-server.js');
  const redis = await startRedis();
  const { Redis } = await import('ioredis');
  const client = new Redis(redis.url);
  const workers = Array.from({ length: QUEUED_WORKERS }, () =>
    spawn(process.execPath, [path.join(repoRoot, 'bin', 'welcomemat.js'), 'worker', '--redis', redis.url, '--concurrency', String(QUEUED_WORKER_CONCURRENCY)], { stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const watches = workers.map((worker) => watchTree(worker.pid!));
  try {
    const baseline = memoryOf(await client.info('memory'), 'used_memory');
    const measured = await measure({ ...spec, redis: redis.url, concurrency: QUEUED_IN_FLIGHT }, n, run, workDir, code);
    const peak = memoryOf(await client.info('memory'), 'used_memory_peak');
    const workerStats = watches.map((watch) => watch.stop());
    const pages = Math.max(1, measured.pages);
    const mb = (bytes: number) => round(bytes / (1024 * 1024), 2);
    return {
      ...measured,
      queued: {
        workers: QUEUED_WORKERS,
        workerConcurrency: QUEUED_WORKER_CONCURRENCY,
        coordinatorCpuSecondsPerPage: measured.cpuSecondsPerPage,
        workerCpuSecondsPerPage: round(workerStats.reduce((sum, stat) => sum + stat.cpuSeconds, 0) / pages, 3),
        workerPeakPssMb: Math.round(workerStats.reduce((sum, stat) => sum + stat.peakPssBytes, 0) / (1024 * 1024)),
        redisPeakMb: mb(peak),
        redisBaselineMb: mb(baseline),
        redisPeakMbPer1000Pages: round(((peak - baseline) / (1024 * 1024)) * (1000 / pages), 2),
      },
    };
  } finally {
    for (const watch of watches) watch.stop();
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? new Promise((resolve) => worker.once('exit', resolve)) : undefined)));
    client.disconnect();
    await redis.stop();
  }
}

/** A byte count from INFO memory, e.g. used_memory_peak. */
function memoryOf(info: string, field: string): number {
  return Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface SummaryRow {
  n: number;
  variant: Variant;
  code: Code;
  cpuBusyShare: number;
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
  /** Share of (page, gatherer) pairs that completed, in per cent, over every run of the variant. */
  gatherersCompletedPct: number | null;
  /** Share of pages the keyboard gatherer walked; null for the floor. */
  keyboardWalkedShare: number | null;
}

function summarize(results: Measured[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const n of [...new Set(results.map((r) => r.n))]) {
    const floor = results.filter((r) => r.n === n && r.variant === 'floor');
    const floorPpm = floor.length ? median(floor.map((r) => r.pagesPerMinute)) : null;
    const floorPss = floor.length ? median(floor.map((r) => r.peakPssMb)) : null;
    for (const [variant, code] of ALL_VARIANTS.flatMap((v) => (['before', 'after'] as Code[]).map((c) => [v, c] as const))) {
      const runs = results.filter((r) => r.n === n && r.variant === variant && r.code === code);
      if (runs.length === 0) continue;
      const ppm = median(runs.map((r) => r.pagesPerMinute));
      const pss = median(runs.map((r) => r.peakPssMb));
      const render = runs.filter((r) => r.renderMs !== undefined);
      rows.push({
        n,
        variant,
        code,
        cpuBusyShare: round(median(runs.map((r) => r.cpuBusyShare))),
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
        gatherersCompletedPct: completedPct(runs),
        keyboardWalkedShare: runs.every((r) => r.keyboardWalkedShare !== undefined) ? round(median(runs.map((r) => r.keyboardWalkedShare!)), 3) : null,
      });
    }
  }
  return rows;
}

function printTable(rows: SummaryRow[]): void {
  const header = ['N', 'variant', 'code', 'runs', 'pages', 'pages/min', '× floor', 'peak PSS MB', 'PSS × floor', 'CPU s/page', 'CPU busy', 'render ms', 'HTML KB', 'JSON KB', 'gatherers done %', 'keyboard-walked'];
  const lines = rows.map((row) => [
    row.n,
    row.variant,
    row.variant === 'floor' ? '' : row.code,
    row.runs,
    row.pages,
    row.pagesPerMinute,
    row.ratioToFloor ?? '',
    row.peakPssMb,
    row.pssRatioToFloor ?? '',
    row.cpuSecondsPerPage,
    `${Math.round(row.cpuBusyShare * 100)} %`,
    row.renderMs ?? '',
    row.htmlKb ?? '',
    row.jsonKb ?? '',
    row.gatherersCompletedPct ?? '',
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

function startSite(config: BenchConfig, n: number): Promise<GeneratedSite> {
  return config.site === 'tiny' ? startTinySite(n) : startGeneratedSite(n);
}

interface FindingDiff {
  n: number;
  variant: Variant;
  /** before-after: the two builds' first runs; run-to-run: this build's first two runs (the noise to compare with). */
  kind: 'before-after' | 'run-to-run';
  onlyBefore: string[];
  onlyAfter: string[];
}

function diffKeys(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const key of a) count.set(key, (count.get(key) ?? 0) + 1);
  const onlyB: string[] = [];
  for (const key of b) {
    const left = count.get(key) ?? 0;
    if (left > 0) count.set(key, left - 1);
    else onlyB.push(key);
  }
  const onlyA = [...count].flatMap(([key, left]) => Array<string>(left).fill(key));
  return { onlyA, onlyB };
}

/** Findings must not change with a speed change: compares before and after (and, as the noise floor, two runs of after). */
function compareFindings(results: Measured[]): FindingDiff[] {
  const diffs: FindingDiff[] = [];
  for (const n of [...new Set(results.map((r) => r.n))]) {
    for (const variant of ALL_VARIANTS.filter((v) => v !== 'floor')) {
      const after = results.filter((r) => r.n === n && r.variant === variant && r.code === 'after' && r.findingKeys);
      const before = results.find((r) => r.n === n && r.variant === variant && r.code === 'before' && r.findingKeys);
      const pairs: [FindingDiff['kind'], Measured | undefined, Measured | undefined][] = [
        ['before-after', before, after[0]],
        ['run-to-run', after[0], after[1]],
      ];
      for (const [kind, a, b] of pairs) {
        if (!a || !b) continue;
        const { onlyA, onlyB } = diffKeys(a.findingKeys!, b.findingKeys!);
        diffs.push({ n, variant, kind, onlyBefore: onlyA, onlyAfter: onlyB });
        const same = onlyA.length === 0 && onlyB.length === 0;
        console.log(`  findings N=${n} ${variant} ${kind}: ${same ? `identical (${a.findingKeys!.length})` : `${onlyA.length} only in the first, ${onlyB.length} only in the second`}`);
        for (const key of onlyA.slice(0, 10)) console.log(`    - ${key}`);
        for (const key of onlyB.slice(0, 10)) console.log(`    + ${key}`);
      }
    }
  }
  return diffs;
}

/**
 * `--profile`: where a page's time goes. Each variant (default: default and all) runs once
 * at one page at a time, so every phase's CPU (of the whole process tree) is its own;
 * idle is a phase's wall time the tree spent not computing (waiting for the network,
 * timers, a renderer starting).
 */
async function profileRun(config: BenchConfig, workDir: string): Promise<void> {
  const n = config.sizes.length === 1 && config.sizes[0] !== DEFAULT_PAGES ? config.sizes[0] : PROFILE_PAGES;
  const chosen = config.variantsGiven ? config.variants.filter((v) => v !== 'floor') : (['default', 'all'] as Variant[]);
  const site = await startSite(config, n);
  const profiles: Record<string, unknown> = {};
  try {
    for (const variant of chosen) {
      const measured = await measure({ variant, startUrl: site.startUrl, pageUrls: site.pageUrls, concurrency: 1, profile: true }, n, 1, workDir);
      const phases = measured.phases ?? {};
      const pages = measured.pages;
      const top = Object.entries(phases).filter(([name]) => !name.includes(' › '));
      const covered = top.reduce((sum, [, t]) => sum + t.wallMs, 0);
      const checks = top.filter(([name]) => name.startsWith('check: '));
      const checkWall = checks.reduce((sum, [, t]) => sum + t.wallMs, 0);
      const checkCpu = checks.reduce((sum, [, t]) => sum + t.cpuMs, 0);
      const rows: [string, number, number, number][] = [];
      for (const [name, t] of Object.entries(phases)) {
        if (name.startsWith('check: ')) continue;
        rows.push([name, t.count / pages, t.wallMs / pages, t.cpuMs / pages]);
      }
      rows.push([`page checks (${checks.length}, all together)`, 1, checkWall / pages, checkCpu / pages]);
      const slowest = checks.sort((a, b) => b[1].wallMs - a[1].wallMs).slice(0, 5);
      rows.push(['rest: crawl, robots, sitemap, launch, queue', 1, Math.max(0, measured.durationMs - covered) / pages, NaN]);
      console.log(`\nprofile: ${variant}, ${pages} pages at concurrency 1, ${(measured.durationMs / 1000).toFixed(1)} s, ${measured.cpuSecondsPerPage} CPU s/page, CPU busy ${Math.round(measured.cpuBusyShare * 100)} % of ${os.availableParallelism()} cores`);
      console.log('| phase | times/page | wall ms/page | CPU ms/page | idle ms/page | share of wall |\n| --- | --- | --- | --- | --- | --- |');
      const total = measured.durationMs / pages;
      for (const [name, count, wall, cpu] of rows) {
        const idle = Number.isNaN(cpu) ? '' : Math.max(0, wall - cpu).toFixed(0);
        console.log(`| ${name} | ${count.toFixed(2)} | ${wall.toFixed(0)} | ${Number.isNaN(cpu) ? '' : cpu.toFixed(0)} | ${idle} | ${name.includes(' › ') ? '(inside)' : `${((wall / total) * 100).toFixed(1)} %`} |`);
      }
      console.log(`slowest checks (wall ms/page): ${slowest.map(([name, t]) => `${name.slice(7)} ${(t.wallMs / pages).toFixed(2)}`).join(', ')}`);
      profiles[variant] = { pages, durationMs: measured.durationMs, cpuSecondsPerPage: measured.cpuSecondsPerPage, cpuBusyShare: measured.cpuBusyShare, phases };
    }
  } finally {
    await site.server.close();
  }
  fs.mkdirSync(config.outDir, { recursive: true });
  const outFile = path.join(config.outDir, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(outFile, `${JSON.stringify({ createdAt: new Date().toISOString(), config, profiles }, null, 2)}\n`);
  console.log(`\nprofile written to ${outFile}`);
}

async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-bench-work-'));
  const results: Measured[] = [];
  console.log(`welcomemat bench: sizes ${config.sizes.join(', ')}, concurrency ${config.concurrency}, variants ${config.variants.join(', ')}, repeat ${config.repeat}, ${os.availableParallelism()} cores, load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  try {
    if (config.profile) {
      await profileRun(config, workDir);
      return;
    }
    for (const n of config.sizes) {
      const site = await startSite(config, n);
      try {
        for (let run = 1; run <= config.repeat; run++) {
          // Before and after side by side for each variant; the floor once a round.
          const jobs = config.variants.flatMap((variant): [Variant, Code][] =>
            variant === 'floor' || !config.baseline ? [[variant, 'after']] : [[variant, 'before'], [variant, 'after']],
          );
          // Alternate the order between runs so drift in machine load does not favour one variant.
          const order = run % 2 === 1 ? jobs : [...jobs].reverse();
          for (const [variant, code] of order) {
            const spec: Omit<VariantSpec, 'outFile'> = {
              variant,
              startUrl: site.startUrl,
              pageUrls: site.pageUrls,
              concurrency: config.concurrency,
              ...(code === 'before' ? { distDir: path.join(config.baseline!, 'dist') } : {}),
              ...(variant !== 'floor' ? { auditOptions: welcomematOptions(config) } : {}),
            };
            const measured = variant === 'queued' ? await measureQueued(spec, n, run, workDir, code) : await measure(spec, n, run, workDir, code);
            results.push(measured);
            if (measured.queued) console.log(`  N=${n} run ${run} queued: ${JSON.stringify(measured.queued)}`);
            const label = variant === 'floor' ? variant : `${variant}/${code}`;
            console.log(
              `  N=${n} run ${run} ${label.padEnd(15)} ${measured.pages} pages in ${(measured.durationMs / 1000).toFixed(1)} s = ${measured.pagesPerMinute} pages/min, peak PSS ${measured.peakPssMb} MB (${breakdownText(measured.peakBreakdown)}), ${measured.cpuSecondsPerPage} CPU s/page, CPU busy ${Math.round(measured.cpuBusyShare * 100)} %, load ${measured.loadAverageBefore.join(' ')}` +
                (measured.gathererPairs ? `, gatherers completed ${completionText(measured.gathererPairs)}` : '') +
                (measured.meanPageMs ? `, mean ms/page ${JSON.stringify(measured.meanPageMs)}` : ''),
            );
          }
        }
      } finally {
        await site.server.close();
      }
    }
    const findingDiffs = compareFindings(results);
    const render = config.syntheticRender ? await syntheticRender() : undefined;
    const summary = summarize(results);
    console.log('');
    printTable(summary);
    for (const n of config.sizes) {
      const inProcess = summary.find((row) => row.n === n && row.variant === 'default');
      const queuedRow = summary.find((row) => row.n === n && row.variant === 'queued');
      if (inProcess && queuedRow) console.log(`\nN=${n}: queued (${QUEUED_WORKERS} workers × ${QUEUED_WORKER_CONCURRENCY}) reaches ${round(queuedRow.pagesPerMinute / inProcess.pagesPerMinute)}× the in-process pages per minute`);
    }
    if (render) console.log(`\nsynthetic report: ${render.pages} pages, ${render.findings} findings rendered (HTML+JSON) in ${render.renderMs} ms; HTML ${Math.round(render.htmlBytes / 1024)} KB, JSON ${Math.round(render.jsonBytes / 1024)} KB`);
    fs.mkdirSync(config.outDir, { recursive: true });
    const outFile = path.join(config.outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const document = {
      createdAt: new Date().toISOString(),
      machine: { cores: os.availableParallelism(), totalMemoryMb: Math.round(os.totalmem() / (1024 * 1024)), node: process.version, loadAverageAfter: os.loadavg() },
      config,
      summary,
      syntheticRender: render ?? null,
      findingDiffs,
      runs: results.map(({ findingKeys: _keys, ...rest }) => rest),
    };
    fs.writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`\nresults written to ${path.relative(process.cwd(), outFile) || outFile}`);
    if (findingDiffs.some((diff) => diff.kind === 'before-after' && (diff.onlyBefore.length > 0 || diff.onlyAfter.length > 0))) {
      console.error('findings differ between before and after (see above)');
      process.exitCode = 3;
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
