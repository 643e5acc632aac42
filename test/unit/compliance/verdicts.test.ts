// The manual-verdicts file: validated with one-line errors (exit code 2), merged into the table, statement and ACR, and flagged when out of date or contradicted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildAcr } from '../../../src/compliance/acr.js';
import { buildConformanceTable } from '../../../src/compliance/conformance-table.js';
import { renderConformanceHtml } from '../../../src/compliance/render-conformance.js';
import { buildStatement } from '../../../src/compliance/statement.js';
import { loadManualVerdicts, parseManualVerdicts } from '../../../src/compliance/verdicts.js';
import { EXIT_CODES, WelcomematError } from '../../../src/errors.js';
import type { Report } from '../../../src/model/report.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const FILE = `
"2.4.2":
  verdict: supports
  remarks: Every page title names the page and the bakery.
  who: Ana Ruiz
  when: 2026-11-24
1.2.2:
  verdict: not-applicable
  remarks: The site has no video.
  who: Ana Ruiz
  when: 2026-11-24
12.2.3:
  verdict: partially-supports
  remarks: Phone and email, but no text relay.
  who: Ana Ruiz
  when: 2026-11-24T10:00:00Z
"1.4.3":
  verdict: supports
  who: Someone hopeful
  when: 2026-11-20
`;

function expectError(text: string, pattern: RegExp) {
  assert.throws(
    () => parseManualVerdicts(text, 'welcomemat.verdicts.yaml'),
    (error: unknown) => {
      assert.ok(error instanceof WelcomematError);
      assert.equal(error.exitCode, EXIT_CODES.badInput);
      assert.equal(error.message.split('\n').length, 1, 'one line');
      assert.match(error.message, /^manual verdicts welcomemat\.verdicts\.yaml: /);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

/** The sample report with every page's content last changed at `at`. */
function changedAt(report: Report, at: string): Report {
  return { ...report, pages: report.pages.map((page) => (page.error ? page : { ...page, contentHash: 'h', contentChangedAt: at })) };
}

describe('manual verdicts file', () => {
  it('parses verdicts keyed by WCAG criterion, EN clause or Section 508 criterion, keeping ids and dates as written', () => {
    const verdicts = parseManualVerdicts(`${FILE}\n"10.5":\n  verdict: not-applicable\n  who: A\n  when: 2026-11-24\n302.1:\n  verdict: partially-supports\n  who: A\n  when: 2026-11-24\n`, 'v.yaml');
    assert.deepEqual([...verdicts.keys()], ['2.4.2', '1.2.2', '12.2.3', '1.4.3', '10.5', '302.1']);
    assert.deepEqual(verdicts.get('2.4.2'), { criterion: '2.4.2', verdict: 'supports', remarks: 'Every page title names the page and the bakery.', who: 'Ana Ruiz', when: '2026-11-24' });
    assert.equal(parseManualVerdicts('', 'empty.yaml').size, 0);
  });

  it('rejects bad files with one line naming the key', () => {
    expectError('1.2.99:\n  verdict: supports\n  who: A\n  when: 2026-11-24\n', /"1\.2\.99": not a WCAG 2\.2 success criterion, EN 301 549 clause or Section 508 criterion/);
    expectError('1.4.3:\n  verdict: conforms\n  who: A\n  when: 2026-11-24\n', /"1\.4\.3"\.verdict: verdict must be one of supports, partially-supports, does-not-support, not-applicable/);
    expectError('1.4.3:\n  verdict: supports\n  when: 2026-11-24\n', /"1\.4\.3"\.who: who must say who checked/);
    expectError('1.4.3:\n  verdict: supports\n  who: A\n  when: last week\n', /"1\.4\.3"\.when: when must be a date such as 2026-11-20/);
    expectError('1.4.3:\n  verdict: supports\n  who: A\n  when: 2026-13-45\n', /"1\.4\.3"\.when: when must be a real date/);
    expectError('1.4.3:\n  verdict: supports\n  who: A\n  when: 2026-11-24\n  by: B\n', /"1\.4\.3": unknown field "by"/);
    expectError('1.4.3: supports\n', /"1\.4\.3": expected verdict, remarks, who and when/);
    expectError('- 1.4.3\n', /expected a map of criteria/);
    expectError('1.4.3: [unclosed\n', /not valid YAML/);
    expectError('1.4.3:\n  verdict: supports\n  who: A\n  when: 2026-11-24\n1.4.3:\n  verdict: supports\n  who: B\n  when: 2026-11-24\n', /not valid YAML/);
  });

  it('says a missing file in one line', () => {
    const missing = path.join(os.tmpdir(), 'welcomemat-no-such-verdicts.yaml');
    assert.throws(() => loadManualVerdicts(missing), (error: unknown) => error instanceof WelcomematError && error.exitCode === 2 && /no such file/.test(error.message));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-verdicts-'));
    try {
      fs.writeFileSync(path.join(dir, 'v.yaml'), FILE);
      assert.equal(loadManualVerdicts(path.join(dir, 'v.yaml')).size, 4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('verdicts merged into the documents', () => {
  const verdicts = parseManualVerdicts(FILE, 'v.yaml');
  const report = changedAt(makeSampleReport({ outcomes: true }), '2026-11-16T06:00:00.000Z');

  it('takes a holding verdict into the table, and into its EN chapter 9 twin', () => {
    const table = buildConformanceTable(report, { verdicts });
    const titled = table.wcag.find((row) => row.id === '2.4.2')!;
    assert.equal(titled.conclusion, 'verdict');
    assert.equal(titled.verdictCheck?.recheck, false);
    const twin = table.en.flatMap((chapter) => chapter.rows).find((row) => row.id === '9.2.4.2')!;
    assert.equal(twin.conclusion, 'verdict');
    assert.equal(twin.verdictFrom, '2.4.2');
    assert.ok(!table.manualChecksOwed.includes('2.4.2'));
    assert.equal(table.en.flatMap((chapter) => chapter.rows).find((row) => row.id === '12.2.3')?.conclusion, 'verdict');
    assert.match(renderConformanceHtml(report, { verdicts }), /Person&#x27;s verdict: Supports<\/strong> on November 24, 2026, by <span class="site">Ana Ruiz<\/span>/);
  });

  it('flags a verdict that automation contradicts, and keeps the failure', () => {
    const table = buildConformanceTable(report, { verdicts });
    const contrast = table.wcag.find((row) => row.id === '1.4.3')!;
    assert.equal(contrast.conclusion, 'fails');
    assert.ok(contrast.verdictCheck?.contradictedBy.length);
    assert.ok(table.recheck.includes('1.4.3'));
    const acr = buildAcr(report, { verdicts });
    const level = acr.chapters['success_criteria_level_aa'].criteria!.find((criterion) => criterion.num === '1.4.3')!.components[0].adherence;
    assert.notEqual(level.level, 'supports');
    assert.match(level.notes, /A person's verdict of Supports \(Someone hopeful, 2026-11-20\) is contradicted/);
  });

  it('flags a verdict older than the last change to its pages', () => {
    const later = changedAt(report, '2026-11-30T06:00:00.000Z');
    const table = buildConformanceTable(later, { verdicts });
    const titled = table.wcag.find((row) => row.id === '2.4.2')!;
    assert.equal(titled.conclusion, 'verdict', 'still the person\'s verdict');
    assert.equal(titled.verdictCheck?.changedPages.length, later.summary.pagesAudited);
    assert.ok(table.recheck.includes('2.4.2'));
    assert.match(renderConformanceHtml(later, { verdicts }), /Check again: 5 of its pages changed after the verdict/);
    const acr = buildAcr(later, { verdicts });
    const note = acr.chapters['success_criteria_level_a'].criteria!.find((criterion) => criterion.num === '2.4.2')!.components[0].adherence.notes;
    assert.match(note, /Check again: 5 of its pages changed after this verdict/);
    // 2.4.2 and 1.2.2 changed after their verdicts; 1.4.3 is contradicted by failures.
    assert.equal(buildStatement(later, { verdicts }).reasons.recheck, 3);
  });

  it('does not flag a date-only verdict given the day the content was first seen, and says when changes cannot be told', () => {
    const sameDay = changedAt(report, '2026-11-24T06:00:00.000Z');
    assert.equal(buildConformanceTable(sameDay, { verdicts }).wcag.find((row) => row.id === '2.4.2')?.verdictCheck?.recheck, false);
    const unknown = makeSampleReport({ outcomes: true });
    const check = buildConformanceTable(unknown, { verdicts }).wcag.find((row) => row.id === '2.4.2')?.verdictCheck;
    assert.equal(check?.changesUnknown, true);
    assert.match(renderConformanceHtml(unknown, { verdicts }), /cannot be told: page content was not recorded/);
  });

  it('puts the person\'s verdict into the ACR as "supports" only where a person gave it', () => {
    const acr = buildAcr(report, { verdicts });
    const a = acr.chapters['success_criteria_level_a'].criteria!;
    assert.equal(a.find((criterion) => criterion.num === '2.4.2')!.components[0].adherence.level, 'supports');
    assert.match(a.find((criterion) => criterion.num === '2.4.2')!.components[0].adherence.notes, /Every page title names the page and the bakery\. \(Verdict by Ana Ruiz on 2026-11-24\.\)/);
    assert.equal(a.find((criterion) => criterion.num === '1.2.2')!.components[0].adherence.level, 'not-applicable');
    const support = acr.chapters['support_documentation_and_services'].criteria!;
    assert.equal(support.find((criterion) => criterion.num === '603.3')!.components[0].adherence.level, 'partially-supports', 'Section 508 603.3 answers from EN 12.2.3');
    assert.equal(acr.last_modified_date, '2026-11-24');
  });

  it('lists a person\'s "partially supports" in the statement and counts the verdicts', () => {
    const statement = buildStatement(report, { verdicts });
    assert.equal(statement.verdictCount, 4);
    assert.equal(statement.status, 'partially-compliant');
  });
});
