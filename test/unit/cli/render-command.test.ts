// `welcomemat render`: writes any format from a report.json without a browser; bad input is one line and exit code 2.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { EXIT_CODES } from '../../../src/errors.js';
import { renderReportFile } from '../../../src/report/render-file.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';
import { runCli, type CliRun } from '../../helpers/run-cli.js';

function assertOneLineError(run: CliRun, pattern: RegExp) {
  assert.equal(run.code, EXIT_CODES.badInput, `exit code (stderr: ${run.stderr})`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got: ${run.stderr}`);
  assert.match(lines[0], /^welcomemat: error: /);
  assert.match(lines[0], pattern);
}

describe('welcomemat render', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-render-'));
  const reportPath = path.join(dir, 'report.json');
  const write = (name: string, contents: string) => {
    fs.writeFileSync(path.join(dir, name), contents);
    return path.join(dir, name);
  };

  before(() => {
    const report = makeSampleReport({ outcomes: true });
    report.config = { ...report.config, compliance: { product: { name: 'Bakery site', vendor: 'Crumb Ltd' }, manualVerdicts: 'gone/verdicts.yaml' } };
    fs.writeFileSync(reportPath, JSON.stringify(report));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the conformance table, statement and ACR next to the report', async () => {
    const run = await runCli(['render', reportPath, '--format', 'conformance,statement,acr']);
    assert.equal(run.code, 0, run.stderr);
    for (const file of ['conformance.html', 'conformance.json', 'accessibility-statement.html', 'accessibility-statement.md', 'acr.yaml', 'acr.html']) {
      assert.ok(fs.existsSync(path.join(dir, file)), file);
      assert.match(run.stdout, new RegExp(`Report: .*${file.replace('.', '\\.')}`));
    }
    const acr = parse(fs.readFileSync(path.join(dir, 'acr.yaml'), 'utf8')) as { product: { name: string }; vendor: { company_name: string } };
    assert.equal(acr.product.name, 'Bakery site', 'product from the audit\'s compliance config');
    assert.equal(acr.vendor.company_name, 'Crumb Ltd');
    // The audit's verdicts file is not found from here: said, not fatal.
    assert.match(run.stderr, /^welcomemat: warning: the audit read manual verdicts from gone\/verdicts\.yaml, which is not found from here; pass --verdicts/);
  });

  it('renders into another folder, in Spanish, with a verdicts file and product flags', async () => {
    const out = path.join(dir, 'es');
    const verdicts = write('verdicts.yaml', '"2.4.2":\n  verdict: supports\n  who: Ana\n  when: 2026-11-24\n');
    const run = await runCli(['render', reportPath, '-f', 'statement,acr', '-o', out, '--locale', 'es', '--verdicts', verdicts, '--product', 'Tienda', '--vendor', 'Miga SL']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(fs.readFileSync(path.join(out, 'accessibility-statement.md'), 'utf8'), /^# Declaración de accesibilidad de /);
    const acr = parse(fs.readFileSync(path.join(out, 'acr.yaml'), 'utf8')) as { product: { name: string }; chapters: Record<string, { criteria: { num: string; components: { adherence: { level: string } }[] }[] }> };
    assert.equal(acr.product.name, 'Tienda');
    assert.equal(acr.chapters['success_criteria_level_a'].criteria.find((c) => c.num === '2.4.2')?.components[0].adherence.level, 'supports');
  });

  it('renders any other format too', async () => {
    const out = path.join(dir, 'other');
    const run = await runCli(['render', reportPath, '--format', 'html,md,csv', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(path.join(out, 'index.html')));
    assert.ok(fs.existsSync(path.join(out, 'summary.md')));
  });

  it('renders a report of the previous schema (no outcomes) and says outcomes were not recorded', async () => {
    const old = write('old.json', JSON.stringify(asSchema1(makeSampleReport())));
    const out = path.join(dir, 'old');
    const run = await runCli(['render', old, '--format', 'conformance,acr', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(fs.readFileSync(path.join(out, 'conformance.html'), 'utf8'), /Outcomes not recorded/);
    assert.match(fs.readFileSync(path.join(out, 'acr.yaml'), 'utf8'), /Outcomes not recorded/);
  });

  it('says in one line, with exit code 2, what is wrong with the input', async () => {
    assertOneLineError(await runCli(['render', path.join(dir, 'missing.json'), '--format', 'acr']), /missing\.json: no such file/);
    assertOneLineError(await runCli(['render', write('broken.json', '{"schemaVersion": '), '--format', 'acr']), /broken\.json: not JSON/);
    assertOneLineError(await runCli(['render', write('other.json', '{"name": "not a report"}'), '--format', 'acr']), /other\.json: not a welcomemat report \(no schemaVersion\)/);
    assertOneLineError(await runCli(['render', write('future.json', JSON.stringify({ ...makeSampleReport(), schemaVersion: '3.0.0' })), '--format', 'acr']), /report schema 3\.0\.0 is newer than this welcomemat reads/);
    assertOneLineError(await runCli(['render', write('partial.json', '{"schemaVersion": "2.0.0", "pages": []}'), '--format', 'acr']), /not a complete welcomemat report \(missing tool, summary, findings, fixes, startUrls\)/);
    assertOneLineError(await runCli(['render', dir, '--format', 'acr']), /is a folder; give the report\.json inside it/);
    assertOneLineError(await runCli(['render', reportPath, '--format', 'acr', '--verdicts', write('bad-verdicts.yaml', '"1.4.3":\n  verdict: maybe\n  who: A\n  when: 2026-11-24\n')]), /manual verdicts bad-verdicts\.yaml: "1\.4\.3"\.verdict: verdict must be one of/);
    assertOneLineError(await runCli(['render', reportPath, '--format', 'vpat2']), /--format must be one of html, .*acr, got vpat2$/);
    assertOneLineError(await runCli(['render', reportPath, '--format', 'acr', '--locale', 'xx']), /--locale must be one of en, es, got xx$/);
    assertOneLineError(await runCli(['render', reportPath]), /give at least one format to render/);
  });

  it('is the library function renderReportFile, which checks everything before writing', async () => {
    const out = path.join(dir, 'lib');
    await assert.rejects(renderReportFile(reportPath, { formats: ['acr', 'nope'], outDir: out }), /report format must be one of html, .*acr, got "nope"/);
    assert.ok(!fs.existsSync(out), 'nothing written');
    const result = await renderReportFile(reportPath, { formats: ['vpat'], outDir: out, product: { name: 'Lib' } });
    assert.deepEqual(result.files.map((file) => path.basename(file)), ['acr.yaml', 'acr.html']);
  });
});

describe('welcomemat audit with a manual-verdicts file', () => {
  it('stops before any work with one line when the verdicts file is bad', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-verdicts-config-'));
    try {
      fs.writeFileSync(path.join(dir, 'verdicts.yaml'), '"9.9.9":\n  verdict: supports\n  who: A\n  when: 2026-11-24\n');
      // Nothing listens on port 9 of 127.0.0.1: were the crawl to start, it would fail with exit code 3 instead.
      fs.writeFileSync(path.join(dir, 'welcomemat.config.yaml'), 'urls: ["http://127.0.0.1:9/"]\ncompliance:\n  manualVerdicts: verdicts.yaml\n  product: { name: Shop }\n');
      const run = await runCli(['audit', '--quiet', '-o', path.join(dir, 'out')], { cwd: dir });
      assertOneLineError(run, /manual verdicts verdicts\.yaml: "9\.9\.9": not a WCAG 2\.2 success criterion/);
      assert.ok(!fs.existsSync(path.join(dir, 'out', 'report.json')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
