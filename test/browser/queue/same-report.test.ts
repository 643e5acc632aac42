// Audits one fixture site in-process and queued (a coordinator and two workers, separate processes, a real redis-server) and compares pages, findings and fixes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SiteServer } from '../../../src/demo/site-server.js';
import type { Report } from '../../../src/model/report.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { startWorker, type TestWorker } from '../../helpers/queue-worker.js';
import { runCli } from '../../helpers/run-cli.js';
import { FAST_AUDIT, NO_REDIS, smallSite } from './queue-site.js';


function readReport(dir: string): Report {
  return JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}

describe('queued mode gives the same report as in-process', { skip: NO_REDIS }, () => {
  let site: SiteServer;
  let redis: TestRedis;
  let workers: TestWorker[] = [];
  let work: string;
  let inProcess: Report;
  let queued: Report;
  let queuedOut: string;

  before(async () => {
    site = await smallSite();
    redis = await startRedis();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-queue-same-'));
    // Each run writes its screenshots into its own report folder.
    const config = (name: string) => {
      const file = path.join(work, `${name}.config.json`);
      fs.writeFileSync(file, JSON.stringify({ ...FAST_AUDIT, artifactsDir: path.join(work, name, 'screenshots') }));
      return file;
    };
    const common = ['--format', 'json', '--max-pages', '30', '--no-sitemaps', '--time-budget', '0'];
    const local = await runCli(['audit', `${site.url}/`, ...common, '--config', config('local'), '--concurrency', '2', '-o', path.join(work, 'local')], { cwd: work });
    assert.equal(local.code, 0, local.stderr);
    inProcess = readReport(path.join(work, 'local'));
    workers = [startWorker(redis.url), startWorker(redis.url)];
    queuedOut = path.join(work, 'queued');
    const run = await runCli(['audit', `${site.url}/`, ...common, '--config', config('queued'), '--redis', redis.url, '--concurrency', '4', '-o', queuedOut], { cwd: work });
    assert.equal(run.code, 0, `${run.stderr}\n${workers.map((w) => w.output()).join('\n')}`);
    queued = readReport(queuedOut);
  });

  after(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await redis?.stop();
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('audits the same pages', () => {
    const pages = (report: Report) => report.pages.map((page) => `${page.url} ${page.error ? 'failed' : 'audited'}`).sort();
    assert.ok(inProcess.pages.length >= 5, `the fixture site has pages: ${inProcess.pages.length}`);
    assert.deepEqual(pages(queued), pages(inProcess));
    assert.deepEqual(queued.skipped.map((skip) => `${skip.url} ${skip.reason}`).sort(), inProcess.skipped.map((skip) => `${skip.url} ${skip.reason}`).sort());
  });

  it('finds the same findings (rule, page, selector)', () => {
    const findings = (report: Report) => report.findings.map((finding) => `${finding.ruleId} ${finding.url} ${finding.selector}`).sort();
    assert.ok(inProcess.findings.length > 0);
    assert.deepEqual(findings(queued), findings(inProcess));
  });

  it('groups them into the same fixes', () => {
    const fixes = (report: Report) => report.fixes.map((fix) => `${fix.id} ${fix.ruleId} ${fix.kind}`).sort();
    assert.deepEqual(fixes(queued), fixes(inProcess));
    assert.equal(queued.summary.violations, inProcess.summary.violations);
  });

  it('brings the screenshots back to the coordinator and leaves nothing of the run in Redis', async () => {
    const shots = queued.pages.filter((page) => page.screenshot);
    assert.ok(shots.length > 0, 'queued pages have screenshots');
    for (const page of shots) assert.ok(fs.existsSync(path.join(queuedOut, page.screenshot!)), `${page.screenshot} was written next to the report`);
    assert.equal(queued.complete, true);
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('welcomemat:*');
      // BullMQ's own bookkeeping (meta, id counter, event stream) stays; no job, result or run record does.
      const left = keys.filter((key) => !/^welcomemat:pages:(meta|id|events|stalled-check|de)$/.test(key));
      assert.deepEqual(left, []);
    } finally {
      client.disconnect();
    }
  });
});
