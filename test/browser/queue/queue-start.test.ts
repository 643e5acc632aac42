// Queued mode before any page: Redis unreachable (one line, exit 6, nothing started), a worker of another version refusing a run, claims raced by two workers, against a real redis-server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { RedisClaims } from '../../../src/crawl/redis-claims.js';
import { createScope } from '../../../src/crawl/scope.js';
import { KEY_PREFIX, PROTOCOL, QUEUE_NAME, runKey, type PageJobData } from '../../../src/runner/queue-protocol.js';
import { freePort, startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { NO_REDIS } from './queue-site.js';
import { startWorker } from '../../helpers/queue-worker.js';
import { runCli } from '../../helpers/run-cli.js';

describe('queued mode: Redis unreachable at the start', () => {
  it('audit --redis says so in one line and exits 6 before any page', async () => {
    const port = await freePort();
    const run = await runCli(['audit', 'http://127.0.0.1:9/', '--redis', `redis://127.0.0.1:${port}`, '-o', '/tmp/welcomemat-never-written']);
    assert.equal(run.code, 6, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], new RegExp(`^welcomemat: error: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}: `));
    assert.doesNotMatch(run.stderr + run.stdout, /Auditing|audited/);
  });

  it('a worker says so in one line and exits 6', async () => {
    const port = await freePort();
    const worker = startWorker(`redis://127.0.0.1:${port}`);
    const code = await worker.exited;
    assert.equal(code, 6, worker.output());
    assert.match(worker.output().trim(), /^welcomemat: error: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: [^\n]+$/);
  });

  it('a bad Redis URL is bad input (exit 2)', async () => {
    const run = await runCli(['audit', 'http://127.0.0.1:9/', '--redis', 'http://127.0.0.1:6379']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--redis must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});

describe('queued mode with a real Redis', { skip: NO_REDIS }, () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.stop();
  });

  it('a worker of another version refuses the run with a clear message and leaves its pages in the queue', async () => {
    const client = new Redis(redis.url);
    const queue = new Queue<PageJobData>(QUEUE_NAME, { connection: client, prefix: KEY_PREFIX });
    const worker = startWorker(redis.url);
    try {
      const runId = 'other-version-run';
      await client.hset(runKey(runId), { protocol: String(PROTOCOL), version: '0.0.0-other', state: 'running', options: '{}' });
      await queue.add('page', { protocol: PROTOCOL, version: '0.0.0-other', runId, task: { url: 'http://127.0.0.1:9/', depth: 0, foundBy: 'start' } }, { jobId: `${runId}-page` });
      await worker.waitFor(/refusing pages of run other-version-run: it was started by welcomemat 0\.0\.0-other, this worker is welcomemat \d+\.\d+\.\d+/);
      const job = await queue.getJob(`${runId}-page`);
      const state = await job!.getState();
      assert.ok(state === 'delayed' || state === 'waiting' || state === 'active', `the page waits for a worker of its version (state ${state})`);
      assert.match((await client.hget(runKey(runId), 'refused')) ?? '', /welcomemat \d+\.\d+\.\d+/);
      assert.doesNotMatch(worker.output(), /serving run/);
    } finally {
      assert.equal(await worker.stop(), 0, worker.output());
      await queue.close();
      client.disconnect();
    }
  });

  it('two workers racing for one final URL or one layout: exactly one wins', async () => {
    const a = new Redis(redis.url);
    const b = new Redis(redis.url);
    try {
      const scope = createScope({ startUrls: ['http://127.0.0.1:8000/'], subdomains: false, pathPrefix: '', include: [], exclude: [] });
      const options = { interaction: { sampling: 'layout' as const, maxPages: 2 } };
      const claims = (client: Redis) => new RedisClaims(client, 'welcomemat:run:race:claims', scope, options, 60);
      const task = (url: string) => ({ url, depth: 1, foundBy: 'link' as const });
      for (let round = 0; round < 20; round++) {
        const [first, second] = await Promise.all([
          claims(a).claimFinalUrl(task(`http://127.0.0.1:8000/old-${round}`), `http://127.0.0.1:8000/new-${round}`),
          claims(b).claimFinalUrl(task(`http://127.0.0.1:8000/other-${round}`), `http://127.0.0.1:8000/new-${round}`),
        ]);
        assert.equal([first, second].filter((answer) => answer === null).length, 1, `round ${round}: one audit per final URL`);
        assert.equal([first, second].find((answer) => answer !== null)!.reason, 'duplicate-final-url');
      }
      // A directory and its default document with the same text are one page; the same task asking again keeps its claim.
      const home = task('http://127.0.0.1:8000/');
      assert.equal(await claims(a).claimFinalUrl(home, 'http://127.0.0.1:8000/', '12:abc'), null);
      assert.equal(await claims(b).claimFinalUrl(home, 'http://127.0.0.1:8000/', '12:abc'), null);
      const twin = await claims(b).claimFinalUrl(task('http://127.0.0.1:8000/index.html'), 'http://127.0.0.1:8000/index.html', '12:abc');
      assert.equal(twin?.reason, 'duplicate-final-url');
      assert.match(twin!.detail, /a directory and its default document/);
      assert.equal(await claims(b).claimFinalUrl(task('http://127.0.0.1:8000/a/index.html'), 'http://127.0.0.1:8000/a/index.html', '12:abc'), null, 'another directory is another page');
      // Layouts: one stand-in per layout, at most maxPages layouts.
      const layouts = await Promise.all([claims(a).claimInteraction('L1', 'http://x/1'), claims(b).claimInteraction('L1', 'http://x/2')]);
      assert.equal(layouts.filter((answer) => answer === null).length, 1);
      assert.equal(layouts.find((answer) => answer !== null)!.reason, 'same-layout');
      assert.equal(await claims(a).claimInteraction('L2', 'http://x/3'), null);
      assert.deepEqual(await claims(b).claimInteraction('L3', 'http://x/4'), { reason: 'layout-limit', limit: 2 });
      // Redirected out of scope: refused without touching Redis.
      const out = await claims(a).claimFinalUrl(task('http://127.0.0.1:8000/away'), 'http://elsewhere.example/');
      assert.equal(out?.reason, 'out-of-scope');
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
