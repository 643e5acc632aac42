// Fails when docs/checks.md is out of date with the checks' metadata, and checks that every check's metadata is complete.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { allChecks } from '../../../src/checks/registry.js';
import { documentChecks } from '../../../src/checks/document-checks.js';
import { createMessageFormatter } from '../../../src/util/format-message.js';
import type { MessageTemplate } from '../../../src/model/message.js';
import { renderCheckDocs } from '../../../src/docs/check-docs.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('check documentation', () => {
  it('docs/checks.md matches the metadata (run `npm run docs:checks`)', async () => {
    const onDisk = await readFile(`${root}docs/checks.md`, 'utf8');
    assert.equal(onDisk, renderCheckDocs([...allChecks, ...documentChecks]));
  });

  it('every check file under src/checks is registered, and its id is its file name', async () => {
    const ids = new Set([...allChecks, ...documentChecks].map((c) => c.meta.id));
    // The files beside the checks that are not checks: the contract, the registries, and the code that runs checks.
    const infrastructure = ['check.ts', 'registry.ts', 'axe-findings.ts', 'inclusive-checks.ts', 'check-switches.ts', 'rule-catalog.ts', 'run-checks.ts', 'document-checks.ts'];
    const files = (await readdir(`${root}src/checks`)).filter((f) => f.endsWith('.ts') && !infrastructure.includes(f));
    for (const file of files) assert.ok(ids.has(file.replace(/\.ts$/, '')), `${file} is not registered`);
  });

  it('every check has complete metadata', () => {
    assert.ok(allChecks.some((check) => check.meta.id === 'focus-not-visible'), 'the interaction checks are included');
    for (const { meta } of [...allChecks, ...documentChecks]) {
      for (const key of ['id', 'title', 'whyItMatters', 'howToFix', 'example', 'helpUrl'] as const) assert.ok(meta[key].length > 0, `${meta.id}: ${key}`);
      assert.ok(meta.affects.length > 0, `${meta.id}: affects`);
      assert.ok(meta.wcag.length > 0 || ['inclusive-practice', 'best-practice'].includes(meta.level), `${meta.id}: wcag or practice level`);
      assert.match(meta.helpUrl, /^https:\/\//);
    }
  });

  it('locales/checks.es.json words every message of every check that has messages, with the same placeholders', async () => {
    const spanish = JSON.parse(await readFile(`${root}locales/checks.es.json`, 'utf8')) as Record<string, Record<string, MessageTemplate>>;
    const placeholders = (template: MessageTemplate | undefined) => [...new Set(JSON.stringify(template ?? '').match(/\{\w+\}/g) ?? [])].sort();
    for (const { meta } of [...allChecks, ...documentChecks]) {
      if (!meta.messages) continue;
      for (const [key, english] of Object.entries(meta.messages)) {
        const es = spanish[meta.id]?.[key];
        assert.ok(es, `checks.es.json: ${meta.id}.${key}`);
        assert.deepEqual(placeholders(es), placeholders(english), `${meta.id}.${key} placeholders`);
        if (typeof english !== 'string') assert.deepEqual(Object.keys(es as object).sort(), Object.keys(english).sort(), `${meta.id}.${key} plural forms`);
      }
    }
    assert.deepEqual(Object.keys(spanish), [...Object.keys(spanish)].sort(), 'keys sorted by check id');
    const format = createMessageFormatter('es', (id) => spanish[id.split('.')[0]]?.[id.split('.')[1]]);
    assert.equal(format({ id: 'table-irregular-rows.ragged', params: { count: 1, widest: 3 } }), '1 fila de esta tabla es más corta que las demás (3 columnas), así que sus celdas y sus encabezados no se alinean.');
  });
});
