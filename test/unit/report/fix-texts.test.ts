// Spanish fix texts: a complete entry for every welcomemat check and hand-written axe rule, used by the Spanish HTML and Markdown reports.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { allChecks } from '../../../src/checks/registry.js';
import { documentChecks } from '../../../src/checks/document-checks.js';
import { AXE_RULES_WITH_TEXT } from '../../../src/prioritize/axe-rule-info.js';
import { loadFixTexts, localizeFix } from '../../../src/report/fix-texts.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const SPANISH_IMAGE_ALT = 'Las imágenes no tienen descripción en texto';

describe('Spanish fix texts', () => {
  it('has a complete entry for every welcomemat check and every axe rule with hand-written text', () => {
    const texts = loadFixTexts('es');
    const keys = [...[...allChecks, ...documentChecks].map((check) => `welcomemat:${check.meta.id}`), ...AXE_RULES_WITH_TEXT.map((id) => `axe:${id}`)];
    const incomplete = keys.filter((key) => {
      const entry = Object.hasOwn(texts, key) ? texts[key] : undefined;
      return !entry || [entry.title, entry.whyItMatters, entry.howToFix].some((text) => typeof text !== 'string' || text.trim() === '');
    });
    assert.deepEqual(incomplete, []);
    assert.ok(keys.length > 100);
  });

  it('has an entry for every axe rule that runs by default', () => {
    const texts = loadFixTexts('es');
    const axe = createRequire(import.meta.url)('axe-core') as { getRules(tags: string[]): { ruleId: string }[] };
    const byDefault = axe.getRules(resolveOptions({ urls: ['http://127.0.0.1/'] }).axe.tags).map((rule) => rule.ruleId);
    assert.ok(byDefault.length > 90, `${byDefault.length} rules`);
    assert.deepEqual(byDefault.filter((id) => !Object.hasOwn(texts, `axe:${id}`) || !texts[`axe:${id}`].title), []);
  });

  it('keeps the English text for English, unknown rules and missing locales', () => {
    const fix = { source: 'axe' as const, ruleId: 'image-alt', title: 'T', whyItMatters: 'W', howToFix: 'H' };
    assert.equal(localizeFix(fix, 'en'), fix);
    assert.equal(localizeFix({ ...fix, ruleId: 'no-such-rule' }, 'es').title, 'T');
    assert.equal(localizeFix(fix, 'xx').title, 'T');
    assert.equal(localizeFix(fix, 'es').title, SPANISH_IMAGE_ALT);
  });

  it('shows Spanish fix titles in the Spanish HTML and Markdown reports', async () => {
    const report = makeSampleReport();
    assert.ok(report.fixes.some((fix) => fix.source === 'axe' && fix.ruleId === 'image-alt'));
    const es = await renderHtml(report, { outDir: '/tmp', locale: 'es' });
    assert.ok(es.includes(SPANISH_IMAGE_ALT));
    const en = await renderHtml(report, { outDir: '/tmp', locale: 'en' });
    assert.ok(!en.includes(SPANISH_IMAGE_ALT));
    assert.ok(renderMarkdown(report, 'es').includes(SPANISH_IMAGE_ALT));
  });
});
