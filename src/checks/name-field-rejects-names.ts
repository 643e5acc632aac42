// Flags name fields whose own constraints (pattern, maxlength, type) reject real names, tried in the browser without submitting.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** Why a field refused a name, as the forms gatherer records it; each has a message `reason.<code>`. */
const REASONS = new Set(['pattern', 'type', 'maxlength', 'value-changed', 'custom']);

export default definePageCheck({
  meta: {
    id: 'name-field-rejects-names',
    title: 'Name fields accept real names',
    family: 'forms',
    affects: ['other-language', 'everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'serious',
    whyItMatters:
      'Names have accents (Zoë), apostrophes (O\'Brien), hyphens, spaces, non-Latin scripts (李小龍) and sometimes only one part. A field that only takes A–Z tells people their own name is wrong, and some cannot sign up at all.',
    howToFix: 'Accept any characters in name fields, allow at least 100 characters, and use one "Full name" field where you can.',
    example: '<label for="name">Full name</label>\n<input id="name" name="name" autocomplete="name" maxlength="200">',
    helpUrl: 'https://www.w3.org/International/questions/qa-personal-names',
    messages: {
      rejects: 'The name field rejects {names}.',
      rejectsLabelled: 'The name field "{label}" rejects {names}.',
      rejected: '"{value}" ({reason})',
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
      if (field.triedAs !== 'name') continue;
      const rejected = field.tries.filter((t) => !t.accepted);
      if (rejected.length === 0) continue;
      const names = rejected.map((t) => message('rejected', { value: t.value, reason: message(`reason.${REASONS.has(t.reason) ? t.reason : 'other'}`) }));
      results.push({
        kind: 'violation',
        selector: field.selector,
        snippet: field.snippet,
        message: field.label ? message('rejectsLabelled', { label: field.label, names }) : message('rejects', { names }),
        causeKey: `name-field:${field.pattern}|${field.maxLength}`,
      });
    }
    return results;
  },
});
