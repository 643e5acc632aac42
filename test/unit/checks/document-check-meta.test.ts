// Document checks' metadata: scope and artifact, WCAG criteria that exist, EN 301 549 chapter 10 clauses that exist, Spanish for every message, kept out of the page registry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { documentChecks, documentManualSteps } from '../../../src/checks/document-checks.js';
import { allChecks } from '../../../src/checks/registry.js';
import { USER_AGENT_TOKEN } from '../../../src/crawl/crawl-site.js';
import { DOCUMENT_USER_AGENT } from '../../../src/documents/audit-document.js';
import { loadMessages } from '../../../src/report/i18n.js';
import { criterion } from '../../../src/util/wcag.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const spanish = JSON.parse(readFileSync(`${root}locales/checks.es.json`, 'utf8')) as Record<string, Record<string, string | Record<string, string>>>;

/**
 * EN 301 549 V3.2.1 chapter 10 numbers each clause "10." + the WCAG 2.1 A/AA criterion it
 * mirrors; these four are void for documents (they are about sets of web pages).
 */
const VOID_DOCUMENT_CLAUSES = new Set(['10.2.4.1', '10.2.4.5', '10.3.2.3', '10.3.2.4']);

function assertDocumentClause(clause: string, where: string) {
  const match = /^10\.(\d+\.\d+\.\d+)$/.exec(clause);
  assert.ok(match, `${where}: ${clause} is not a chapter 10 clause`);
  const sc = criterion(match[1]);
  assert.ok(sc && (sc.level === 'A' || sc.level === 'AA'), `${where}: ${clause} mirrors no WCAG A/AA criterion`);
  assert.ok(!VOID_DOCUMENT_CLAUSES.has(clause), `${where}: ${clause} is void for documents`);
}

const placeholders = (template: string | Record<string, string | undefined>) =>
  [...new Set([...(typeof template === 'string' ? [template] : Object.values(template)).join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('document check metadata', () => {
  it('every document check reads the pdf artifact, in the documents family, with complete metadata', () => {
    assert.equal(documentChecks.length, 10);
    for (const check of documentChecks) {
      assert.equal(check.scope, 'document', check.meta.id);
      assert.deepEqual(check.requires, ['pdf'], check.meta.id);
      assert.equal(check.meta.family, 'documents', check.meta.id);
      assert.match(check.meta.id, /^pdf-[a-z-]+$/);
      assert.ok(check.meta.messages && Object.keys(check.meta.messages).length > 0, `${check.meta.id}: messages`);
    }
  });

  it('names WCAG criteria that exist, and chapter 10 clauses that mirror them or are justified', () => {
    for (const { meta } of documentChecks) {
      for (const id of meta.wcag) assert.ok(criterion(id), `${meta.id}: WCAG ${id}`);
      assert.ok(Array.isArray(meta.en301549), `${meta.id}: en301549 is stated, even if empty`);
      for (const clause of meta.en301549 ?? []) assertDocumentClause(clause, meta.id);
      // A document check that claims a WCAG criterion claims its chapter 10 twin too.
      for (const id of meta.wcag) assert.ok(meta.en301549?.includes(`10.${id}`) ?? false, `${meta.id}: 10.${id} missing`);
    }
    for (const step of documentManualSteps) for (const clause of step.en301549) assertDocumentClause(clause, step.id);
  });

  it('has Spanish for every message, with the same placeholders and plural forms, and nothing extra', () => {
    for (const { meta } of documentChecks) {
      const es = spanish[meta.id];
      assert.ok(es, `${meta.id}: no entry in locales/checks.es.json`);
      assert.deepEqual(Object.keys(es).sort(), Object.keys(meta.messages ?? {}).sort(), meta.id);
      for (const [key, english] of Object.entries(meta.messages ?? {})) {
        assert.deepEqual(placeholders(es[key]), placeholders(english), `${meta.id}.${key}`);
        assert.equal(typeof es[key], typeof english, `${meta.id}.${key}: plural forms`);
      }
    }
    assert.deepEqual(Object.keys(spanish), Object.keys(spanish).sort(), 'checks.es.json keys are sorted');
  });

  it('says what a person must still check, in every report language', () => {
    for (const locale of ['en', 'es']) {
      const messages = loadMessages(locale) as Record<string, Record<string, string>>;
      for (const step of documentManualSteps) assert.ok(messages['documentManualSteps']?.[step.id], `${locale}: documentManualSteps.${step.id}`);
      assert.ok(messages['family']?.['documents'], `${locale}: family.documents`);
    }
  });

  it('keeps document checks out of the page and site registry, so the page runner never calls them', () => {
    const registered = new Set(allChecks.map((check) => check.meta.id));
    for (const check of documentChecks) assert.ok(!registered.has(check.meta.id), check.meta.id);
  });

  it('fetches documents with the crawl\'s user agent', () => assert.equal(DOCUMENT_USER_AGENT, USER_AGENT_TOKEN));
});
