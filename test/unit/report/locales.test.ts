// Locale files: every key in every locale, and a Spanish report with lang="es" and no English fixed text left.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../../../src/model/report.js';
import { availableLocales, createTranslator, loadMessages, messageKeys, type Messages } from '../../../src/report/i18n.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

/** Every leaf string of a message tree, plural forms included. */
function leafStrings(messages: Messages): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'string' ? [value] : leafStrings(value as Messages)));
}

/** A report that shows every section: what changed, trend, Lighthouse, failures, skipped pages, check errors. */
export function fullReport(): Report {
  const report = makeSampleReport({ pages: 9, findingsPerPage: 5, partial: true });
  report.comparison = {
    previous: { startedAt: '2026-11-16T12:00:00.000Z', siteName: report.siteName, source: 'history', violations: 80, needsReview: 9 },
    counts: { new: 1, remaining: report.fixes.length - 1, fixed: 1 },
    fixes: [
      ...report.fixes.map((fix, index) => ({ id: fix.id, title: fix.title, ruleId: fix.ruleId, impact: fix.impact, kind: fix.kind, status: index === 0 ? ('new' as const) : ('remaining' as const), instances: fix.instances, previousInstances: index === 0 ? 0 : fix.instances + 1 })),
      { id: 'old', title: 'Old problem', ruleId: 'old', impact: 'minor', kind: 'violation', status: 'fixed', instances: 0, previousInstances: 3 },
    ],
  };
  report.history = [
    { startedAt: '2026-11-09T12:00:00.000Z', pagesAudited: 8, violations: 90, needsReview: 10, fixes: 9 },
    { startedAt: '2026-11-16T12:00:00.000Z', pagesAudited: 8, violations: 80, needsReview: 9, fixes: 8 },
    { startedAt: report.startedAt, pagesAudited: report.summary.pagesAudited, violations: report.summary.violations, needsReview: report.summary.needsReview, fixes: report.summary.fixes },
  ];
  report.lighthouse = {
    version: '13.0.0',
    pages: [
      {
        url: report.pages[0].finalUrl,
        scores: [
          { id: 'performance', score: 71 },
          { id: 'seo', score: 92 },
          { id: 'best-practices', score: null },
        ],
        opportunities: [{ id: 'render-blocking-resources', title: 'Eliminate render-blocking resources', category: 'performance', score: 0.3, displayValue: 'Potential savings of 450 ms', savingsMs: 450 }],
        durationMs: 9000,
      },
      { url: report.pages[2].finalUrl, scores: [], opportunities: [], durationMs: 100, error: 'Lighthouse timed out' },
    ],
  };
  return report;
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
    assert.throws(() => createTranslator('xx'), /no report locale "xx"/);
    assert.throws(() => createTranslator('../package'), /no report locale/);
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
    assert.match(html, /Sin auditar: start page unreachable/);
  });
});
