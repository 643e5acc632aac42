// Timestamped runs, the latest pointer, retention, the site index, the webhook (local receiver and dead port), JSON logs.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { clearSecrets, registerSecret } from '../../../src/auth/secrets.js';
import { createLogger } from '../../../src/log/logger.js';
import { createRunFolder, listRunFolders, pruneRuns, runFolderName, writeLatest } from '../../../src/run/retention.js';
import { renderSiteIndex } from '../../../src/report/renderers/site-index.js';
import { sendWebhook } from '../../../src/run/webhook.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

function captureLogger(format: 'json' | 'text' = 'json') {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { logger: createLogger({ format, stream }), output: () => text };
}

describe('run folders and retention', () => {
  it('names runs by UTC time without colons, never reuses a folder, prunes the oldest only', async () => {
    assert.equal(runFolderName(new Date('2025-01-06T09:00:00.123Z')), '2025-01-06T09-00-00Z');
    const site = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-runs-'));
    const when = new Date('2025-01-06T09:00:00Z');
    const a = await createRunFolder(site, when);
    const b = await createRunFolder(site, when);
    assert.notEqual(a, b);
    await createRunFolder(site, new Date('2025-01-13T09:00:00Z'));
    await fs.mkdir(path.join(site, 'keep-me'));
    assert.deepEqual(await listRunFolders(site), ['2025-01-06T09-00-00Z', '2025-01-06T09-00-00Z-2', '2025-01-13T09-00-00Z']);
    assert.deepEqual(await pruneRuns(site, 2), ['2025-01-06T09-00-00Z']);
    assert.deepEqual((await fs.readdir(site)).sort(), ['2025-01-06T09-00-00Z-2', '2025-01-13T09-00-00Z', 'keep-me']);
  });

  it('latest.json always, a latest symlink where possible', async () => {
    const site = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-latest-'));
    await createRunFolder(site, new Date('2025-01-06T09:00:00Z'));
    const { symlink } = await writeLatest(site, { run: '2025-01-06T09-00-00Z', report: '2025-01-06T09-00-00Z/report.json', finishedAt: 'x' });
    assert.equal(JSON.parse(await fs.readFile(path.join(site, 'latest.json'), 'utf8')).run, '2025-01-06T09-00-00Z');
    if (symlink) assert.equal(await fs.readlink(path.join(site, 'latest')), '2025-01-06T09-00-00Z');
  });
});

describe('site index', () => {
  it('escapes site names, errors and links', async () => {
    const html = await renderSiteIndex({
      generatedAt: 'now',
      sites: [
        { name: '<script>alert(1)</script>', slug: 'x', status: 'ok', startUrls: ['https://a.example/?q="><img>'], summary: makeSampleReport().summary, report: 'x/run/index.html' },
        { name: 'evil', slug: 'evil', status: 'failed', error: '<img src=x onerror=alert(1)>', startUrls: [], report: 'javascript:alert(1)' },
      ],
    });
    assert.doesNotMatch(html, /<script>alert|<img/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.match(html, /href="x\/run\/index.html"/);
  });
});

describe('webhook', () => {
  it('POSTs JSON with a Slack-compatible text to a local receiver', async () => {
    const received: Array<{ body: unknown; headers: http.IncomingHttpHeaders }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ body: JSON.parse(body), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`;
    try {
      const { logger } = captureLogger();
      assert.equal(await sendWebhook({ url }, { text: 'hello', sites: [1] }, logger), true);
      assert.equal(await sendWebhook({ url, format: 'slack' }, { text: 'hi', sites: [1] }, logger), true);
      assert.deepEqual(received[0].body, { text: 'hello', sites: [1] });
      assert.equal(received[0].headers['content-type'], 'application/json');
      assert.deepEqual(received[1].body, { text: 'hi' });
    } finally {
      server.close();
    }
  });

  it('a dead port is logged as a warning, not thrown', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { logger, output } = captureLogger();
    assert.equal(await sendWebhook({ url: `http://127.0.0.1:${port}/hook?token=abc`, timeoutMs: 2_000 }, { text: 'x' }, logger), false);
    const line = JSON.parse(output().trim());
    assert.equal(line.level, 'warn');
    assert.equal(line.event, 'webhook-failed');
    assert.doesNotMatch(output(), /token=abc/, 'the URL (which may hold a token) is not logged');
  });
});

describe('logger', () => {
  it('writes JSON lines with time and level, and never a secret', () => {
    clearSecrets();
    registerSecret('hunter2-secret');
    const { logger, output } = captureLogger('json');
    logger.info('logged in as hunter2-secret', { password: 'hunter2-secret', site: 'a' });
    logger.debug('hidden');
    const line = JSON.parse(output().trim());
    assert.equal(line.level, 'info');
    assert.ok(!Number.isNaN(Date.parse(line.time)));
    assert.equal(line.site, 'a');
    assert.doesNotMatch(output(), /hunter2-secret/);
    const text = captureLogger('text');
    text.logger.warn('careful', { site: 'b' });
    assert.equal(text.output(), 'welcomemat: warn: careful (site=b)\n');
  });
});
