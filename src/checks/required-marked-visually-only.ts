// Flags required fields shown only by an asterisk (or colour): not marked required in code, or the asterisk never explained.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

export default definePageCheck({
  meta: {
    id: 'required-marked-visually-only',
    title: 'Required fields are marked in words and in code',
    family: 'forms',
    affects: ['blind', 'cognitive', 'colour-blind'],
    wcag: ['1.3.1', '3.3.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A red asterisk means nothing to a screen reader when the field itself is not marked required, and many people do not know what an unexplained asterisk means.',
    howToFix: 'Add the required attribute (or aria-required="true") to each required field, and say in words what the asterisk means, or write "(required)".',
    example: '<p>Fields marked * are required.</p>\n<label for="email">Email *</label>\n<input id="email" type="email" required autocomplete="email">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/forms/instructions/',
    messages: {
      field: 'This field is marked required with an asterisk, but not in code (no required or aria-required), so assistive technology does not know.',
      fieldLabelled: 'This field "{label}" is marked required with an asterisk, but not in code (no required or aria-required), so assistive technology does not know.',
      unexplained: 'This form marks fields with an asterisk but does not say in words what the asterisk means.',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    const groupRequired = new Map<string, boolean>();
    for (const group of forms.choiceGroups) groupRequired.set(`${group.formIndex}|${group.name}`, group.required);
    const formsWithAsterisks = new Set<number>();
    for (const field of forms.fields) {
      if (!field.asterisk || !field.visible) continue;
      formsWithAsterisks.add(field.formIndex);
      const required = field.type === 'radio' || field.type === 'checkbox' ? (groupRequired.get(`${field.formIndex}|${field.name}`) ?? field.required) : field.required;
      if (required) continue;
      results.push({
        kind: 'violation',
        selector: field.selector,
        snippet: field.snippet,
        message: field.label ? message('fieldLabelled', { label: field.label }) : message('field'),
      });
    }
    for (const index of formsWithAsterisks) {
      const form = forms.forms[index];
      if (!form || form.explainsAsterisk) continue;
      results.push({
        kind: 'needs-review',
        impact: 'moderate',
        selector: form.selector,
        message: message('unexplained'),
      });
    }
    return results;
  },
});
