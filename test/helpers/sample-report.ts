// A realistic synthetic Report for renderer tests, optionally full of hostile site data.
import type { Audience, CheckFamily, Finding, FindingKind, Impact, WcagLevel } from '../../src/model/finding.js';
import { REPORT_SCHEMA_VERSION } from '../../src/model/report.js';
import type { CountsByImpact, Fix, PageResult, Report, SkippedUrl } from '../../src/model/report.js';
import { emptyOutcomes, type NotRunEntry, type RuleOutcomes, type RuleRef } from '../../src/model/outcome.js';

/** Strings an attacker could plant in a page: titles, markup, links, selectors. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  jsUrl: 'javascript:alert(1)',
  pwnedScript: '<script>window.__pwned=1</script>',
  pwnedImg: "'><img src=x onerror=\"window.__pwned=2\">",
  pwnedSvg: '<svg onload="window.__pwned=3"></svg>',
  breakout: '</style></script></title><script>window.__pwned=4</script>',
  template: '{{constructor.constructor "alert(1)"}}',
  markdown: '[click](javascript:alert(1)) ![x](https://evil.example/x.png) **bold** | pipe | <b>raw</b> `code`',
  control: 'bell\u0007 esc\u001b nul\u0000 lone\ud800 end',
  xml: ']]><!-- --><?pi?><!DOCTYPE x [<!ENTITY e "e">]>&e;',
} as const;

const hostileText = Object.values(HOSTILE).join(' ');

interface RuleSpec {
  ruleId: string;
  source: Finding['source'];
  kind: FindingKind;
  impact: Impact;
  family: CheckFamily;
  wcag: string[];
  level: WcagLevel;
  affects: Audience[];
  title: string;
  whyItMatters: string;
  howToFix: string;
  example: string;
  helpUrl: string;
  /** Shared layout element (same selector on every page) or per-page content. */
  scope: Fix['scope'];
  selector: string;
  snippet: string;
  message: string;
}

const RULES: RuleSpec[] = [
  {
    ruleId: 'image-alt',
    source: 'axe',
    kind: 'violation',
    impact: 'critical',
    family: 'alt-text',
    wcag: ['1.1.1'],
    level: 'A',
    affects: ['blind', 'low-vision'],
    title: 'Give every image a text alternative',
    whyItMatters: 'Screen readers read out the alt text of an image. Without it, people hear the file name or nothing at all.',
    howToFix: 'Add an alt attribute that says what the image shows or does. Decorative images get alt="".',
    example: '<img src="cake.jpg" alt="Three-layer chocolate cake with raspberries">',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
    scope: 'content',
    selector: 'main > .gallery > img:nth-child(2)',
    snippet: '<img src="/images/cake.jpg" class="hero">',
    message: 'Element does not have an alt attribute',
  },
  {
    ruleId: 'color-contrast',
    source: 'axe',
    kind: 'violation',
    impact: 'serious',
    family: 'accessibility',
    wcag: ['1.4.3'],
    level: 'AA',
    affects: ['low-vision', 'colour-blind'],
    title: 'Make text stand out from its background',
    whyItMatters: 'Pale text on a pale background is hard or impossible to read for many people, and for everyone in sunlight.',
    howToFix: 'Darken the text or lighten the background until the contrast ratio is at least 4.5:1.',
    example: '.footer a {\n  color: #1a5fb4; /* 6.1:1 on white */\n}',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
    scope: 'template',
    selector: 'footer > .links > a.legal',
    snippet: '<a class="legal" href="/privacy">Privacy</a>',
    message: 'Element has insufficient color contrast of 2.9 (foreground #999999, background #ffffff, 14px normal)',
  },
  {
    ruleId: 'label',
    source: 'axe',
    kind: 'violation',
    impact: 'critical',
    family: 'forms',
    wcag: ['4.1.2', '1.3.1'],
    level: 'A',
    affects: ['blind', 'cognitive'],
    title: 'Label every form field',
    whyItMatters: 'Without a label, people using screen readers do not know what to type, and voice users cannot name the field.',
    howToFix: 'Give the field a visible <label for="…">.',
    example: '<label for="email">Email address</label>\n<input id="email" type="email" autocomplete="email">',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/label',
    scope: 'template',
    selector: 'header form.newsletter > input[type="email"]',
    snippet: '<input type="email" placeholder="Your email">',
    message: 'Form element does not have an implicit (wrapped) <label>',
  },
  {
    ruleId: 'language-options',
    source: 'welcomemat',
    kind: 'needs-review',
    impact: 'moderate',
    family: 'language-options',
    wcag: [],
    level: 'inclusive-practice',
    affects: ['other-language'],
    title: 'Offer the site in the languages your customers speak',
    whyItMatters: 'A quarter of people in many cities read another language more easily than the site’s.',
    howToFix: 'Offer a language switcher with each language named in itself, and mark up each translation with lang and hreflang.',
    example: '<a href="/es/" hreflang="es" lang="es">Español</a>',
    helpUrl: 'https://www.w3.org/International/questions/qa-site-conneg',
    scope: 'template',
    selector: 'html',
    snippet: '<html lang="en">',
    message: 'The site is in English only, while its address suggests a bilingual audience.',
  },
  {
    ruleId: 'link-name',
    source: 'axe',
    kind: 'violation',
    impact: 'serious',
    family: 'accessibility',
    wcag: ['2.4.4', '4.1.2'],
    level: 'A',
    affects: ['blind', 'keyboard'],
    title: 'Give every link a name',
    whyItMatters: 'A link with only an icon is announced as "link" and nothing more.',
    howToFix: 'Put text in the link, or an aria-label that says where it goes.',
    example: '<a href="/cart" aria-label="Shopping cart"><svg aria-hidden="true">…</svg></a>',
    helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/link-name',
    scope: 'content',
    selector: 'article .card:nth-child(3) > a.more',
    snippet: '<a class="more" href="/blog/post"><i class="icon-arrow"></i></a>',
    message: 'Element is in tab order and does not have accessible text',
  },
  {
    ruleId: 'gendered-language',
    source: 'welcomemat',
    kind: 'needs-review',
    impact: 'minor',
    family: 'wording',
    wcag: [],
    level: 'inclusive-practice',
    affects: ['everyone'],
    title: 'Use words that include everyone',
    whyItMatters: 'Words such as "chairman" or "he" for any customer tell some readers the business was not meant for them.',
    howToFix: 'Use neutral words: "chair", "they", "staff".',
    example: '',
    helpUrl: 'https://github.com/retextjs/retext-equality',
    scope: 'content',
    selector: 'main p:nth-of-type(4)',
    snippet: '<p>Each customer can pick up his order at the counter.</p>',
    message: '"his" may be insensitive, use "their" instead',
  },
  {
    ruleId: 'focus-visible',
    source: 'welcomemat',
    kind: 'violation',
    impact: 'serious',
    family: 'keyboard',
    wcag: ['2.4.7'],
    level: 'AA',
    affects: ['keyboard', 'motor'],
    title: 'Show where the keyboard focus is',
    whyItMatters: 'People who use a keyboard cannot see which link they are on when the focus outline is removed.',
    howToFix: 'Remove outline: none, or replace it with a clearly visible :focus-visible style.',
    example: 'a:focus-visible {\n  outline: 3px solid #1a5fb4;\n  outline-offset: 2px;\n}',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-visible.html',
    scope: 'template',
    selector: 'nav.main-menu a',
    snippet: '<a href="/menu">Menu</a>',
    message: 'The focus indicator is not visible on 6 of 6 menu links.',
  },
  {
    ruleId: 'reflow',
    source: 'welcomemat',
    kind: 'violation',
    impact: 'moderate',
    family: 'zoom',
    wcag: ['1.4.10'],
    level: 'AA',
    affects: ['zoom', 'low-vision'],
    title: 'Let the page fit a narrow screen without sideways scrolling',
    whyItMatters: 'At 400% zoom, a page that scrolls sideways makes people read every line twice.',
    howToFix: 'Use flexible widths and let tables scroll inside their own box.',
    example: '.price-table-wrapper { overflow-x: auto; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
    scope: 'content',
    selector: 'main table.prices',
    snippet: '<table class="prices" style="width:900px">',
    message: 'At 320 CSS pixels wide the page scrolls sideways by 580 pixels.',
  },
];

const IMPACT_WEIGHT: Record<Impact, number> = { critical: 10, serious: 7, moderate: 4, minor: 1 };
const LEVEL_WEIGHT: Record<WcagLevel, number> = { A: 1, AA: 0.85, AAA: 0.6, 'best-practice': 0.6, 'inclusive-practice': 0.75 };
const KIND_WEIGHT: Record<FindingKind, number> = { violation: 1, 'needs-review': 0.4, info: 0.1 };

function zeroCounts(): CountsByImpact {
  return { critical: 0, serious: 0, moderate: 0, minor: 0 };
}

export interface SampleReportOptions {
  pages?: number;
  findingsPerPage?: number;
  hostile?: boolean;
  /** Mark the report partial (interrupted); hostile reports are partial by default. */
  partial?: boolean;
  /**
   * Record `rules` and per-page `outcomes` (schema 2.0) consistent with the findings: each
   * rule with a violation on a page failed there, one with needs-review needs review, the
   * rest passed; video-caption and video-captions find no video; focus-visible timed out with
   * the keyboard gatherer where that gatherer failed; reflow is sampled (the home page
   * stands in) on pages where it did not fail. Site checks contact-methods and
   * consistent-help passed.
   */
  outcomes?: boolean;
}

/** Rules every outcome-recording sample report knows besides those of its findings: they pass, or find nothing to judge. */
export const SAMPLE_EXTRA_RULES: RuleRef[] = [
  { id: 'html-has-lang', source: 'axe', scope: 'page' },
  { id: 'document-title', source: 'axe', scope: 'page' },
  { id: 'button-name', source: 'axe', scope: 'page' },
  { id: 'target-size', source: 'axe', scope: 'page' },
  { id: 'video-caption', source: 'axe', scope: 'page' },
  { id: 'video-captions', source: 'welcomemat', scope: 'page' },
  { id: 'skip-link', source: 'welcomemat', scope: 'page' },
  { id: 'contact-methods', source: 'welcomemat', scope: 'site' },
  { id: 'consistent-help', source: 'welcomemat', scope: 'site' },
  { id: 'accessibility-statement', source: 'welcomemat', scope: 'site' },
  { id: 'meta-refresh', source: 'axe', scope: 'page', off: 'axe.disableRules' },
];

/** The same report as a welcomemat before schema 2.0 wrote it: no rules, no outcomes. */
export function asSchema1(report: Report): Report {
  const { rules: _rules, siteOutcomes: _site, ...rest } = report;
  return { ...rest, schemaVersion: '1.2.0', pages: report.pages.map(({ outcomes: _outcomes, ...page }) => page) };
}

/** Adds rules and outcomes (schema 2.0) to a sample report, consistent with its findings. */
export function withOutcomes(report: Report): Report {
  const ruleIds = new Map<string, RuleRef>();
  for (const finding of report.findings) {
    if (finding.source === 'lighthouse') continue;
    ruleIds.set(`${finding.source}:${finding.ruleId}`, { id: finding.ruleId, source: finding.source, scope: 'page' });
  }
  for (const rule of SAMPLE_EXTRA_RULES) ruleIds.set(`${rule.source}:${rule.id}`, rule);
  const home = report.pages[0]?.finalUrl ?? '';
  const pages = report.pages.map((page) => {
    if (page.error) return page;
    const here = report.findings.filter((finding) => finding.url === page.finalUrl);
    const failed = [...new Set(here.filter((finding) => finding.kind === 'violation').map((finding) => finding.ruleId))];
    const needsReview = [...new Set(here.filter((finding) => finding.kind === 'needs-review' && !failed.includes(finding.ruleId)).map((finding) => finding.ruleId))];
    const outcomes: RuleOutcomes = { failed, needsReview, notApplicable: ['video-caption', 'video-captions'], notRun: [], errored: [] };
    const keyboardFailed = page.gathererErrors.find((error) => error.gatherer === 'keyboard');
    if (keyboardFailed && !failed.includes('focus-visible')) {
      outcomes.notRun.push({ reason: keyboardFailed.timedOut ? 'gatherer-timed-out' : 'gatherer-failed', gatherer: 'keyboard', rules: ['focus-visible'] });
    }
    if (page.finalUrl !== home && !failed.includes('reflow')) outcomes.notRun.push({ reason: 'sampled', standIn: home, rules: ['reflow'] });
    return { ...page, outcomes };
  });
  return { ...report, pages, rules: [...ruleIds.values()], siteOutcomes: emptyOutcomes() };
}

/** The rules of the sample run: its findings' rules, a few that pass, one switched off. */
const SAMPLE_RULES: RuleRef[] = [
  ...RULES.map((rule) => ({ id: rule.ruleId, source: rule.source === 'axe' ? ('axe' as const) : ('welcomemat' as const), scope: 'page' as const })),
  { id: 'region', source: 'axe', scope: 'page' },
  { id: 'video-caption', source: 'axe', scope: 'page' },
  { id: 'focus-obscured', source: 'welcomemat', scope: 'page' },
  { id: 'text-spacing-clipped', source: 'welcomemat', scope: 'page' },
  { id: 'color-contrast-enhanced', source: 'axe', scope: 'page', off: 'not in the selected axe tags (wcag2a, wcag2aa)' },
  { id: 'reading-level', source: 'welcomemat', scope: 'page', off: 'switched off (checks)' },
  { id: 'consistent-help', source: 'welcomemat', scope: 'site' },
];

/**
 * Outcomes as an audit records them: the page's findings' rules failed or to review, a rule
 * that did not apply, and (on some pages) keyboard checks sampled out, zoom checks timed
 * out, a rule that threw.
 */
function sampleOutcomes(index: number, onPage: Finding[], standIn: string, bad: (text: string) => string): RuleOutcomes {
  const failed = [...new Set(onPage.filter((f) => f.kind === 'violation').map((f) => f.ruleId))];
  const needsReview = [...new Set(onPage.filter((f) => f.kind === 'needs-review').map((f) => f.ruleId))].filter((id) => !failed.includes(id));
  const notRun: NotRunEntry[] = [];
  if (index > 0 && index % 3 === 1) notRun.push({ reason: 'sampled', gatherer: 'keyboard', standIn, rules: ['focus-visible', 'focus-obscured'].filter((id) => !failed.includes(id) && !needsReview.includes(id)) });
  if (index % 5 === 2) notRun.push({ reason: 'gatherer-timed-out', gatherer: 'textSpacing', detail: bad('gatherer "textSpacing" did not finish within 6000 ms'), rules: ['text-spacing-clipped'] });
  return {
    failed,
    needsReview,
    notApplicable: ['video-caption'],
    notRun: notRun.filter((entry) => entry.rules.length > 0),
    errored: index === 4 ? [{ rule: 'region', message: bad('Cannot read properties of null') }] : [],
  };
}

export function makeSampleReport(options: SampleReportOptions = {}): Report {
  const pageCount = options.pages ?? 6;
  const findingsPerPage = options.findingsPerPage ?? 4;
  const hostile = options.hostile ?? false;
  const partial = options.partial ?? hostile;
  const origin = 'https://www.crumb-and-kettle.example';
  const bad = (text: string) => (hostile ? `${text} ${hostileText}` : text);

  const pages: PageResult[] = [];
  const findings: Finding[] = [];
  const fixGroups = new Map<string, { rule: RuleSpec; findings: Finding[]; pages: Set<string> }>();

  for (let index = 0; index < pageCount; index++) {
    const url = index === 0 ? `${origin}/` : `${origin}/page-${index}/${index % 5 === 0 ? 'a-very-long-path-segment-that-does-not-wrap-by-itself-'.repeat(3) : ''}`;
    // One page in seven fails to load, as real crawls have a few.
    const failed = index > 0 && index % 7 === 3;
    const pageUrl = hostile && index === 1 ? HOSTILE.jsUrl : url;
    const page: PageResult = {
      url: pageUrl,
      finalUrl: pageUrl,
      redirects: index === 2 ? [`${origin}/old-page-2`] : [],
      status: failed ? 0 : 200,
      title: bad(index === 0 ? 'Crumb & Kettle — Bakery and café' : `Page ${index} — Crumb & Kettle`),
      lang: index % 4 === 1 ? '' : 'en',
      depth: index === 0 ? 0 : 1 + (index % 3),
      foundBy: index === 0 ? 'start' : index % 2 === 0 ? 'sitemap' : 'link',
      timing: { loadMs: 800 + (index % 9) * 110, gatherMs: 1200 + (index % 5) * 300, totalMs: 2100 + (index % 11) * 250 },
      gathererErrors:
        index % 9 === 4 ? [{ gatherer: 'keyboard', message: bad('Tab walk stopped after 200 steps'), timedOut: index % 2 === 0 }] : [],
      violations: 0,
      needsReview: 0,
    };
    if (failed) {
      page.error = { code: 'timeout', message: bad('Navigation timeout of 30000 ms exceeded') };
      page.title = '';
      page.lang = '';
    } else {
      for (let n = 0; n < findingsPerPage; n++) {
        const rule = RULES[(index + n) % RULES.length];
        const selector = rule.scope === 'template' ? rule.selector : `${rule.selector}:nth-of-type(${n + 1})`;
        const finding: Finding = {
          ruleId: rule.ruleId,
          source: rule.source,
          kind: rule.kind,
          impact: rule.impact,
          family: rule.family,
          wcag: rule.wcag,
          level: rule.level,
          affects: rule.affects,
          url: page.finalUrl,
          selector: bad(selector),
          snippet: bad(rule.snippet),
          message: bad(rule.message),
          helpUrl: rule.helpUrl,
          box: { x: 10, y: 100 + n * 40, width: 200, height: 32 },
        };
        findings.push(finding);
        if (rule.kind === 'violation') page.violations++;
        else if (rule.kind === 'needs-review') page.needsReview++;
        const key = `${rule.source}:${rule.ruleId}`;
        let group = fixGroups.get(key);
        if (!group) fixGroups.set(key, (group = { rule, findings: [], pages: new Set() }));
        group.findings.push(finding);
        group.pages.add(page.finalUrl);
      }
    }
    if (!failed) page.outcomes = sampleOutcomes(index, findings.filter((f) => f.url === page.finalUrl), pages[0]?.finalUrl ?? page.finalUrl, bad);
    pages.push(page);
  }

  const fixes: Fix[] = [...fixGroups.values()].map(({ rule, findings: grouped, pages: touched }) => {
    const pagesTouched = touched.size;
    const priorityParts = {
      impactWeight: IMPACT_WEIGHT[rule.impact],
      levelWeight: LEVEL_WEIGHT[rule.level],
      kindWeight: KIND_WEIGHT[rule.kind],
      reach: Math.round((1 + Math.log2(pagesTouched)) * (rule.scope === 'template' ? 1.2 : 1) * 100) / 100,
    };
    const priority = Math.round(priorityParts.impactWeight * priorityParts.levelWeight * priorityParts.kindWeight * priorityParts.reach * 10) / 10;
    return {
      id: `${rule.ruleId}-${rule.scope}`,
      ruleId: rule.ruleId,
      source: rule.source,
      kind: rule.kind,
      title: rule.title,
      impact: rule.impact,
      family: rule.family,
      wcag: rule.wcag,
      level: rule.level,
      affects: rule.affects,
      whyItMatters: rule.whyItMatters,
      howToFix: rule.howToFix,
      example: rule.example,
      helpUrl: hostile && rule.ruleId === 'label' ? HOSTILE.jsUrl : rule.helpUrl,
      scope: rule.scope,
      pages: [...touched],
      instances: grouped.length,
      examples: grouped.slice(0, 3).map((finding, exampleIndex) => ({
        url: finding.url,
        selector: finding.selector,
        snippet: finding.snippet,
        message: finding.message,
        box: finding.box,
        screenshot: hostile && exampleIndex === 0 ? HOSTILE.jsUrl : `screenshots/page-${exampleIndex}.png`,
      })),
      priority,
      priorityParts,
      effort: rule.scope === 'template' ? 'one change in the shared layout' : `${grouped.length} edits on ${pagesTouched} pages`,
    };
  });
  fixes.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));

  const skipped: SkippedUrl[] = [
    { url: `${origin}/menu.pdf`, reason: 'not-html', detail: 'application/pdf', from: `${origin}/` },
    { url: `${origin}/admin/`, reason: 'robots-disallowed', detail: 'Disallow: /admin/' },
    { url: 'https://instagram.example/crumbandkettle', reason: 'out-of-scope', detail: 'another host', from: `${origin}/` },
    { url: hostile ? HOSTILE.jsUrl : `${origin}/page-999/`, reason: 'max-pages', detail: bad('maxPages 50 reached'), from: hostile ? HOSTILE.jsUrl : undefined },
  ];

  const violationsByImpact = zeroCounts();
  const needsReviewByImpact = zeroCounts();
  let violations = 0;
  let needsReview = 0;
  let info = 0;
  for (const finding of findings) {
    if (finding.kind === 'violation') {
      violations++;
      violationsByImpact[finding.impact]++;
    } else if (finding.kind === 'needs-review') {
      needsReview++;
      needsReviewByImpact[finding.impact]++;
    } else info++;
  }
  const pagesFailed = pages.filter((page) => page.error).length;

  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'welcomemat', version: '0.1.0', axeVersion: '4.14.1', browserVersion: 'HeadlessChrome/140.0.7339.80' },
    siteName: bad('Crumb & Kettle'),
    startUrls: [`${origin}/`, ...(hostile ? [HOSTILE.jsUrl] : [])],
    startedAt: '2026-11-23T12:00:00.000Z',
    finishedAt: '2026-11-23T12:03:25.000Z',
    durationMs: 205_000,
    complete: !partial,
    incompleteReason: partial ? bad('The time budget of 15 minutes ran out') : undefined,
    config: {
      urls: [`${origin}/`],
      maxPages: 50,
      maxDepth: 10,
      axe: { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      siteName: bad('Crumb & Kettle'),
    },
    summary: {
      pagesAudited: pages.length - pagesFailed,
      pagesFailed,
      urlsSkipped: skipped.length,
      violations,
      needsReview,
      info,
      fixes: fixes.length,
      violationsByImpact,
      needsReviewByImpact,
    },
    pages,
    skipped,
    findings,
    fixes,
    rules: SAMPLE_RULES,
    siteOutcomes: { failed: [], needsReview: [], notApplicable: [], notRun: [], errored: [] },
    checkErrors: [
      { ruleId: 'alt-text-quality', source: 'welcomemat', url: pages[0]?.finalUrl ?? `${origin}/`, message: bad('TypeError: cannot read properties of undefined') },
      { ruleId: 'site-languages', source: 'welcomemat', url: '', message: 'eld could not load its model' },
    ],
  };
  return options.outcomes ? withOutcomes(report) : report;
}
