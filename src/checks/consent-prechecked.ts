// Flags marketing and newsletter consent boxes that are ticked before the visitor has said yes.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** Wording of a marketing or newsletter consent (English and Spanish). */
const MARKETING = /newsletter|marketing|special offers?|offers and|promotion|promotional|news and (offers|updates)|updates (by|via) (e-?mail|text|sms)|(e-?mail|sms|text) me|keep me (updated|informed|posted)|partners|third[- ]part(y|ies)|subscribe|bolet[ií]n|ofertas|promoci|publicidad|comunicaciones comerciales|novedades|suscrib/i;

export default definePageCheck({
  meta: {
    id: 'consent-prechecked',
    title: 'Marketing consent is asked for, not ticked in advance',
    family: 'customer-care',
    affects: ['everyone', 'cognitive'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'A box that already says "yes, send me offers" signs people up for marketing they did not ask for. Those who read carefully have to spot it and untick it; those who read with difficulty, or quickly, are signed up anyway. In the EU, consent to marketing must be given by the person, not assumed (GDPR, ePrivacy).',
    howToFix: 'Leave every marketing, newsletter and partner-sharing box unticked until the visitor ticks it.',
    example: '<label><input type="checkbox" name="newsletter"> Send me the monthly newsletter</label>',
    helpUrl: 'https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guide-to-pecr/electronic-and-telephone-marketing/electronic-mail-marketing/',
    messages: {
      ticked: 'The box "{label}" is ticked before the visitor chose it.',
    },
  },
  requires: ['forms'],
  appliesTo: ({ forms }) => forms.fields.some((field) => field.type === 'checkbox'),
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const field of forms.fields) {
      if (field.type !== 'checkbox' || !field.checked || !field.visible || field.disabled) continue;
      if (!MARKETING.test(`${field.label} ${field.name} ${field.id}`)) continue;
      results.push({ kind: 'violation', selector: field.selector, snippet: field.snippet, message: message('ticked', { label: field.label || field.name }) });
    }
    return results;
  },
});
