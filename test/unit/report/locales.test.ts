// Locale files: every key in every locale, and a Spanish report with lang="es" and no English fixed text left.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableLocales, createTranslator, loadMessages, messageKeys, type Messages } from '../../../src/report/i18n.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { fullReport } from '../../helpers/full-report.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

/** Every leaf string of a message tree, plural forms included. */
function leafStrings(messages: Messages): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'string' ? [value] : leafStrings(value as Messages)));
}

describe('locale files', () => {
  it('has English and Spanish at least', () => {
    assert.ok(availableLocales().includes('en'));
    assert.ok(availableLocales().includes('es'));
  });

  it('has every key in every locale, and no extra ones', () => {
    const reference = messageKeys(loadMessages('en')).sort();
    for (const locale of availableLocales()) {
      assert.deepEqual(messageKeys(loadMessages(locale)).sort(), reference, `keys of ${locale}`);
    }
  });

  it('uses the same placeholders as English in every message', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const en = loadMessages('en');
    for (const locale of availableLocales()) {
      const tr = loadMessages(locale);
      for (const key of messageKeys(en)) {
        const pick = (messages: Messages) => key.split('.').reduce<unknown>((node, part) => (node as Messages)[part], messages) as string | Record<string, string>;
        const a = pick(en);
        const b = pick(tr);
        const flat = (value: string | Record<string, string>) => (typeof value === 'string' ? placeholders(value) : placeholders(value['other']));
        assert.deepEqual(flat(b), flat(a), `${locale}: ${key}`);
      }
    }
  });

  it('formats plurals and numbers by locale', () => {
    assert.equal(createTranslator('en').t('units.page', { count: 1 }), '1 page');
    assert.equal(createTranslator('en').t('units.page', { count: 1200 }), '1,200 pages');
    assert.equal(createTranslator('es').t('units.page', { count: 1 }), '1 página');
    assert.equal(createTranslator('es').t('units.page', { count: 12000 }), '12.000 páginas');
  });

  it('rejects a locale that has no file', () => {
    assert.throws(() => createTranslator('xx'), /report locale must be one of en, es, got "xx"/);
    assert.throws(() => createTranslator('../package'), /report locale must be one of/);
  });
});

describe('Spanish report', () => {
  it('has lang="es" and none of the English fixed text', async () => {
    const report = fullReport();
    const es = await renderHtml(report, { outDir: '/tmp', locale: 'es' });
    const en = await renderHtml(report, { outDir: '/tmp', locale: 'en' });
    assert.match(es, /<html lang="es">/);
    const spanish = new Set(leafStrings(loadMessages('es')));
    const leftovers: string[] = [];
    for (const text of leafStrings(loadMessages('en'))) {
      if (spanish.has(text)) continue; // the same in both (e.g. "Total", "Error")
      // Literal runs between placeholders, HTML-escaped as the template prints them; short runs are too common to tell.
      for (const part of text.split(/\{\w+\}/)) {
        const literal = part.trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
        if (literal.length < 12) continue;
        if (en.includes(literal) && es.includes(literal)) leftovers.push(literal);
      }
    }
    assert.deepEqual(leftovers, [], 'English fixed text in the Spanish report');
    assert.match(es, /Arregle esto primero/);
    assert.match(es, /Qué ha cambiado desde la última auditoría/);
  });

  it('writes the Markdown summary in Spanish too', () => {
    const md = renderMarkdown(fullReport(), 'es');
    assert.match(md, /Informe de accesibilidad e inclusión/);
    assert.doesNotMatch(md, /Fix these first|would remove/);
  });
});

describe('site index page', () => {
  it('lists every site with a safe link, escaped, in the chosen language', async () => {
    const { renderSiteIndex } = await import('../../../src/report/renderers/site-index.js');
    const summary = makeSampleReport().summary;
    const index = {
      generatedAt: '2026-11-23T12:00:00.000Z',
      sites: [
        { name: 'Crumb & Kettle <script>alert(1)</script>', slug: 'crumb', status: 'ok' as const, startUrls: ['https://a.example/'], summary, report: 'crumb/index.html', changes: { newFixes: 2, fixedFixes: 1, newViolations: 3, fixedViolations: 1 } },
        { name: 'Broken', slug: 'broken', status: 'failed' as const, error: 'start page unreachable', startUrls: ['https://b.example/'], report: 'javascript:alert(1)' },
      ],
    };
    const html = await renderSiteIndex(index, { locale: 'es' });
    assert.match(html, /<html lang="es">/);
    assert.match(html, /<a href="crumb\/index.html"/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.ok(!html.includes('<script>alert'), 'site names escaped');
    assert.match(html, /2 nuevos, 1 resueltos/);
    assert.match(html, /Sin auditar: <code>start page unreachable<\/code>/);
  });
});
