// Unit tests for grouping findings into fixes, template detection, priority and the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/model/finding.js';
import type { PageResult } from '../../../src/model/report.js';
import { groupIntoFixes, PRIORITY_WEIGHTS, priorityOf, summarize } from '../../../src/prioritize/prioritize.js';
import type { RuleInfo } from '../../../src/prioritize/prioritize.js';

const ruleInfo = (finding: Finding): RuleInfo => ({
  title: `Title of ${finding.ruleId}`,
  whyItMatters: 'why',
  howToFix: 'how',
  example: '<p>ex</p>',
  helpUrl: `https://help.example/${finding.ruleId}`,
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'image-alt',
    source: 'axe',
    kind: 'violation',
    impact: 'critical',
    family: 'alt-text',
    wcag: ['1.1.1'],
    level: 'A',
    affects: ['blind'],
    url: 'https://shop.example/',
    selector: 'img.logo',
    snippet: '<img class="logo" src="logo.png">',
    message: 'Image has no alt',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
    ...overrides,
  };
}

const page = (n: number): string => `https://shop.example/p${n}`;

test('the same element on three pages becomes one template fix listing the pages', () => {
  const findings = [3, 1, 2].map((n) => finding({ url: page(n) }));
  const fixes = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo });
  assert.equal(fixes.length, 1);
  const [fix] = fixes;
  assert.equal(fix.scope, 'template');
  assert.deepEqual(fix.pages, [page(1), page(2), page(3)]);
  assert.equal(fix.instances, 3);
  assert.equal(fix.effort, 'One change in the shared layout (3 pages)');
  assert.equal(fix.title, 'Title of image-alt');
  assert.equal(fix.helpUrl, 'https://help.example/image-alt');
});

test('whitespace differences in the snippet still match the template', () => {
  const findings = [
    finding({ url: page(1), snippet: '<img  class="logo"\n  src="logo.png">' }),
    finding({ url: page(2), snippet: '<img class="logo" src="logo.png">' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].scope, 'template');
});

test('the same rule on different elements becomes one content fix', () => {
  const findings = [
    finding({ url: page(1), selector: 'img.a', snippet: '<img class="a">' }),
    finding({ url: page(2), selector: 'img.b', snippet: '<img class="b">' }),
    finding({ url: page(2), selector: 'img.c', snippet: '<img class="c">' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].scope, 'content');
  assert.equal(fixes[0].instances, 3);
  assert.deepEqual(fixes[0].pages, [page(1), page(2)]);
  assert.equal(fixes[0].effort, '3 edits on 2 pages');
});

test('template instances and the rest of a rule split into a template fix and a content fix', () => {
  const findings = [
    finding({ url: page(1) }),
    finding({ url: page(2) }),
    finding({ url: page(2), selector: 'img.hero', snippet: '<img class="hero">' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  assert.deepEqual(fixes.map((fix) => fix.scope).sort(), ['content', 'template']);
  const content = fixes.find((fix) => fix.scope === 'content')!;
  assert.equal(content.instances, 1);
  assert.equal(content.effort, '1 edit on 1 page');
});

test('findings of different kinds or rules never share a fix', () => {
  const findings = [
    finding({ url: page(1) }),
    finding({ url: page(2), kind: 'needs-review' }),
    finding({ url: page(3), ruleId: 'label' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo });
  assert.equal(fixes.length, 3);
});

test('a check-supplied causeKey groups across selectors', () => {
  const findings = [
    finding({ url: page(1), selector: 'a', source: 'welcomemat', ruleId: 'language-switcher', causeKey: 'no-switch' }),
    finding({ url: page(2), selector: 'b', source: 'welcomemat', ruleId: 'language-switcher', causeKey: 'no-switch' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].scope, 'template');
  assert.equal(fixes[0].instances, 2);
});

test('info findings become fixes of kind info', () => {
  const fixes = groupIntoFixes([finding({ kind: 'info', impact: 'minor' })], { auditedPageCount: 1, ruleInfo });
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].kind, 'info');
});

test('fix ids are stable across calls and input order, and distinct per cause', () => {
  const findings = [
    finding({ url: page(1) }),
    finding({ url: page(2) }),
    finding({ url: page(3), selector: 'img.x', snippet: '<img class="x">' }),
  ];
  const first = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo }).map((fix) => fix.id).sort();
  const second = groupIntoFixes([...findings].reverse(), { auditedPageCount: 3, ruleInfo }).map((fix) => fix.id).sort();
  assert.deepEqual(first, second);
  assert.equal(new Set(first).size, 2);
  for (const id of first) assert.match(id, /^axe:image-alt:violation:[0-9a-f]{12}$/);
});

test('a critical template fix ranks above a minor content fix', () => {
  const findings = [
    finding({ ruleId: 'minor-rule', impact: 'minor', url: page(1), selector: 'p', snippet: '<p>' }),
    ...[1, 2, 3].map((n) => finding({ url: page(n) })),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo });
  assert.equal(fixes[0].ruleId, 'image-alt');
  assert.equal(fixes[0].scope, 'template');
  assert.ok(fixes[0].priority > fixes[1].priority);
});

test('needs review ranks below the same violation', () => {
  const findings = [
    finding({ url: page(1), selector: 'img.a', snippet: '1' }),
    finding({ url: page(1), selector: 'img.b', snippet: '2', kind: 'needs-review' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 1, ruleInfo });
  assert.deepEqual(fixes.map((fix) => fix.kind), ['violation', 'needs-review']);
  assert.ok(fixes[0].priority > fixes[1].priority);
});

test('ties sort by instances, then rule id', () => {
  const findings = [
    finding({ ruleId: 'b-rule', url: page(1), selector: 'x', snippet: 'x' }),
    finding({ ruleId: 'a-rule', url: page(1), selector: 'y', snippet: 'y' }),
    finding({ ruleId: 'c-rule', url: page(1), selector: 'z1', snippet: 'z1' }),
    finding({ ruleId: 'c-rule', url: page(1), selector: 'z2', snippet: 'z2' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 1, ruleInfo });
  assert.deepEqual(fixes.map((fix) => fix.ruleId), ['c-rule', 'a-rule', 'b-rule']);
});

test('examples are spread across pages and capped, while instances count everything', () => {
  const findings: Finding[] = [];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i < 4; i++) findings.push(finding({ url: page(n), selector: `img.i${n}-${i}`, snippet: `<img ${n}-${i}>` }));
  }
  const [fix] = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo });
  assert.equal(fix.instances, 12);
  assert.equal(fix.examples.length, 5);
  assert.deepEqual(
    fix.examples.map((example) => example.url),
    [page(1), page(2), page(3), page(1), page(2)],
  );
  const fewer = groupIntoFixes(findings, { auditedPageCount: 3, ruleInfo, maxExamples: 2 });
  assert.equal(fewer[0].examples.length, 2);
});

test('examples skip repeats of the same element on the same page', () => {
  const findings = [
    finding({ url: page(1), selector: 'img.a', snippet: 'a' }),
    finding({ url: page(1), selector: 'img.a', snippet: 'a' }),
    finding({ url: page(1), selector: 'img.b', snippet: 'b' }),
  ];
  const [fix] = groupIntoFixes(findings, { auditedPageCount: 1, ruleInfo });
  assert.equal(fix.instances, 3);
  assert.deepEqual(fix.examples.map((example) => example.selector), ['img.a', 'img.b']);
});

test('fix fields combine the findings: worst impact, union of criteria and audiences', () => {
  const findings = [
    finding({ url: page(1), selector: 'a', snippet: 'a', impact: 'moderate', wcag: ['1.4.3'], affects: ['low-vision'] }),
    finding({ url: page(2), selector: 'b', snippet: 'b', impact: 'serious', wcag: ['1.4.10', '1.4.3'], affects: ['zoom'] }),
  ];
  const [fix] = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  assert.equal(fix.impact, 'serious');
  assert.deepEqual(fix.wcag, ['1.4.3', '1.4.10']);
  assert.deepEqual(fix.affects, ['low-vision', 'zoom']);
});

test('priority follows the documented formula', () => {
  const parts = { impactWeight: 10, levelWeight: 1, kindWeight: 1, reach: 6.64 };
  assert.equal(priorityOf(parts), 66.4);
  // The worked example in docs/priority.md: missing alt on a logo shared by 20 pages.
  const findings = Array.from({ length: 20 }, (_, i) => finding({ url: page(i + 1) }));
  const [fix] = groupIntoFixes(findings, { auditedPageCount: 50, ruleInfo });
  assert.deepEqual(fix.priorityParts, { impactWeight: 10, levelWeight: 1, kindWeight: 1, reach: 6.39 });
  assert.equal(fix.priority, 63.9);
  assert.equal(fix.priority, priorityOf(fix.priorityParts));
  assert.equal(PRIORITY_WEIGHTS.templateBonus, 1.2);
});

test('a single-page content fix has reach 1', () => {
  const [fix] = groupIntoFixes([finding({ impact: 'serious', level: 'AA' })], { auditedPageCount: 10, ruleInfo });
  assert.equal(fix.priorityParts.reach, 1);
  assert.equal(fix.priority, 6);
});

test('a site-wide finding without a page reaches every audited page', () => {
  const [fix] = groupIntoFixes([finding({ url: '', selector: '', snippet: '', kind: 'info', impact: 'minor' })], {
    auditedPageCount: 8,
    ruleInfo,
  });
  assert.deepEqual(fix.pages, []);
  assert.equal(fix.priorityParts.reach, 4);
});

test('summarize counts pages, findings by kind and impact, and fixes', () => {
  const base: Omit<PageResult, 'url' | 'finalUrl'> = {
    redirects: [],
    status: 200,
    title: '',
    lang: 'en',
    depth: 0,
    foundBy: 'start',
    timing: { loadMs: 0, gatherMs: 0, totalMs: 0 },
    gathererErrors: [],
    violations: 0,
    needsReview: 0,
  };
  const pages: PageResult[] = [
    { ...base, url: page(1), finalUrl: page(1) },
    { ...base, url: page(2), finalUrl: page(2) },
    { ...base, url: page(3), finalUrl: page(3), status: 0, error: { code: 'timeout', message: 'slow' } },
  ];
  const findings = [
    finding({ url: page(1), impact: 'critical' }),
    finding({ url: page(2), impact: 'critical' }),
    finding({ url: page(2), selector: 'x', impact: 'minor' }),
    finding({ url: page(1), kind: 'needs-review', impact: 'serious' }),
    finding({ url: page(1), kind: 'info', impact: 'minor' }),
  ];
  const fixes = groupIntoFixes(findings, { auditedPageCount: 2, ruleInfo });
  const summary = summarize(pages, findings, fixes, 7);
  assert.deepEqual(summary, {
    pagesAudited: 2,
    pagesFailed: 1,
    urlsSkipped: 7,
    violations: 3,
    needsReview: 1,
    info: 1,
    fixes: fixes.length,
    violationsByImpact: { critical: 2, serious: 0, moderate: 0, minor: 1 },
    needsReviewByImpact: { critical: 0, serious: 1, moderate: 0, minor: 0 },
  });
  assert.equal(fixes.length, 4);
});
