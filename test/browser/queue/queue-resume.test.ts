// Queued mode interrupted and resumed, with a real redis-server: SIGINT writes a partial report and cancels the run, workers drop its jobs, --resume queues no finished page again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import type { Report } from '../../../src/model/report.js';
import { KEY_PREFIX, PROTOCOL, QUEUE_NAME, runKey, type PageJobData } from '../../../src/runner/queue-protocol.js';
import { toolVersion } from '../../../src/util/tool-version.js';
import { page, sendHtml } from '../../helpers/html.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { startWelcomemat, startWorker, type TestWorker } from '../../helpers/queue-worker.js';
import { runCli } from '../../helpers/run-cli.js';
import { FAST_AUDIT, NO_REDIS } from './queue-site.js';

const PAGES = ['/', '/p1', '/p2', '/p3', '/p4', '/p5', '/p6', '/p7'];

function readReport(dir: string): Report {
  return JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}

describe('queued mode: interrupted, then resumed', { skip: NO_REDIS }, () => {
  let redis: TestRedis;
  let site: SiteServer;
  let worker: TestWorker;
  let work: string;
  let args: string[];
  /** Page requests, by path, in the first run and in the resumed one. */
  const requests: Record<'first' | 'resumed', string[]> = { first: [], resumed: [] };
  let phase: 'first' | 'resumed' = 'first';
  let partial: Report;
  let interruptedCode: number | null;
  let client: Redis;

  before(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    const nav = `<nav>${PAGES.map((p) => `<a href="${p}">${p}</a>`).join(' ')}</nav>`;
    site = await startSiteServer({
      routes: Object.fromEntries(
        PAGES.map((p) => [
          p,
          async (_req: unknown, res: Parameters<typeof sendHtml>[0]) => {
            requests[phase].push(p);
            // A second each, so the interrupt lands with pages still to do.
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            sendHtml(res, page(`Page ${p}`, `${nav}<h1>Page ${p}</h1><img src="/none.png">`));
          },
        ]),
      ),
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-queue-resume-'));
    const config = path.join(work, 'config.json');
    fs.writeFileSync(config, JSON.stringify(FAST_AUDIT));
    args = ['audit', `${site.url}/`, '--config', config, '--redis', redis.url, '--concurrency', '2', '--no-sitemaps', '--format', 'json', '-o', work, '--time-budget', '0'];
    worker = startWorker(redis.url);
    const coordinator = startWelcomemat(args, { cwd: work });
    await coordinator.waitFor(/\[2 audited/, 240_000);
    coordinator.child.kill('SIGINT');
    interruptedCode = await coordinator.exited;
    partial = readReport(work);
  });

  after(async () => {
    await worker?.kill();
    client?.disconnect();
    await redis?.stop();
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('SIGINT writes a partial report (exit 5) and keeps the crawl state', () => {
    assert.equal(interruptedCode, 5);
    assert.equal(partial.complete, false);
    assert.match(partial.incompleteReason ?? '', /interrupted/);
    assert.ok(fs.existsSync(path.join(work, 'crawl-state.json')));
  });

  it('marks the run cancelled, and workers drop a job of it they are handed', async () => {
    const state = JSON.parse(fs.readFileSync(path.join(work, 'crawl-state.json'), 'utf8')) as { runId?: string };
    assert.ok(state.runId, 'the crawl state names the run');
    assert.equal(await client.hget(runKey(state.runId!), 'state'), 'cancelled');
    const queue = new Queue<PageJobData>(QUEUE_NAME, { connection: client, prefix: KEY_PREFIX });
    const eventsConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: KEY_PREFIX });
    try {
      await events.waitUntilReady();
      const waiting = await queue.getWaiting();
      assert.deepEqual(waiting.filter((job) => job.data.runId === state.runId).map((job) => job.data.task.url), [], 'no job of the run waits in the queue');
      // A job of the run still reaching a worker (from a coordinator that could not clean up) is dropped, not audited.
      const before = requests.first.length;
      await queue.add('page', { protocol: PROTOCOL, version: toolVersion(), runId: state.runId!, task: { url: `${site.url}/p7`, depth: 1, foundBy: 'link' } }, { jobId: `${state.runId}-straggler` });
      const job = await queue.getJob(`${state.runId}-straggler`);
      const failedReason = await job!.waitUntilFinished(events, 60_000).then(
        () => 'completed',
        (error: Error) => error.message,
      );
      assert.match(failedReason, /the run was cancelled/);
      assert.equal(requests.first.length, before, 'the dropped page was not loaded');
    } finally {
      await events.close();
      await queue.close();
      eventsConnection.disconnect();
    }
  });

  it('--resume finishes the audit without loading any page a second time', async () => {
    phase = 'resumed';
    const run = await runCli([...args, '--resume'], { cwd: work, timeoutMs: 280_000 });
    assert.equal(run.code, 0, `${run.stderr}\n${worker.output()}`);
    const report = readReport(work);
    assert.equal(report.complete, true);
    const story = `partial: ${partial.pages.map((p) => p.url).join(' ')} | skipped then: ${partial.skipped.map((x) => `${x.url} ${x.reason}`).join(', ')} | now skipped: ${report.skipped.map((x) => `${x.url} ${x.reason} ${x.detail}`).join(', ')} | requests: ${requests.first.join(' ')} / ${requests.resumed.join(' ')} | ${run.stderr.slice(-2000)}`;
    assert.deepEqual(report.pages.map((p) => new URL(p.url).pathname).sort(), [...PAGES].sort(), story);
    assert.ok(report.pages.every((p) => !p.error));
    const audited = new Set(partial.pages.map((p) => new URL(p.url).pathname));
    assert.deepEqual(requests.resumed.filter((p) => audited.has(p)), [], 'pages of the partial report are not queued again');
    const all = [...requests.first, ...requests.resumed];
    assert.deepEqual(all.filter((p, index) => all.indexOf(p) !== index), [], `each page loaded once across both runs (first: ${requests.first.join(' ')}; resumed: ${requests.resumed.join(' ')})`);
  });
});

