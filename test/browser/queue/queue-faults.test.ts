// Queued mode under faults, with a real redis-server and separate processes: a worker SIGKILLed mid-page, a page that kills its worker twice, Redis lost mid-run.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import type { Report } from '../../../src/model/report.js';
import { KEY_PREFIX, QUEUE_NAME, type PageJobData } from '../../../src/runner/queue-protocol.js';
import { page, sendHtml } from '../../helpers/html.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { startWelcomemat, startWorker, type TestWorker } from '../../helpers/queue-worker.js';
import { runCli } from '../../helpers/run-cli.js';
import { FAST_AUDIT, NO_REDIS } from './queue-site.js';

function readReport(dir: string): Report {
  return JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}

const nav = (paths: string[]) => `<nav>${paths.map((p) => `<a href="${p}">${p}</a>`).join(' ')}</nav>`;

describe('queued mode: workers killed mid-page', { skip: NO_REDIS }, () => {
  let redis: TestRedis;
  let site: SiteServer;
  let client: Redis;
  let queue: Queue<PageJobData>;
  const workers: TestWorker[] = [];
  const kills: Record<string, number> = { '/slow': 0, '/deadly': 0 };
  let work: string;
  let report: Report;
  let code: number | null;

  /** SIGKILLs the worker whose job is the page at `pathname` (found through BullMQ's processedBy), and starts another. */
  const killWorkerOf = async (pathname: string) => {
    const active = await queue.getActive();
    const job = active.find((candidate) => new URL(candidate.data.task.url).pathname === pathname);
    const pid = Number(job?.processedBy?.split(':').at(-1));
    const worker = workers.find((candidate) => candidate.pid === pid);
    if (!worker) return;
    kills[pathname]++;
    await worker.kill();
    workers.push(startWorker(redis.url, { stalledAfter: STALLED_AFTER_S }));
  };
  /** Short, so a killed worker's page is taken up within seconds; long enough for a busy test machine to renew its locks. */
  const STALLED_AFTER_S = 5;

  before(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    queue = new Queue<PageJobData>(QUEUE_NAME, { connection: client, prefix: KEY_PREFIX });
    site = await startSiteServer({
      routes: {
        '/': (_req, res) => sendHtml(res, page('Home', `${nav(['/a', '/slow', '/deadly', '/b'])}<h1>Home</h1>`)),
        '/a': (_req, res) => sendHtml(res, page('A', `${nav(['/'])}<h1>A</h1><img src="/x.png">`)),
        '/b': (_req, res) => sendHtml(res, page('B', `${nav(['/'])}<h1>B</h1><input id="b-unlabelled">`)),
        // Its worker dies the first time only: the page is audited by the next worker, and listed once.
        '/slow': async (_req, res) => {
          if (kills['/slow'] === 0) await killWorkerOf('/slow');
          sendHtml(res, page('Slow', `${nav(['/'])}<h1>Slow</h1><img src="/y.png">`));
        },
        // Its worker dies every time: failed after the second death.
        '/deadly': async (_req, res) => {
          await killWorkerOf('/deadly');
          sendHtml(res, page('Deadly', '<h1>Deadly</h1>'));
        },
      },
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-queue-kill-'));
    const config = path.join(work, 'config.json');
    fs.writeFileSync(config, JSON.stringify(FAST_AUDIT));
    workers.push(startWorker(redis.url, { stalledAfter: STALLED_AFTER_S }), startWorker(redis.url, { stalledAfter: STALLED_AFTER_S }));
    const run = await runCli(['audit', `${site.url}/`, '--config', config, '--redis', redis.url, '--concurrency', '3', '--no-sitemaps', '--format', 'json', '-o', work, '--time-budget', '0'], { cwd: work, timeoutMs: 280_000 });
    code = run.code;
    assert.ok(fs.existsSync(path.join(work, 'report.json')), `${run.stderr}\n${workers.map((w) => w.output()).join('\n')}`);
    report = readReport(work);
  });

  after(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await queue?.close();
    client?.disconnect();
    await redis?.stop();
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('a page whose worker was killed is taken up again and listed once', () => {
    assert.equal(kills['/slow'], 1);
    const slow = report.pages.filter((p) => p.url.endsWith('/slow'));
    assert.equal(slow.length, 1);
    assert.equal(slow[0].error, undefined);
    assert.ok(report.findings.some((finding) => finding.url.endsWith('/slow')), 'its findings are in the report');
  });

  it('a page that kills its worker twice is failed with that reason', () => {
    assert.equal(kills['/deadly'], 2);
    const deadly = report.pages.filter((p) => p.url.endsWith('/deadly'));
    assert.equal(deadly.length, 1);
    assert.equal(deadly[0].error?.code, 'crashed');
    assert.match(deadly[0].error!.message, /killed its worker twice/);
  });

  it('the other pages are audited and the report is complete', () => {
    assert.equal(code, 0);
    assert.equal(report.complete, true);
    assert.deepEqual(report.pages.filter((p) => !p.error).map((p) => new URL(p.url).pathname).sort(), ['/', '/a', '/b', '/slow']);
  });
});

describe('queued mode: Redis lost mid-run', { skip: NO_REDIS }, () => {
  it('the coordinator writes a partial report with the reason within a bounded time, exit 6', async () => {
    const redis = await startRedis();
    const paths = ['/p1', '/p2', '/p3', '/p4', '/p5', '/p6'];
    // Each page takes a while, so Redis goes away with pages still to do.
    const slowly = (title: string) => async (_req: unknown, res: Parameters<typeof sendHtml>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      sendHtml(res, page(title, `${nav(['/', ...paths])}<h1>${title}</h1>`));
    };
    const site = await startSiteServer({ routes: Object.fromEntries(['/', ...paths].map((p) => [p, slowly(p)])) });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-queue-lost-'));
    const config = path.join(work, 'config.json');
    fs.writeFileSync(config, JSON.stringify(FAST_AUDIT));
    const worker = startWorker(redis.url);
    const coordinator = startWelcomemat(['audit', `${site.url}/`, '--config', config, '--redis', redis.url, '--concurrency', '1', '--no-sitemaps', '--format', 'json', '-o', work, '--time-budget', '0'], { cwd: work });
    try {
      await coordinator.waitFor(/\[2 audited/, 240_000);
      await redis.kill();
      const lostAt = Date.now();
      const exitCode = await coordinator.exited;
      const tookMs = Date.now() - lostAt;
      assert.equal(exitCode, 6, coordinator.output());
      // 15 s to call Redis lost, 5 s of grace for pages in flight, the report: well under a minute and a half on a busy machine.
      assert.ok(tookMs < 90_000, `the coordinator ended ${Math.round(tookMs / 1000)} s after Redis went away`);
      const report = readReport(work);
      assert.equal(report.complete, false);
      assert.match(report.incompleteReason ?? '', /^lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ for more than 15 s/);
      assert.ok(report.pages.filter((p) => !p.error).length >= 2);
      assert.ok(fs.existsSync(path.join(work, 'crawl-state.json')), 'the crawl state is kept for --resume');
      assert.match(coordinator.output(), /Partial report: lost the connection to Redis/);
    } finally {
      await worker.kill();
      await coordinator.kill();
      await redis.stop();
      await site.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
