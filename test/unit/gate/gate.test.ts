// CI gates: impact and count thresholds, new fixes against a baseline, accepted findings with expiry.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyAccepted, loadAcceptedFile } from '../../../src/gate/accepted.js';
import { compareFixes, loadBaseline } from '../../../src/gate/baseline.js';
import { evaluateGate } from '../../../src/gate/evaluate-gate.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const report = makeSampleReport();

describe('evaluateGate', () => {
  it('fails on an impact threshold only when a violation of that impact or worse remains', () => {
    const worst = report.fixes.filter((fix) => fix.kind === 'violation').map((fix) => fix.impact);
    assert.ok(worst.includes('critical'), 'sample has a critical violation');
    assert.equal(evaluateGate(report, { failOn: 'critical' }).failed, true);
    assert.equal(evaluateGate(report, { failOn: 'none' }).failed, false);
    const onlyMinor = { ...report, fixes: report.fixes.map((fix) => ({ ...fix, impact: 'minor' as const })) };
    assert.equal(evaluateGate(onlyMinor, { failOn: 'serious' }).failed, false);
    assert.match(evaluateGate(report, { failOn: 'serious' }).reasons[0], /of serious impact or worse/);
  });

  it('fails when violations exceed the maximum', () => {
    const count = report.summary.violations;
    assert.equal(evaluateGate(report, { maxViolations: count }).failed, false);
    assert.equal(evaluateGate(report, { maxViolations: count - 1 }).failed, true);
  });

  it('fails on new violation fixes compared with a baseline, by fix id', () => {
    const baseline = { ...report, fixes: report.fixes.slice(1) };
    const changes = compareFixes(baseline, report);
    assert.deepEqual(changes.newFixes.map((fix) => fix.id), [report.fixes[0].id]);
    assert.equal(evaluateGate(report, { failOnNew: true }, compareFixes(report, report)).failed, false);
    const gate = evaluateGate(report, { failOnNew: true }, changes);
    assert.equal(gate.failed, report.fixes[0].kind === 'violation');
    const fixed = compareFixes(report, baseline);
    assert.deepEqual(fixed.fixedIds, [report.fixes[0].id]);
  });

  it('reads a baseline from report.json, a folder, or a latest.json pointer', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-baseline-'));
    await fs.mkdir(path.join(dir, 'run1'));
    await fs.writeFile(path.join(dir, 'run1', 'report.json'), JSON.stringify(report));
    await fs.writeFile(path.join(dir, 'latest.json'), JSON.stringify({ run: 'run1', report: 'run1/report.json' }));
    assert.equal((await loadBaseline(path.join(dir, 'run1', 'report.json')))!.report.fixes.length, report.fixes.length);
    assert.equal((await loadBaseline(dir))!.file, path.join(dir, 'run1', 'report.json'));
    assert.equal(await loadBaseline(path.join(dir, 'missing'), { optional: true }), undefined);
    await assert.rejects(loadBaseline(path.join(dir, 'missing')), /baseline .*no such file/);
  });
});

describe('accepted findings', () => {
  const finding = report.findings.find((f) => f.kind === 'violation' && f.selector)!;

  it('removes matching findings, regroups fixes, recounts, and records what it silenced', () => {
    const { report: out, outcome } = applyAccepted(report, [{ rule: finding.ruleId, page: '/**', selector: finding.selector, reason: 'known, fixing in Q3' }], new Date('2025-01-01'));
    assert.ok(outcome.silenced > 0);
    assert.equal(out.findings.length, report.findings.length - outcome.silenced);
    assert.ok(!out.findings.some((f) => f.ruleId === finding.ruleId && f.selector === finding.selector));
    assert.equal(out.summary.violations, out.findings.filter((f) => f.kind === 'violation').length);
    assert.equal((out.config.accepted as { silenced: number }).silenced, outcome.silenced);
  });

  it('fixes keep their screenshots after an accepted entry silenced something', () => {
    const shot = (url: string) => `screenshots/${encodeURIComponent(url)}.jpg`;
    const withShots = { ...report, pages: report.pages.map((page) => (page.error ? page : { ...page, screenshot: shot(page.finalUrl) })) };
    const { report: out, outcome } = applyAccepted(withShots, [{ rule: finding.ruleId, page: '/**', selector: finding.selector, reason: 'known' }], new Date('2025-01-01'));
    assert.ok(outcome.silenced > 0);
    const examples = out.fixes.flatMap((fix) => fix.examples);
    assert.ok(examples.length > 0);
    for (const example of examples) assert.equal(example.screenshot, shot(example.url), `example on ${example.url} lost its screenshot`);
  });

  it('an expired entry silences nothing and is reported', () => {
    const entry = { rule: finding.ruleId, reason: 'temporary', expires: '2024-06-30' };
    const { report: out, outcome } = applyAccepted(report, [entry], new Date('2024-07-01T00:00:00Z'));
    assert.equal(outcome.silenced, 0);
    assert.deepEqual(outcome.expired, [entry]);
    assert.equal(out.findings.length, report.findings.length);
    assert.equal(applyAccepted(report, [entry], new Date('2024-06-29T12:00:00Z')).outcome.expired.length, 0);
  });

  it('page patterns: globs on the path and /regex/', () => {
    const none = applyAccepted(report, [{ rule: finding.ruleId, page: '/no-such-page', reason: 'x' }]);
    assert.equal(none.outcome.silenced, 0);
    const regex = applyAccepted(report, [{ rule: finding.ruleId, page: '/./', reason: 'x' }]);
    assert.ok(regex.outcome.silenced > 0);
  });

  it('the file is YAML or JSON, validated with the bad entry named', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-accepted-'));
    await fs.writeFile(path.join(dir, 'ok.yaml'), 'accepted:\n  - rule: color-contrast\n    page: "/legacy/**"\n    reason: brand colours\n    expires: 2030-01-01\n');
    assert.equal((await loadAcceptedFile(path.join(dir, 'ok.yaml')))[0].expires, '2030-01-01');
    await fs.writeFile(path.join(dir, 'ok.json'), '[{"rule":"image-alt","reason":"decorative"}]');
    assert.equal((await loadAcceptedFile(path.join(dir, 'ok.json'))).length, 1);
    await fs.writeFile(path.join(dir, 'bad.yaml'), '- rule: x\n');
    await assert.rejects(loadAcceptedFile(path.join(dir, 'bad.yaml')), /0\.reason: /);
    await fs.writeFile(path.join(dir, 'bad2.yaml'), '- rule: x\n  reason: y\n  expires: next week\n');
    await assert.rejects(loadAcceptedFile(path.join(dir, 'bad2.yaml')), /YYYY-MM-DD/);
  });
});
