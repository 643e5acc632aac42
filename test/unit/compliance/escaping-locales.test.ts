// Site text in the compliance documents stays text in HTML, Markdown and YAML; the Spanish statement and table carry no English fixed text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderAcr, type OpenAcr } from '../../../src/compliance/acr.js';
import { renderConformanceHtml, renderConformanceJson } from '../../../src/compliance/render-conformance.js';
import { renderStatementHtml, renderStatementMarkdown } from '../../../src/compliance/render-statement.js';
import { loadComplianceTexts, type TextTree } from '../../../src/compliance/texts.js';
import { parseManualVerdicts } from '../../../src/compliance/verdicts.js';
import type { Report } from '../../../src/model/report.js';
import { wcagData } from '../../../src/standards/data.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';

const SCRIPT = '<script>alert(1)</script>';
const BOLD = '*bold* _under_ [link](javascript:alert(1))';
const YAML_BREAK = 'key: value\n- x';
const ALL = `${SCRIPT} ${BOLD} ${YAML_BREAK}`;

/** A report whose every site-provided string carries markup of each kind. */
function hostileReport(): Report {
  const report = makeSampleReport({ outcomes: true, hostile: true });
  return {
    ...report,
    siteName: `Crumb ${ALL}`,
    fixes: report.fixes.map((fix) => ({ ...fix, title: `${fix.title} ${ALL}` })),
    contacts: {
      phones: [`+44 ${ALL}`],
      emails: [`${SCRIPT}@x.example`],
      sms: [],
      pages: [{ url: 'javascript:alert(1)', text: `Contact ${ALL}`, kind: 'contact-page' }],
      formPages: [`https://x.example/${encodeURIComponent(SCRIPT)}`],
      accessibilityStatements: [],
    },
  };
}

const verdicts = parseManualVerdicts(`"2.4.2":\n  verdict: supports\n  remarks: "${ALL.replace(/\n/g, '\\n').replace(/"/g, '\\"')}"\n  who: "${SCRIPT}"\n  when: 2026-11-24\n`, 'v.yaml');
const product = { name: `Shop ${ALL}`, vendor: `Vendor ${YAML_BREAK}`, version: '1: 2' };

describe('site text in the compliance documents', () => {
  const report = hostileReport();

  it('is escaped in HTML (table, statement, ACR)', () => {
    for (const html of [renderConformanceHtml(report, { verdicts }), renderStatementHtml(report, { verdicts, countries: [SCRIPT] }), renderAcr(report, { verdicts, product }).html]) {
      assert.doesNotMatch(html, /<script>alert/);
      assert.doesNotMatch(html, /<img src=x/);
      assert.doesNotMatch(html, /href="javascript:/i);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      // The only <script text is none at all: the documents carry no scripts.
      assert.doesNotMatch(html, /<script/i);
    }
  });

  it('is escaped in Markdown: no emphasis, no links, no new list items, no raw HTML', () => {
    const md = renderStatementMarkdown(report, { verdicts, countries: [`Land ${YAML_BREAK}`] });
    assert.doesNotMatch(md, /<script/);
    assert.match(md, /&lt;script&gt;alert\\\(1\\\)&lt;\/script&gt;/);
    assert.doesNotMatch(md, /(^|[^\\])\*bold\\?\*/, 'no emphasis from site text');
    assert.match(md, /\\\*bold\\\*/);
    assert.doesNotMatch(md, /\]\(javascript:/);
    assert.doesNotMatch(md, /^- x/m, 'a line break in site text does not start a list item');
    assert.doesNotMatch(md, /^key: value/m);
  });

  it('is data in YAML: it reads back exactly and adds no keys', () => {
    const { yaml, acr } = renderAcr(report, { verdicts, product });
    const back = parse(yaml) as OpenAcr;
    assert.deepEqual(back, acr);
    assert.equal(back.product.name, `Shop ${ALL}`);
    assert.equal(back.vendor.company_name, `Vendor ${YAML_BREAK}`);
    assert.equal(back.product.version, '1: 2');
    assert.deepEqual(Object.keys(back).sort(), ['author', 'catalog', 'chapters', 'evaluation_methods_used', 'last_modified_date', 'legal_disclaimer', 'notes', 'product', 'report_date', 'title', 'vendor', 'version']);
    const titled = back.chapters['success_criteria_level_a'].criteria!.find((criterion) => criterion.num === '2.4.2')!;
    assert.ok(titled.components[0].adherence.notes.startsWith(ALL.replace(/\n/g, '\n')));
    assert.doesNotMatch(yaml, /^key: value/m);
    assert.doesNotMatch(yaml, /^- x/m);
  });

  it('is data in the conformance JSON', () => {
    const json = JSON.parse(renderConformanceJson(report, { verdicts })) as { site: { name: string } };
    assert.equal(json.site.name, `Crumb ${ALL}`);
  });
});

/** Every leaf string of a text tree, plural forms included. */
function leaves(tree: TextTree | Record<string, unknown>): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value as TextTree)));
}

/** English fixed text (runs between placeholders, 12 characters or more, HTML-escaped as printed) found in a Spanish document. */
function englishLeftovers(spanish: string, english: string, escape: (text: string) => string): string[] {
  const en = loadComplianceTexts('en');
  const es = loadComplianceTexts('es');
  const spanishTexts = new Set([...leaves(es.texts), ...leaves(es.steps), ...leaves(es.names as Record<string, unknown>)]);
  const candidates = [...leaves(en.texts), ...leaves(en.steps), ...wcagData().criteria.map((sc) => sc.handle)];
  const found = new Set<string>();
  for (const text of candidates) {
    if (spanishTexts.has(text)) continue;
    for (const part of text.split(/\{\w+\}/)) {
      const literal = escape(part.trim());
      if (literal.length < 12) continue;
      if (english.includes(literal) && spanish.includes(literal)) found.add(literal);
    }
  }
  return [...found];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('Spanish statement and table', () => {
  // Fix titles are the report's own data (translated where locales/fixes.es.json has them), not fixed text: blank them here.
  const base = makeSampleReport({ outcomes: true });
  const report = { ...base, fixes: base.fixes.map((fix, i) => ({ ...fix, title: `fix-${i}` })), contacts: { phones: ['+34 600 000 000'], emails: ['hola@x.example'], sms: ['+34 600 000 001'], pages: [{ url: 'https://x.example/ayuda', text: 'Ayuda', kind: 'help-page' as const }], formPages: [], accessibilityStatements: [] } };
  const verdicts = parseManualVerdicts('"2.4.2":\n  verdict: supports\n  who: Ana\n  when: 2026-11-24\n"1.4.3":\n  verdict: supports\n  who: Ana\n  when: 2026-11-24\n', 'v.yaml');
  const stale = { ...report, pages: report.pages.map((page) => ({ ...page, contentChangedAt: '2026-12-01T00:00:00Z' })) };

  it('has no English fixed text in the statement (HTML and Markdown)', () => {
    const options = { verdicts, countries: ['España'] };
    assert.deepEqual(englishLeftovers(renderStatementHtml(stale, { ...options, locale: 'es' }), renderStatementHtml(stale, options), escapeHtml), []);
    const md = renderStatementMarkdown(stale, { ...options, locale: 'es' });
    assert.deepEqual(englishLeftovers(md, renderStatementMarkdown(stale, options), (text) => text), []);
    assert.match(md, /^# Declaración de accesibilidad de /m);
    assert.match(md, /parcialmente conforme/);
  });

  it('has no English fixed text in the conformance table', () => {
    const es = renderConformanceHtml(stale, { verdicts, locale: 'es' });
    const en = renderConformanceHtml(stale, { verdicts });
    assert.ok(englishLeftovers(en, en, escapeHtml).length > 50, 'the check finds English text where there is some');
    assert.deepEqual(englishLeftovers(es, en, escapeHtml), []);
    assert.match(es, /<html lang="es">/);
    assert.match(es, /1\.1\.1 Contenido no textual/);
    assert.match(es, /Falla en 2 de 5 páginas/);
  });

  it('has no English fixed text in a table or statement of an older report', () => {
    const old = asSchema1(makeSampleReport());
    const oldReport = { ...old, fixes: old.fixes.map((fix, i) => ({ ...fix, title: `fix-${i}` })) };
    assert.deepEqual(englishLeftovers(renderConformanceHtml(oldReport, { locale: 'es' }), renderConformanceHtml(oldReport), escapeHtml), []);
    assert.deepEqual(englishLeftovers(renderStatementHtml(oldReport, { locale: 'es' }), renderStatementHtml(oldReport), escapeHtml), []);
  });
});
