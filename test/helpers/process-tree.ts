// Reads /proc to follow the processes a browser started, so tests can prove none outlives the run.
import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc knows it; the start time tells a reused PID apart from the original. */
export interface ProcessId {
  pid: number;
  startTime: string;
}

interface ProcStat {
  pid: number;
  ppid: number;
  state: string;
  startTime: string;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; fields after it are plain.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields after the name: state(0) ppid(1) ... starttime is field 22 overall, index 19 here.
    return { pid, state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

/** Every live process whose ancestry leads to one of `roots` (the roots included). */
export function processTree(roots: number[]): ProcessId[] {
  const all: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) all.push(stat);
  }
  const inTree = new Set(roots);
  // Parents come before children in no guaranteed order: repeat until nothing is added.
  for (let added = true; added; ) {
    added = false;
    for (const proc of all) {
      if (!inTree.has(proc.pid) && inTree.has(proc.ppid)) {
        inTree.add(proc.pid);
        added = true;
      }
    }
  }
  return all.filter((proc) => inTree.has(proc.pid) && proc.state !== 'Z').map(({ pid, startTime }) => ({ pid, startTime }));
}

/** True while that very process (same PID and start time) is alive and not a zombie. */
export function isAlive(proc: ProcessId): boolean {
  const stat = readStat(proc.pid);
  return stat !== undefined && stat.startTime === proc.startTime && stat.state !== 'Z';
}

/** Watches the tree under `roots()` every `intervalMs` and remembers every process ever seen in it. */
export function watchProcessTree(roots: () => number[], intervalMs = 100): { seen: Map<string, ProcessId>; stop(): void } {
  const seen = new Map<string, ProcessId>();
  const look = () => {
    for (const proc of processTree(roots())) seen.set(`${proc.pid}:${proc.startTime}`, proc);
  };
  const timer = setInterval(look, intervalMs);
  look();
  return { seen, stop: () => (clearInterval(timer), look()) };
}

/** The processes of `procs` still alive after waiting up to `timeoutMs` for them to exit. */
export async function survivors(procs: Iterable<ProcessId>, timeoutMs = 5_000): Promise<ProcessId[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = [...procs].filter(isAlive);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
