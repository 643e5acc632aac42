// runDocumentChecks: findings with message references, and an outcome for every enabled check (failed, needs review, not applicable, errored; passed = listed nowhere).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineDocumentCheck } from '../../../src/checks/check.js';
import { documentChecks } from '../../../src/checks/document-checks.js';
import { runDocumentChecks, unreadOutcomes } from '../../../src/documents/run-document-checks.js';
import { outcomeIn } from '../../../src/model/outcome.js';
import { pdfArtifact } from '../checks/make-pdf-artifact.js';

const options = { checks: {}, disabledFamilies: [] };
const url = 'http://127.0.0.1/menu.pdf';

describe('runDocumentChecks', () => {
  it('turns results into findings on the document and records each outcome', () => {
    const pdf = pdfArtifact({ marked: null, hasStructTree: false, title: '', headings: {}, figures: { total: 0, withoutAlt: 0, items: [] } });
    const run = runDocumentChecks(documentChecks, pdf, url, options);
    assert.deepEqual(run.findings.map((finding) => finding.ruleId).sort(), ['pdf-no-title', 'pdf-not-tagged']);
    const untagged = run.findings.find((finding) => finding.ruleId === 'pdf-not-tagged')!;
    assert.equal(untagged.url, url);
    assert.equal(untagged.family, 'documents');
    assert.deepEqual(untagged.messageRef, { id: 'pdf-not-tagged.untagged' });
    assert.deepEqual(run.outcomes.failed.sort(), ['pdf-no-title', 'pdf-not-tagged']);
    assert.deepEqual(run.outcomes.notApplicable.sort(), ['pdf-bookmarks-missing', 'pdf-figure-alt-missing', 'pdf-form-field-unnamed', 'pdf-headings-missing', 'pdf-security-blocks-assistive-tech']);
    assert.equal(outcomeIn(run.outcomes, 'pdf-language-missing').outcome, 'passed');
  });

  it('records needs-review, leaves switched-off checks and families out, and turns a throw into errored', () => {
    const pdf = pdfArtifact({ marked: false });
    const boom = defineDocumentCheck({ ...documentChecks[0], meta: { ...documentChecks[0].meta, id: 'pdf-boom' }, evaluate: () => { throw new Error('boom\nstack'); } });
    const run = runDocumentChecks([...documentChecks, boom], pdf, url, { checks: { 'pdf-no-title': false }, disabledFamilies: [] });
    assert.deepEqual(run.outcomes.needsReview, ['pdf-not-tagged']);
    assert.deepEqual(run.outcomes.errored, [{ rule: 'pdf-boom', message: 'boom' }]);
    assert.ok(![...run.outcomes.failed, ...run.outcomes.notApplicable, ...run.outcomes.needsReview].includes('pdf-no-title'));
    assert.deepEqual(runDocumentChecks(documentChecks, pdf, url, { checks: {}, disabledFamilies: ['documents'] }), { findings: [], outcomes: { failed: [], needsReview: [], notApplicable: [], notRun: [], errored: [] } });
  });

  it('passes settings to the checks', () => {
    const pdf = pdfArtifact({ pageCount: 12, outlineItems: 0 });
    assert.deepEqual(runDocumentChecks(documentChecks, pdf, url, options).outcomes.failed, ['pdf-bookmarks-missing']);
    assert.deepEqual(runDocumentChecks(documentChecks, pdf, url, { checks: { 'pdf-bookmarks-missing': { minPages: 50 } }, disabledFamilies: [] }).outcomes.failed, []);
  });
});

describe('unreadOutcomes', () => {
  it('marks every enabled check not run, timed out or failed, with the reason', () => {
    const timedOut = unreadOutcomes(documentChecks, { code: 'read-timeout', message: 'slow' }, { checks: { 'pdf-no-title': false }, disabledFamilies: [] });
    assert.equal(timedOut.notRun.length, 1);
    assert.equal(timedOut.notRun[0].reason, 'gatherer-timed-out');
    assert.equal(timedOut.notRun[0].gatherer, 'pdf');
    assert.equal(timedOut.notRun[0].detail, 'read-timeout: slow');
    assert.equal(timedOut.notRun[0].rules.length, documentChecks.length - 1);
    assert.equal(unreadOutcomes(documentChecks, { code: 'corrupt', message: 'x' }, options).notRun[0].reason, 'gatherer-failed');
  });
});
