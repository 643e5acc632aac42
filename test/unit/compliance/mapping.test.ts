// The rule → criteria mapping: axe rules from their tags, welcomemat checks from their metadata, unknown rules from the report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allChecks } from '../../../src/checks/registry.js';
import { indexRules, knownClause, performanceStatements, ruleCriteria, rulesOf, webClauseOf } from '../../../src/compliance/mapping.js';
import { enClause, wcagCriterion } from '../../../src/standards/data.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';

describe('rule criteria', () => {
  it('reads axe rules from their tags, EN clauses included', () => {
    assert.deepEqual(ruleCriteria({ id: 'image-alt', source: 'axe' }), { wcag: ['1.1.1'], en: ['9.1.1.1'] });
    assert.deepEqual(ruleCriteria({ id: 'target-size', source: 'axe' }), { wcag: ['2.5.8'], en: ['9.2.5.8'] });
    // axe tags EN-9.2.1.3 too, but WCAG 2.1.3 is AAA and EN 301 549 has no such clause.
    assert.deepEqual(ruleCriteria({ id: 'scrollable-region-focusable', source: 'axe' }), { wcag: ['2.1.1', '2.1.3'], en: ['9.2.1.1'] });
    assert.deepEqual(ruleCriteria({ id: 'region', source: 'axe' }), { wcag: [], en: [] });
  });

  it('reads welcomemat checks from meta.wcag (as chapter 9 clauses too) and meta.en301549', () => {
    assert.deepEqual(ruleCriteria({ id: 'consistent-help', source: 'welcomemat' }), { wcag: ['3.2.6'], en: ['9.3.2.6', '12.2.3'] });
    assert.deepEqual(ruleCriteria({ id: 'contact-methods', source: 'welcomemat' }), { wcag: [], en: ['12.2.3'] });
    assert.deepEqual(ruleCriteria({ id: 'accessibility-statement', source: 'welcomemat' }), { wcag: [], en: ['12.1.1', '12.2.2'] });
  });

  it('takes the criteria an unknown rule carried in the report', () => {
    const report = makeSampleReport();
    assert.deepEqual(ruleCriteria({ id: 'reflow', source: 'welcomemat' }, report), { wcag: ['1.4.10'], en: ['9.1.4.10'] });
    assert.deepEqual(ruleCriteria({ id: 'no-such-rule', source: 'axe' }, report), { wcag: [], en: [] });
  });

  it('maps every check to known criteria and clauses', () => {
    for (const check of allChecks) {
      for (const id of check.meta.wcag) assert.ok(wcagCriterion(id), `${check.meta.id}: WCAG ${id}`);
      for (const id of check.meta.en301549 ?? []) assert.ok(knownClause(id), `${check.meta.id}: EN ${id}`);
    }
  });

  it('gives chapter 9 clauses to A and AA criteria only, and knows document clauses', () => {
    assert.equal(webClauseOf('1.4.3'), '9.1.4.3');
    assert.equal(webClauseOf('1.4.6'), undefined);
    assert.ok(knownClause('10.1.1.1'));
    assert.ok(!knownClause('10.9.9.9'));
  });

  it('indexes the run\'s rules by criterion; without recorded rules, every known rule', () => {
    const recorded = indexRules(makeSampleReport({ outcomes: true }));
    assert.deepEqual(recorded.byWcag.get('4.1.2')?.map((rule) => rule.id).sort(), ['button-name', 'label', 'link-name']);
    assert.deepEqual(recorded.byEn.get('12.2.3')?.map((rule) => rule.id).sort(), ['consistent-help', 'contact-methods']);
    const old = rulesOf(asSchema1(makeSampleReport()));
    assert.ok(old.some((rule) => rule.id === 'color-contrast' && rule.source === 'axe'));
    assert.ok(old.some((rule) => rule.id === 'keyboard-trap' && rule.source === 'welcomemat'));
    assert.ok(old.some((rule) => rule.id === 'focus-visible'), 'rules seen only in findings too');
    assert.ok(!old.some((rule) => rule.id === 'duplicate-id'), 'deprecated axe rules are not assumed to have run');
  });

  it('rests every functional performance statement on known criteria and checks', () => {
    const statements = performanceStatements();
    assert.deepEqual(statements.map((statement) => statement.id), ['4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.2.6', '4.2.7', '4.2.8', '4.2.9', '4.2.10', '4.2.11']);
    for (const statement of statements) {
      assert.ok(enClause(statement.id), statement.id);
      for (const id of statement.wcag) assert.ok(['A', 'AA'].includes(wcagCriterion(id)?.level ?? ''), `${statement.id}: ${id}`);
      for (const id of statement.checks) assert.ok(allChecks.some((check) => check.meta.id === id), `${statement.id}: ${id}`);
    }
  });
});
