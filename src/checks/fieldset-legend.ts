// Flags fieldsets with no legend (needs review) or an empty one (a violation), unless they are named another way.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'fieldset-legend',
    title: 'Groups of form fields have a legend',
    family: 'forms',
    affects: ['blind', 'cognitive'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'A fieldset groups related fields, and its legend is the question they answer: screen readers read it before each field, so "Small" and "Large" become "Size: Small". A fieldset without a legend, or with an empty one, gives the group no name, and answers like "Yes" and "No" lose their question.',
    howToFix: 'Give every fieldset a <legend> as its first child that says what the group is about. If a fieldset is only used for a border, use a <div> instead.',
    example: '<fieldset><legend>Loaf size</legend>…</fieldset>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/forms/grouping/',
    messages: {
      missing: 'This group of {count} fields has no legend, so screen readers do not say what the group is about.',
      empty: 'This group of fields has an empty legend, so screen readers announce a group with no name.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.fieldsets.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const fieldset of structure.fieldsets) {
      if (!fieldset.visible || fieldset.ariaName || /^(presentation|none)$/i.test(fieldset.role.trim())) continue;
      if (!fieldset.hasLegend) results.push({ kind: 'needs-review', ...elementAt(fieldset), message: message('missing', { count: fieldset.controls }) });
      else if (!fieldset.legendText) results.push({ kind: 'violation', ...elementAt(fieldset), message: message('empty') });
    }
    return results;
  },
});
