// Starts a real redis-server (the Debian package) on a free 127.0.0.1 port with its own temp folder, for queued-mode tests; stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  pid: number;
  dir: string;
  /** SIGKILL: Redis gone at once, as when its machine dies. */
  kill(): Promise<void>;
  /** SIGTERM and wait; removes the temp folder. */
  stop(): Promise<void>;
}

export function redisAvailable(): boolean {
  return fs.existsSync(REDIS_SERVER);
}

/** A port the kernel just handed out and took back: free for the next moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Waits until Redis answers PING on the port (at most `timeoutMs`). */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts redis-server without persistence (`--save '' --appendonly no`). `extraArgs` are more
 * config flags, e.g. ['--rdbcompression', 'no'] so DUMP shows stored strings as they are.
 */
export async function startRedis(extraArgs: string[] = [], port?: number): Promise<TestRedis> {
  const chosen = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-redis-'));
  const child = spawn(REDIS_SERVER, ['--port', String(chosen), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const early = exited(child).then(() => {
    throw new Error(`redis-server exited at start: ${stderr}`);
  });
  await Promise.race([waitForPing(chosen, 10_000), early]);
  early.catch(() => undefined);
  const pid = child.pid!;
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
    await exited(child);
  };
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    pid,
    dir,
    kill: () => stopWith('SIGKILL'),
    stop: async () => {
      await stopWith('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
