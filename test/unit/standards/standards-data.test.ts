// The generated standards data: current with ../shared/standards and axe-core, and sound on its own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildStandardsFiles, findStandardsDir } from '../../../src/standards/import-standards.js';
import { acrCatalog, axeRuleMapping, axeRuleMappings, dataDir, enClause, enData, wcagCriterion, wcagData } from '../../../src/standards/data.js';
import { packageRoot } from '../../../src/util/package-root.js';
import { axeWcag } from '../../../src/prioritize/axe-rule-info.js';

const axe = createRequire(import.meta.url)('axe-core') as { version: string; getRules(): { ruleId: string; tags: string[]; help: string }[] };

describe('generated standards data', () => {
  it('is current with the shared standards folder and the installed axe-core', (t) => {
    const dir = findStandardsDir(packageRoot);
    const files = dir ? buildStandardsFiles(dir, { version: axe.version, rules: axe.getRules() }) : undefined;
    if (!files) {
      // The package and the Docker build have no ../shared: the committed files are then checked on their own below.
      t.diagnostic('no ../shared/standards here: compared only the axe mapping; the data checks below still run');
      return;
    }
    for (const [file, contents] of files) {
      assert.equal(fs.readFileSync(path.join(packageRoot, file), 'utf8'), contents, `${file} is out of date: run npm run standards:import`);
    }
  });

  it('maps every installed axe rule, as the tags say', () => {
    const mapped = axeRuleMappings();
    assert.equal(mapped.axeVersion, axe.version, 'data/mapping/axe-rules.json is for another axe-core: run npm run standards:import');
    assert.equal(mapped.rules.length, axe.getRules().length);
    for (const rule of axe.getRules()) {
      const entry = axeRuleMapping(rule.ruleId);
      assert.ok(entry, rule.ruleId);
      const fromTags = axeWcag(rule.tags);
      assert.deepEqual([...entry.wcag].sort(), [...fromTags.wcag].sort(), rule.ruleId);
      assert.equal(entry.level, fromTags.level, rule.ruleId);
      // axe tags scrollable-region-focusable with EN-9.2.1.3 (WCAG 2.1.3 is AAA, so no EN clause): such tags are ignored downstream.
      for (const clause of [...entry.en, ...(entry.en4 ?? [])]) {
        assert.ok(enClause(clause) || wcagCriterion(clause.slice(2))?.level === 'AAA', `${rule.ruleId}: ${clause} is a known clause`);
      }
    }
    assert.deepEqual(axeRuleMapping('target-size')?.en4, ['9.2.5.8']);
    assert.deepEqual(axeRuleMapping('image-alt')?.en, ['9.1.1.1']);
  });

  it('lists the 87 WCAG 2.2 criteria with levels and versions', () => {
    const criteria = wcagData().criteria;
    assert.equal(criteria.length, 87, '86 criteria and the obsolete 4.1.1');
    assert.equal(criteria.filter((sc) => sc.level === 'A').length, 32);
    assert.equal(criteria.filter((sc) => sc.level === 'AA').length, 24);
    assert.equal(criteria.filter((sc) => sc.since === '2.2').length, 9);
    assert.equal(criteria.filter((sc) => sc.since === '2.1').length, 17);
    assert.equal(wcagCriterion('4.1.1')?.obsolete, true);
    assert.equal(wcagCriterion('2.5.8')?.since, '2.2');
    assert.equal(wcagCriterion('1.4.10')?.since, '2.1');
    assert.equal(wcagCriterion('1.1.1')?.since, '2.0');
  });

  it("agrees with axe-core's level tags about when criteria arrived", () => {
    for (const rule of axe.getRules()) {
      const wcag21 = rule.tags.some((tag) => tag === 'wcag21a' || tag === 'wcag21aa');
      const wcag22 = rule.tags.includes('wcag22aa');
      for (const id of axeWcag(rule.tags).wcag) {
        if (wcag21) assert.equal(wcagCriterion(id)?.since, '2.1', `${rule.ruleId} ${id}`);
        if (wcag22) assert.equal(wcagCriterion(id)?.since, '2.2', `${rule.ruleId} ${id}`);
      }
    }
  });

  it('derives EN 301 549 chapter 9 from WCAG 2.2 A and AA', () => {
    const web = enData().chapters.find((chapter) => chapter.number === 9);
    assert.ok(web?.derived);
    assert.equal(web.clauses.length, 56);
    assert.deepEqual(enClause('9.2.5.8'), { chapter: web, id: '9.2.5.8', handle: 'Target Size (Minimum)', wcag: '2.5.8', editions: ['4.1.1'] });
    assert.equal(enClause('9.1.4.3')?.wcag, '1.4.3');
    assert.equal(enClause('9.1.4.3')?.editions, undefined, 'in both editions');
    assert.deepEqual(enClause('9.4.1.1')?.editions, ['3.2.1']);
    assert.equal(enClause('9.1.4.6'), undefined, 'AAA criteria are not EN clauses');
    assert.equal(enClause('12.2.3')?.handle, 'Effective communication');
    assert.equal(enClause('12.2.3')?.chapter.number, 12);
  });

  it('carries the VPAT 2.5 INT catalog and the OpenACR schema', () => {
    const catalog = acrCatalog();
    assert.deepEqual(catalog.terms.map((term) => term.id), ['supports', 'partially-supports', 'does-not-support', 'not-applicable', 'not-evaluated']);
    assert.deepEqual(catalog.standards.map((standard) => standard.id), ['wcag-2.2', '508', 'eu']);
    assert.equal(catalog.chapters.find((chapter) => chapter.id === 'success_criteria_level_aa')?.criteria.length, 24);
    const schema = JSON.parse(fs.readFileSync(path.join(dataDir, 'standards', 'openacr-0.1.0.schema.json'), 'utf8')) as { title: string };
    assert.equal(schema.title, 'OpenACR');
  });
});

describe('the package ships data/', () => {
  it('lists data in package.json files, and the Docker build does not exclude it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(manifest.files.includes('data'));
    const ignored = fs.readFileSync(path.join(packageRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    assert.ok(!ignored.some((line) => line === 'data' || line === 'data/' || line === '/data'), '.dockerignore keeps data/');
  });
});
