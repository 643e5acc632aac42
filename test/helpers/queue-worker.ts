// Starts `welcomemat worker` as a separate process for queued-mode tests, and stops or kills it by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './run-cli.js';

export interface TestWorker {
  pid: number;
  child: ChildProcess;
  /** Everything the worker printed so far. */
  output(): string;
  /** Resolves when the worker printed a line matching `pattern` (or rejects after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM: pages in flight finish, then it exits. Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as when the machine or the OOM killer takes it. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export function startWorker(redisUrl: string, options: { concurrency?: number; stalledAfter?: number; env?: NodeJS.ProcessEnv; args?: string[] } = {}): TestWorker {
  const args = ['worker', '--redis', redisUrl, '--concurrency', String(options.concurrency ?? 1), ...(options.stalledAfter ? ['--stalled-after', String(options.stalledAfter)] : []), ...(options.args ?? [])];
  return startWelcomemat(args, options.env ? { env: options.env } : {});
}

/** Any welcomemat command as a separate process whose output can be awaited line by line (a coordinator, say). */
export function startWelcomemat(commandArgs: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): TestWorker {
  const args = [path.join(repoRoot, 'bin', 'welcomemat.js'), ...commandArgs];
  const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, CI: 'true', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void; reject: (error: Error) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) if (waiter.pattern.test(output)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A process that ended will never print what is awaited.
  void exited.then((code) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`welcomemat exited (${code}) without printing ${waiter.pattern}; it printed:\n${output}`));
  });
  return {
    pid: child.pid!,
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        const timer = setTimeout(() => reject(new Error(`welcomemat never printed ${pattern}; it printed:\n${output}`)), timeoutMs);
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()), reject: (error) => (clearTimeout(timer), reject(error)) });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}
