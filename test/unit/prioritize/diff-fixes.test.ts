// What changed between two runs, judged by outcomes: "fixed" only where the rule ran again, "not checked" otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareFixes } from '../../../src/gate/baseline.js';
import { evaluateGate } from '../../../src/gate/evaluate-gate.js';
import { outcomeOf } from '../../../src/model/outcome-of.js';
import { emptyOutcomes, type RuleOutcomes } from '../../../src/model/outcome.js';
import type { Fix, Report } from '../../../src/model/report.js';
import { diffFixes, type ComparableReport } from '../../../src/prioritize/diff-fixes.js';
import { compareReports, historyPointOf } from '../../../src/report/compare.js';
import { historyEntryOf } from '../../../src/report/history.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const A = 'https://shop.example/a';
const B = 'https://shop.example/b';

function fix(id: string, ruleId: string, pages: string[], kind: Fix['kind'] = 'violation'): Fix {
  const base = makeSampleReport({ pages: 2 }).fixes[0];
  return { ...base, id, ruleId, pages, kind, title: id };
}

function outcomes(parts: Partial<RuleOutcomes>): RuleOutcomes {
  return { ...emptyOutcomes(), ...parts };
}

/** A report with two pages whose outcomes are given, and these fixes. */
function run(fixes: Fix[], pageOutcomes: Record<string, RuleOutcomes | 'failed'>): Report {
  const report = makeSampleReport({ pages: 2 });
  report.rules = [
    { id: 'focus-not-visible', source: 'welcomemat', scope: 'page' },
    { id: 'image-alt', source: 'axe', scope: 'page' },
    { id: 'color-contrast-enhanced', source: 'axe', scope: 'page', off: 'not in the selected axe tags' },
  ];
  report.siteOutcomes = emptyOutcomes();
  report.pages = [A, B].map((url, index) => {
    const page = { ...report.pages[0], url, finalUrl: url, depth: index };
    delete page.error;
    const given = pageOutcomes[url];
    if (given === 'failed') return { ...page, error: { code: 'timeout' as const, message: 'Navigation timeout' } };
    return { ...page, outcomes: given ?? emptyOutcomes() };
  });
  report.fixes = fixes;
  report.summary = { ...report.summary, fixes: fixes.length };
  return report;
}

describe('outcomeOf', () => {
  const report = run([], {
    [A]: outcomes({ failed: ['image-alt'], notRun: [{ reason: 'sampled', gatherer: 'keyboard', standIn: B, rules: ['focus-not-visible'] }] }),
    [B]: 'failed',
  });
  it('answers per rule and page, with why a rule did not run', () => {
    assert.deepEqual(outcomeOf(report, A, 'image-alt'), { outcome: 'failed' });
    assert.deepEqual(outcomeOf(report, A, 'focus-not-visible'), { outcome: 'not-run', reason: 'sampled', standIn: B });
    assert.deepEqual(outcomeOf(report, B, 'image-alt'), { outcome: 'not-run', reason: 'page-not-audited' });
    assert.equal(outcomeOf(report, A, 'color-contrast-enhanced').reason, 'switched-off');
    assert.equal(outcomeOf(report, A, 'no-such-rule').reason, 'unknown-rule');
  });
  it('says outcomes were not recorded in a report older than schema 2.0', () => {
    const old = { ...report, rules: undefined };
    assert.equal(outcomeOf(old, A, 'image-alt').reason, 'not-recorded');
  });
});

describe('diffFixes', () => {
  const gone = fix('keyboard:focus', 'focus-not-visible', [A]);
  const before = run([gone, fix('alt', 'image-alt', [A, B])], {});

  it('calls a fix fixed only when its rule ran again where it was', () => {
    const ranAndPassed = run([fix('alt', 'image-alt', [A, B])], { [A]: outcomes({}) });
    assert.deepEqual(
      diffFixes(before, ranAndPassed).map((d) => [d.id, d.status]),
      [['alt', 'remaining'], ['keyboard:focus', 'fixed']],
    );
  });

  it('says "not checked" when the rule timed out, was sampled out, or the page failed this time', () => {
    const timedOut = run([], { [A]: outcomes({ notRun: [{ reason: 'gatherer-timed-out', gatherer: 'keyboard', rules: ['focus-not-visible'] }] }) });
    assert.equal(diffFixes(before, timedOut).find((d) => d.id === gone.id)?.status, 'not-checked');
    const pageFailed = run([], { [A]: 'failed' });
    assert.equal(diffFixes(before, pageFailed).find((d) => d.id === gone.id)?.status, 'not-checked');
    // image-alt ran on A but B failed: its fix, on both pages, cannot be called fixed.
    assert.equal(diffFixes(before, run([], { [B]: 'failed' })).find((d) => d.id === 'alt')?.status, 'not-checked');
  });

  it('counts a rule that ran and failed for another cause as having checked the old one', () => {
    const otherCause = run([fix('alt-2', 'image-alt', [A])], { [A]: outcomes({ failed: ['image-alt'] }) });
    assert.equal(diffFixes(before, otherCause).find((d) => d.id === 'alt')?.status, 'fixed');
  });

  it('trusts fix ids against a current report without outcomes', () => {
    const old: ComparableReport = { ...run([], {}), rules: undefined };
    assert.equal(diffFixes(before, old).find((d) => d.id === gone.id)?.status, 'fixed');
  });

  it('reads a history entry (first pages of each fix kept) as the earlier run', () => {
    const entry = historyEntryOf(before);
    assert.deepEqual(entry.fixes.find((f) => f.id === 'alt')?.pages, [A, B]);
    const timedOut = run([], { [A]: outcomes({ notRun: [{ reason: 'gatherer-failed', gatherer: 'keyboard', rules: ['focus-not-visible'] }] }) });
    const comparison = compareReports(timedOut, entry, 'history');
    assert.equal(comparison.counts['not-checked'], 1);
    assert.equal(comparison.fixes.at(-1)?.status, 'not-checked', 'not checked comes last');
    assert.equal(historyPointOf(entry).fixes, 2);
  });
});

describe('--fail-on-new with outcomes', () => {
  it('does not count a new violation whose rule did not run in the baseline where it is now', () => {
    const baseline = run([], { [A]: outcomes({ notRun: [{ reason: 'gatherer-timed-out', gatherer: 'keyboard', rules: ['focus-not-visible'] }] }) });
    const now = run([fix('keyboard:focus', 'focus-not-visible', [A])], { [A]: outcomes({ failed: ['focus-not-visible'] }) });
    const changes = compareFixes(baseline, now);
    assert.deepEqual(changes.newViolations, []);
    assert.deepEqual(changes.uncheckedViolations.map((f) => f.id), ['keyboard:focus']);
    assert.equal(evaluateGate(now, { failOnNew: true }, changes).failed, false);
    // Where the baseline did check it, the same fix is new and fails the gate.
    const checked = compareFixes(run([], { [A]: outcomes({}) }), now);
    assert.equal(evaluateGate(now, { failOnNew: true }, checked).failed, true);
  });

  it('counts a violation on a page the baseline never audited as new', () => {
    const baseline = run([], { [A]: outcomes({}) });
    baseline.pages = baseline.pages.slice(0, 1);
    const now = run([fix('alt-b', 'image-alt', [B])], { [B]: outcomes({ failed: ['image-alt'] }) });
    assert.deepEqual(compareFixes(baseline, now).newViolations.map((f) => f.id), ['alt-b']);
  });
});
