// Time budgets that hold on a busy machine or a heavy page: a gatherer's base budget scaled by how fast this page runs here.
import type { Page } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import type { Gatherer } from '../gather/gatherer.js';
import { withBudget } from '../util/with-budget.js';

/** How fast the audited page runs on this machine right now, measured once per page. */
export interface PagePace {
  /** Navigation to settled, in ms. */
  loadMs: number;
  /** A fixed piece of script work in the page, in ms (the fastest of three runs). */
  calibrationMs: number;
  /** The factor every base budget is multiplied by on the first attempt (1 to MAX_SCALE). */
  scale: number;
}

/**
 * The calibration loop takes about this long in a page on an idle 2-core machine of the
 * project's kind (measured: 1.5–2.5 ms); a page that takes four times as long runs on a
 * CPU four times slower, and its gatherers need four times the time.
 */
export const CALIBRATION_REFERENCE_MS = 2.5;
/** Budgets grow at most fourfold on the first attempt: Chromium's 4× CPU throttling, the slowest case the tests prove. */
export const MAX_SCALE = 4;
/** The retry of a timed-out gatherer gets twice the first attempt's scale, at most this. */
export const MAX_RETRY_SCALE = 8;
/**
 * Interactive gatherers load the page again in a tab of their own, inside their budget;
 * that load costs about what the first one did, so it is added on top (at most this, in ms,
 * so a page that loads for 30 s does not buy minutes of keyboard walking).
 */
const MAX_RELOAD_ALLOWANCE_MS = 10_000;

/**
 * A page whose main thread does not answer within this long is busy with its own script;
 * more time would not help its gatherers, so it keeps the base budgets.
 */
const CALIBRATION_TIMEOUT_MS = 2_000;

/** Runs a fixed amount of script work in the page three times and keeps the fastest: noise only ever adds time. */
export async function measurePace(page: Page, loadMs: number): Promise<PagePace> {
  let calibrationMs = CALIBRATION_REFERENCE_MS;
  try {
    calibrationMs = await withBudget(CALIBRATION_TIMEOUT_MS, 'pace calibration', () => page.evaluate(() => {
      const runs: number[] = [];
      let sink = 0;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        // 200,000 multiply-modulo steps: long enough to time, short enough not to matter (a few ms).
        for (let i = 0; i < 200_000; i++) sink = (sink * 31 + i) % 1_000_003;
        runs.push(performance.now() - started);
      }
      (window as unknown as { __wmPaceSink?: number }).__wmPaceSink = sink;
      return Math.min(...runs);
    }));
  } catch {
    // A page that cannot run script gets base budgets; its gatherers will say what failed.
  }
  const scale = Math.min(MAX_SCALE, Math.max(1, calibrationMs / CALIBRATION_REFERENCE_MS));
  return { loadMs, calibrationMs, scale: Math.round(scale * 100) / 100 };
}

/** A gatherer's base budget: the config's `gathererBudgets` entry, else its own. */
export function baseBudget(gatherer: Gatherer, options: ResolvedOptions): number {
  return options.gathererBudgets[gatherer.artifact] ?? gatherer.budgetMs(options);
}

/** The budget of a gatherer's first (attempt 1) or second (attempt 2) try on a page of this pace. */
export function budgetFor(gatherer: Gatherer, options: ResolvedOptions, pace: PagePace, attempt: 1 | 2): number {
  const scale = attempt === 1 ? pace.scale : Math.min(MAX_RETRY_SCALE, pace.scale * 2);
  const reload = gatherer.phase === 'interactive' ? Math.min(pace.loadMs, MAX_RELOAD_ALLOWANCE_MS) : 0;
  return Math.round(baseBudget(gatherer, options) * scale + reload);
}

/** The longest a page's gatherers can take in all (every budget at its largest, retries included), for the page's own time limit. */
export function worstCaseGatherMs(gatherers: Gatherer[], options: ResolvedOptions): number {
  let total = 0;
  for (const gatherer of gatherers) {
    const base = baseBudget(gatherer, options);
    const reload = gatherer.phase === 'interactive' ? MAX_RELOAD_ALLOWANCE_MS : 0;
    total += base * MAX_SCALE + reload;
    if (gatherer.retryOnTimeout ?? gatherer.phase === 'interactive') total += base * MAX_RETRY_SCALE + reload;
  }
  return total;
}
