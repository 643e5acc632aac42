// Flags fields asking for the visitor's own personal data (name, email, phone, address) with no autocomplete purpose.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import type { FieldFact } from '../gather/forms-gatherer.js';

interface Purpose {
  token: string;
  /** Matches a field's name, id or label. */
  test: RegExp;
}

/** Personal-data purposes from WCAG 1.3.5's list that forms most often ask for. */
const PURPOSES: Purpose[] = [
  { token: 'email', test: /^(e-?mail|email ?address|your e-?mail|correo( electrónico)?|courriel|e-mail-adresse)$/i },
  { token: 'tel', test: /^(phone|telephone|phone number|mobile|mobile number|tel|tel[ée]fono|t[ée]l[ée]phone|telefon)$/i },
  { token: 'name', test: /^(name|full name|your name|nombre( completo)?|nom( complet)?)$/i },
  { token: 'given-name', test: /^(first name|given name|forename|first_name|firstname|fname|nombre|pr[ée]nom|vorname)$/i },
  { token: 'family-name', test: /^(last name|surname|family name|last_name|lastname|lname|apellidos?|nom de famille|nachname)$/i },
  { token: 'postal-code', test: /^(postcode|post code|postal code|zip|zip code|zipcode|c[óo]digo postal|code postal|plz)$/i },
  { token: 'street-address', test: /^(address|street address|address line 1|street|direcci[óo]n|adresse)$/i },
  { token: 'address-level2', test: /^(city|town|town or city|ciudad|ville|stadt)$/i },
  { token: 'country-name', test: /^(country|pa[íi]s|pays|land)$/i },
  { token: 'bday', test: /^(date of birth|birthday|dob|birth ?date)$/i },
];

function purposeOf(field: FieldFact): { token: string; strong: boolean } | null {
  if (field.type === 'email') return { token: 'email', strong: true };
  if (field.type === 'tel') return { token: 'tel', strong: true };
  const candidates = [field.label, field.name.replace(/[_-]+/g, ' '), field.id.replace(/[_-]+/g, ' ')].map((s) => s.trim()).filter(Boolean);
  for (const purpose of PURPOSES) {
    // The visible label naming the purpose outright is strong evidence; a name or id alone is weaker.
    if (field.label && purpose.test.test(field.label.trim())) return { token: purpose.token, strong: true };
    if (candidates.some((c) => purpose.test.test(c))) return { token: purpose.token, strong: false };
  }
  return null;
}

export default definePageCheck({
  meta: {
    id: 'autocomplete-missing',
    title: 'Personal-data fields say what they are for (autocomplete)',
    family: 'forms',
    affects: ['cognitive', 'motor', 'blind'],
    wcag: ['1.3.5'],
    level: 'AA',
    impact: 'moderate',
    whyItMatters:
      'With autocomplete="email" or "name", browsers and assistive tools fill the field in and can show a familiar icon. People with memory, dexterity or vision difficulties then do not have to type, or remember, their details.',
    howToFix: 'Add the matching autocomplete token to each field that asks for the visitor\'s own details.',
    example: '<input type="email" id="email" name="email" autocomplete="email">',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/identify-input-purpose.html',
    messages: {
      missing: 'This field looks like it asks for the visitor\'s {purpose} but has no autocomplete attribute; add autocomplete="{token}".',
      other: 'This field looks like it asks for the visitor\'s {purpose} but has autocomplete="{current}"; add autocomplete="{token}".',
      'purpose.email': 'email address',
      'purpose.tel': 'phone number',
      'purpose.name': 'name',
      'purpose.given-name': 'first name',
      'purpose.family-name': 'family name',
      'purpose.postal-code': 'postal code',
      'purpose.street-address': 'street address',
      'purpose.address-level2': 'town or city',
      'purpose.country-name': 'country',
      'purpose.bday': 'date of birth',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const field of forms.fields) {
      // A field nobody can fill in now (disabled, hidden, hidden from assistive technology) asks for nothing yet.
      if (field.disabled || !field.visible || field.hiddenFromAssistiveTech) continue;
      if (field.tag === 'textarea' || ['radio', 'checkbox', 'password', 'search', 'number', 'date'].includes(field.type)) continue;
      if (field.autocomplete && field.autocomplete !== 'on' && field.autocomplete !== 'off') continue;
      const purpose = purposeOf(field);
      if (!purpose) continue;
      results.push({
        kind: purpose.strong ? 'violation' : 'needs-review',
        selector: field.selector,
        snippet: field.snippet,
        message: message(field.autocomplete ? 'other' : 'missing', { purpose: message(`purpose.${purpose.token}`), token: purpose.token, current: field.autocomplete }),
      });
    }
    return results;
  },
});
