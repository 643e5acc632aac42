// Child process of the benchmark: runs one variant (floor, axe-only or default) and writes its figures as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { audit, allChecks, writeReport } from '../src/index.js';
import type { AuditOptions } from '../src/config/options.js';
import { allGatherers } from '../src/gather/registry.js';
import { runFloor } from './floor.js';

/**
 * default-template: the default settings with the interaction sampling of before issue 12
 * (one walk per layout whatever widgets its pages carry), for a before/after in one run.
 */
export type Variant = 'floor' | 'axe-only' | 'default' | 'default-template';

export interface VariantSpec {
  variant: Variant;
  startUrl: string;
  pageUrls: string[];
  concurrency: number;
  /** Extra audit options, e.g. blockResources. */
  auditOptions?: Partial<AuditOptions>;
  outFile: string;
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
}

/** Every check family, so the axe-only variant can switch all of welcomemat's own checks off. */
export function allFamilies(): string[] {
  return [...new Set(allChecks.map((check) => check.meta.family))];
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * Wraps every registered gatherer so its time per page is recorded: a profile from the
 * outside, without touching welcomemat's own code. Returns the totals by artifact name.
 */
function profileGatherers(): Map<string, { totalMs: number; runs: number }> {
  const totals = new Map<string, { totalMs: number; runs: number }>();
  for (const gatherer of allGatherers) {
    const original = gatherer.gather.bind(gatherer);
    gatherer.gather = async (context) => {
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
  const gathererTotals = profileGatherers();
  const options: AuditOptions = {
    urls: [spec.startUrl],
    maxPages: spec.pageUrls.length,
    concurrency: spec.concurrency,
    // The benchmark measures speed; a time budget would cut long runs short.
    timeBudgetMs: 0,
    ...(spec.variant === 'axe-only' ? { disabledFamilies: allFamilies() } : {}),
    ...(spec.variant === 'default-template' ? { interaction: { sampling: 'template' as const } } : {}),
    ...spec.auditOptions,
  };
  const started = Date.now();
  const report = await audit(options);
  const durationMs = Date.now() - started;

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
  const keyboardWalked = spec.variant === 'axe-only' ? 0 : (gathererTotals.get('keyboard')?.runs ?? 0);

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
    keyboardWalked,
    keyboardWalkedShare: audited.length ? Math.round((keyboardWalked / audited.length) * 1000) / 1000 : 0,
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
