// Unit tests for the report JSON Schema and validateReport: a typed sample report passes, drift is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { REPORT_SCHEMA_VERSION, type Report } from '../../../src/model/report.js';
import type { Finding } from '../../../src/model/finding.js';
import { reportSchemaPath, validateReport } from '../../../src/report/schema.js';

const home = 'https://example.org/';
const contact = 'https://example.org/contact';
const about = 'https://example.org/about/';
const shop = 'https://example.org/shop';

const imageAlt: Finding = {
  ruleId: 'image-alt',
  source: 'axe',
  kind: 'violation',
  impact: 'critical',
  family: 'accessibility',
  wcag: ['1.1.1'],
  level: 'A',
  affects: ['blind'],
  url: home,
  selector: 'header > a.logo > img',
  snippet: '<img src="/logo.png">',
  message: 'Element does not have an alt attribute',
  messageRef: { id: 'axe.image-alt', params: { checks: [{ id: 'has-alt' }], ratio: 1.5, text: 'logo' } },
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
  box: { x: 16, y: 12, width: 120, height: 40 },
  causeKey: 'image-alt|header > a.logo > img|<img src="/logo.png">',
};

/** Builds a fresh, realistic report each call, so mutations in one test don't leak into others. */
function sampleReport(): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'welcomemat', version: '0.1.0', axeVersion: '4.14.1', browserVersion: 'HeadlessChrome/141.0.7390.54' },
    siteName: 'example.org',
    startUrls: [home],
    startedAt: '2025-06-01T09:00:00.000Z',
    finishedAt: '2025-06-01T09:01:12.345Z',
    durationMs: 72345,
    complete: false,
    incompleteReason: 'Stopped at the page limit (3).',
    config: { maxPages: 3, maxDepth: 2, families: { wording: false }, userAgent: null },
    summary: {
      pagesAudited: 2,
      pagesFailed: 1,
      urlsSkipped: 1,
      violations: 3,
      needsReview: 1,
      info: 1,
      fixes: 2,
      violationsByImpact: { critical: 2, serious: 1, moderate: 0, minor: 0 },
      needsReviewByImpact: { critical: 0, serious: 0, moderate: 1, minor: 0 },
    },
    pages: [
      {
        url: home,
        finalUrl: home,
        redirects: [],
        status: 200,
        title: 'Example — Home',
        lang: 'en',
        depth: 0,
        foundBy: 'start',
        timing: { loadMs: 812, gatherMs: 2310, totalMs: 3402 },
        gathererErrors: [],
        screenshot: 'screenshots/0001-home.png',
        violations: 2,
        needsReview: 0,
        outcomes: {
          failed: ['image-alt'],
          needsReview: [],
          notApplicable: ['video-caption'],
          notRun: [{ reason: 'gatherer-timed-out', gatherer: 'reflow', detail: 'gatherer "reflow" did not finish within 8000 ms', rules: ['reflow-horizontal-scroll'] }],
          errored: [],
        },
      },
      {
        url: 'http://example.org/about',
        finalUrl: about,
        redirects: ['http://example.org/about', 'https://example.org/about'],
        status: 200,
        title: 'About us',
        lang: '',
        depth: 1,
        foundBy: 'sitemap',
        timing: { loadMs: 640, gatherMs: 15000, totalMs: 15900 },
        gathererErrors: [{ gatherer: 'keyboard', message: 'Gatherer ran out of time after 15000 ms', timedOut: true, budgetMs: 15000, retried: true }],
        sampled: { reason: 'same-layout', standIn: home },
        violations: 1,
        needsReview: 1,
        outcomes: {
          failed: ['image-alt', 'color-contrast'],
          needsReview: [],
          notApplicable: [],
          notRun: [{ reason: 'sampled', gatherer: 'keyboard', standIn: home, rules: ['focus-not-visible'] }],
          errored: [{ rule: 'region', message: 'Cannot read properties of null' }],
        },
      },
      {
        url: contact,
        finalUrl: contact,
        redirects: [],
        status: 0,
        title: '',
        lang: '',
        depth: 1,
        foundBy: 'link',
        timing: { loadMs: 30000, gatherMs: 0, totalMs: 30050 },
        error: { code: 'timeout', message: 'Navigation timeout of 30000 ms exceeded' },
        gathererErrors: [],
        violations: 0,
        needsReview: 0,
      },
    ],
    rules: [
      { id: 'color-contrast', source: 'axe', scope: 'page' },
      { id: 'image-alt', source: 'axe', scope: 'page' },
      { id: 'region', source: 'axe', scope: 'page' },
      { id: 'video-caption', source: 'axe', scope: 'page' },
      { id: 'color-contrast-enhanced', source: 'axe', scope: 'page', off: 'not in the selected axe tags (wcag2a, wcag2aa)' },
      { id: 'focus-not-visible', source: 'welcomemat', scope: 'page' },
      { id: 'reflow-horizontal-scroll', source: 'welcomemat', scope: 'page' },
      { id: 'language-switcher', source: 'welcomemat', scope: 'site' },
    ],
    siteOutcomes: { failed: [], needsReview: [], notApplicable: ['language-switcher'], notRun: [], errored: [] },
    skipped: [
      { url: shop, reason: 'max-pages', detail: 'Page limit of 3 reached', from: home },
      { url: 'https://example.org/brochure.pdf', reason: 'not-html', detail: 'application/pdf' },
    ],
    findings: [
      imageAlt,
      { ...imageAlt, url: about, box: { x: 16, y: 12, width: 120, height: 40 } },
      {
        ruleId: 'color-contrast',
        source: 'axe',
        kind: 'violation',
        impact: 'serious',
        family: 'accessibility',
        wcag: ['1.4.3'],
        level: 'AA',
        affects: ['low-vision', 'colour-blind'],
        url: home,
        selector: 'main p.lead',
        snippet: '<p class="lead">Welcome to our shop</p>',
        message: 'Element has insufficient color contrast of 3.1 (expected 4.5:1)',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
      },
      {
        ruleId: 'alt-text-file-name',
        source: 'welcomemat',
        kind: 'needs-review',
        impact: 'moderate',
        family: 'alt-text',
        wcag: ['1.1.1'],
        level: 'A',
        affects: ['blind'],
        url: about,
        selector: 'main img:nth-of-type(2)',
        snippet: '<img src="/team.jpg" alt="IMG_2041.jpg">',
        message: 'The alt text looks like a file name.',
        helpUrl: 'https://welcomemat.dev/checks/alt-text-file-name',
      },
      {
        ruleId: 'language-options',
        source: 'welcomemat',
        kind: 'info',
        impact: 'minor',
        family: 'language-options',
        wcag: [],
        level: 'inclusive-practice',
        affects: ['other-language'],
        url: '',
        selector: '',
        snippet: '',
        message: 'The site is in one language only (English).',
        helpUrl: 'https://welcomemat.dev/checks/language-options',
      },
      {
        ruleId: 'target-size',
        source: 'lighthouse',
        kind: 'violation',
        impact: 'minor',
        family: 'accessibility',
        wcag: ['2.5.8'],
        level: 'AA',
        affects: ['motor'],
        url: home,
        selector: 'footer a.social',
        snippet: '<a class="social" href="https://social.example">x</a>',
        message: 'Touch target is 16×16 px.',
        helpUrl: 'https://developer.chrome.com/docs/lighthouse/accessibility/target-size',
      },
    ],
    fixes: [
      {
        id: 'axe:image-alt:3f2a9c',
        ruleId: 'image-alt',
        source: 'axe',
        kind: 'violation',
        title: 'Give the logo image a text alternative',
        impact: 'critical',
        family: 'accessibility',
        wcag: ['1.1.1'],
        level: 'A',
        affects: ['blind'],
        whyItMatters: 'Screen reader users hear "image" or the file name instead of the site name.',
        howToFix: 'Add an alt attribute naming the link target, e.g. the site name.',
        example: '<img src="/logo.png" alt="Example — home">',
        helpUrl: imageAlt.helpUrl,
        scope: 'template',
        pages: [home, about],
        instances: 2,
        examples: [
          {
            url: home,
            selector: imageAlt.selector,
            snippet: imageAlt.snippet,
            message: imageAlt.message,
            box: imageAlt.box,
            screenshot: 'screenshots/0001-home.png',
          },
        ],
        priority: 92.5,
        priorityParts: { impactWeight: 4, levelWeight: 3, kindWeight: 1, reach: 2 },
        effort: 'one change in the shared layout',
      },
      {
        id: 'axe:color-contrast:81bd04',
        ruleId: 'color-contrast',
        source: 'axe',
        kind: 'violation',
        title: 'Make text contrast enough with its background',
        impact: 'serious',
        family: 'accessibility',
        wcag: ['1.4.3'],
        level: 'AA',
        affects: ['low-vision', 'colour-blind'],
        whyItMatters: 'Pale text is hard or impossible to read for many people.',
        howToFix: 'Darken the text or lighten the background to a ratio of at least 4.5:1.',
        example: '',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
        scope: 'content',
        pages: [home],
        instances: 1,
        examples: [
          {
            url: home,
            selector: 'main p.lead',
            snippet: '<p class="lead">Welcome to our shop</p>',
            message: 'Element has insufficient color contrast of 3.1 (expected 4.5:1)',
          },
        ],
        priority: 48,
        priorityParts: { impactWeight: 3, levelWeight: 2, kindWeight: 1, reach: 1 },
        effort: '1 edit on 1 page',
      },
    ],
    checkErrors: [
      { ruleId: 'page-language-matches-content', source: 'welcomemat', url: about, message: 'Language detector failed: empty text' },
      { ruleId: 'sitemap-languages', source: 'welcomemat', url: '', message: 'Could not read sitemap.xml' },
    ],
  };
}

/** A JSON round trip, as a reader of report.json would see the report. */
function asJson(report: Report): Record<string, any> {
  return JSON.parse(JSON.stringify(report)) as Record<string, any>;
}

test('the schema file compiles under draft 2020-12 in strict mode', () => {
  assert.ok(path.isAbsolute(reportSchemaPath));
  assert.equal(path.basename(reportSchemaPath), 'report.schema.json');
  const schema = JSON.parse(fs.readFileSync(reportSchemaPath, 'utf8')) as Record<string, unknown>;
  assert.equal(schema['$id'], 'https://welcomemat.dev/schema/report-2.json');
  assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  assert.doesNotThrow(() => ajv.compile(schema));
});

test('every property in the schema has a description', () => {
  const schema = JSON.parse(fs.readFileSync(reportSchemaPath, 'utf8')) as unknown;
  const missing: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const props = obj['properties'] as Record<string, Record<string, unknown>> | undefined;
    for (const [name, sub] of Object.entries(props ?? {})) {
      if (typeof sub['description'] !== 'string' || sub['description'] === '') missing.push(`${where}/${name}`);
    }
    for (const [key, value] of Object.entries(obj)) walk(value, `${where}/${key}`);
  };
  walk(schema, '#');
  assert.deepEqual(missing, []);
});

test('a realistic report validates', async () => {
  const result = await validateReport(asJson(sampleReport()));
  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);
});

test('the free-form config accepts any object', async () => {
  const report = asJson(sampleReport());
  report['config'] = { anything: { nested: [1, 'two'] } };
  assert.equal((await validateReport(report)).valid, true);
});

async function assertRejected(mutate: (r: Record<string, any>) => void, expected: string): Promise<void> {
  const report = asJson(sampleReport());
  mutate(report);
  const result = await validateReport(report);
  assert.equal(result.valid, false);
  assert.ok(
    result.errors.some((e) => e.startsWith(expected)),
    `expected an error starting "${expected}", got:\n${result.errors.join('\n')}`,
  );
}

test('an unknown impact is rejected', async () => {
  await assertRejected((r) => {
    r['findings'][0].impact = 'catastrophic';
  }, '/findings/0/impact: must be equal to one of the allowed values');
});

test('a finding without ruleId is rejected', async () => {
  await assertRejected((r) => {
    delete r['findings'][2].ruleId;
  }, "/findings/2: must have required property 'ruleId'");
});

test('an extra property on a finding is rejected', async () => {
  await assertRejected((r) => {
    r['findings'][1].severity = 'high';
  }, '/findings/1: must NOT have additional properties (severity)');
});

test('a schemaVersion of another major version or not semver is rejected', async () => {
  await assertRejected((r) => {
    r['schemaVersion'] = '1.2.0';
  }, '/schemaVersion: must match pattern');
  await assertRejected((r) => {
    r['schemaVersion'] = '3.0.0';
  }, '/schemaVersion: must match pattern');
  await assertRejected((r) => {
    r['schemaVersion'] = '1.0';
  }, '/schemaVersion: must match pattern');
});

test('a status given as a string is rejected', async () => {
  await assertRejected((r) => {
    r['pages'][0].status = '200';
  }, '/pages/0/status: must be number');
});

test('other drift is caught too', async () => {
  await assertRejected((r) => {
    r['startedAt'] = 'yesterday';
  }, '/startedAt: must match format "date-time"');
  await assertRejected((r) => {
    r['tool'].name = 'other';
  }, '/tool/name: must be equal to constant');
  await assertRejected((r) => {
    r['fixes'][0].scope = 'site';
  }, '/fixes/0/scope: must be equal to one of the allowed values');
  await assertRejected((r) => {
    r['summary'].violationsByImpact.trivial = 0;
  }, '/summary/violationsByImpact: must NOT have additional properties');
  await assertRejected((r) => {
    r['fixes'][0].examples[0].box.depth = 1;
  }, '/fixes/0/examples/0/box: must NOT have additional properties');
});

test('validateReport rejects non-objects without throwing', async () => {
  const result = await validateReport('not a report');
  assert.equal(result.valid, false);
  assert.deepEqual(result.errors, ['/: must be object']);
});
