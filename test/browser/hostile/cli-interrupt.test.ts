// Interrupts the real CLI with SIGINT/SIGTERM mid-crawl: partial report, exit 5, no Chromium left, and --resume finishes without re-auditing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { STOP_GRACE_MS } from '../../../src/crawl/crawl-site.js';
import { CRAWL_STATE_FILE } from '../../../src/crawl/crawl-state.js';
import { DEBUG_PID_PREFIX } from '../../../src/browser/browser-session.js';
import { EXIT_CODES, type Report } from '../../../src/index.js';
import { startSiteServer, type RouteHandler, type SiteServer } from '../../../src/demo/site-server.js';
import { page, sendHtml } from '../../helpers/html.js';
import { survivors, watchProcessTree } from '../../helpers/process-tree.js';
import { repoRoot, runCli } from '../../helpers/run-cli.js';

/** Pages besides home; the signal comes after a few, so most are still waiting. */
const PAGE_COUNT = 10;
/** Each page answers this late, so the crawl is slow enough to interrupt. */
const SLOW_RESPONSE_MS = 1_000;
/** The signal is sent once the server has answered this many page requests. */
const SIGNAL_AFTER_REQUESTS = 3;
/** From the signal to exit: the stop grace, then closing the browser and writing the report. */
const EXIT_WITHIN_MS = STOP_GRACE_MS + 15_000;

const cliArgs = (url: string, outDir: string, extra: string[] = []) => [
  'audit', url, '-o', outDir, '-f', 'json,html', '--concurrency', '1', '--no-sitemaps', '--nav-timeout', '10', '-q', ...extra,
];

interface Interrupted {
  code: number | null;
  stderr: string;
  pids: number[];
  seen: ReturnType<typeof watchProcessTree>['seen'];
  signalToExitMs: number;
}

/** Starts the CLI, sends `signal` after a few pages, and follows every process its browsers start. */
function interruptCli(site: SiteServer, outDir: string, signal: NodeJS.Signals): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'welcomemat.js'), ...cliArgs(`${site.url}/`, outDir)], {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', WELCOMEMAT_DEBUG_PIDS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const pids: number[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      for (const match of stderr.matchAll(new RegExp(`${DEBUG_PID_PREFIX}(\\d+)`, 'g'))) if (!pids.includes(Number(match[1]))) pids.push(Number(match[1]));
    });
    const tree = watchProcessTree(() => pids);
    let signalledAt = 0;
    const poll = setInterval(() => {
      const pages = site.requests.filter((r) => r.startsWith('/p')).length;
      if (!signalledAt && pages >= SIGNAL_AFTER_REQUESTS) {
        signalledAt = Date.now();
        child.kill(signal);
      }
    }, 50);
    // A hung CLI must not hang the test suite.
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(killer);
      tree.stop();
      resolve({ code, stderr, pids, seen: tree.seen, signalToExitMs: signalledAt ? Date.now() - signalledAt : -1 });
    });
  });
}

async function readReport(outDir: string): Promise<Report> {
  return JSON.parse(await readFile(path.join(outDir, 'report.json'), 'utf8')) as Report;
}

describe('interrupting the CLI', () => {
  let site: SiteServer;
  let workDir: string;

  before(async () => {
    const slow: RouteHandler = (req, res) => {
      setTimeout(() => sendHtml(res, page(`Page ${req.url}`, '<p>Slow.</p>')), SLOW_RESPONSE_MS);
    };
    const routes: Record<string, RouteHandler> = {
      '/': (_req, res) => sendHtml(res, page('Home', Array.from({ length: PAGE_COUNT }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(' '))),
    };
    for (let i = 0; i < PAGE_COUNT; i++) routes[`/p${i}`] = slow;
    site = await startSiteServer({ routes });
    workDir = await mkdtemp(path.join(os.tmpdir(), 'welcomemat-interrupt-'));
  });
  after(async () => {
    await site?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: writes a partial report, exits 5, leaves no browser, and --resume finishes the rest`, async () => {
      const outDir = path.join(workDir, signal);
      site.requests.length = 0;
      const run = await interruptCli(site, outDir, signal);
      assert.equal(run.code, EXIT_CODES.interrupted, run.stderr);
      assert.ok(run.signalToExitMs > 0 && run.signalToExitMs < EXIT_WITHIN_MS, `exit ${run.signalToExitMs} ms after the signal`);

      assert.ok(run.pids.length >= 1, 'the CLI printed its browser PIDs');
      assert.ok(run.seen.size >= 2, 'the browser and its children were seen');
      assert.deepEqual(await survivors(run.seen.values()), [], 'no Chromium process outlives the CLI');

      const partial = await readReport(outDir);
      assert.equal(partial.complete, false);
      assert.match(partial.incompleteReason ?? '', /interrupted/);
      const auditedBefore = partial.pages.filter((p) => !p.error).map((p) => new URL(p.url).pathname);
      assert.ok(auditedBefore.includes('/') && auditedBefore.length >= 2, `audited before the signal: ${auditedBefore.join(', ')}`);
      assert.ok(partial.skipped.some((s) => s.reason === 'interrupted'));
      assert.ok(existsSync(path.join(outDir, CRAWL_STATE_FILE)), 'crawl state saved for --resume');

      site.requests.length = 0;
      const resumed = await runCli(cliArgs(`${site.url}/`, outDir, ['--resume']), { timeoutMs: 120_000 });
      assert.equal(resumed.code, EXIT_CODES.ok, resumed.stderr);
      const full = await readReport(outDir);
      assert.equal(full.complete, true);
      const paths = full.pages.map((p) => new URL(p.url).pathname).sort();
      assert.deepEqual(paths, ['/', ...Array.from({ length: PAGE_COUNT }, (_, i) => `/p${i}`)].sort(), 'every page once');
      const reaudited = auditedBefore.filter((p) => site.requests.includes(p));
      assert.deepEqual(reaudited, [], 'pages finished before the signal are not loaded again');
      assert.ok(!existsSync(path.join(outDir, CRAWL_STATE_FILE)), 'the state file goes once the crawl is complete');
    });
  }
});
