// Flags name fields whose own constraints (pattern, maxlength, type) reject real names, tried in the browser without submitting.
import { definePageCheck } from './check.js';
import type { CheckResult } from './check.js';

const REASONS: Record<string, string> = {
  pattern: 'its pattern',
  type: 'its type',
  maxlength: 'its maximum length',
  'value-changed': 'a script that rewrites the value',
  custom: 'a script',
};

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
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const field of forms.fields) {
      if (field.triedAs !== 'name') continue;
      const rejected = field.tries.filter((t) => !t.accepted);
      if (rejected.length === 0) continue;
      const list = rejected.map((t) => `"${t.value}" (${REASONS[t.reason] ?? t.reason})`).join(', ');
      results.push({
        kind: 'violation',
        selector: field.selector,
        snippet: field.snippet,
        message: `The name field${field.label ? ` "${field.label}"` : ''} rejects ${list}.`,
        causeKey: `name-field:${field.pattern}|${field.maxLength}`,
      });
    }
    return results;
  },
});
