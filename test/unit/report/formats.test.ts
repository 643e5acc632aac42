// Machine formats validated by real consumers: SARIF against the OASIS 2.1.0 schema, JUnit against an XSD, CSV parsed back, Markdown escaping.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import type { Report } from '../../../src/model/report.js';
import { csvCell, findingsCsv, fixesCsv } from '../../../src/report/renderers/csv.js';
import { renderers } from '../../../src/report/renderers/index.js';
import { renderJunit } from '../../../src/report/renderers/junit.js';
import { mdText, renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { renderSarif } from '../../../src/report/renderers/sarif.js';
import { packageRoot } from '../../../src/util/package-root.js';
import { HOSTILE, makeSampleReport } from '../../helpers/sample-report.js';

const require = createRequire(import.meta.url);

/** A hostile report whose first finding and fix start cells with formula characters. */
function formulaReport(): Report {
  const report = makeSampleReport({ hostile: true, pages: 4, findingsPerPage: 5 });
  const finding = report.findings[0];
  finding.message = '=HYPERLINK("https://evil.example","click")';
  finding.selector = '+SUM(1,2)';
  finding.snippet = '-2+3';
  finding.url = '@cmd';
  report.findings[1].message = '\t=1+1';
  report.findings[2].message = '\r=1+1';
  report.fixes[0].title = '=1+1';
  return report;
}

describe('CSV', () => {
  it('neutralises formula starts and quotes what needs quoting', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@x'), "'@x");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('\rx'), `"'\rx"`);
    assert.equal(csvCell('a,"b"\nc'), '"a,""b""\nc"');
    assert.equal(csvCell(-3), '-3', 'numbers are numbers, not formulas');
    assert.equal(csvCell('plain'), 'plain');
  });

  it('writes findings.csv and fixes.csv that csv-parse reads back row for row', async () => {
    const report = formulaReport();
    const files = await renderers.csv.renderFiles!(report, { outDir: '/tmp' });
    assert.deepEqual(files.map((file) => file.fileName), ['findings.csv', 'fixes.csv']);
    const findings = parse(findingsCsv(report), { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    assert.equal(findings.length, report.findings.length, 'one row per finding');
    assert.equal(findings[0]['message'], `'${report.findings[0].message}`);
    assert.equal(findings[0]['selector'], "'+SUM(1,2)");
    assert.equal(findings[0]['snippet'], "'-2+3");
    assert.equal(findings[0]['page'], "'@cmd");
    assert.equal(findings[1]['message'], "'\t=1+1");
    assert.equal(findings[2]['message'], "'\r=1+1");
    // Every other cell comes back exactly as the report has it (hostile markup, quotes, line breaks).
    assert.equal(findings[3]['snippet'], Buffer.from(report.findings[3].snippet).toString('utf8'), 'lone surrogates become U+FFFD in UTF-8');
    for (const row of findings) for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `formula-looking cell ${JSON.stringify(cell)}`);
    const fixes = parse(fixesCsv(report), { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(fixes.length, report.fixes.length, 'one row per fix');
    assert.equal(fixes[0]['title'], "'=1+1");
    assert.equal(fixes[0]['rank'], '1');
    assert.equal(fixes[1]['fix_id'], report.fixes[1].id);
  });
});

describe('SARIF', () => {
  const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv4.default({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);

  for (const hostile of [false, true]) {
    it(`validates against the OASIS SARIF 2.1.0 schema${hostile ? ' with hostile data' : ''}`, async () => {
      const report = makeSampleReport({ hostile, pages: 8, findingsPerPage: 6 });
      const text = String(await renderers.sarif.render(report, { outDir: '/tmp' }));
      const sarif = JSON.parse(text) as { version: string; runs: { results: { kind: string; level: string; ruleIndex: number; ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
      assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.equal(sarif.version, '2.1.0');
      const run = sarif.runs[0];
      assert.equal(run.results.length, report.findings.length);
      for (const result of run.results) {
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at its rule');
        if (result.kind !== 'fail') assert.equal(result.level, 'none', 'non-fail results have level none (SARIF 3.27.10)');
      }
      // No help link to a javascript: URL.
      assert.doesNotMatch(text, /"helpUri": "javascript:/);
    });
  }

  it('keeps hostile text as JSON strings only', () => {
    const sarif = renderSarif(makeSampleReport({ hostile: true, pages: 3 }));
    const text = JSON.stringify(sarif);
    assert.deepEqual(JSON.parse(text), sarif);
    assert.ok(text.includes(JSON.stringify(HOSTILE.script).slice(1, -1)));
  });
});

describe('JUnit XML', () => {
  const xsd = XmlDocument.fromString(fs.readFileSync(path.join(packageRoot, 'test', 'fixtures', 'formats', 'junit.xsd'), 'utf8'));
  const validator = XsdValidator.fromDoc(xsd);

  for (const hostile of [false, true]) {
    it(`is well-formed and valid against the JUnit XSD${hostile ? ' with hostile data (markup, CDATA ends, control characters)' : ''}`, () => {
      const report = makeSampleReport({ hostile, pages: 8, findingsPerPage: 6 });
      const xml = renderJunit(report);
      assert.equal(XMLValidator.validate(xml), true);
      const doc = XmlDocument.fromString(xml);
      try {
        validator.validate(doc);
      } finally {
        doc.dispose();
      }
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as {
        testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: { failure?: unknown; skipped?: unknown; error?: unknown }[] }[] };
      };
      const suites = parsed.testsuites.testsuite;
      assert.equal(suites.length, report.pages.length + (report.findings.some((f) => f.url === '') ? 1 : 0), 'one suite per page');
      const cases = suites.flatMap((suite) => suite.testcase);
      assert.equal(Number(parsed.testsuites.tests), cases.length);
      assert.equal(Number(parsed.testsuites.failures), cases.filter((c) => c.failure !== undefined).length);
      assert.ok(cases.some((c) => c.failure !== undefined), 'violations fail');
      assert.ok(cases.some((c) => c.skipped !== undefined), 'needs-review is skipped');
      assert.ok(cases.some((c) => c.error !== undefined), 'pages that failed to load are errors');
      if (hostile) {
        assert.ok(!xml.includes('<script'), 'no raw markup');
        assert.ok(!xml.includes('\u0000') && !xml.includes('\u0007') && !xml.includes('\u001b'), 'no characters XML forbids');
        assert.ok(!xml.includes('<!DOCTYPE'), 'no planted doctype');
      }
    });
  }
});

describe('Markdown summary', () => {
  it('escapes everything that could become markup', () => {
    const escaped = mdText(HOSTILE.markdown);
    assert.doesNotMatch(escaped, /(?<!\\)\[/, 'no unescaped [');
    assert.doesNotMatch(escaped, /(?<!\\)\]\(/, 'no link');
    assert.doesNotMatch(escaped, /</, 'no raw HTML');
    assert.doesNotMatch(escaped, /(?<!\\)\|/, 'no table break');
    assert.doesNotMatch(escaped, /(?<!\\)`/, 'no code span');
    assert.doesNotMatch(mdText('line one\n# heading\n- item'), /\n/, 'no new blocks');
  });

  it('leads with what changed and lists top fixes, with hostile site data escaped', () => {
    const report = makeSampleReport({ hostile: true, pages: 6 });
    report.fixes[0].title = `${HOSTILE.markdown} ${HOSTILE.script}`;
    report.comparison = {
      previous: { startedAt: '2026-11-16T12:00:00.000Z', siteName: report.siteName, source: 'history', violations: 50, needsReview: 3 },
      counts: { new: 1, remaining: 2, fixed: 1, 'not-checked': 0 },
      fixes: [{ id: 'gone', title: HOSTILE.markdown, ruleId: 'x', impact: 'minor', kind: 'violation', status: 'fixed', instances: 0, previousInstances: 2 }],
    };
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    assert.match(lines[0], /^# /);
    assert.match(lines[2], /^\*\*Since the audit of/, 'what changed comes first');
    assert.doesNotMatch(md, /<(script|b|img|svg)/i, 'no raw HTML from the site');
    assert.doesNotMatch(md, /(?<!\\)\]\((?!\))/, 'no links from the site');
    assert.doesNotMatch(md, /(?<!\\)!\[/, 'no images from the site');
    // Table rows keep their column count despite pipes in site data.
    const row = lines.find((line) => line.startsWith('| 1 |'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 5);
  });
});
