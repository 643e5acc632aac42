// Flags a required date of birth, which a business rarely needs and many people do not want to give (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

const BIRTH = /(date of birth|birth ?date|birthday|\bdob\b|d\.o\.b|fecha de nacimiento|date de naissance|geburtsdatum|data di nascita)/i;

export default definePageCheck({
  meta: {
    id: 'date-of-birth-required',
    title: 'A date of birth is only required when it is needed',
    family: 'forms',
    affects: ['everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'minor',
    whyItMatters:
      'Asking for a full date of birth puts off people who do not want to share it, and some people do not know theirs exactly. If you only need to know that someone is over 18, ask that.',
    howToFix: 'Ask for a date of birth only when the law or the service needs it, say why, and otherwise ask a yes/no age question or make it optional.',
    example: '<fieldset><legend>Are you 18 or over?</legend> … </fieldset>',
    helpUrl: 'https://design-system.service.gov.uk/patterns/dates/',
    messages: {
      required: 'This form requires a date of birth. Check that the service really needs it.',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    const seenForms = new Set<number>();
    for (const field of forms.fields) {
      const isBirth = field.autocomplete.includes('bday') || BIRTH.test(`${field.label} ${field.name} ${field.id}`);
      if (!isBirth || !field.required) continue;
      // Day, month and year fields of one date count once.
      if (seenForms.has(field.formIndex)) continue;
      seenForms.add(field.formIndex);
      results.push({ kind: 'needs-review', selector: field.selector, snippet: field.snippet, message: message('required') });
    }
    return results;
  },
});
