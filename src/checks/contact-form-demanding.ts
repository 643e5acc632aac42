// Flags contact and enquiry forms that demand much more than a question needs: many required fields, a required phone number, reason or account (needs review).
import type { FieldFact, FormsArtifact } from '../gather/forms-gatherer.js';
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/**
 * Required fields a question needs at most: a name, a way to answer (email), the message,
 * and room for one more (a subject, a consent box). More than this is asking a lot.
 */
const MAX_REQUIRED_FIELDS = 4;

/** What says a form is for asking (its name or heading, or its fields). */
const CONTACT = /contact|enquir|inquir|get in touch|ask (us|a question)|question|message us|write to us|cont[aá]ct|consulta|escr[ií]b(e|a)nos|preg[uú]nt/i;
/** A select or text field asking why the visitor writes. */
const REASON = /reason|subject|topic|regarding|nature of|how did you (hear|find)|motivo|asunto|tema|c[oó]mo nos (conoci|encontr)/i;
/** Fields that mean having an account: a password, or an account or customer number. */
const ACCOUNT = /account|customer (number|id)|member(ship)? (number|id)|order number|n[uú]mero de (cliente|cuenta|socio)/i;
const PHONE = /phone|mobile|tel[eé]fono|m[oó]vil/i;

/** Forms with a free-text box that say they are for getting in touch. */
function contactForms(forms: FormsArtifact): { index: number; selector: string; fields: FieldFact[] }[] {
  const list = [];
  for (let index = 0; index < forms.forms.length; index++) {
    const fields = forms.fields.filter((field) => field.formIndex === index && field.visible && !field.disabled);
    const hasMessageBox = fields.some((field) => field.tag === 'textarea');
    const words = `${forms.forms[index].heading ?? ''} ${fields.map((field) => `${field.label} ${field.name}`).join(' ')}`;
    if (hasMessageBox && CONTACT.test(words)) list.push({ index, selector: forms.forms[index].selector, fields });
  }
  return list;
}

export default definePageCheck({
  meta: {
    id: 'contact-form-demanding',
    title: 'Asking a question does not take an account or a long form',
    family: 'customer-care',
    affects: ['everyone', 'cognitive', 'deaf', 'motor'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'Someone with a question wants to ask it. Every required field is one more reason to give up: a phone number shuts out people who cannot or will not take calls (many deaf people among them), a required reason makes people fit their question into your boxes, and an account turns a question into a sign-up.',
    howToFix: 'Require only what you need to answer: a name, one way to reply (email, or phone for those who prefer it) and the message. Make the rest optional, and never require an account to ask a question.',
    example: '<form aria-label="Ask us a question"><label>Name <input name="name" required></label> <label>Email <input type="email" name="email" required></label> <label>Phone (optional) <input type="tel" name="phone"></label> <label>Your question <textarea name="message" required></textarea></label></form>',
    helpUrl: 'https://www.gov.uk/service-manual/design/designing-good-questions',
    messages: {
      manyRequired: 'This contact form requires {count} fields before a question can be sent. Check which of them you really need.',
      phoneRequired: 'This contact form requires a phone number. Make it optional, so people who cannot or will not take calls can still ask.',
      reasonRequired: 'This contact form requires the visitor to choose or type a reason ("{label}") before they can ask.',
      accountRequired: 'This contact form asks for an account ("{label}"): people without one cannot ask a question.',
    },
  },
  requires: ['forms'],
  appliesTo: ({ forms }) => contactForms(forms).length > 0,
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const form of contactForms(forms)) {
      const required = form.fields.filter((field) => field.required);
      const account = form.fields.find((field) => field.type === 'password' || (field.required && ACCOUNT.test(`${field.label} ${field.name}`)));
      if (account) results.push({ kind: 'needs-review', selector: account.selector, snippet: account.snippet, message: message('accountRequired', { label: account.label || account.name }) });
      const phone = required.find((field) => field.type === 'tel' || field.triedAs === 'phone' || PHONE.test(`${field.label} ${field.name}`));
      if (phone) results.push({ kind: 'needs-review', selector: phone.selector, snippet: phone.snippet, message: message('phoneRequired') });
      const reason = required.find((field) => field.tag !== 'textarea' && REASON.test(`${field.label} ${field.name}`));
      if (reason) results.push({ kind: 'needs-review', selector: reason.selector, snippet: reason.snippet, message: message('reasonRequired', { label: reason.label || reason.name }) });
      // Day, month and year of one question would count three times; choice groups count once.
      const questions = new Set(required.map((field) => (field.type === 'checkbox' || field.type === 'radio' ? `group:${field.name}` : field.selector)));
      if (questions.size > MAX_REQUIRED_FIELDS) results.push({ kind: 'needs-review', selector: form.selector, message: message('manyRequired', { count: questions.size }) });
    }
    return results;
  },
});
