// What changed (compare by fix id), run history in the output folder, and branding validation with contrast fallback.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WelcomematError } from '../../../src/errors.js';
import type { Report } from '../../../src/model/report.js';
import { contrastRatio, MAX_LOGO_BYTES, readableOnWhite, resolveBranding } from '../../../src/report/branding.js';
import { compareReports } from '../../../src/report/compare.js';
import { HISTORY_DIR } from '../../../src/report/history.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { writeReportFiles } from '../../../src/report/write-report.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-history-'));
});
after(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function run(startedAt: string, keep: (index: number) => boolean, pages = 6): Report {
  const report = makeSampleReport({ pages });
  report.startedAt = startedAt;
  report.fixes = report.fixes.filter((_, index) => keep(index));
  report.summary.fixes = report.fixes.length;
  return report;
}

describe('compareReports', () => {
  it('marks each fix new, remaining or fixed, with counts, new first', () => {
    const before = run('2026-01-01T00:00:00.000Z', (i) => i < 4);
    const now = run('2026-01-08T00:00:00.000Z', (i) => i >= 2);
    const comparison = compareReports(now, before, 'report.json');
    assert.deepEqual(comparison.counts, { new: now.fixes.length - 2, remaining: 2, fixed: 2, 'not-checked': 0 });
    assert.deepEqual([...new Set(comparison.fixes.map((fix) => fix.status))], ['new', 'remaining', 'fixed']);
    assert.equal(comparison.previous.source, 'report.json');
  });
});

describe('history in the output folder', () => {
  it('compares with the previous run, draws the trend, and leads the summary with what changed', async () => {
    const outDir = path.join(root, 'weekly');
    const first = await writeReportFiles(run('2026-01-01T00:00:00.000Z', (i) => i < 5), { outDir, formats: ['json'], history: true });
    assert.equal(first.report.comparison, undefined, 'nothing to compare with on the first run');
    const second = await writeReportFiles(run('2026-01-08T00:00:00.000Z', (i) => i >= 1), { outDir, formats: ['html', 'json'], history: true });
    assert.ok(second.report.comparison);
    assert.equal(second.report.comparison.counts.fixed, 1);
    assert.equal(second.report.comparison.previous.source, HISTORY_DIR);
    assert.equal(second.report.history?.length, 2);
    assert.equal((await fs.readdir(path.join(outDir, HISTORY_DIR))).length, 2);
    const html = await fs.readFile(path.join(outDir, 'index.html'), 'utf8');
    const summary = html.slice(html.indexOf('id="summary"'));
    assert.ok(summary.indexOf('id="changes"') < summary.indexOf('class="lead"'), 'what changed comes first in the summary');
    assert.match(html, /Since the audit of/);
    assert.match(html, /<svg class="trend-chart"/);
    assert.match(html, /<caption id="trend-caption">/, 'the trend has a text table');
    const json = JSON.parse(await fs.readFile(path.join(outDir, 'report.json'), 'utf8')) as Report;
    assert.equal(json.comparison?.counts.fixed, 1, 'report.json carries the comparison');
  });

  it('compares with an explicit --compare report', async () => {
    const previousDir = path.join(root, 'previous');
    await writeReportFiles(run('2026-02-01T00:00:00.000Z', () => true), { outDir: previousDir, formats: ['json'] });
    const result = await writeReportFiles(run('2026-02-08T00:00:00.000Z', (i) => i > 0), {
      outDir: path.join(root, 'compare'),
      formats: ['json'],
      comparePath: path.join(previousDir, 'report.json'),
    });
    assert.equal(result.report.comparison?.counts.fixed, 1);
    assert.equal(result.report.comparison?.previous.source, 'report.json');
  });
});

describe('branding', () => {
  it('keeps a readable colour and darkens one under 4.5:1', async () => {
    assert.equal(readableOnWhite('#0a4fb0'), '#0a4fb0');
    const pale = readableOnWhite('#ffcc00');
    assert.ok(contrastRatio(pale, '#ffffff') >= 4.5, pale);
    const branding = await resolveBranding({ agencyName: 'Agency <b>X</b>', primaryColour: '#ffcc00', accentColour: '#abc' });
    assert.ok(contrastRatio(branding.primaryColour, '#ffffff') >= 4.5);
    assert.ok(contrastRatio(branding.accentColour, '#ffffff') >= 4.5);
    assert.equal(branding.warnings.length, 2);
    assert.equal(branding.showWelcomemat, false, 'no welcomemat branding on an agency report unless asked');
  });

  it('rejects bad colours and logos', async () => {
    await assert.rejects(resolveBranding({ primaryColour: 'red;}</style><script>' }), WelcomematError);
    const notImage = path.join(root, 'logo.png');
    await fs.writeFile(notImage, '<script>alert(1)</script>');
    await assert.rejects(resolveBranding({ logoPath: notImage }), /not a PNG/);
    const big = path.join(root, 'big.png');
    await fs.writeFile(big, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(MAX_LOGO_BYTES)]));
    await assert.rejects(resolveBranding({ logoPath: big }), /limit/);
  });

  it('puts the agency, client, contact and logo on the report, escaped, without welcomemat', async () => {
    const logo = path.join(root, 'logo.svg');
    await fs.writeFile(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const branding = await resolveBranding({ agencyName: 'Acme <Web>', clientName: 'Crumb & Kettle', contact: 'hello@acme.example', logoPath: logo, primaryColour: '#336699' });
    const html = await renderHtml(makeSampleReport(), { outDir: root, branding });
    assert.match(html, /Prepared for Crumb &amp; Kettle · Prepared by Acme &lt;Web&gt;/);
    assert.match(html, /hello@acme\.example/);
    assert.match(html, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Acme &lt;Web&gt; logo">/);
    assert.match(html, /--brand: #336699/);
    assert.doesNotMatch(html, /welcomemat/i, 'white label: no welcomemat name anywhere');
  });
});
