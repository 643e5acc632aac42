// The Accessibility Conformance Report: OpenACR (VPAT 2.5 INT edition) from the assessment, as YAML and as an HTML page; never "supports" without a person's verdict.
import { Document } from 'yaml';
import type { Report } from '../model/report.js';
import { acrCatalog, type AcrTerm } from '../standards/data.js';
import { assess, type AssessedRow, type Assessment } from './assess.js';
import { toHtml, type Block, type Doc, type Inline } from './document.js';
import { websiteScope } from './mapping.js';
import { complianceTexts, type ComplianceTexts } from './texts.js';
import type { ManualVerdicts } from './verdicts.js';
import { defaultFixTitle, resultLines, termText, type FixTitle } from './words.js';

/**
 * A failure on more than half of the pages a criterion's rules judged is "does not support"
 * (VPAT 2.5: "the majority of product functionality does not meet the criterion"); fewer is
 * "partially supports".
 */
const MAJORITY = 0.5;
/** Fixes named in one remark; the HTML report lists them all. */
const FIXES_IN_REMARK = 3;

export interface ProductInfo {
  name?: string;
  version?: string;
  vendor?: string;
  /** Where people ask about the report; required by OpenACR (author.email); a marked blank when not known. */
  email?: string;
  website?: string;
  description?: string;
}

export interface AcrOptions {
  verdicts?: ManualVerdicts;
  product?: ProductInfo;
  /** Language of the remarks; term ids stay OpenACR's. Default English. */
  locale?: string;
  fixTitle?: FixTitle;
}

export interface AcrAdherence {
  level: AcrTerm;
  notes: string;
}

export interface AcrCriterion {
  num: string;
  components: { name: string; adherence: AcrAdherence }[];
}

export interface AcrChapter {
  notes?: string;
  disabled?: boolean;
  criteria?: AcrCriterion[];
}

/** An OpenACR report (openacr-0.1.0.json). */
export interface OpenAcr {
  title: string;
  product: { name: string; version?: string; description?: string };
  author: { company_name?: string; email: string; website?: string };
  vendor: { company_name?: string; email: string; website?: string };
  report_date: string;
  last_modified_date: string;
  version: number;
  notes: string;
  evaluation_methods_used: string;
  legal_disclaimer: string;
  catalog: string;
  chapters: Record<string, AcrChapter>;
}

/** How the interactive checks sampled pages, as the run's config says (default: one page per layout). */
function samplingOf(report: Report): string {
  const interaction = report.config['interaction'];
  return interaction && typeof interaction === 'object' && (interaction as Record<string, unknown>)['sampling'] === 'all' ? 'all' : 'layout';
}

function dateOnly(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

/** Remark parts as sentences: each ends with a full stop (or its own ? or !). */
function sentences(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?)]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

/** The term and the remark of one row. */
export function adherence(texts: ComplianceTexts, report: Report, row: AssessedRow, fixTitle: FixTitle): AcrAdherence {
  const notes: string[] = [];
  const verdict = row.verdict;
  const check = row.verdictCheck;
  const fixesRemark = () => {
    if (row.result.fixes.length === 0) return;
    const named = row.result.fixes.slice(0, FIXES_IN_REMARK).map((fix) => {
      const full = report.fixes.find((candidate) => candidate.id === fix.id);
      return texts.t('acr.fix', { title: fixTitle(full ?? fix), count: fix.pages });
    });
    notes.push(texts.t('acr.fixes', { fixes: named.join('; '), more: row.result.fixes.length > FIXES_IN_REMARK ? texts.t('acr.moreFixes', { count: row.result.fixes.length - FIXES_IN_REMARK }) : '' }).trim());
  };
  if (verdict && check && check.contradictedBy.length === 0) {
    notes.push(verdict.remarks || texts.t('acr.noRemarks'), texts.t('acr.verdictBy', { who: verdict.who, date: dateOnly(verdict.when) }));
    if (check.changedPages.length > 0) notes.push(texts.t('acr.verdictStale', { count: check.changedPages.length }));
    if (row.result.status === 'fails' || row.result.status === 'needs-review') notes.push(resultLines(texts, row.result)[0]);
    fixesRemark();
    return { level: verdict.verdict, notes: sentences(notes) };
  }
  if (row.result.status === 'fails') {
    const share = row.result.judgedPages > 0 ? row.result.failedPages.length / row.result.judgedPages : 0;
    notes.push(resultLines(texts, row.result)[0]);
    fixesRemark();
    if (verdict) notes.push(texts.t('acr.verdictContradicted', { term: termText(texts, verdict.verdict), who: verdict.who, date: dateOnly(verdict.when) }));
    // A functional performance statement sums up many criteria: a failure of some is "partially supports", never the whole statement.
    const majority = share > MAJORITY && !row.restsOn;
    return { level: majority ? 'does-not-support' : 'partially-supports', notes: sentences(notes) };
  }
  if (row.notApplicable) return { level: 'not-applicable', notes: texts.t(`scope.${row.notApplicable}`) };
  if (row.level === 'AAA' && row.result.rules.length === 0) return { level: 'not-evaluated', notes: texts.t('acr.aaa') };
  notes.push(...resultLines(texts, row.result));
  fixesRemark();
  const step = texts.step(row.step);
  notes.push(step ? texts.t('acr.personChecks', { step }) : texts.t('acr.personMustCheck'));
  return { level: 'not-evaluated', notes: sentences(notes) };
}

function criteriaOf(texts: ComplianceTexts, report: Report, rows: AssessedRow[], component: string, fixTitle: FixTitle): AcrCriterion[] {
  return rows.map((row) => ({ num: row.id, components: [{ name: component, adherence: adherence(texts, report, row, fixTitle) }] }));
}

/** Builds the OpenACR report from the assessment. */
export function buildAcr(report: Report, options: AcrOptions = {}, assessment: Assessment = assess(report, options.verdicts)): OpenAcr {
  const texts = complianceTexts(options.locale ?? 'en');
  const fixTitle = options.fixTitle ?? defaultFixTitle;
  const product = options.product ?? {};
  const catalog = acrCatalog();
  const scope = websiteScope().chapters;
  const chapters: Record<string, AcrChapter> = {};
  const documentRows = new Map(assessment.en.flatMap((chapter) => chapter.rows.filter((row) => row.id.startsWith('10.') && row.wcag).map((row) => [row.wcag!, row] as const)));
  for (const chapter of catalog.chapters) {
    const kind = scope[chapter.id]?.scope ?? 'out';
    if (kind === 'wcag') {
      const level = chapter.id === 'success_criteria_level_a' ? 'A' : chapter.id === 'success_criteria_level_aa' ? 'AA' : 'AAA';
      const rows = assessment.wcag.filter((row) => row.level === level);
      chapters[chapter.id] = {
        ...(level === 'AAA' ? { notes: texts.t('acr.aaaChapter') } : {}),
        criteria: rows.map((row) => ({
          num: row.id,
          components: [
            { name: 'web', adherence: adherence(texts, report, row, fixTitle) },
            ...(documentRows.has(row.id) ? [{ name: 'electronic-docs', adherence: adherence(texts, report, documentRows.get(row.id)!, fixTitle) }] : []),
          ],
        })),
      };
    } else if (chapter.id === 'functional_performance_criteria') chapters[chapter.id] = { criteria: criteriaOf(texts, report, assessment.s508.fpc, 'none', fixTitle) };
    else if (chapter.id === 'support_documentation_and_services') chapters[chapter.id] = { notes: texts.t('acr.supportChapter'), criteria: criteriaOf(texts, report, assessment.s508.support, 'none', fixTitle) };
    else if (kind === 'web') chapters[chapter.id] = { notes: texts.t('acr.webChapter') };
    else if (kind === 'out') chapters[chapter.id] = { disabled: true, notes: texts.t(`scope.${scope[chapter.id]?.reason ?? 'unknown'}`) };
    else {
      const assessed = assessment.en.find((item) => item.id === chapter.id);
      if (!assessed || assessed.rows.length === 0) chapters[chapter.id] = { disabled: true, notes: texts.t(assessed?.note === 'documents-not-audited' ? 'acr.documentsNotAudited' : 'scope.unknown') };
      else chapters[chapter.id] = { criteria: criteriaOf(texts, report, assessed.rows, 'none', fixTitle) };
    }
  }
  const vendor = product.vendor?.trim() || report.siteName;
  const email = product.email?.trim() || report.contacts?.emails[0] || texts.t('acr.blankEmail');
  // Two objects, not one shared: YAML would write the second as an alias (*a1), which some readers refuse.
  const contact = () => ({ company_name: vendor, email, ...(product.website || report.startUrls[0] ? { website: product.website ?? report.startUrls[0] } : {}) });
  const verdictDates = [...(options.verdicts?.values() ?? [])].map((verdict) => dateOnly(verdict.when));
  const reportDate = dateOnly(report.startedAt);
  const notSupported = assessment.wcag.filter((row) => row.level !== 'AAA' && row.result.status === 'fails').length;
  const notEvaluated = assessment.wcag.filter((row) => row.level !== 'AAA' && !row.obsolete && row.conclusion !== 'verdict' && row.result.status !== 'fails').length;
  return {
    title: texts.t('acr.title', { vendor }),
    product: {
      name: product.name?.trim() || report.siteName,
      ...(product.version ? { version: product.version } : {}),
      description: product.description ?? texts.t('acr.productDescription', { urls: report.startUrls.join(', ') }),
    },
    author: contact(),
    vendor: contact(),
    report_date: reportDate,
    last_modified_date: [reportDate, ...verdictDates].sort().at(-1)!,
    version: 1,
    notes: [
      texts.t('acr.draftNote'),
      texts.t('acr.countsNote', { failing: notSupported, notEvaluated }),
      assessment.outcomesRecorded ? '' : texts.t('common.outcomesNotRecorded', { schema: report.schemaVersion }),
      report.complete === false ? `${texts.t('common.incomplete')} ${report.incompleteReason ?? ''}`.trim() : '',
      email === texts.t('acr.blankEmail') ? texts.t('acr.blankEmailNote') : '',
    ]
      .filter(Boolean)
      .join(' '),
    evaluation_methods_used: [
      texts.t('acr.method', { pages: report.summary.pagesAudited, date: reportDate, version: report.tool.version, axe: report.tool.axeVersion, browser: report.tool.browserVersion }),
      texts.t(samplingOf(report) === 'all' ? 'acr.samplingAll' : 'acr.samplingLayout'),
      options.verdicts && options.verdicts.size > 0 ? texts.t('acr.methodVerdicts', { count: options.verdicts.size }) : texts.t('acr.methodNoVerdicts'),
    ].join(' '),
    legal_disclaimer: '',
    catalog: catalog.catalog,
    chapters,
  };
}

/** The ACR as OpenACR YAML, emitted by the yaml library (never by string concatenation), with a header comment. */
export function acrYaml(acr: OpenAcr, texts: ComplianceTexts = complianceTexts('en')): string {
  const document = new Document(acr, { aliasDuplicateObjects: false });
  document.commentBefore = ` ${texts.t('acr.yamlComment')}`;
  // Every string value double-quoted: a YAML 1.1 reader (js-yaml, PyYAML) would read 2026-11-23 as a date and 302.1 as a number.
  return document.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/** The ACR as an HTML page in the layout of a VPAT: one table per chapter with conformance level and remarks. */
export function acrDocument(acr: OpenAcr, texts: ComplianceTexts): Doc {
  const catalog = acrCatalog();
  const blocks: Block[] = [
    { h: 1, text: [{ site: acr.title }] },
    { p: [{ strong: [texts.t('acr.html.catalog')] }, ' ', texts.catalogTitle(catalog.title)] },
    { p: [{ strong: [texts.t('acr.html.product')] }, ' ', { site: [acr.product.name, acr.product.version].filter(Boolean).join(' ') }, ...(acr.product.description ? [' — ', { site: acr.product.description } as Inline] : [])] },
    { p: [{ strong: [texts.t('acr.html.vendor')] }, ' ', { site: [acr.vendor.company_name, acr.vendor.email, acr.vendor.website].filter(Boolean).join(', ') }] },
    { p: [{ strong: [texts.t('acr.html.date')] }, ' ', acr.report_date, ' (', texts.t('acr.html.modified'), ' ', acr.last_modified_date, ')'] },
    { p: [{ strong: [texts.t('acr.html.notes')] }, ' ', { site: acr.notes }], className: 'notice' },
    { p: [{ strong: [texts.t('acr.html.methods')] }, ' ', { site: acr.evaluation_methods_used }] },
    { h: 2, text: [texts.t('acr.html.terms')] },
    { ul: catalog.terms.map((term) => [{ strong: [termText(texts, term.id)] }, ': ', texts.t(`termDescriptions.${term.id}`)]) },
  ];
  for (const standard of catalog.standards) {
    blocks.push({ h: 2, text: [texts.name('standards', standard.id, standard.heading)] });
    for (const id of standard.chapters) {
      const chapter = acr.chapters[id];
      const info = catalog.chapters.find((item) => item.id === id);
      if (!chapter || !info) continue;
      const label = texts.name('chapters', id, info.label);
      blocks.push({ h: 3, text: [label] });
      if (chapter.notes) blocks.push({ p: [{ site: chapter.notes }] });
      if (chapter.disabled || !chapter.criteria) continue;
      blocks.push({
        table: {
          caption: [label],
          head: [[texts.t('acr.html.criteria')], [texts.t('acr.html.level')], [texts.t('acr.html.remarks')]],
          rows: chapter.criteria.map((criterion) => {
            const english = info.criteria.find((item) => item.id === criterion.num)?.handle ?? '';
            const kind = standard.id === 'wcag-2.2' ? 'wcag' : standard.id === '508' ? 's508' : 'en';
            const handle = texts.name(kind, criterion.num, english);
            const parts = criterion.components.map((component) => ({ name: component.name, ...component.adherence }));
            const label = (name: string) => (name === 'none' ? '' : `${texts.t(`acr.html.component.${name}`)}: `);
            return {
              className: parts.some((part) => part.level === 'does-not-support' || part.level === 'partially-supports') ? 'fails' : '',
              cells: [
                [`${criterion.num} ${handle}`],
                parts.flatMap((part, i) => [...(i > 0 ? ['\n'] : []), `${label(part.name)}${termText(texts, part.level)}`]),
                parts.flatMap((part, i) => [...(i > 0 ? ['\n'] : []), label(part.name), { site: part.notes } as Inline]),
              ],
            };
          }),
        },
      });
    }
  }
  return { lang: texts.locale, title: acr.title, blocks };
}

export interface AcrRenderOptions extends AcrOptions {}

/** The ACR's YAML and HTML, from one build. */
export function renderAcr(report: Report, options: AcrRenderOptions = {}): { yaml: string; html: string; acr: OpenAcr } {
  const texts = complianceTexts(options.locale ?? 'en');
  const acr = buildAcr(report, options);
  return { acr, yaml: acrYaml(acr, texts), html: toHtml(acrDocument(acr, texts)) };
}
