// The conformance table worded in the reader's language: an HTML page (with a WCAG 2.1 AA filter) and JSON.
import type { Report } from '../model/report.js';
import type { AssessedChapter, AssessedRow } from './assess.js';
import { buildConformanceTable, inWcag21, type ConclusionCounts, type ConformanceTable } from './conformance-table.js';
import { escapeHtml, toHtml, type Block, type Doc, type Inline } from './document.js';
import { complianceTexts, type ComplianceTexts } from './texts.js';
import type { ManualVerdicts } from './verdicts.js';
import { defaultFixTitle, fixInlines, joinLines, resultLines, rowName, verdictInlines, type FixTitle } from './words.js';

export interface ConformanceRenderOptions {
  locale?: string;
  verdicts?: ManualVerdicts;
  fixTitle?: FixTitle;
}

function countsLine(texts: ComplianceTexts, key: string, counts: ConclusionCounts): Inline[] {
  return [{ strong: [texts.t(`table.summary.${key}`, { count: counts.criteria })] }, ' ', texts.t('table.summary.counts', { fails: counts.fails, review: counts.needsReview, manual: counts.manualCheck, verdicts: counts.verdicts })];
}

function statusClass(row: AssessedRow): string {
  return row.conclusion === 'fails' ? 'fails' : row.conclusion === 'needs-review' ? 'needs-review' : row.conclusion === 'verdict' ? 'verdict' : '';
}

/** The cells of one criterion or clause. */
function rowCells(texts: ComplianceTexts, report: Report, row: AssessedRow, fixTitle: FixTitle): Inline[][] {
  const name: Inline[] = [`${row.id} `, rowName(texts, row)];
  if (row.level) name.push(` (${row.level})`);
  if (row.since === '2.2') name.push('\n', texts.t('table.newIn22'));
  if (row.obsolete) name.push('\n', texts.t('table.obsolete'));
  if (row.editions) name.push('\n', texts.t('table.editions', { editions: row.editions.join(', ') }));
  const result: Inline[][] = [];
  if (row.notApplicable) result.push([texts.t('table.notApplicable', { reason: texts.t(`scope.${row.notApplicable}`) })]);
  const automated = resultLines(texts, row.result).map((line, i) => (i === 0 ? [{ strong: [line] } as Inline] : [line]));
  if (!row.notApplicable || row.result.status === 'fails') result.push(...automated);
  if (row.verdict) result.push(verdictInlines(texts, row));
  if (row.restsOn?.length) result.push([texts.t('table.restsOn', { ids: row.restsOn.join(', ') })]);
  const rules: Inline[] = row.result.rules.length === 0 ? [texts.t('table.noRules')] : row.result.rules.flatMap((rule, i) => [...(i > 0 ? [', '] : []), { code: rule.off ? `${rule.id} (${texts.t('table.off')})` : rule.id }] as Inline[]);
  const fixes = fixInlines(texts, report, row.result, fixTitle);
  const step = texts.step(row.step);
  return [name, joinLines(result), rules, fixes.length > 0 ? fixes : ['—'], step ? [step] : ['—']];
}

function head(texts: ComplianceTexts): Inline[][] {
  return ['criterion', 'result', 'rules', 'fixes', 'manualStep'].map((key) => [texts.t(`table.head.${key}`)]);
}

function chapterBlocks(texts: ComplianceTexts, report: Report, chapter: AssessedChapter, fixTitle: FixTitle): Block[] {
  const label = texts.name('chapters', chapter.id, chapter.label);
  const blocks: Block[] = [{ h: 3, text: [label], id: `en-${chapter.number}` }];
  if (chapter.note === 'web') {
    blocks.push({ p: [texts.t('table.enWeb')] });
    blocks.push({
      table: {
        caption: [label],
        head: [[texts.t('table.head.clause')], [texts.t('table.head.result')], [texts.t('table.head.editions')]],
        rows: chapter.rows.map((row) => ({
          className: statusClass(row),
          cells: [[`${row.id} `, rowName(texts, row)], joinLines([...resultLines(texts, row.result).slice(0, 1).map((line) => [line] as Inline[]), ...(row.verdict ? [verdictInlines(texts, row)] : [])]), [row.editions ? row.editions.join(', ') : texts.t('table.bothEditions')]],
        })),
      },
    });
    return blocks;
  }
  if (chapter.note === 'documents-not-audited') {
    blocks.push({ p: [texts.t('table.documentsNotAudited')] });
    return blocks;
  }
  // Clauses a website cannot have (hardware keys, closed functionality) are one line, not thirty rows.
  const moot = chapter.rows.filter((row) => row.conclusion === 'not-applicable');
  const rows = chapter.rows.filter((row) => row.conclusion !== 'not-applicable');
  if (rows.length > 0) blocks.push({ table: { caption: [label], head: head(texts), rows: rows.map((row) => ({ className: statusClass(row), cells: rowCells(texts, report, row, fixTitle) })) } });
  for (const reason of [...new Set(moot.map((row) => row.notApplicable ?? 'unknown'))]) {
    const ids = moot.filter((row) => (row.notApplicable ?? 'unknown') === reason).map((row) => row.id);
    blocks.push({ p: [texts.t('table.notApplicableClauses', { count: ids.length }), ' ', ids.join(', '), '. ', texts.t(`scope.${reason}`)] });
  }
  return blocks;
}

/** The conformance table as a document: summary, WCAG 2.2 A/AA (filterable to 2.1), EN 301 549 by chapter, what a person must still check. */
export function conformanceDocument(table: ConformanceTable, report: Report, options: { locale?: string; fixTitle?: FixTitle } = {}): Doc {
  const texts = complianceTexts(options.locale);
  const fixTitle = options.fixTitle ?? defaultFixTitle;
  const site = table.site.name || texts.t('common.unnamedSite');
  const blocks: Block[] = [
    { h: 1, text: [texts.t('table.title'), ': ', { site }] },
    {
      p: [
        texts.t('table.intro', {
          pages: table.site.pagesAudited,
          date: texts.date(table.site.startedAt),
          version: table.tool.version,
          axe: table.tool.axeVersion,
        }),
      ],
    },
    { p: [{ strong: [texts.t('table.neverConforms')] }], className: 'notice' },
  ];
  if (!table.outcomesRecorded) blocks.push({ p: [{ strong: [texts.t('common.outcomesNotRecorded', { schema: table.schemaVersion })] }], className: 'notice' });
  if (!table.site.complete) blocks.push({ p: [texts.t('common.incomplete'), ' ', { site: table.site.incompleteReason ?? '' }], className: 'notice' });
  if (table.site.pagesFailed > 0) blocks.push({ p: [texts.t('common.pagesFailed', { count: table.site.pagesFailed })] });
  blocks.push({ h: 2, text: [texts.t('table.summary.title')], id: 'summary' });
  blocks.push({ ul: [countsLine(texts, 'wcag22', table.summary.wcag22), countsLine(texts, 'wcag21', table.summary.wcag21), countsLine(texts, 'en', table.summary.en)] });
  if (table.recheck.length > 0) blocks.push({ p: [{ strong: [texts.t('table.recheck', { count: table.recheck.length })] }, ' ', table.recheck.join(', ')], className: 'notice' });
  if (table.unusedVerdicts.length > 0) blocks.push({ p: [texts.t('table.unusedVerdicts', { count: table.unusedVerdicts.length }), ' ', { site: table.unusedVerdicts.join(', ') }] });

  blocks.push({ h: 2, text: [texts.t('table.wcagTitle')], id: 'wcag' });
  blocks.push({ p: [texts.t('table.wcagIntro')] });
  blocks.push({ html: 'filter21' });
  blocks.push({
    table: {
      caption: [texts.t('table.wcagCaption')],
      head: head(texts),
      rows: table.wcag.map((row) => ({ className: [statusClass(row), inWcag21(row) ? '' : 'wcag22-only'].filter(Boolean).join(' '), cells: rowCells(texts, report, row, fixTitle) })),
    },
  });

  blocks.push({ h: 2, text: [texts.t('table.enTitle')], id: 'en' });
  blocks.push({ p: [texts.t('table.enIntro')] });
  for (const chapter of table.en) blocks.push(...chapterBlocks(texts, report, chapter, fixTitle));
  if (table.outOfScope.length > 0) {
    blocks.push({ h: 3, text: [texts.t('table.outOfScope')] });
    blocks.push({ ul: table.outOfScope.map((chapter) => [{ strong: [texts.name('chapters', chapter.id, chapter.label)] }, ': ', texts.t(`scope.${chapter.reason}`)]) });
  }

  blocks.push({ h: 2, text: [texts.t('table.owedTitle')], id: 'owed' });
  blocks.push({ p: [texts.t('table.owedIntro', { count: table.manualChecksOwed.length })] });
  blocks.push({ p: [table.manualChecksOwed.join(', ')] });
  return { lang: texts.locale, title: `${texts.t('table.title')}: ${site}`, blocks };
}

/** The conformance table page as HTML. */
export function renderConformanceHtml(report: Report, options: ConformanceRenderOptions = {}): string {
  const table = buildConformanceTable(report, { ...(options.verdicts ? { verdicts: options.verdicts } : {}) });
  const texts = complianceTexts(options.locale);
  const filter21 = `<p class="filter"><input type="checkbox" id="only21"> <label for="only21">${escapeHtml(texts.t('table.filter21'))}</label></p>`;
  return toHtml(conformanceDocument(table, report, options), { filter21 });
}

/** The conformance table as JSON: the table's data, each row with its result and manual step worded in the locale. */
export function renderConformanceJson(report: Report, options: ConformanceRenderOptions = {}): string {
  const table = buildConformanceTable(report, { ...(options.verdicts ? { verdicts: options.verdicts } : {}) });
  const texts = complianceTexts(options.locale);
  const word = (row: AssessedRow) => ({
    ...row,
    result: { ...row.result, rules: row.result.rules.map((rule) => ({ id: rule.id, source: rule.source, ...(rule.off ? { off: rule.off } : {}) })) },
    resultText: resultLines(texts, row.result),
    manualStep: texts.step(row.step) ?? null,
  });
  const output = {
    format: 'welcomemat-conformance',
    formatVersion: 1,
    locale: texts.locale,
    ...table,
    wcag: table.wcag.map(word),
    en: table.en.map((chapter) => ({ ...chapter, rows: chapter.rows.map(word) })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
