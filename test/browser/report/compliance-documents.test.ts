// End to end: the conformance table, statement and ACR of the demo site (planted failures) and of the accessible fixture site (none), written as the demo writes them and checked with axe.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { Browser } from 'puppeteer';
import { parse } from 'yaml';
import { audit } from '../../../src/index.js';
import type { Report } from '../../../src/index.js';
import { buildAcr, type OpenAcr } from '../../../src/compliance/acr.js';
import { buildConformanceTable, type ConformanceTable } from '../../../src/compliance/conformance-table.js';
import { buildStatement } from '../../../src/compliance/statement.js';
import { DEMO_SITE_ROOT } from '../../../src/demo/run-demo.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { writeReport } from '../../../src/report/write-report.js';
import { openAcrSchemaPath } from '../../../src/standards/data.js';
import { axeViolations, describeViolations, launchTestBrowser } from '../../helpers/test-browser.js';

const ACCESSIBLE_ROOT = fileURLToPath(new URL('../../../../test/fixtures/accessible-site/', import.meta.url));
const FORMATS = ['html', 'json', 'conformance', 'statement', 'acr'];
const validateAcr = new Ajv.default({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(openAcrSchemaPath, 'utf8')) as object);

function wcagRow(table: ConformanceTable, id: string) {
  const row = table.wcag.find((item) => item.id === id);
  assert.ok(row, id);
  return row;
}

function levelsOf(acr: OpenAcr): string[] {
  return Object.values(acr.chapters).flatMap((chapter) => chapter.criteria ?? []).flatMap((criterion) => criterion.components.map((component) => component.adherence.level));
}

describe('compliance documents of the demo site', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'welcomemat-compliance-demo-'));
  let site: SiteServer;
  let report: Report;
  let table: ConformanceTable;
  let browser: Browser;

  before(async () => {
    site = await startSiteServer({ root: DEMO_SITE_ROOT });
    report = await audit({ urls: [`${site.url}/`], siteName: 'Crumb & Kettle (demo)' });
    await writeReport(report, { outDir, formats: FORMATS });
    table = buildConformanceTable(report);
    browser = await launchTestBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes all three documents next to the report', () => {
    for (const file of ['index.html', 'report.json', 'conformance.html', 'conformance.json', 'accessibility-statement.html', 'accessibility-statement.md', 'acr.yaml', 'acr.html']) {
      assert.ok(fs.existsSync(path.join(outDir, file)), file);
    }
  });

  it('has outcomes and contacts recorded by the audit', () => {
    assert.ok(table.outcomesRecorded, 'report.rules and page.outcomes (issue 11)');
    assert.ok(report.contacts, 'report.contacts (collectContacts over the content artifacts)');
  });

  it('says "fails" for the planted failures, with the right fixes and pages', () => {
    const at = (page: string) => `${site.url}${page}`;
    const expectations: [criterion: string, rule: string, page: string][] = [
      ['1.4.3', 'color-contrast', '/'],
      ['4.1.2', 'label', '/contact.html'],
      ['1.1.1', 'alt-text-file-name', '/'],
      ['3.2.6', 'consistent-help', '/gallery.html'],
      ['3.1.1', 'page-language-matches-content', '/es/menu.html'],
    ];
    for (const [criterion, rule, page] of expectations) {
      const row = wcagRow(table, criterion);
      assert.equal(row.result.status, 'fails', `${criterion}: ${row.result.status}`);
      assert.ok(row.result.failedPages.includes(at(page)), `${criterion} fails on ${page}: ${row.result.failedPages.join(', ')}`);
      const fix = row.result.fixes.find((item) => item.ruleId === rule);
      assert.ok(fix, `${criterion} links the ${rule} fix`);
      assert.ok(report.fixes.find((item) => item.id === fix.id)?.pages.includes(at(page)));
    }
    const captions = wcagRow(table, '1.2.2');
    assert.ok(['needs-review', 'fails'].includes(captions.result.status), `1.2.2: ${captions.result.status}`);
    assert.ok([...captions.result.failedPages, ...captions.result.reviewPages].includes(at('/events.html')));
  });

  it('writes an ACR that validates against the OpenACR schema, without "supports"', () => {
    const acr = parse(fs.readFileSync(path.join(outDir, 'acr.yaml'), 'utf8')) as OpenAcr;
    assert.ok(validateAcr(acr), JSON.stringify(validateAcr.errors));
    assert.ok(!levelsOf(acr).includes('supports'));
    assert.ok(levelsOf(acr).includes('partially-supports') || levelsOf(acr).includes('does-not-support'));
  });

  it('fills the statement\'s contact section from the site and lists its barriers', () => {
    const statement = buildStatement(report);
    assert.equal(statement.status, 'partially-compliant');
    assert.ok(statement.nonAccessible.length > 0);
    const md = fs.readFileSync(path.join(outDir, 'accessibility-statement.md'), 'utf8');
    assert.match(md, /\\\+441632960451/);
    assert.match(md, /hello@crumbandkettle\\\.example/);
  });

  it('writes HTML documents with no axe violations of their own', async () => {
    for (const file of ['conformance.html', 'accessibility-statement.html', 'acr.html']) {
      const page = await browser.newPage();
      try {
        await page.goto(`file://${path.join(outDir, file)}`);
        assert.deepEqual(describeViolations(await axeViolations(page)), [], file);
      } finally {
        await page.close();
      }
    }
  });
});

describe('compliance documents of the accessible fixture site', () => {
  let site: SiteServer;
  let report: Report;
  let table: ConformanceTable;

  before(async () => {
    site = await startSiteServer({ root: ACCESSIBLE_ROOT });
    report = await audit({ urls: [`${site.url}/`], concurrency: 1 });
    table = buildConformanceTable(report);
  });
  after(() => site?.close());

  it('has no failing criterion and lists the manual checks a person owes', () => {
    assert.ok(table.outcomesRecorded, 'report.rules and page.outcomes (issue 11)');
    const failing = table.wcag.filter((row) => row.conclusion === 'fails').map((row) => `${row.id}: ${row.result.fixes.map((fix) => fix.ruleId).join(', ')}`);
    assert.deepEqual(failing, []);
    assert.equal(table.summary.en.fails, 0);
    assert.ok(table.manualChecksOwed.length >= 56, `${table.manualChecksOwed.length} owed`);
    assert.ok(table.wcag.some((row) => row.result.status === 'no-automated-failure'), 'rules that ran and passed say so');
  });

  it('drafts a statement with no barriers listed and the manual review still owed', () => {
    const statement = buildStatement(report);
    assert.equal(statement.status, 'partially-compliant');
    assert.deepEqual(statement.reasons.failing, []);
    assert.equal(statement.reasons.manualOwed, 55);
    assert.ok(statement.contacts?.phones.length, 'the phone number on the site');
    assert.ok(statement.contacts?.accessibilityStatements.length, 'the site links its accessibility statement');
  });

  it('drafts an ACR that validates and claims nothing it cannot', () => {
    const acr = buildAcr(report);
    assert.ok(validateAcr(acr), JSON.stringify(validateAcr.errors));
    const levels = levelsOf(acr);
    assert.ok(!levels.includes('supports'));
    assert.ok(!levels.includes('does-not-support'));
    assert.ok(!levels.includes('partially-supports'));
  });
});
