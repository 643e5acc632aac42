// Flags phone fields whose pattern or length only accepts one country's number format.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** Why a field refused a number, as the forms gatherer records it; each has a message `reason.<code>`. */
const REASONS = new Set(['pattern', 'type', 'maxlength', 'value-changed', 'custom']);

export default definePageCheck({
  meta: {
    id: 'phone-format-forced',
    title: 'Phone fields accept international numbers',
    family: 'forms',
    affects: ['other-language', 'everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'Visitors, new residents and people with a foreign mobile cannot type their number into a field that insists on one country\'s format, such as (555) 555-5555.',
    howToFix: 'Accept digits, spaces, brackets, dashes and a leading +, and check the number on the server if you must.',
    example: '<input type="tel" id="phone" name="phone" autocomplete="tel">',
    helpUrl: 'https://design-system.service.gov.uk/patterns/telephone-numbers/',
    messages: {
      refusesAll: 'The phone field refuses every international number tried ({numbers}).',
      refusesSome: 'The phone field refuses some international numbers: {numbers}.',
      number: '"{value}"',
      numberWhy: '"{value}" ({reason})',
      'reason.pattern': 'its pattern',
      'reason.type': 'its type',
      'reason.maxlength': 'its maximum length',
      'reason.value-changed': 'a script that rewrites the value',
      'reason.custom': 'a script',
      'reason.other': 'something else',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const field of forms.fields) {
      if (field.triedAs !== 'phone' || field.tries.length === 0) continue;
      const international = field.tries.filter((t) => t.value.startsWith('+'));
      const rejected = international.filter((t) => !t.accepted);
      if (rejected.length === 0) continue;
      const all = rejected.length === international.length;
      results.push({
        kind: all ? 'violation' : 'needs-review',
        selector: field.selector,
        snippet: field.snippet,
        message: all
          ? message('refusesAll', { numbers: rejected.map((t) => message('number', { value: t.value })) })
          : message('refusesSome', { numbers: rejected.map((t) => message('numberWhy', { value: t.value, reason: message(`reason.${REASONS.has(t.reason) ? t.reason : 'other'}`) })) }),
        causeKey: `phone-format:${field.pattern}|${field.maxLength}`,
      });
    }
    return results;
  },
});
