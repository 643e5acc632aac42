// The OpenACR report: valid against the OpenACR schema, terms from outcomes, never "supports" without a person, YAML that reads back exactly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { acrYaml, buildAcr, renderAcr, type OpenAcr } from '../../../src/compliance/acr.js';
import { parseManualVerdicts } from '../../../src/compliance/verdicts.js';
import { acrCatalog, openAcrSchemaPath } from '../../../src/standards/data.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const ajv = new Ajv.default({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(openAcrSchemaPath, 'utf8')) as object);

function assertValid(acr: unknown) {
  const ok = validate(acr);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

const levels = (acr: OpenAcr) => Object.values(acr.chapters).flatMap((chapter) => chapter.criteria ?? []).flatMap((criterion) => criterion.components.map((component) => component.adherence.level));
const criterionOf = (acr: OpenAcr, chapter: string, num: string) => acr.chapters[chapter].criteria!.find((criterion) => criterion.num === num)!.components[0].adherence;

describe('OpenACR report', () => {
  const report = makeSampleReport({ outcomes: true });
  const acr = buildAcr(report, { product: { name: 'Crumb & Kettle website', version: '2026.11', vendor: 'Crumb & Kettle Ltd', email: 'access@crumb.example' } });

  it('validates against the OpenACR 0.1.0 schema, as built and as YAML read back', () => {
    assertValid(acr);
    const { yaml } = renderAcr(report);
    const back = parse(yaml) as OpenAcr;
    assertValid(back);
    assert.deepEqual(back, buildAcr(report));
  });

  it('names the VPAT 2.5 INT catalog and the product and vendor from config', () => {
    assert.equal(acr.catalog, '2.5-edition-wcag-2.2-508-eu-en');
    assert.deepEqual(acr.product, { name: 'Crumb & Kettle website', version: '2026.11', description: 'The website at https://www.crumb-and-kettle.example/.' });
    assert.equal(acr.vendor.company_name, 'Crumb & Kettle Ltd');
    assert.equal(acr.author.email, 'access@crumb.example');
    assert.equal(acr.title, 'Crumb & Kettle Ltd Accessibility Conformance Report');
    // Every catalog chapter is there: reported, or switched off with a reason.
    assert.deepEqual(Object.keys(acr.chapters).sort(), acrCatalog().chapters.map((chapter) => chapter.id).sort());
    assert.equal(acr.chapters['hardware'].disabled, true);
    assert.equal(acr.chapters['en_301_549_ict_with_two-way_voice'].disabled, true);
    assert.match(acr.chapters['en_301_549_web'].notes ?? '', /9\.x\.y\.z .* WCAG 2\.2 success criterion x\.y\.z/);
  });

  it('never says "supports" without a person\'s verdict', () => {
    assert.ok(!levels(acr).includes('supports'));
    assert.ok(!levels(buildAcr(makeSampleReport({ outcomes: true, findingsPerPage: 0 }))).includes('supports'));
  });

  it('says "partially supports" or "does not support" where failures were found, naming fixes and page counts', () => {
    const contrast = criterionOf(acr, 'success_criteria_level_aa', '1.4.3');
    assert.equal(contrast.level, 'partially-supports', '2 of 5 pages');
    assert.match(contrast.notes, /^Fails on 2 of 5 pages\. Fixes: Make text stand out from its background \(2 pages\)/);
    const names = criterionOf(acr, 'success_criteria_level_a', '4.1.2');
    assert.equal(names.level, 'does-not-support', '4 of 5 pages: the majority');
    // A functional performance statement sums up criteria: never more than partially.
    assert.equal(criterionOf(acr, 'functional_performance_criteria', '302.1').level, 'partially-supports');
    assert.equal(criterionOf(acr, 'en_301_549_functional_performance', '4.2.1').level, 'partially-supports');
  });

  it('says "not evaluated" where automation cannot decide, with what a person must check', () => {
    const titled = criterionOf(acr, 'success_criteria_level_a', '2.4.2');
    assert.equal(titled.level, 'not-evaluated');
    assert.match(titled.notes, /No automated failure found on 5 pages: a person must still check\. A person must check: Read each page title/);
    assert.equal(criterionOf(acr, 'success_criteria_level_a', '1.3.2').level, 'not-evaluated');
    assert.equal(criterionOf(acr, 'success_criteria_level_aaa', '2.4.9').notes, 'Level AAA was not part of this audit.');
    assert.equal(criterionOf(acr, 'en_301_549_generic_requirements', '5.7').level, 'not-applicable');
  });

  it('fills a marked blank where no contact email is known', () => {
    const drafted = buildAcr(report);
    assert.equal(drafted.author.email, '[To fill: contact email]');
    assert.match(drafted.notes, /Fill in the author's and vendor's contact email/);
    assertValid(drafted);
  });

  it('renders an HTML page with a table per chapter, in Spanish too', () => {
    const { html } = renderAcr(report, { locale: 'es' });
    assert.match(html, /<html lang="es">/);
    assert.match(html, /<caption>Tabla 2: Criterios de conformidad, nivel AA<\/caption>/);
    assert.match(html, /1\.4\.3 Contraste \(mínimo\)/);
    assert.match(html, /Parcialmente compatible/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('writes each string value quoted, so YAML 1.1 readers do not turn dates and ids into other types', () => {
    const yaml = acrYaml(acr);
    assert.match(yaml, /^report_date: "2026-11-23"$/m);
    assert.match(yaml, /- num: "302\.1"$/m);
    assert.doesNotMatch(yaml, /[&*]a\d/, 'no anchors or aliases');
    assert.match(yaml, /^# OpenACR draft/);
  });

  it('takes verdicts for Section 508 criteria from their EN counterparts and back', () => {
    const verdicts = parseManualVerdicts('302.6:\n  verdict: supports\n  remarks: Written contact everywhere.\n  who: Ana\n  when: 2026-11-24\n', 'v.yaml');
    const withVerdict = buildAcr(report, { verdicts });
    assert.equal(criterionOf(withVerdict, 'functional_performance_criteria', '302.6').level, 'supports');
    assert.equal(criterionOf(withVerdict, 'en_301_549_functional_performance', '4.2.6').level, 'supports');
    assertValid(withVerdict);
  });
});
