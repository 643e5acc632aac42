// The compliance texts and manual test steps: every criterion and clause the documents show has a step and a name in English and Spanish, with matching keys and placeholders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess } from '../../../src/compliance/assess.js';
import { loadComplianceTexts, textKeys } from '../../../src/compliance/texts.js';
import { acrCatalog, wcagData } from '../../../src/standards/data.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const LOCALES = ['en', 'es'];

describe('manual test steps', () => {
  it('has a step for every WCAG 2.2 Level A and AA criterion in English and Spanish', () => {
    for (const locale of LOCALES) {
      const { steps } = loadComplianceTexts(locale);
      for (const sc of wcagData().criteria.filter((item) => item.level !== 'AAA')) {
        assert.ok(steps.wcag[sc.id]?.trim(), `${locale}: WCAG ${sc.id}`);
      }
    }
  });

  it('has a step for every EN 301 549 clause and Section 508 criterion the documents judge', () => {
    const assessment = assess(makeSampleReport({ outcomes: true }));
    const rows = [...assessment.en.flatMap((chapter) => chapter.rows), ...assessment.s508.fpc, ...assessment.s508.support].filter((row) => !row.notApplicable);
    assert.ok(rows.length > 90);
    for (const locale of LOCALES) {
      const { steps } = loadComplianceTexts(locale);
      for (const row of rows) assert.ok(steps[row.step.kind]?.[row.step.id]?.trim(), `${locale}: ${row.standard} ${row.id} (${row.step.kind} ${row.step.id})`);
    }
  });

  it('has the same steps in both languages, none empty, and Spanish ones that are not the English', () => {
    const en = loadComplianceTexts('en').steps;
    const es = loadComplianceTexts('es').steps;
    for (const kind of ['wcag', 'en', 's508'] as const) {
      assert.deepEqual(Object.keys(es[kind]).sort(), Object.keys(en[kind]).sort(), kind);
      for (const id of Object.keys(en[kind])) assert.notEqual(es[kind][id], en[kind][id], `${kind} ${id} is translated`);
    }
  });
});

describe('compliance texts', () => {
  it('has every key in both languages with the same placeholders', () => {
    const en = loadComplianceTexts('en').texts;
    const es = loadComplianceTexts('es').texts;
    assert.deepEqual(textKeys(es).sort(), textKeys(en).sort());
    const pick = (tree: typeof en, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string | Record<string, string>;
    const placeholders = (value: string | Record<string, string>) => [...(typeof value === 'string' ? value : value['other']).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of textKeys(en)) assert.deepEqual(placeholders(pick(es, key)), placeholders(pick(en, key)), key);
  });

  it('names in Spanish every criterion, clause, chapter and standard the documents show', () => {
    const { names } = loadComplianceTexts('es');
    const assessment = assess(makeSampleReport({ outcomes: true }));
    for (const sc of wcagData().criteria) assert.ok(names.wcag?.[sc.id], `WCAG ${sc.id}`);
    for (const row of assessment.en.flatMap((chapter) => chapter.rows).filter((item) => !item.wcag)) assert.ok(names.en?.[row.id], `EN ${row.id}`);
    for (const row of [...assessment.s508.fpc, ...assessment.s508.support]) assert.ok(names.s508?.[row.id], `508 ${row.id}`);
    for (const chapter of acrCatalog().chapters) assert.ok(names.chapters?.[chapter.id], chapter.id);
    for (const standard of acrCatalog().standards) assert.ok(names.standards?.[standard.id], standard.id);
  });
});
