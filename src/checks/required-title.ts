// Flags a required title/honorific question (Mr/Mrs/Miss), which many people cannot or do not want to answer.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { questions } from './util/forms.js';

const TITLE = /^\s*(title|salutation|honorific|prefix|form of address|tratamiento|civilit[ée]|anrede|titolo)\b/i;
const NEUTRAL = /\b(mx|none|no title|prefer not|other|ind|misc)\b/i;

export default definePageCheck({
  meta: {
    id: 'required-title',
    title: 'A title (Mr/Mrs) is not required',
    family: 'forms',
    affects: ['everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'A required title forces people to state their gender or marital status. Non-binary people, people with professional or religious titles and people who use none are stuck, or must pick something untrue.',
    howToFix: 'Drop the title question, or make it optional with a free-text field; if you keep a list, include Mx and "no title".',
    example: '<label for="title">Title (optional)</label> <input id="title" name="title" autocomplete="honorific-prefix">',
    helpUrl: 'https://design-system.service.gov.uk/patterns/names/',
    messages: {
      chooseNeutral: 'A title must be chosen from {options}.',
      chooseNoNeutral: 'A title must be chosen from {options}, with no neutral option or "none".',
      option: '"{text}"',
      mustEnter: 'A title must be entered before the form can be sent.',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const question of questions(forms.fields, forms.choiceGroups)) {
      const isTitle = TITLE.test(question.label) || /honorific-prefix/.test(question.label);
      if (!isTitle || !question.required || question.options.length === 0) continue;
      const neutral = question.options.some((o) => NEUTRAL.test(o));
      results.push({
        kind: 'violation',
        impact: neutral ? 'minor' : undefined,
        selector: question.selector,
        snippet: question.snippet,
        message: message(neutral ? 'chooseNeutral' : 'chooseNoNeutral', { options: question.options.map((text) => message('option', { text })) }),
      });
    }
    // Free-text title fields that are required are as much of a barrier.
    for (const field of forms.fields) {
      if (field.tag !== 'input' || !field.required) continue;
      if (!(TITLE.test(field.label) || field.autocomplete.endsWith('honorific-prefix'))) continue;
      results.push({ kind: 'violation', selector: field.selector, snippet: field.snippet, message: message('mustEnter') });
    }
    return results;
  },
});
