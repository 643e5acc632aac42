// Bad options and config values are refused before any work: one line naming the option and what is valid, exit 2, no browser, no request.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEBUG_PID_PREFIX } from '../../src/browser/browser-session.js';
import { EXIT_CODES } from '../../src/errors.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

/** A site that only counts requests: any request means the run started work it should not have. */
async function countingSite(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>x</title><h1>x</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('bad options are refused before any work', () => {
  let site: Awaited<ReturnType<typeof countingSite>>;
  let dir: string;
  let out: string;

  before(async () => {
    site = await countingSite();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-cli-options-'));
    out = path.join(dir, 'out');
    await fs.writeFile(path.join(dir, 'a-file.txt'), 'not a folder');
    await fs.writeFile(path.join(dir, 'not-a-logo.json'), JSON.stringify({ agencyName: 'A', logoPath: 'a-file.txt' }));
    await fs.writeFile(path.join(dir, 'bad-colour.json'), JSON.stringify({ agencyName: 'A', primaryColour: 'blue-ish' }));
    await fs.writeFile(path.join(dir, 'accepted-bad.yaml'), '- rule: 12\n');
  });
  after(async () => {
    await site?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs the CLI in `dir`, with browser PIDs printed, and checks the one-line refusal. */
  async function refused(args: string[], pattern: RegExp, files: Record<string, string> = {}): Promise<CliRun> {
    const requestsBefore = site.requests();
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text.replaceAll('{{SITE}}', site.url));
    const run = await runCli(args.map((arg) => arg.replaceAll('{{SITE}}', site.url).replaceAll('{{DIR}}', dir)), {
      cwd: dir,
      env: { WELCOMEMAT_DEBUG_PIDS: '1' },
    });
    for (const name of Object.keys(files)) await fs.rm(path.join(dir, name), { force: true });
    assert.equal(run.code, EXIT_CODES.badInput, `exit code for ${args.join(' ')} (stderr: ${run.stderr})`);
    const lines = run.stderr.trim().split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `one line, got: ${run.stderr}`);
    assert.match(lines[0], /^welcomemat: error: /);
    assert.match(lines[0], pattern);
    assert.ok(!run.stderr.includes(DEBUG_PID_PREFIX), 'no browser was launched');
    assert.equal(site.requests(), requestsBefore, 'nothing was fetched');
    await assert.rejects(fs.stat(out), 'no output folder was made');
    return run;
  }

  const audit = (...flags: string[]) => ['audit', '{{SITE}}', '--out', 'out', '--quiet', ...flags];

  describe('numbers', () => {
    const cases: [string, string, RegExp][] = [
      ['--max-pages', '-3', /--max-pages must be a whole number of 1 or more, got -3$/],
      ['--max-pages', '0', /--max-pages must be a whole number of 1 or more, got 0$/],
      ['--max-pages', 'lots', /--max-pages must be a whole number of 1 or more, got lots$/],
      ['--max-depth', '-1', /--max-depth must be a whole number of 0 or more, got -1$/],
      ['--max-documents', 'all', /--max-documents must be a whole number of 0 or more, got all$/],
      ['--time-budget', '1.5', /--time-budget must be a whole number of 0 or more, got 1\.5$/],
      ['--concurrency', '0', /--concurrency must be a whole number of 1 or more, got 0$/],
      ['--per-host', 'two', /--per-host must be a whole number of 1 or more, got two$/],
      ['--delay', '-5', /--delay must be a whole number of 0 or more, got -5$/],
      ['--nav-timeout', '0', /--nav-timeout must be a whole number of 1 or more, got 0$/],
      ['--lighthouse', '-1', /--lighthouse must be a whole number of 0 or more, got -1$/],
      ['--max-violations', '1e3', /--max-violations must be a whole number of 0 or more, got 1e3$/],
    ];
    for (const [flag, value, pattern] of cases) {
      it(`${flag} ${value}`, async () => {
        await refused(audit(flag, value), pattern);
      });
    }
    it('run --retention 0', async () => {
      await refused(['run', '--retention', '0'], /--retention must be a whole number of 1 or more, got 0$/);
    });
  });

  describe('formats, locale, PDF mode', () => {
    it('--format docx', async () => {
      await refused(audit('--format', 'html,docx'), /--format must be one of html, json, csv, sarif, junit, md, pdf, conformance, statement, acr, got docx$/);
    });
    it('--locale fr', async () => {
      await refused(audit('--locale', 'fr'), /--locale must be one of en, es, got fr$/);
    });
    it('--pdf everything', async () => {
      await refused(audit('--pdf', 'everything'), /--pdf must be one of summary, full, got everything$/);
    });
  });

  describe('paths and files', () => {
    const cases: [string, string, RegExp][] = [
      ['--config', 'missing.yaml', /--config must be an existing file, got missing\.yaml \(no such file or folder\)$/],
      ['--compare', 'missing.json', /--compare must be an existing file, got missing\.json/],
      ['--brand-config', 'missing.json', /--brand-config must be an existing file, got missing\.json/],
      ['--baseline', 'missing', /--baseline must be an existing file or folder, got missing/],
      ['--accepted', 'missing.yaml', /--accepted must be an existing file, got missing\.yaml/],
      ['--chrome-path', '/no/such/chromium', /--chrome-path must be an existing file, got \/no\/such\/chromium/],
      ['--out', 'a-file.txt', /--out must be a folder \(new or existing\), got a-file\.txt \(it is a file\)$/],
    ];
    for (const [flag, value, pattern] of cases) {
      it(`${flag} ${value}`, async () => {
        const args = flag === '--out' ? ['audit', '{{SITE}}', '--quiet', flag, value] : audit(flag, value);
        await refused(args, pattern);
      });
    }
    it('a brand config whose logo is not an image', async () => {
      await refused(audit('--brand-config', 'not-a-logo.json'), /branding logo .*a-file\.txt is not a PNG, JPEG, GIF, WebP or SVG image$/);
    });
    it('a brand config with a colour that is not one', async () => {
      await refused(audit('--brand-config', 'bad-colour.json'), /branding primaryColour "blue-ish" is not a hex colour/);
    });
    it('an accepted-findings file that does not validate', async () => {
      await refused(audit('--accepted', 'accepted-bad.yaml'), /accepted findings file accepted-bad\.yaml: /);
    });
    it('an include pattern that is not a regular expression', async () => {
      await refused(audit('--include', '/[/'), /include pattern "\/\[\/" is not a valid regular expression/);
    });
  });

  describe('URLs and cron expressions', () => {
    it('a start URL that is not http(s)', async () => {
      await refused(['audit', 'ftp://example.com/', '--out', 'out'], /only http and https/);
    });
    it('init --url that is not one', async () => {
      await refused(['init', 'out/welcomemat.config.yaml', '--url', 'not a url'], /"not a url" is not a valid URL/);
    });
    it('run --webhook ftp://…', async () => {
      await refused(['run', '--webhook', 'ftp://example.com/hook'], /--webhook must be an http or https URL, got ftp:\/\/example\.com\/hook$/);
    });
    it('run --schedule with a bad cron expression', async () => {
      await refused(['run', '--schedule', 'every monday'], /--schedule must be a cron expression of five to seven fields such as "0 6 \* \* 1", got "every monday"/);
    });
  });

  describe('config values', () => {
    const config = (body: string) => ({ 'welcomemat.config.yaml': `urls: ["{{SITE}}"]\n${body.includes('output:') ? '' : 'output: { dir: out }\n'}${body}` });
    it('maxPages: -3', async () => {
      await refused(['audit', '--quiet'], /config welcomemat\.config\.yaml: maxPages: must be a whole number of 1 or more, got -3$/, config('maxPages: -3\n'));
    });
    it('output.formats with an unknown format', async () => {
      await refused(['audit', '--quiet'], /output\.formats\.0: must be one of html, json, csv, sarif, junit, md, pdf, conformance, statement, acr, got "docx"$/, config('output: { dir: out, formats: [docx] }\n'));
    });
    it('report.locale fr', async () => {
      await refused(['audit', '--quiet'], /report\.locale: must be one of en, es, got "fr"$/, config('report: { locale: fr }\n'));
    });
    it('schedule.cron that is not one', async () => {
      await refused(['run', '--schedule'], /schedule\.cron: must be a cron expression/, config('schedule: { cron: "every monday" }\n'));
    });
    it('report.branding.logoPath that does not exist', async () => {
      await refused(['audit', '--quiet'], /branding logo .*missing\.png cannot be read/, config('report: { branding: { agencyName: A, logoPath: missing.png } }\n'));
    });
    it('gate.accepted that does not exist', async () => {
      await refused(['audit', '--quiet'], /gate\.accepted must be an existing file, got .*nothere\.yaml/, config('gate: { accepted: nothere.yaml }\n'));
    });
    it('a bad value in the second site stops the run before the first is audited', async () => {
      const body = `sites:\n  - { name: one, urls: ["{{SITE}}"] }\n  - { name: two, urls: ["{{SITE}}"], scope: { include: ["/[/"] } }\noutput: { dir: out }\n`;
      await refused(['audit', '--quiet'], /site "two": include pattern "\/\[\/" is not a valid regular expression/, { 'welcomemat.config.yaml': body });
    });
  });
});
