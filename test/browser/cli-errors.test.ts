// Bad input to the CLI gets one clear line and a documented exit code, never a stack trace.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EXIT_CODES } from '../../src/errors.js';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { sendHtml } from '../helpers/html.js';

function assertOneLineError(run: CliRun, expectedCode: number, pattern: RegExp) {
  assert.equal(run.code, expectedCode, `exit code (stderr: ${run.stderr})`);
  const lines = run.stderr.trim().split('\n').filter((line) => line.startsWith('welcomemat:'));
  assert.equal(lines.length, 1, `one error line, got: ${run.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// No robots.txt or sitemap fetches: these tests are about the start page alone.
const quick = ['--no-robots', '--no-sitemaps', '--quiet', '--out', '/tmp/welcomemat-cli-errors'];

describe('CLI bad input', () => {
  let site: SiteServer;
  before(async () => {
    site = await startSiteServer({
      routes: {
        '/broken': (_req, res) => sendHtml(res, '<h1>Server error</h1>', 500),
        '/forbidden': (_req, res) => sendHtml(res, '<h1>No</h1>', 403),
      },
    });
  });
  after(() => site?.close());

  it('rejects a malformed URL', async () => {
    assertOneLineError(await runCli(['audit', 'http://exa mple.com', ...quick]), EXIT_CODES.badInput, /not a valid URL/);
  });

  for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/']) {
    it(`rejects the unsupported scheme of ${url}`, async () => {
      assertOneLineError(await runCli(['audit', url, ...quick]), EXIT_CODES.badInput, /only http and https/);
    });
  }

  it('rejects an unknown option value', async () => {
    const run = await runCli(['audit', site.url, '--max-pages', 'lots', ...quick]);
    assert.equal(run.code, EXIT_CODES.badInput);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('rejects a malformed --rewrite-origin before any work', async () => {
    const run = await runCli(['audit', site.url, '--rewrite-origin', 'https://www.example.com', ...quick]);
    assertOneLineError(run, EXIT_CODES.badInput, /--rewrite-origin must be LIVE=COPY, two http\(s\) origins/);
  });

  it('says when the host is unknown', async () => {
    // Chromium's resolver is told that every host is unknown, so no DNS query leaves the machine.
    const run = await runCli(['audit', 'http://no-such-host.invalid/', ...quick], {
      env: { WELCOMEMAT_CHROMIUM_ARGS: '--host-resolver-rules=MAP * ~NOTFOUND' },
    });
    assertOneLineError(run, EXIT_CODES.startPageUnreachable, /unknown host/);
  });

  it('says when the connection is refused', async () => {
    const port = await closedPort();
    assertOneLineError(await runCli(['audit', `http://127.0.0.1:${port}/`, ...quick]), EXIT_CODES.startPageUnreachable, /connection refused/);
  });

  it('says when TLS fails', async () => {
    // Speaking TLS to a plain HTTP server fails the handshake.
    const run = await runCli(['audit', site.url.replace('http:', 'https:') + '/', ...quick]);
    assertOneLineError(run, EXIT_CODES.startPageUnreachable, /TLS|SSL/);
  });

  it('says when the start page answers 500 or 403', async () => {
    assertOneLineError(await runCli(['audit', `${site.url}/broken`, ...quick]), EXIT_CODES.startPageUnreachable, /HTTP 500/);
    assertOneLineError(await runCli(['audit', `${site.url}/forbidden`, ...quick]), EXIT_CODES.startPageUnreachable, /HTTP 403/);
  });

  it('prints help with examples and exit codes', async () => {
    const run = await runCli(['audit', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Examples:/);
    assert.match(run.stdout, /Exit codes:/);
  });
});
