// Markdown summary for pull requests and e-mails: what changed, totals and the top fixes; site data escaped.
import type { Fix, Report } from '../../model/report.js';
import { checkGroups, coverageOf, describeCoverage } from '../coverage.js';
import { documentsView, documentUrls } from '../documents-view.js';
import { distinctExamples, isSameElement } from '../examples.js';
import { localizeFix } from '../fix-texts.js';
import { copyAuditedLines } from '../copy-audited.js';
import { createTranslator, type Translator } from '../i18n.js';
import { createWording, type Wording } from '../messages.js';
import type { Renderer } from '../renderer.js';

/** Fixes listed; the full list is in the HTML report. */
const TOP_FIXES = 10;
/** Examples shown per fix (one per different element); the HTML report has the rest. */
const EXAMPLES_PER_FIX = 3;
/** Pages listed under a fix; past that, a count. */
const PAGES_PER_FIX = 10;
/** Characters of site text in one cell; markdown tables get unreadable past that. */
const CELL_CHARS = 160;

/**
 * Text from the audited site as inert Markdown: every character that could start markup
 * (emphasis, links, images, HTML, tables, headings, code) is backslash-escaped or an entity,
 * and line breaks collapse so nothing can start a new block.
 */
export function mdText(value: unknown, max = CELL_CHARS): string {
  let text = String(value ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~:"'=^$])/g, '\\$1');
}

/** One fix's examples: a template's element once with its pages, other fixes one example per different element. */
function fixDetails(fix: Fix, number: number, tr: Translator, wording: Wording): string[] {
  const local = localizeFix(fix, tr.locale);
  const lines = [`### ${number}. ${mdText(local.title, 300)}`, '', mdText(local.howToFix, 1000), ''];
  const distinct = distinctExamples(fix.examples);
  const same = isSameElement(fix, distinct);
  const heading = same ? tr.t('fixes.example') : tr.t('fixes.examples');
  if (distinct.length > 0) lines.push(`**${mdText(heading)}**`, '');
  if (same) lines.push(mdText(tr.t('fixes.sameElement', { count: fix.pages.length }), 400), '');
  for (const { example, pages } of distinct.slice(0, EXAMPLES_PER_FIX)) {
    const message = wording.finding(example);
    lines.push(`- ${mdText(message, 600)}`);
    if (!same) lines.push(`  ${mdText(tr.t('fixes.onPage'))} ${mdText(example.url, 300)}${pages.length > 1 ? ` · ${mdText(tr.t('fixes.alsoOn'))} ${pages.slice(1).map((url) => mdText(url, 300)).join(', ')}` : ''}`);
    if (example.selector) lines.push(`  ${mdText(tr.t('fixes.element'))} ${mdText(example.selector, 300)}`);
    // Markup from the site is escaped like any other site text: no raw HTML reaches the Markdown.
    if (example.snippet) lines.push(`  ${mdText(example.snippet, 300)}`);
  }
  if (distinct.length > EXAMPLES_PER_FIX || (!same && fix.instances > distinct.length)) {
    const shown = distinct.slice(0, EXAMPLES_PER_FIX).reduce((sum, item) => sum + item.pages.length, 0);
    if (fix.instances > shown) lines.push('', mdText(tr.t('fixes.moreInstances', { count: fix.instances - shown })));
  }
  lines.push('', `**${mdText(tr.t('fixes.pagesAffected', { count: fix.pages.length }))}**`, '');
  for (const url of fix.pages.slice(0, PAGES_PER_FIX)) lines.push(`- ${mdText(url, 300)}`);
  if (fix.pages.length > PAGES_PER_FIX) lines.push(`- ${mdText(tr.t('fixes.morePages', { count: fix.pages.length - PAGES_PER_FIX }))}`);
  lines.push('');
  return lines;
}

/** The linked documents: one line each with what came of it, those not checked, and the manual steps once. */
function documentLines(report: Report, tr: Translator): string[] {
  const view = documentsView(report, tr);
  if (!view) return [];
  const lines = [`## ${mdText(tr.t('documents.title'))}`, '', mdText(view.summary, 400), ''];
  if (view.rows.length > 0) {
    lines.push(`| ${mdText(tr.t('documents.document'))} | ${mdText(tr.t('documents.pages'))} | ${mdText(tr.t('documents.tagged'))} | ${mdText(tr.t('documents.result'))} | ${mdText(tr.t('documents.linkedFrom'))} |`, '|---|---:|---|---|---|');
    for (const row of view.rows) {
      const links = row.links.map((link) => mdText(tr.t('documents.linkText', { text: link.text, page: link.url }), 300)).join('; ');
      lines.push(`| ${mdText(row.url, 300)} | ${mdText(row.pages)} | ${mdText(row.tagged)} | ${mdText(row.result, 300)} | ${links}${row.moreLinks > 0 ? ` \\+${row.moreLinks}` : ''} |`);
    }
    lines.push('');
  }
  if (view.skipped.length > 0) {
    lines.push(`**${mdText(tr.t('documents.skippedTitle'))}**`, '');
    for (const entry of view.skipped) lines.push(`- ${mdText(entry.url, 300)}: ${mdText(entry.reason, 300)}`);
    lines.push('');
  }
  if (view.manualSteps.length > 0) {
    lines.push(`**${mdText(view.manualTitle)}**`, '');
    for (const step of view.manualSteps) lines.push(`- ${mdText(step, 600)}`);
    lines.push('');
  }
  return lines;
}

export function renderMarkdown(report: Report, locale?: string): string {
  const tr = createTranslator(locale);
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`# ${mdText(tr.t('report.title', { site: report.siteName }), 300)}`, '');
  if (report.comparison) {
    const c = report.comparison;
    lines.push(
      `**${mdText(
        tr.t('changes.lead', {
          date: tr.date(c.previous.startedAt).text,
          new: tr.t('changes.newCount', { count: c.counts.new }),
          remaining: tr.t('changes.remainingCount', { count: c.counts.remaining }),
          fixed: tr.t('changes.fixedCount', { count: c.counts.fixed }),
        }),
        400,
      )}**`,
      '',
    );
    if (c.counts['not-checked'] > 0) lines.push(mdText(tr.t('changes.notCheckedNote', { count: c.counts['not-checked'] }), 400), '');
  }
  for (const line of copyAuditedLines(report, tr)) lines.push(`> ${mdText(line, 400)}`, '');
  if (!report.complete) {
    const reason = report.incompleteReason ? ` ${mdText(tr.t('header.partialReason'))} ${mdText(report.incompleteReason, 300)}` : '';
    lines.push(`> **${mdText(tr.t('header.partialTitle'))}:** ${mdText(tr.t('header.partialText'), 300)}${reason}`, '');
  }
  const headline =
    s.fixes === 0
      ? tr.t('summary.nothing')
      : s.needsReview > 0
        ? tr.t('summary.headlineReview', { fixes: tr.t('units.fix', { count: s.fixes }), barriers: tr.t('units.barrier', { count: s.violations }), places: tr.t('summary.reviewPlaces', { count: s.needsReview }) })
        : tr.t('summary.headline', { fixes: tr.t('units.fix', { count: s.fixes }), barriers: tr.t('units.barrier', { count: s.violations }) });
  lines.push(mdText(headline, 400), '');
  lines.push(`| ${mdText(tr.t('summary.impact'))} | ${mdText(tr.t('summary.violations'))} | ${mdText(tr.t('summary.needsReview'))} |`, '|---|---:|---:|');
  for (const impact of ['critical', 'serious', 'moderate', 'minor'] as const) {
    lines.push(`| ${mdText(tr.t(`impact.${impact}`))} | ${s.violationsByImpact[impact]} | ${s.needsReviewByImpact[impact]} |`);
  }
  lines.push(`| **${mdText(tr.t('summary.total'))}** | **${s.violations}** | **${s.needsReview}** |`, '');
  const coverage = describeCoverage(coverageOf(report, checkGroups()), tr);
  lines.push(`## ${mdText(tr.t('coverage.title'))}`, '', ...coverage.map((line) => `- ${mdText(line, 600)}`), '');
  if (report.fixes.length > 0) {
    lines.push(`## ${mdText(tr.t('fixes.title'))}`, '');
    lines.push(`| # | ${mdText(tr.t('changes.fix'))} | ${mdText(tr.t('summary.impact'))} | ${mdText(tr.t('fixes.effort'))} | ${mdText(tr.t('header.pagesAudited'))} |`, '|---:|---|---|---|---:|');
    const inDocuments = documentUrls(report);
    report.fixes.slice(0, TOP_FIXES).forEach((fix, index) => {
      const unit = fix.pages.length > 0 && fix.pages.every((url) => inDocuments.has(url)) ? 'units.document' : 'units.page';
      const change = report.comparison?.fixes.find((compared) => compared.id === fix.id)?.status;
      const badge = change === 'new' ? ` (${mdText(tr.t('changes.new'))})` : '';
      lines.push(`| ${index + 1} | ${mdText(localizeFix(fix, tr.locale).title)}${badge} | ${mdText(tr.t(`impact.${fix.impact}`))} | ${mdText(fix.scope === 'template' ? tr.t('fixes.effortTemplate') : tr.t('fixes.effortContent', { count: fix.instances, pages: tr.t(unit, { count: fix.pages.length }) }))} | ${fix.pages.length} |`);
    });
    if (report.fixes.length > TOP_FIXES) lines.push('', mdText(tr.t('fixes.moreFixes', { count: report.fixes.length - TOP_FIXES })));
    lines.push('');
    const wording = createWording(tr.locale);
    report.fixes.slice(0, TOP_FIXES).forEach((fix, index) => lines.push(...fixDetails(fix, index + 1, tr, wording)));
  }
  lines.push(...documentLines(report, tr));
  const fixed = report.comparison?.fixes.filter((fix) => fix.status === 'fixed') ?? [];
  if (fixed.length > 0) {
    lines.push(`## ${mdText(tr.t('changes.fixedListed'))}`, '');
    for (const fix of fixed.slice(0, TOP_FIXES)) lines.push(`- ${mdText(localizeFix({ ...fix, source: fix.id.startsWith('axe:') ? 'axe' : 'welcomemat', whyItMatters: '', howToFix: '' }, tr.locale).title)}`);
    lines.push('');
  }
  const notChecked = report.comparison?.fixes.filter((fix) => fix.status === 'not-checked') ?? [];
  if (notChecked.length > 0) {
    lines.push(`## ${mdText(tr.t('changes.not-checked'))}`, '');
    for (const fix of notChecked.slice(0, TOP_FIXES)) lines.push(`- ${mdText(fix.title)}`);
    lines.push('');
  }
  lines.push(`_${mdText(tr.t('summary.limitsTitle'))}:_ ${mdText(tr.t('summary.limitsText'), 1000)}`, '');
  return `${lines.join('\n')}`;
}

export const markdownRenderer: Renderer = {
  name: 'md',
  fileName: 'summary.md',
  async render(report, context) {
    return renderMarkdown(report, context.locale);
  },
};
