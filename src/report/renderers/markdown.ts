// Markdown summary for pull requests and e-mails: what changed, totals and the top fixes; site data escaped.
import type { Report } from '../../model/report.js';
import { localizeFix } from '../fix-texts.js';
import { createTranslator } from '../i18n.js';
import type { Renderer } from '../renderer.js';

/** Fixes listed; the full list is in the HTML report. */
const TOP_FIXES = 10;
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
  if (!report.complete) lines.push(`> **${mdText(tr.t('header.partialTitle'))}:** ${mdText(report.incompleteReason ?? '', 300)}`, '');
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
  if (report.fixes.length > 0) {
    lines.push(`## ${mdText(tr.t('fixes.title'))}`, '');
    lines.push(`| # | ${mdText(tr.t('changes.fix'))} | ${mdText(tr.t('summary.impact'))} | ${mdText(tr.t('fixes.effort'))} | ${mdText(tr.t('header.pagesAudited'))} |`, '|---:|---|---|---|---:|');
    report.fixes.slice(0, TOP_FIXES).forEach((fix, index) => {
      const change = report.comparison?.fixes.find((compared) => compared.id === fix.id)?.status;
      const badge = change === 'new' ? ` (${mdText(tr.t('changes.new'))})` : '';
      lines.push(`| ${index + 1} | ${mdText(localizeFix(fix, tr.locale).title)}${badge} | ${mdText(tr.t(`impact.${fix.impact}`))} | ${mdText(fix.scope === 'template' ? tr.t('fixes.effortTemplate') : tr.t('fixes.effortContent', { count: fix.instances, pages: tr.t('units.page', { count: fix.pages.length }) }))} | ${fix.pages.length} |`);
    });
    if (report.fixes.length > TOP_FIXES) lines.push('', mdText(tr.t('fixes.moreFixes', { count: report.fixes.length - TOP_FIXES })));
    lines.push('');
  }
  const fixed = report.comparison?.fixes.filter((fix) => fix.status === 'fixed') ?? [];
  if (fixed.length > 0) {
    lines.push(`## ${mdText(tr.t('changes.fixedListed'))}`, '');
    for (const fix of fixed.slice(0, TOP_FIXES)) lines.push(`- ${mdText(fix.title)}`);
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
