// Site check: the contact page offers a way to reach a person besides a form, and says when an answer will come (needs review notes).
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** A contact page, by its address or title (English and Spanish). */
const CONTACT_PAGE = /contact|get-?in-?touch|contacto|cont[aá]ctanos|kontakt/i;
/** Words that say when an answer will come. */
const REPLY_TIME =
  /within (\d+|one|two|three|a|an|24|48) (working |business )?(hours?|days?)|we (reply|respond|answer|get back|aim to reply)|(reply|respond|answer) (by|within)|same (working )?day|next (working |business )?day|(responderemos|contestaremos|respondemos|contestamos)|en (un plazo de |menos de )?(\d+|un|una|dos|tres) (horas?|d[ií]as)|mismo d[ií]a|d[ií]a siguiente/i;

export default defineSiteCheck({
  meta: {
    id: 'contact-page-reply',
    title: 'The contact page offers a person, and says when an answer will come',
    family: 'customer-care',
    affects: ['everyone', 'cognitive', 'deaf'],
    wcag: [],
    // 12.2.3 Effective communication: support reachable in the ways people need.
    en301549: ['12.2.3'],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'A form that disappears into silence leaves people wondering whether anyone read it, and an urgent question has nowhere else to go. Saying when you will answer, and giving an email address, phone number or chat beside the form, tells visitors that their time counts.',
    howToFix: 'On the contact page, say when you reply ("We answer within one working day") and give at least one direct way to reach a person besides the form: an email address, a phone number with its hours, text or chat.',
    example: '<p>We answer every message within one working day. In a hurry? Call <a href="tel:+441632960451">01632 960451</a> (Mon–Fri, 9–5) or email <a href="mailto:hello@example.com">hello@example.com</a>.</p>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/consistent-help.html',
    messages: {
      formOnly: 'This contact page offers only a form: no email address, phone number, text or chat to reach a person.',
      noReplyTime: 'This contact page does not say when an answer will come.',
    },
  },
  requires: ['content', 'dom'],
  appliesTo: (pages) => pages.some((page) => CONTACT_PAGE.test(new URL(page.finalUrl).pathname) || CONTACT_PAGE.test(page.artifacts.dom.title)),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const page of pages) {
      if (!CONTACT_PAGE.test(new URL(page.finalUrl).pathname) && !CONTACT_PAGE.test(page.artifacts.dom.title)) continue;
      const { contact, mainText, blocks } = page.artifacts.content;
      const direct = contact.helpLinks.some((link) => link.kind !== 'contact-page' && link.kind !== 'help-page') || contact.phonesInText > 0 || contact.emailsInText > 0;
      if (contact.contactForms > 0 && !direct) results.push({ kind: 'needs-review', url: page.finalUrl, message: message('formOnly') });
      const text = `${mainText}\n${blocks.map((block) => block.text).join('\n')}`;
      if (!REPLY_TIME.test(text)) results.push({ kind: 'needs-review', url: page.finalUrl, message: message('noReplyTime') });
    }
    return results;
  },
});
