// The conformance, statement and acr formats through writeReport: their files, the report's language for fix titles, and the compliance inputs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseManualVerdicts } from '../../../src/compliance/verdicts.js';
import { writeReport } from '../../../src/report/write-report.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';

describe('compliance formats in writeReport', () => {
  it('writes HTML and JSON, HTML and Markdown, YAML and HTML, with fix titles in the report language and the verdicts merged', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-compliance-formats-'));
    try {
      const base = makeSampleReport({ outcomes: true });
      // A real axe rule, so its Spanish fix text exists in locales/fixes.es.json.
      const report = { ...base, fixes: base.fixes.map((fix) => (fix.ruleId === 'image-alt' ? { ...fix, title: 'Images have no text description' } : fix)) };
      const verdicts = parseManualVerdicts('"2.4.2":\n  verdict: supports\n  who: Ana\n  when: 2026-11-24\n', 'v.yaml');
      const files = await writeReport(report, { outDir, formats: ['conformance', 'statement', 'acr'], locale: 'es', compliance: { verdicts, product: { name: 'Tienda', vendor: 'Miga SL' }, countries: ['España'] } });
      assert.deepEqual(files.map((file) => path.basename(file)), ['conformance.html', 'conformance.json', 'accessibility-statement.html', 'accessibility-statement.md', 'acr.yaml', 'acr.html']);
      const statement = fs.readFileSync(path.join(outDir, 'accessibility-statement.md'), 'utf8');
      assert.match(statement, /Las imágenes no tienen descripción en texto/);
      assert.match(statement, /España/);
      assert.match(fs.readFileSync(path.join(outDir, 'conformance.html'), 'utf8'), /Las imágenes no tienen descripción en texto/);
      const acr = parse(fs.readFileSync(path.join(outDir, 'acr.yaml'), 'utf8')) as { product: { name: string }; chapters: Record<string, { criteria: { num: string; components: { adherence: { level: string } }[] }[] }> };
      assert.equal(acr.product.name, 'Tienda');
      assert.equal(acr.chapters['success_criteria_level_a'].criteria.find((criterion) => criterion.num === '2.4.2')?.components[0].adherence.level, 'supports');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('puts the conformance summary in the HTML report (and so the PDF) only when the run writes a compliance document', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-compliance-section-'));
    try {
      const report = makeSampleReport({ outcomes: true });
      await writeReport(report, { outDir, formats: ['html'] });
      assert.doesNotMatch(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8'), /id="compliance"/);
      await writeReport(report, { outDir, formats: ['html', 'acr'], locale: 'es' });
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const section = html.slice(html.indexOf('id="compliance"'), html.indexOf('</section>', html.indexOf('id="compliance"')));
      assert.match(section, /WCAG 2\.1 Nivel A y AA|WCAG 2\.1/);
      assert.match(section, /<th scope="col">Fallan<\/th>/);
      // The sample fails image-alt, which tests 1.1.1: a row of its own in the failing table.
      assert.match(section, /<th scope="row" class="wrap">1\.1\.1 /);
      // Only the intro speaks of conformance (to say automation cannot show it); no table cell claims it.
      assert.doesNotMatch(section.slice(section.indexOf('<table>')), /\bconforms\b|\bcumple\b|\bsupports\b/i);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
  it('prints no conformance summary for a report without outcomes (schema 1)', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-compliance-old-'));
    try {
      await writeReport(asSchema1(makeSampleReport()), { outDir, formats: ['html', 'conformance'] });
      assert.doesNotMatch(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8'), /id="compliance"/);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
