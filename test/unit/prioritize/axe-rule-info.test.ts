// Unit tests for axe rule texts, audiences, families and WCAG tag conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AXE_RULES_WITH_TEXT, axeAffects, axeFamily, axeRuleInfo, axeWcag } from '../../../src/prioritize/axe-rule-info.js';

const fallback = { help: 'Widgets must be nice', description: 'Ensures widgets are nice', helpUrl: 'https://dequeuniversity.com/x' };

test('axeWcag converts criterion tags by digit position', () => {
  assert.deepEqual(axeWcag(['cat.text-alternatives', 'wcag2a', 'wcag111']), { wcag: ['1.1.1'], level: 'A' });
  assert.deepEqual(axeWcag(['wcag21aa', 'wcag1410']), { wcag: ['1.4.10'], level: 'AA' });
  assert.deepEqual(axeWcag(['wcag22aa', 'wcag2411']), { wcag: ['2.4.11'], level: 'AA' });
  assert.deepEqual(axeWcag(['wcag2a', 'wcag412']), { wcag: ['4.1.2'], level: 'A' });
  assert.deepEqual(axeWcag(['wcag2aa', 'wcag1412']), { wcag: ['1.4.12'], level: 'AA' });
  assert.deepEqual(axeWcag(['wcag2a', 'wcag244', 'wcag412']), { wcag: ['2.4.4', '4.1.2'], level: 'A' });
  assert.deepEqual(axeWcag(['wcag22aa', 'wcag258']), { wcag: ['2.5.8'], level: 'AA' });
});

test('axeWcag levels: A, AA, AAA, best practice, and from the criterion when no level tag', () => {
  assert.equal(axeWcag(['wcag21a', 'wcag253']).level, 'A');
  assert.equal(axeWcag(['wcag2aaa', 'wcag146']).level, 'AAA');
  assert.deepEqual(axeWcag(['cat.semantics', 'best-practice']), { wcag: [], level: 'best-practice' });
  assert.deepEqual(axeWcag(['wcag134', 'experimental']), { wcag: ['1.3.4'], level: 'AA' });
  assert.deepEqual(axeWcag(['wcag2a-obsolete', 'wcag411']), { wcag: ['4.1.1'], level: 'A' });
  assert.deepEqual(axeWcag(['section508', 'TTv5', 'EN-301-549', 'ACT']), { wcag: [], level: 'best-practice' });
});

test('every tag of every installed axe rule converts to known criteria', () => {
  const axe = createRequire(import.meta.url)('axe-core') as { getRules(): { ruleId: string; tags: string[] }[] };
  for (const rule of axe.getRules()) {
    const { wcag, level } = axeWcag(rule.tags);
    for (const id of wcag) assert.match(id, /^[1-4]\.\d\.\d{1,2}$/, `${rule.ruleId}: ${id}`);
    if (wcag.length === 0) assert.equal(level, 'best-practice', rule.ruleId);
  }
});

test('hand-written texts cover the common rules and fill every field', () => {
  const required = [
    'color-contrast', 'image-alt', 'label', 'link-name', 'button-name', 'html-has-lang', 'html-lang-valid',
    'valid-lang', 'document-title', 'region', 'landmark-one-main', 'landmark-unique', 'heading-order',
    'page-has-heading-one', 'empty-heading', 'list', 'listitem', 'duplicate-id-aria', 'aria-required-attr',
    'aria-valid-attr-value', 'aria-allowed-attr', 'aria-hidden-focus', 'aria-roles', 'frame-title',
    'meta-viewport', 'meta-refresh', 'select-name', 'input-image-alt', 'svg-img-alt', 'role-img-alt',
    'link-in-text-block', 'scrollable-region-focusable', 'nested-interactive', 'target-size',
    'autocomplete-valid', 'video-caption', 'tabindex', 'bypass', 'th-has-data-cells', 'td-headers-attr',
    'empty-table-header', 'skip-link', 'identical-links-same-purpose', 'image-redundant-alt',
    'label-title-only', 'form-field-multiple-labels', 'avoid-inline-spacing', 'presentation-role-conflict',
  ];
  for (const ruleId of required) {
    assert.ok(AXE_RULES_WITH_TEXT.includes(ruleId), ruleId);
    const info = axeRuleInfo(ruleId, fallback);
    for (const field of ['title', 'whyItMatters', 'howToFix', 'example'] as const) assert.ok(info[field].length > 0, `${ruleId}.${field}`);
    assert.notEqual(info.title, fallback.help);
    assert.equal(info.helpUrl, fallback.helpUrl);
  }
});

test('hand-written texts only name rules axe has', () => {
  const axe = createRequire(import.meta.url)('axe-core') as { getRules(): { ruleId: string }[] };
  const ids = new Set(axe.getRules().map((rule) => rule.ruleId));
  for (const ruleId of AXE_RULES_WITH_TEXT) assert.ok(ids.has(ruleId), ruleId);
});

test('unknown rules fall back to axe help and description', () => {
  const info = axeRuleInfo('made-up-rule', fallback);
  assert.equal(info.title, 'Widgets must be nice');
  assert.equal(info.whyItMatters, 'Ensures widgets are nice');
  assert.equal(info.helpUrl, fallback.helpUrl);
  assert.equal(info.example, '');
  assert.equal(axeRuleInfo('toString', fallback).title, 'Widgets must be nice');
});

test('axeAffects maps rules and categories to audiences', () => {
  assert.deepEqual(axeAffects('color-contrast', ['cat.color']), ['low-vision', 'colour-blind']);
  assert.deepEqual(axeAffects('image-alt', ['cat.text-alternatives']), ['blind']);
  assert.deepEqual(axeAffects('label', ['cat.forms']), ['blind', 'cognitive']);
  assert.ok(axeAffects('tabindex', ['cat.keyboard']).includes('keyboard'));
  assert.ok(axeAffects('tabindex', ['cat.keyboard']).includes('motor'));
  assert.deepEqual(axeAffects('video-caption', ['cat.text-alternatives']), ['deaf']);
  assert.deepEqual(axeAffects('new-rule', ['cat.keyboard']), ['keyboard', 'motor']);
  assert.deepEqual(axeAffects('new-rule', ['best-practice']), ['everyone']);
});

test('axeFamily sorts rules into welcomemat families', () => {
  assert.equal(axeFamily('color-contrast', ['cat.color']), 'accessibility');
  assert.equal(axeFamily('html-has-lang', ['cat.language']), 'language');
  assert.equal(axeFamily('valid-lang', ['cat.language']), 'language');
  assert.equal(axeFamily('image-alt', ['cat.text-alternatives']), 'alt-text');
  assert.equal(axeFamily('label', ['cat.forms']), 'forms');
  assert.equal(axeFamily('autocomplete-valid', ['cat.forms']), 'forms');
  assert.equal(axeFamily('video-caption', ['cat.text-alternatives']), 'media');
  assert.equal(axeFamily('skip-link', ['cat.keyboard']), 'keyboard');
  assert.equal(axeFamily('nested-interactive', ['cat.keyboard']), 'keyboard');
  assert.equal(axeFamily('meta-viewport', ['cat.sensory-and-visual-cues']), 'zoom');
  assert.equal(axeFamily('region', ['cat.keyboard']), 'accessibility');
  assert.equal(axeFamily('document-title', ['cat.text-alternatives']), 'accessibility');
});
