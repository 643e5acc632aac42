// Optional per-phase timing of a page visit (navigation, settle, each gatherer, each check, report assembly): off unless a profiler is set, as the benchmark does.
import { AsyncLocalStorage } from 'node:async_hooks';

/** A clock the profiler reads at each phase boundary: wall time and CPU time, both in ms. */
export interface PhaseClock {
  wallMs(): number;
  /** CPU time so far of whatever the profiler measures (the benchmark: the whole process tree). */
  cpuMs(): number;
}

export interface PhaseTotals {
  wallMs: number;
  cpuMs: number;
  count: number;
}

/**
 * Sums wall and CPU time per named phase. With more than one page in flight phases
 * overlap and their CPU figures share the machine; the benchmark profiles at one page at
 * a time so each phase's CPU is its own.
 */
export class PhaseProfiler {
  readonly totals = new Map<string, PhaseTotals>();
  constructor(readonly clock: PhaseClock) {}

  add(phase: string, wallMs: number, cpuMs: number): void {
    const entry = this.totals.get(phase) ?? { wallMs: 0, cpuMs: 0, count: 0 };
    entry.wallMs += wallMs;
    entry.cpuMs += cpuMs;
    entry.count++;
    this.totals.set(phase, entry);
  }
}

let active: PhaseProfiler | undefined;
/** The phase a piece of work runs inside, so nested phases (a reload inside a gatherer) are named "outer › inner" and not counted twice. */
const parent = new AsyncLocalStorage<string>();

/** The name a phase is recorded under: nested in the phase it runs inside, if any. */
function qualified(phase: string): string {
  const outer = parent.getStore();
  return outer ? `${outer} › ${phase}` : phase;
}

/** Starts (or with undefined, stops) profiling in this process. */
export function setPhaseProfiler(profiler: PhaseProfiler | undefined): void {
  active = profiler;
}

/** Runs `work` as the named phase; without a profiler it is a plain call. */
export async function timePhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const profiler = active;
  if (!profiler) return work();
  const name = qualified(phase);
  const wall = profiler.clock.wallMs();
  const cpu = profiler.clock.cpuMs();
  try {
    return await parent.run(name, work);
  } finally {
    profiler.add(name, profiler.clock.wallMs() - wall, profiler.clock.cpuMs() - cpu);
  }
}

/** The same for synchronous work in this process (checks, report assembly): CPU from process.cpuUsage, no tree walk needed. */
export function timePhaseSync<T>(phase: string, work: () => T): T {
  const profiler = active;
  if (!profiler) return work();
  const name = qualified(phase);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return parent.run(name, work);
  } finally {
    const used = process.cpuUsage(cpu);
    profiler.add(name, performance.now() - wall, (used.user + used.system) / 1000);
  }
}
