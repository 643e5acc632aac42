// The conformance table on constructed reports: planted failures fail with their fixes and pages; a clean site has no failures and lists what a person owes; older reports say outcomes were not recorded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import Ajv from 'ajv';
import { buildAcr } from '../../../src/compliance/acr.js';
import { openAcrSchemaPath } from '../../../src/standards/data.js';
import { buildConformanceTable } from '../../../src/compliance/conformance-table.js';
import { emptyOutcomes, type RuleOutcomes, type RuleRef } from '../../../src/model/outcome.js';
import type { Report } from '../../../src/model/report.js';
import { renderConformanceHtml, renderConformanceJson } from '../../../src/compliance/render-conformance.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';

const row = (table: ReturnType<typeof buildConformanceTable>, id: string) => {
  const found = table.wcag.find((item) => item.id === id) ?? table.en.flatMap((chapter) => chapter.rows).find((item) => item.id === id);
  assert.ok(found, id);
  return found;
};

describe('conformance table', () => {
  const report = makeSampleReport({ outcomes: true });
  const table = buildConformanceTable(report);

  it('says "fails" for a criterion with planted failures, with the right fixes and pages', () => {
    const contrast = row(table, '1.4.3');
    assert.equal(contrast.conclusion, 'fails');
    assert.equal(contrast.result.status, 'fails');
    const failing = [...new Set(report.findings.filter((f) => f.ruleId === 'color-contrast' && f.kind === 'violation').map((f) => f.url))].sort();
    assert.deepEqual([...contrast.result.failedPages].sort(), failing);
    assert.deepEqual(contrast.result.fixes.map((fix) => fix.id), report.fixes.filter((fix) => fix.ruleId === 'color-contrast').map((fix) => fix.id));
    assert.equal(contrast.result.auditedPages, report.summary.pagesAudited);
    // 4.1.2 is tested by label, link-name and button-name: both failing rules' fixes are linked.
    const nameRoleValue = row(table, '4.1.2');
    assert.deepEqual(nameRoleValue.result.fixes.map((fix) => fix.ruleId).sort(), ['label', 'link-name']);
    // The EN chapter 9 twin fails the same way.
    assert.equal(row(table, '9.1.4.3').conclusion, 'fails');
  });

  it('says what did not run, and why', () => {
    const reflow = row(table, '1.4.10');
    assert.deepEqual(reflow.result.notRun.map((entry) => entry.reason), ['sampled']);
    const timing = row(table, '2.2.1');
    assert.equal(timing.result.status, 'not-run');
    assert.deepEqual(timing.result.notRun.map((entry) => [entry.reason, entry.rules]), [['switched-off', ['meta-refresh']]]);
    assert.equal(row(table, '1.2.2').result.status, 'nothing-found');
    assert.equal(row(table, '1.3.2').result.status, 'not-tested');
    assert.equal(row(table, '2.4.2').result.status, 'no-automated-failure');
  });

  it('never concludes more than automation can: no verdict, no "conforms"', () => {
    assert.ok(table.wcag.every((item) => item.conclusion !== 'verdict'));
    assert.ok(table.manualChecksOwed.includes('2.4.2'));
    assert.ok(table.manualChecksOwed.includes('12.2.3'));
  });

  it('counts WCAG 2.1 AA (ADA Title II) apart from 2.2', () => {
    assert.equal(table.summary.wcag22.criteria, 55);
    assert.equal(table.summary.wcag21.criteria, 50, 'the 2.1 subset: 2.2 criteria out, 4.1.1 in');
    assert.equal(table.wcag.find((item) => item.id === '2.5.8')?.since, '2.2');
  });

  it('has no failures on a clean site, and lists the manual checks owed', () => {
    const clean = buildConformanceTable(makeSampleReport({ outcomes: true, findingsPerPage: 0 }));
    assert.equal(clean.summary.wcag22.fails, 0);
    assert.equal(clean.summary.en.fails, 0);
    assert.ok(clean.wcag.every((item) => item.conclusion === 'manual-check'));
    assert.equal(clean.manualChecksOwed.filter((id) => /^\d\.\d\.\d+$/.test(id) && clean.wcag.some((item) => item.id === id)).length, 56);
    const html = renderConformanceHtml(makeSampleReport({ outcomes: true, findingsPerPage: 0 }));
    assert.doesNotMatch(html, /Fails on/);
    assert.match(html, /No automated failure found on 5 pages: a person must still check/);
    assert.match(html, /What a person must still check/);
  });

  it('renders a report without outcomes (schema 1.2) and says outcomes were not recorded', () => {
    const old = asSchema1(makeSampleReport());
    const oldTable = buildConformanceTable(old);
    assert.equal(oldTable.outcomesRecorded, false);
    assert.equal(row(oldTable, '1.4.3').result.status, 'fails', 'failures still come from findings');
    assert.equal(row(oldTable, '2.4.2').result.status, 'not-recorded');
    assert.match(renderConformanceHtml(old), /Outcomes not recorded/);
  });

  it('writes JSON with each row worded and its manual step', () => {
    const json = JSON.parse(renderConformanceJson(report, { locale: 'es' })) as { format: string; locale: string; wcag: { id: string; resultText: string[]; manualStep: string }[] };
    assert.equal(json.format, 'welcomemat-conformance');
    assert.equal(json.locale, 'es');
    const contrast = json.wcag.find((item) => item.id === '1.4.3')!;
    assert.match(contrast.resultText[0], /^Falla en 2 de 5 páginas/);
    assert.match(contrast.manualStep, /contraste|4,5:1/);
  });

  it('links each fix into the HTML report and offers the WCAG 2.1 filter', () => {
    const html = renderConformanceHtml(report);
    const index = report.fixes.findIndex((fix) => fix.ruleId === 'color-contrast');
    assert.match(html, new RegExp(`href="index.html#fix-${index + 1}"`));
    assert.match(html, /<input type="checkbox" id="only21"> <label for="only21">/);
    assert.match(html, /<tr class="[^"]*wcag22-only[^"]*"><th scope="row">2\.4\.11 /);
    assert.doesNotMatch(html, /<script/i);
  });
});

describe('documents in the conformance table and the ACR', () => {
  /** The sample report with two audited PDFs (report.documents, as the documents auditor records them). */
  function withDocuments(): Report {
    const report = makeSampleReport({ outcomes: true });
    const rules: RuleRef[] = [...(report.rules ?? []), { id: 'pdf-no-title', source: 'welcomemat', scope: 'document' }, { id: 'pdf-not-tagged', source: 'welcomemat', scope: 'document' }];
    const outcomes = (failed: string[]): RuleOutcomes => ({ ...emptyOutcomes(), failed });
    const documents = [
      { url: 'https://www.crumb-and-kettle.example/menu.pdf', finalUrl: 'https://www.crumb-and-kettle.example/menu.pdf', outcomes: outcomes(['pdf-no-title']) },
      { url: 'https://www.crumb-and-kettle.example/prices.pdf', finalUrl: 'https://www.crumb-and-kettle.example/prices.pdf', outcomes: outcomes([]) },
    ];
    return { ...report, rules, documents } as Report;
  }

  it('reports chapter 10 by document, and keeps document rules out of the web rows', () => {
    const report = withDocuments();
    const table = buildConformanceTable(report);
    const documents = table.en.find((chapter) => chapter.number === 10)!;
    assert.equal(documents.note, 'documents');
    const titled = documents.rows.find((item) => item.id === '10.2.4.2')!;
    assert.equal(titled.result.unit, 'documents');
    assert.equal(titled.result.status, 'fails');
    assert.deepEqual(titled.result.failedPages, ['https://www.crumb-and-kettle.example/menu.pdf']);
    assert.equal(titled.result.auditedPages, 2);
    assert.equal(documents.rows.find((item) => item.id === '10.1.3.2')?.result.status, 'not-tested', 'reading order: a person checks');
    assert.ok(!row(table, '2.4.2').result.rules.some((rule) => rule.id === 'pdf-no-title'), 'the web row is about web pages');
    assert.match(renderConformanceHtml(report), /Fails in 1 of 2 documents/);
    assert.equal(buildConformanceTable(makeSampleReport({ outcomes: true })).en.find((chapter) => chapter.number === 10)?.note, 'documents-not-audited');
  });

  it('gives the ACR\'s WCAG rows an electronic-docs component where documents were audited', () => {
    const acr = buildAcr(withDocuments());
    const titled = acr.chapters['success_criteria_level_a'].criteria!.find((criterion) => criterion.num === '2.4.2')!;
    assert.deepEqual(titled.components.map((component) => component.name), ['web', 'electronic-docs']);
    assert.equal(titled.components[1].adherence.level, 'partially-supports');
    assert.match(titled.components[1].adherence.notes, /^Fails in 1 of 2 documents/);
    assert.ok(acr.chapters['en_301_549_non-web-documents'].criteria?.some((criterion) => criterion.num === '10.2.4.2'));
    const validate = new Ajv.default({ strict: false }).compile(JSON.parse(fs.readFileSync(openAcrSchemaPath, 'utf8')) as object);
    assert.ok(validate(acr), JSON.stringify(validate.errors));
  });
});
