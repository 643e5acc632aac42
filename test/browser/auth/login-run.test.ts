// End to end: a login-protected site reached only after login steps, with headers and basic auth; `welcomemat run` writes timestamped reports, latest, index and a webhook; gates; secrets appear in no output; cron mode stops cleanly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { EXIT_CODES } from '../../../src/errors.js';
import { page, sendHtml } from '../../helpers/html.js';
import { repoRoot, runCli, type CliRun } from '../../helpers/run-cli.js';

const SECRETS = { WM_TEST_PASSWORD: 'pw-Sup3rSecret-417', WM_TEST_TOKEN: 'tok-PreviewSecret-982', WM_TEST_BASIC: 'basic-Secret-553' };
const SESSION = 'sess-CookieSecret-771';

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function assertNoSecrets(run: CliRun, outDir: string, extra: string[] = []): Promise<void> {
  const texts = [run.stdout, run.stderr, ...extra];
  for (const file of await allFiles(outDir)) texts.push(await fs.readFile(file, 'latin1'));
  for (const secret of [...Object.values(SECRETS), SESSION, Buffer.from(`staff:${SECRETS.WM_TEST_BASIC}`).toString('base64')]) {
    for (const text of texts) assert.ok(!text.includes(secret), `secret ${secret.slice(0, 6)}… leaked`);
  }
}

describe('login-protected site, scheduled run, gates, webhook', () => {
  let site: SiteServer;
  let receiver: http.Server;
  let hookUrl: string;
  const hooks: Array<Record<string, unknown>> = [];
  let dir: string;
  let outDir: string;
  let config: string;
  const logoutHits: string[] = [];

  before(async () => {
    const loggedIn = (req: http.IncomingMessage) => (req.headers.cookie ?? '').includes(`session=${SESSION}`);
    const guard = (handler: http.RequestListener): http.RequestListener => (req, res) => {
      // Every request must carry the preview header (extra headers).
      if (req.headers['x-preview-token'] !== SECRETS.WM_TEST_TOKEN) return sendHtml(res, page('Forbidden', '<p>no token</p>'), 403);
      return handler(req, res);
    };
    const members = (title: string, body: string): http.RequestListener => (req, res) => {
      if (!loggedIn(req)) {
        res.writeHead(302, { location: '/login' });
        return res.end();
      }
      sendHtml(res, page(title, body));
    };
    site = await startSiteServer({
      routes: {
        '/login': guard(async (req, res) => {
          if (req.method === 'POST') {
            const form = new URLSearchParams(await readBody(req));
            if (form.get('user') === 'owner' && form.get('password') === SECRETS.WM_TEST_PASSWORD) {
              res.writeHead(302, { location: '/account', 'set-cookie': `session=${SESSION}; Path=/; HttpOnly` });
              return res.end();
            }
            return sendHtml(res, page('Login failed', '<p>Wrong password</p>'), 401);
          }
          sendHtml(res, page('Log in', '<form method="post" action="/login"><label>User <input id="user" name="user"></label><label>Password <input id="password" name="password" type="password"></label><button type="submit">Log in</button></form>'));
        }),
        '/account': guard(members('Your account', '<a href="/account/orders">Orders</a> <a href="/account/logout">Log out</a> <a href="/sign-out?x=1">Sign out</a>')),
        '/account/orders': guard((req, res) => {
          // Basic auth on top of the session: the browser must answer the challenge.
          const expected = `Basic ${Buffer.from(`staff:${SECRETS.WM_TEST_BASIC}`).toString('base64')}`;
          if (req.headers.authorization !== expected) {
            res.writeHead(401, { 'www-authenticate': 'Basic realm="staff"' });
            return res.end('auth needed');
          }
          return members('Your orders', '<img src="/pie.png"><p>Order 1</p>')(req, res);
        }),
        '/account/logout': (req, res) => {
          logoutHits.push(req.url ?? '');
          sendHtml(res, page('Logged out', ''));
        },
        '/sign-out': (req, res) => {
          logoutHits.push(req.url ?? '');
          sendHtml(res, page('Logged out', ''));
        },
      },
    });
    receiver = http.createServer(async (req, res) => {
      hooks.push(JSON.parse(await readBody(req)));
      res.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-login-'));
    outDir = path.join(dir, 'reports');
    config = path.join(dir, 'welcomemat.config.yaml');
    await fs.writeFile(
      config,
      [
        'respectRobots: false',
        'useSitemaps: false',
        'maxPages: 5',
        // Only what this test needs: fast on two shared cores.
        'disabledGatherers: [keyboard, reflow, textResize, textSpacing, motion, screenshot, content, forms]',
        'sites:',
        '  - name: "Members <Area>"',
        `    urls: ["${site.url}/account"]`,
        '    auth:',
        '      headers: { X-Preview-Token: "${env:WM_TEST_TOKEN}" }',
        '      basic: { username: staff, password: { env: WM_TEST_BASIC } }',
        '      login:',
        '        stepTimeoutMs: 5000',
        '        steps:',
        '          - goto: /login',
        '          - fill: "#user"',
        '            value: owner',
        '          - fill: "#password"',
        '            value: "${env:WM_TEST_PASSWORD}"',
        '          - click: "button[type=submit]"',
        '          - waitForUrl: /account',
        'output: { dir: reports, retention: 1 }',
        `webhook: { url: "${hookUrl}" }`,
      ].join('\n'),
    );
  });
  after(async () => {
    await site?.close();
    receiver?.close();
  });

  it('run: logs in, audits the pages behind the login, skips logout links, writes latest + index + webhook, leaks no secret', async () => {
    const run = await runCli(['run', '--config', config, '--log-format', 'json'], { env: SECRETS, cwd: dir });
    assert.equal(run.code, EXIT_CODES.ok, run.stderr);
    for (const line of run.stderr.trim().split('\n')) assert.doesNotThrow(() => JSON.parse(line), `JSON line: ${line}`);
    const siteDir = path.join(outDir, 'members-area');
    const latest = JSON.parse(await fs.readFile(path.join(siteDir, 'latest.json'), 'utf8'));
    const report = JSON.parse(await fs.readFile(path.join(siteDir, latest.report), 'utf8'));
    const audited = report.pages.filter((p: { error?: unknown }) => !p.error).map((p: { finalUrl: string }) => new URL(p.finalUrl).pathname).sort();
    assert.deepEqual(audited, ['/account', '/account/orders'], 'both pages behind the login were audited');
    assert.ok(report.fixes.some((fix: { ruleId: string }) => fix.ruleId === 'image-alt'), 'a finding from the protected orders page');
    assert.deepEqual(logoutHits, [], 'logout links never followed');
    assert.ok(report.skipped.some((s: { url: string; reason: string }) => s.reason === 'excluded' && s.url.includes('logout')));
    const index = JSON.parse(await fs.readFile(path.join(outDir, 'index.json'), 'utf8'));
    assert.equal(index.sites[0].name, 'Members <Area>');
    assert.equal(index.sites[0].report, `members-area/${latest.run}/index.html`);
    const indexHtml = await fs.readFile(path.join(outDir, 'index.html'), 'utf8');
    assert.match(indexHtml, /Members &lt;Area&gt;/);
    assert.doesNotMatch(indexHtml, /<Area>/);
    assert.equal(hooks.length, 1);
    assert.match(String(hooks[0].text), /Members <Area>: \d+ violations/);
    await assertNoSecrets(run, outDir, [JSON.stringify(hooks)]);
  });

  it('run again: retention keeps one run, the webhook says what changed, --fail-on-new against a baseline exits 1', async () => {
    const siteDir = path.join(outDir, 'members-area');
    const firstLatest = JSON.parse(await fs.readFile(path.join(siteDir, 'latest.json'), 'utf8'));
    const first = JSON.parse(await fs.readFile(path.join(siteDir, firstLatest.report), 'utf8'));
    // A baseline without the image-alt fix: that fix is then "new".
    const baseline = path.join(dir, 'baseline.json');
    await fs.writeFile(baseline, JSON.stringify({ ...first, fixes: first.fixes.filter((fix: { ruleId: string }) => fix.ruleId !== 'image-alt') }));
    const run = await runCli(['run', '--config', config, '--fail-on-new', '--baseline', baseline, '--log-format', 'text'], { env: SECRETS, cwd: dir });
    assert.equal(run.code, EXIT_CODES.thresholdReached, run.stderr);
    assert.match(run.stdout, /Gate reached: 1 new violation fix since the baseline \(image-alt\)/);
    const runs = (await fs.readdir(siteDir)).filter((name) => /^\d{4}-/.test(name));
    assert.equal(runs.length, 1, 'retention 1 pruned the first run');
    assert.notEqual(runs[0], firstLatest.run);
    assert.equal(hooks.length, 2);
    const changes = (hooks[1].sites as Array<{ changes: { newFixes: number; fixedFixes: number } }>)[0].changes;
    assert.deepEqual([changes.newFixes, changes.fixedFixes], [0, 0], 'same site, nothing changed since the last run');
    await assertNoSecrets(run, outDir, [JSON.stringify(hooks)]);
  });

  it('a failed login stops the audit with exit 3 and names the step, never the secret', async () => {
    const out = path.join(dir, 'failed');
    const run = await runCli(['audit', `${site.url}/account`, '--config', config, '--out', out, '--quiet'], { env: { ...SECRETS, WM_TEST_PASSWORD: 'wrong-Password-000' }, cwd: dir });
    // With URLs on the command line, the config's top level applies: no auth, so the redirect to /login is what gets audited.
    assert.equal(run.code, EXIT_CODES.startPageUnreachable, `${run.stdout}\n${run.stderr}`);
    const multi = await runCli(['audit', '--config', config, '--out', out, '--quiet'], { env: { ...SECRETS, WM_TEST_PASSWORD: 'wrong-Password-000' }, cwd: dir });
    assert.equal(multi.code, EXIT_CODES.startPageUnreachable, multi.stderr);
    assert.match(multi.stderr, /login step 5 \(waitForUrl "\/account"\) failed/);
    assert.ok(!multi.stderr.includes('wrong-Password-000'));
    await assertNoSecrets(multi, out);
  });

  it('--schedule runs on the cron expression and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'welcomemat.js'), 'run', '--config', config, '--schedule', '*/2 * * * * *', '--webhook', 'http://127.0.0.1:9/dead'], {
      cwd: dir,
      env: { ...process.env, ...SECRETS, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const finished = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no run finished: ${stderr}`)), 120_000);
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('"event":"run-finished"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    assert.equal(await finished, 0);
    const events = stderr.trim().split('\n').map((line) => JSON.parse(line).event);
    assert.ok(events.includes('schedule-start') && events.includes('schedule-stop'));
    assert.ok(events.includes('webhook-failed'), 'a dead webhook is logged, not fatal');
    assert.ok(!Object.values(SECRETS).some((secret) => stderr.includes(secret)));
  });
});
