// Samples the proportional set size (PSS) of a whole process tree from /proc, so shared pages count once.
import fs from 'node:fs';

/** How often the tree is sampled (ms): short enough to catch a tab's peak, cheap enough not to disturb. */
export const SAMPLE_INTERVAL_MS = 250;

/** Parent pid of every live process, read from /proc/<pid>/stat. */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; fields after it are fixed.
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(after[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** `root` and every descendant of it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentPids()) {
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU clock ticks (user + system) one process has used so far, or 0 if it is gone. */
function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) sit at 11 and 12 after the command name.
    return Number(after[11]) + Number(after[12]);
  } catch {
    return 0;
  }
}

/** PSS of one process in bytes, or 0 if it is gone or unreadable. */
function pssBytes(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface TreeSample {
  pssBytes: number;
  processes: number;
  /** CPU ticks used so far by each process in the tree. */
  ticks: Map<number, number>;
  /** PSS in bytes by kind of process. */
  byKind: Record<ProcessKind, number>;
  /** Chromium renderer processes alive. */
  renderers: number;
}

/** What a process of the tree is, for the peak's breakdown: Node, Chromium's browser process, a renderer, or another Chromium helper. */
export type ProcessKind = 'node' | 'browser' | 'renderer' | 'other';

/**
 * Renderers and browser processes of the tree last sampled (most of it): such a process keeps its
 * kind while it lives. Not the others: a process just forked still shows its parent's command
 * line (Node's, or the zygote's) until it execs or renames itself. Pids that left the tree are
 * dropped at each sample: pids are reused (32,768 of them here) and a long benchmark spawns many.
 */
const kinds = new Map<number, ProcessKind>();

function processKind(pid: number): ProcessKind {
  const known = kinds.get(pid);
  if (known) return known;
  const kind = readProcessKind(pid);
  if (kind === 'renderer' || kind === 'browser') kinds.set(pid, kind);
  return kind;
}

function readProcessKind(pid: number): ProcessKind {
  try {
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!/chrom/i.test(commandLine.split('\0')[0] ?? '')) return 'node';
    const type = /--type=([a-z-]+)/.exec(commandLine)?.[1];
    return type === undefined ? 'browser' : type === 'renderer' ? 'renderer' : 'other';
  } catch {
    return 'other';
  }
}

export function sampleTree(root: number): TreeSample {
  const pids = processTree(root);
  let total = 0;
  const ticks = new Map<number, number>();
  const byKind: Record<ProcessKind, number> = { node: 0, browser: 0, renderer: 0, other: 0 };
  let renderers = 0;
  for (const pid of pids) {
    const bytes = pssBytes(pid);
    const kind = processKind(pid);
    total += bytes;
    byKind[kind] += bytes;
    if (kind === 'renderer') renderers++;
    ticks.set(pid, cpuTicks(pid));
  }
  const alive = new Set(pids);
  for (const pid of kinds.keys()) if (!alive.has(pid)) kinds.delete(pid);
  return { pssBytes: total, processes: pids.length, ticks, byKind, renderers };
}

export interface MemoryWatch {
  /**
   * Stops sampling and returns the peak seen, and the CPU seconds the tree used as last
   * sampled per process (a process's last SAMPLE_INTERVAL_MS before it exits is missed).
   */
  stop(): { peakPssBytes: number; peakProcesses: number; samples: number; cpuSeconds: number; peakBreakdown: PeakBreakdown };
}

/** The tree at its PSS peak: MB by kind of process, and how many renderers were alive. */
export interface PeakBreakdown {
  mb: Record<ProcessKind, number>;
  renderers: number;
  /** Most renderers alive at once over the whole run. */
  maxRenderers: number;
}

/** Samples the tree under `root` every SAMPLE_INTERVAL_MS until stopped. */
export function watchTree(root: number): MemoryWatch {
  let peakPssBytes = 0;
  let peakProcesses = 0;
  let samples = 0;
  const lastTicks = new Map<number, number>();
  const toMb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  let peak: Omit<PeakBreakdown, 'maxRenderers'> = { mb: { node: 0, browser: 0, renderer: 0, other: 0 }, renderers: 0 };
  let maxRenderers = 0;
  const sample = () => {
    const { pssBytes: pss, processes, ticks, byKind, renderers } = sampleTree(root);
    for (const [pid, used] of ticks) if (used > 0) lastTicks.set(pid, used);
    if (processes === 0 || pss === 0) return;
    samples++;
    maxRenderers = Math.max(maxRenderers, renderers);
    if (pss > peakPssBytes) {
      peak = { mb: { node: toMb(byKind.node), browser: toMb(byKind.browser), renderer: toMb(byKind.renderer), other: toMb(byKind.other) }, renderers };
    }
    peakPssBytes = Math.max(peakPssBytes, pss);
    peakProcesses = Math.max(peakProcesses, processes);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let ticks = 0;
      for (const used of lastTicks.values()) ticks += used;
      return { peakPssBytes, peakProcesses, samples, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, peakBreakdown: { ...peak, maxRenderers } };
    },
  };
}

/** CPU seconds used by this process's waited-for children (and theirs), from /proc/self/stat. */
export function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime) are at 13 and 14 after the command name; units are clock ticks.
  const ticks = Number(after[13]) + Number(after[14]);
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ on Linux: 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * A clock for the phase profiler: wall time, and CPU time of `root` and every descendant
 * (Node and every Chromium process). The list of processes is refreshed at most every
 * PROFILE_TREE_REFRESH_MS (walking all of /proc is the slow part), so a renderer started
 * within a phase may have its first few ms counted in the next one; CPU of a process
 * that ended since is kept, so the total never goes back. Resolution: one clock tick (10 ms)
 * per process per reading, which averages out over many pages.
 */
/** How stale the profiler's process list may be (ms): fresh enough for phases of 50 ms and more, cheap enough (a few ms per walk). */
const PROFILE_TREE_REFRESH_MS = 100;

export function treeCpuClock(root: number): { wallMs(): number; cpuMs(): number } {
  let pids: number[] = [];
  let listedAt = 0;
  const last = new Map<number, number>();
  return {
    wallMs: () => performance.now(),
    cpuMs() {
      const now = performance.now();
      if (now - listedAt > PROFILE_TREE_REFRESH_MS) {
        pids = processTree(root);
        listedAt = now;
      }
      for (const pid of pids) {
        const used = cpuTicks(pid);
        if (used > 0) last.set(pid, used);
      }
      let ticks = 0;
      for (const used of last.values()) ticks += used;
      return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
    },
  };
}
