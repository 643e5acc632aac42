// The accessibility statement draft worded in the reader's language, as HTML and Markdown; every blank marked and listed at the top.
import type { Report } from '../model/report.js';
import { blankId, toHtml, toMarkdown, type Block, type Doc, type Inline } from './document.js';
import { buildStatement, type Blank, type StatementModel, type StatementOptions } from './statement.js';
import { complianceTexts, type ComplianceTexts } from './texts.js';
import { defaultFixTitle, inlineText, type FixTitle } from './words.js';

export interface StatementRenderOptions extends StatementOptions {
  locale?: string;
  fixTitle?: FixTitle;
}

function blankLabel(texts: ComplianceTexts, blank: Blank): string {
  return texts.t('statement.blankMarker', { label: texts.t(`statement.blank.${blank.label}`, blank.param ? { country: blank.param } : {}) });
}

/** The statement as a document: the EU model statement's sections, then the EAA Annex V information. */
export function statementDocument(model: StatementModel, options: { locale?: string; fixTitle?: FixTitle } = {}): Doc {
  const texts = complianceTexts(options.locale);
  const fixTitle = options.fixTitle ?? defaultFixTitle;
  const blanks = new Map(model.blanks.map((blank) => [blank.id, blank]));
  const blank = (id: string): Inline => ({ blank: id, label: blankLabel(texts, blanks.get(id)!) });
  const site = model.site.name || texts.t('common.unnamedSite');
  const blocks: Block[] = [{ h: 1, text: [texts.t('statement.title'), ' ', { site }] }];

  // The owner's to-do list first: every blank, linked to where it is.
  blocks.push({ p: [{ strong: [texts.t('statement.draftNotice', { count: model.blanks.length })] }], className: 'notice' });
  blocks.push({ ul: model.blanks.map((item) => [{ link: `#${blankId(item.id)}`, text: [blankLabel(texts, item)] }]) });
  if (!model.outcomesRecorded) blocks.push({ p: [{ strong: [texts.t('common.outcomesNotRecorded', { schema: model.schemaVersion })] }], className: 'notice' });

  blocks.push({ p: inlineText(texts, 'statement.commitment', { organisation: blank('organisation'), law: blank('law') }) });
  blocks.push({ p: [texts.t('statement.appliesTo')] });
  blocks.push({ ul: model.site.startUrls.map((url) => [{ link: url, text: [{ site: url }] }]) });

  blocks.push({ h: 2, text: [texts.t('statement.statusTitle')] });
  blocks.push({ p: [{ strong: [texts.t(`statement.status.${model.status}`)] }] });
  const reasons: Inline[][] = [];
  const r = model.reasons;
  if (r.failing.length > 0) reasons.push([texts.t('statement.reason.failing', { count: r.failing.length }), ' ', r.failing.map((item) => `${item.id} ${texts.name('wcag', item.id, item.handle)}`).join('; ')]);
  if (r.needsReview > 0) reasons.push([texts.t('statement.reason.needsReview', { count: r.needsReview })]);
  if (r.manualOwed > 0) reasons.push([texts.t('statement.reason.manualOwed', { count: r.manualOwed })]);
  if (r.recheck > 0) reasons.push([texts.t('statement.reason.recheck', { count: r.recheck })]);
  if (r.pagesFailed > 0) reasons.push([texts.t('statement.reason.pagesFailed', { count: r.pagesFailed })]);
  if (r.incomplete) reasons.push([texts.t('statement.reason.incomplete')]);
  if (reasons.length > 0) blocks.push({ p: [texts.t('statement.reasonsIntro')] }, { ul: reasons });

  blocks.push({ h: 2, text: [texts.t('statement.nonAccessibleTitle')] });
  blocks.push({ p: [texts.t('statement.nonAccessibleIntro')] });
  blocks.push({ h: 3, text: [texts.t('statement.nonComplianceTitle')] });
  if (model.nonAccessible.length === 0 && model.ownerFindings.length === 0) blocks.push({ p: [texts.t('statement.noBarriersFound')] });
  else {
    // Fix titles name either the problem (axe: "Buttons have no text") or the goal (a check: "Videos have captions"): "to fix" reads right with both.
    const items: Inline[][] = model.nonAccessible.map((item) => {
      const title: Inline = { site: fixTitle({ id: item.fixId, ruleId: item.ruleId, source: item.source as 'axe' | 'welcomemat', title: item.title }) };
      return item.wcag.length > 0
        ? inlineText(texts, 'statement.fixCriteria', { title, criteria: item.wcag.join(', '), count: item.pages })
        : inlineText(texts, 'statement.fixPages', { title, count: item.pages });
    });
    for (const finding of model.ownerFindings) items.push([`${finding.id} ${texts.name('wcag', finding.id, finding.handle)}: `, ...(finding.remarks ? [{ site: finding.remarks } as Inline] : [texts.t(`terms.${finding.verdict}`)])]);
    blocks.push({ ul: items });
    if (model.moreNonAccessible > 0) blocks.push({ p: [texts.t('statement.moreBarriers', { count: model.moreNonAccessible })] });
  }
  blocks.push({ h: 3, text: [texts.t('statement.burdenTitle')] });
  blocks.push({ p: [blank('disproportionate-burden')] });
  blocks.push({ h: 3, text: [texts.t('statement.outOfScopeTitle')] });
  blocks.push({ p: [blank('out-of-scope')] });

  blocks.push({ h: 2, text: [texts.t('statement.preparationTitle')] });
  blocks.push({ p: [texts.t('statement.preparedOn', { date: texts.date(model.site.finishedAt) })] });
  blocks.push({
    p: [
      texts.t('statement.method', { pages: model.site.pagesAudited, date: texts.date(model.site.startedAt), version: model.tool.version, axe: model.tool.axeVersion, browser: model.tool.browserVersion }),
    ],
  });
  blocks.push({ p: [texts.t('statement.methodLimits', { count: model.reasons.manualOwed })] });
  if (model.verdictCount > 0) blocks.push({ p: [texts.t('statement.verdicts', { count: model.verdictCount })] });
  blocks.push({ p: inlineText(texts, 'statement.reviewedOn', { date: blank('review-date') }) });

  blocks.push({ h: 2, text: [texts.t('statement.feedbackTitle')] });
  blocks.push({ p: [texts.t('statement.feedbackIntro')] });
  const contacts = model.contacts;
  const ways: Inline[][] = [];
  if (contacts) {
    for (const phone of contacts.phones) ways.push([texts.t('statement.contact.phone'), ' ', { site: phone }]);
    for (const sms of contacts.sms) ways.push([texts.t('statement.contact.sms'), ' ', { site: sms }]);
    for (const email of contacts.emails) ways.push([texts.t('statement.contact.email'), ' ', { site: email }]);
    for (const page of contacts.pages) ways.push([texts.t(`statement.contact.${page.kind}`), ' ', { link: page.url, text: [{ site: page.text || page.url }] }]);
    for (const url of contacts.formPages) ways.push([texts.t('statement.contact.form'), ' ', { link: url, text: [{ site: url }] }]);
  }
  if (ways.length > 0) blocks.push({ p: [texts.t('statement.contactsFound')] }, { ul: ways });
  else {
    if (!contacts) blocks.push({ p: [texts.t('statement.contactsNotRecorded')] });
    blocks.push({ ul: [[texts.t('statement.contact.email'), ' ', blank('contact-email')], [texts.t('statement.contact.phone'), ' ', blank('contact-phone')]] });
  }
  blocks.push({ p: inlineText(texts, 'statement.handledBy', { person: blank('contact-person'), time: blank('response-time') }) });

  blocks.push({ h: 2, text: [texts.t('statement.enforcementTitle')] });
  blocks.push({ p: [texts.t('statement.enforcementIntro')] });
  const enforcement = model.blanks.filter((item) => item.label === 'enforcementCountry' || item.label === 'enforcement');
  blocks.push({ ul: enforcement.map((item) => (item.param ? [{ site: item.param }, ': ', blank(item.id)] : [blank(item.id)])) });

  blocks.push({ h: 2, text: [texts.t('statement.serviceTitle')] });
  blocks.push({ p: [texts.t('statement.serviceIntro')] });
  blocks.push({
    ul: [
      [{ strong: [texts.t('statement.service.description')] }, ' ', blank('service-description')],
      [{ strong: [texts.t('statement.service.operation')] }, ' ', blank('service-operation')],
      [{ strong: [texts.t('statement.service.measures')] }, ' ', blank('service-measures'), ' ', texts.t('statement.service.seeDocuments')],
    ],
  });
  return { lang: texts.locale, title: `${texts.t('statement.title')} ${site}`, blocks };
}

export function renderStatementHtml(report: Report, options: StatementRenderOptions = {}): string {
  return toHtml(statementDocument(buildStatement(report, options), options));
}

export function renderStatementMarkdown(report: Report, options: StatementRenderOptions = {}): string {
  return toMarkdown(statementDocument(buildStatement(report, options), options));
}
