// Queued `welcomemat run` (queue: in the config) of a login-protected site: secrets travel as ${env:NAME} references, every command sent to Redis and every key it holds (DUMP) is free of them, and each worker logs in once.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { page, sendHtml } from '../../helpers/html.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { NO_REDIS } from './queue-site.js';
import { startWorker, type TestWorker } from '../../helpers/queue-worker.js';
import { runCli, type CliRun } from '../../helpers/run-cli.js';

const SECRETS = { WM_TEST_PASSWORD: 'pw-QueueSecret-417', WM_TEST_TOKEN: 'tok-QueueSecret-982', WM_TEST_BASIC: 'basic-QueueSecret-553' };
const SESSION = 'sess-QueueCookie-771';
const SECRET_VALUES = [...Object.values(SECRETS), Buffer.from(`staff:${SECRETS.WM_TEST_BASIC}`).toString('base64')];

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

describe('queued run of a login-protected site', { skip: NO_REDIS }, () => {
  let redis: TestRedis;
  let site: SiteServer;
  let workers: TestWorker[];
  let dir: string;
  let run: CliRun;
  let logins = 0;
  const commands: string[] = [];
  const dumps: string[] = [];
  let monitor: Awaited<ReturnType<Redis['monitor']>> | undefined;
  let client: Redis;

  before(async () => {
    // Strings stored as they are in DUMP output, so a secret could not hide in compression.
    redis = await startRedis(['--rdbcompression', 'no']);
    client = new Redis(redis.url);
    monitor = await client.monitor();
    monitor.on('monitor', (_time: string, args: string[]) => commands.push(args.join(' ')));
    const loggedIn = (req: http.IncomingMessage) => (req.headers.cookie ?? '').includes(`session=${SESSION}`);
    const guard = (handler: http.RequestListener): http.RequestListener => (req, res) => {
      if (req.headers['x-preview-token'] !== SECRETS.WM_TEST_TOKEN) return sendHtml(res, page('Forbidden', '<p>no token</p>'), 403);
      const expected = `Basic ${Buffer.from(`staff:${SECRETS.WM_TEST_BASIC}`).toString('base64')}`;
      if (req.url !== '/login' && req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="staff"' });
        return res.end('auth needed');
      }
      return handler(req, res);
    };
    const members = (title: string, body: string): http.RequestListener => (req, res) => {
      if (!loggedIn(req)) {
        res.writeHead(302, { location: '/login' });
        return res.end();
      }
      sendHtml(res, page(title, body));
    };
    const nav = '<a href="/account">Account</a> <a href="/account/orders">Orders</a> <a href="/account/profile">Profile</a> <a href="/account/help">Help</a>';
    site = await startSiteServer({
      routes: {
        '/login': guard(async (req, res) => {
          if (req.method === 'POST') {
            const form = new URLSearchParams(await readBody(req));
            if (form.get('user') === 'owner' && form.get('password') === SECRETS.WM_TEST_PASSWORD) {
              logins++;
              res.writeHead(302, { location: '/account', 'set-cookie': `session=${SESSION}; Path=/; HttpOnly` });
              return res.end();
            }
            return sendHtml(res, page('Login failed', '<p>Wrong password</p>'), 401);
          }
          sendHtml(res, page('Log in', '<form method="post" action="/login"><label>User <input id="user" name="user"></label><label>Password <input id="password" name="password" type="password"></label><button type="submit">Log in</button></form>'));
        }),
        '/account': guard(members('Your account', `${nav}<img src="/a.png">`)),
        '/account/orders': guard(members('Your orders', `${nav}<img src="/b.png">`)),
        '/account/profile': guard(members('Your profile', `${nav}<input id="nick">`)),
        '/account/help': guard(members('Help', `${nav}<p style="color:#bbb">Ask us.</p>`)),
      },
    });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-queue-secrets-'));
    const config = path.join(dir, 'welcomemat.config.yaml');
    await fs.writeFile(
      config,
      [
        'respectRobots: false',
        'useSitemaps: false',
        'concurrency: 3',
        'disabledGatherers: [keyboard, reflow, textResize, textSpacing, motion, screenshot]',
        `queue: { redis: "${redis.url}" }`,
        'sites:',
        '  - name: members',
        `    urls: ["${site.url}/account"]`,
        '    auth:',
        '      headers: { X-Preview-Token: "${env:WM_TEST_TOKEN}" }',
        '      basic: { username: staff, password: { env: WM_TEST_BASIC } }',
        '      login:',
        '        stepTimeoutMs: 20000',
        '        steps:',
        '          - goto: /login',
        '          - fill: "#user"',
        '            value: owner',
        '          - fill: "#password"',
        '            value: "${env:WM_TEST_PASSWORD}"',
        '          - click: "button[type=submit]"',
        '          - waitForUrl: /account',
        'output: { dir: reports, retention: 1 }',
      ].join('\n'),
    );
    // The workers read the secrets from their own environment.
    workers = [startWorker(redis.url, { env: SECRETS }), startWorker(redis.url, { env: SECRETS })];
    // Keys are read while the run goes on too: results wait in Redis only until the coordinator stores them.
    const sampler = setInterval(() => void dumpAll(redis.url).then((found) => dumps.push(...found)).catch(() => undefined), 300);
    run = await runCli(['run', '--config', config, '--log-format', 'json'], { env: SECRETS, cwd: dir, timeoutMs: 280_000 });
    clearInterval(sampler);
    dumps.push(...(await dumpAll(redis.url)));
  });

  after(async () => {
    await Promise.all((workers ?? []).map((worker) => worker.stop()));
    monitor?.disconnect();
    client?.disconnect();
    await redis?.stop();
    await site?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('audits the pages behind the login through the workers', async () => {
    assert.equal(run.code, 0, `${run.stderr}\n${workers.map((worker) => worker.output()).join('\n')}`);
    const latest = JSON.parse(await fs.readFile(path.join(dir, 'reports', 'members', 'latest.json'), 'utf8')) as { report: string };
    const report = JSON.parse(await fs.readFile(path.join(dir, 'reports', 'members', latest.report), 'utf8')) as { pages: { url: string; title: string; error?: unknown }[] };
    const audited = report.pages.filter((p) => !p.error).map((p) => new URL(p.url).pathname).sort();
    assert.deepEqual(audited, ['/account', '/account/help', '/account/orders', '/account/profile']);
    assert.ok(report.pages.every((p) => p.title !== 'Log in' && p.title !== 'Forbidden'));
  });

  it('each worker that served the run logged in once', () => {
    const serving = workers.filter((worker) => /serving run/.test(worker.output())).length;
    assert.ok(serving >= 1);
    assert.equal(logins, serving);
  });

  it('no secret value was ever sent to Redis or held in it', () => {
    assert.ok(commands.length > 50, `MONITOR saw the run (${commands.length} commands)`);
    assert.ok(commands.some((command) => command.includes('${env:WM_TEST_TOKEN}')), 'the job settings carry the reference');
    assert.ok(dumps.length > 0);
    for (const secret of SECRET_VALUES) {
      for (const text of [...commands, ...dumps]) assert.ok(!text.includes(secret), `secret ${secret.slice(0, 8)}… reached Redis`);
    }
  });
});

/** DUMP of every key (KEYS *), as latin1 text, plus each value read by its type. */
async function dumpAll(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    const found: string[] = [];
    for (const key of await client.keys('*')) {
      const dumped = await client.dumpBuffer(key);
      if (dumped) found.push(`${key} ${dumped.toString('latin1')}`);
      const type = await client.type(key);
      if (type === 'hash') found.push(JSON.stringify(await client.hgetall(key)));
      else if (type === 'string') found.push((await client.get(key)) ?? '');
      else if (type === 'stream') found.push(JSON.stringify(await client.xrange(key, '-', '+')));
    }
    return found;
  } finally {
    client.disconnect();
  }
}
