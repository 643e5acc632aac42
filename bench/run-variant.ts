// Child process of the benchmark: runs one variant (floor, axe-only, default or all) of this build or of another one, and writes its figures as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Library from '../src/index.js';
import type { AuditOptions } from '../src/config/options.js';
import type { Gatherer } from '../src/gather/gatherer.js';
import { PhaseProfiler, setPhaseProfiler, type PhaseTotals } from '../src/util/phase-profile.js';
import { runFloor } from './floor.js';
import { treeCpuClock } from './process-memory.js';

/**
 * queued: the default audit as a coordinator sending pages to `welcomemat worker` processes through Redis.
 * all: every gatherer on every page (interaction sampling "all", no cap on sampled pages).
 * default-template: the default settings with the interaction sampling of before issue 12
 * (one walk per layout whatever widgets its pages carry), for a before/after in one run.
 */
export type Variant = 'floor' | 'axe-only' | 'default' | 'queued' | 'all' | 'default-template';

export interface VariantSpec {
  variant: Variant;
  startUrl: string;
  pageUrls: string[];
  concurrency: number;
  /** The queued variant's Redis (its workers are started by the bench). */
  redis?: string;
  /** Extra audit options, e.g. blockResources. */
  auditOptions?: Partial<AuditOptions>;
  outFile: string;
  /** The dist/ folder of the build to run (another worktree's, for before/after in one run); default this one. */
  distDir?: string;
  /** Time every phase of every page (src/util/phase-profile.ts); only this build has the profiler. */
  profile?: boolean;
}

export interface VariantResult {
  variant: Variant;
  pages: number;
  failed: number;
  durationMs: number;
  violations: number;
  findings?: number;
  renderMs?: number;
  htmlBytes?: number;
  jsonBytes?: number;
  /** Share of audited pages the keyboard gatherer walked (the others had a stand-in, or the layout limit was reached). */
  keyboardWalkedShare?: number;
  /** Pages the keyboard gatherer walked. */
  keyboardWalked?: number;
  /** Mean per-page milliseconds: load, all gatherers, and each gatherer where the report has it. */
  meanPageMs?: Record<string, number>;
  /** (page, gatherer) pairs started, and those that ended with their artifact (after the one retry). */
  gathererPairs?: { started: number; completed: number };
  /** Every finding as "rule kind path selector", sorted: before and after must match. */
  findingKeys?: string[];
  /** Per phase: total wall and CPU ms (CPU of the whole process tree), with --profile. */
  phases?: Record<string, PhaseTotals>;
}

/** Every check family, so the axe-only variant can switch all of welcomemat's own checks off. */
function allFamilies(library: typeof Library): string[] {
  return [...new Set(library.allChecks.map((check) => check.meta.family))];
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * Wraps every registered gatherer so its time per page is recorded: a profile from the
 * outside, without touching welcomemat's own code. Returns the totals by artifact name.
 */
function profileGatherers(allGatherers: Gatherer[], pairs: Set<string>): Map<string, { totalMs: number; runs: number }> {
  const totals = new Map<string, { totalMs: number; runs: number }>();
  for (const gatherer of allGatherers) {
    const original = gatherer.gather.bind(gatherer);
    gatherer.gather = async (context) => {
      // A retry is the same pair again: the set counts each (page, gatherer) once.
      pairs.add(`${context.url}\u0000${gatherer.artifact}`);
      const started = performance.now();
      try {
        return await original(context);
      } finally {
        const entry = totals.get(gatherer.artifact) ?? { totalMs: 0, runs: 0 };
        entry.totalMs += performance.now() - started;
        entry.runs++;
        totals.set(gatherer.artifact, entry);
      }
    };
  }
  return totals;
}

async function runWelcomemat(spec: VariantSpec): Promise<VariantResult> {
  const dist = spec.distDir ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const library = (await import(pathToFileURL(path.join(dist, 'src', 'index.js')).href)) as typeof Library;
  const { allGatherers } = (await import(pathToFileURL(path.join(dist, 'src', 'gather', 'registry.js')).href)) as { allGatherers: Gatherer[] };
  const startedPairs = new Set<string>();
  const gathererTotals = profileGatherers(allGatherers, startedPairs);
  const profiler = spec.profile ? new PhaseProfiler(treeCpuClock(process.pid)) : undefined;
  setPhaseProfiler(profiler);
  const options: AuditOptions = {
    urls: [spec.startUrl],
    maxPages: spec.pageUrls.length,
    concurrency: spec.concurrency,
    // The benchmark measures speed; a time budget would cut long runs short.
    timeBudgetMs: 0,
    ...(spec.variant === 'axe-only' ? { disabledFamilies: allFamilies(library) } : {}),
    ...(spec.variant === 'queued' && spec.redis ? { queue: { redis: spec.redis } } : {}),
    ...(spec.variant === 'all' ? { interaction: { sampling: 'all', maxPages: spec.pageUrls.length } } : {}),
    ...(spec.variant === 'default-template' ? { interaction: { sampling: 'template' as const } } : {}),
    ...spec.auditOptions,
  } as AuditOptions;
  const started = Date.now();
  const report = await library.audit(options);
  const durationMs = Date.now() - started;
  setPhaseProfiler(undefined);
  const { writeReport } = library;

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-bench-'));
  const renderStarted = Date.now();
  const [htmlPath, jsonPath] = await writeReport(report, { outDir, formats: ['html', 'json'] });
  const renderMs = Date.now() - renderStarted;
  const htmlBytes = fs.statSync(htmlPath).size;
  const jsonBytes = fs.statSync(jsonPath).size;
  fs.rmSync(outDir, { recursive: true, force: true });

  const audited = report.pages.filter((page) => !page.error);
  const meanPageMs: Record<string, number> = {
    load: mean(audited.map((page) => page.timing.loadMs)),
    gather: mean(audited.map((page) => page.timing.gatherMs)),
    total: mean(audited.map((page) => page.timing.totalMs)),
  };
  for (const [name, { totalMs, runs }] of gathererTotals) meanPageMs[name] = Math.round(totalMs / runs);
  // A pair that did not complete left a gatherer error (timed out or failed) on its page.
  const notCompleted = report.pages.reduce((sum, page) => sum + (page.gathererErrors?.length ?? 0), 0);
  const keyboardWalked = spec.variant === 'axe-only' ? 0 : (gathererTotals.get('keyboard')?.runs ?? 0);
  // Queued, the gatherers run in the workers' processes, where this one cannot count them.
  const counted = spec.variant !== 'queued';

  return {
    variant: spec.variant,
    pages: audited.length,
    failed: report.pages.length - audited.length,
    durationMs,
    violations: report.findings.filter((finding) => finding.kind === 'violation').length,
    findings: report.findings.length,
    renderMs,
    htmlBytes,
    jsonBytes,
    meanPageMs,
    ...(counted ? { gathererPairs: { started: startedPairs.size, completed: startedPairs.size - notCompleted } } : {}),
    findingKeys: report.findings.map((f) => `${f.ruleId} ${f.kind} ${new URL(f.url || spec.startUrl).pathname} ${f.selector}`).sort(),
    ...(profiler ? { phases: Object.fromEntries(profiler.totals) } : {}),
    ...(counted ? { keyboardWalked, keyboardWalkedShare: audited.length ? Math.round((keyboardWalked / audited.length) * 1000) / 1000 : 0 } : {}),
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as VariantSpec;
  const result: VariantResult =
    spec.variant === 'floor' ? { variant: 'floor', ...(await runFloor(spec.pageUrls, spec.concurrency)) } : await runWelcomemat(spec);
  fs.writeFileSync(spec.outFile, JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
