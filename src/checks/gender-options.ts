// Flags gender questions that offer only two options, or that must be answered with no way to opt out.
import { definePageCheck, message } from './check.js';
import type { CheckMessage, CheckResult } from './check.js';
import { MORE_OPTIONS, OPT_OUT, questions } from './util/forms.js';

const GENDER = /\b(gender|sex|género|sexo|genre|sexe|geschlecht|genere|geslacht)\b/i;

export default definePageCheck({
  meta: {
    id: 'gender-options',
    title: 'Gender questions include everyone and can be skipped',
    family: 'forms',
    affects: ['everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'serious',
    whyItMatters:
      'Non-binary, intersex and transgender people cannot answer a Male/Female question honestly, and anyone may prefer not to say. Many of them give up on the form, or on the business.',
    howToFix: 'Ask about gender only if you need it. Make it optional, and offer more options, a free-text answer and "Prefer not to say".',
    example:
      '<fieldset><legend>Gender (optional)</legend>\n  … Woman … Man … Non-binary … <label>Prefer to self-describe <input name="gender-self"></label> … Prefer not to say\n</fieldset>',
    helpUrl: 'https://design-system.service.gov.uk/patterns/gender-or-sex/',
    messages: {
      shutsOut: 'This gender question shuts people out: {problems}.',
      onlyOptions: 'it offers only {options}',
      option: '"{text}"',
      noOptOut: 'it must be answered and has no "prefer not to say"',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const question of questions(forms.fields, forms.choiceGroups)) {
      if (!GENDER.test(question.label) || question.options.length === 0) continue;
      const hasOptOut = question.options.some((o) => OPT_OUT.test(o));
      const problems: CheckMessage[] = [];
      const hasMore = question.options.some((o) => MORE_OPTIONS.test(o));
      if (question.options.length <= 2 && !hasOptOut && !hasMore) problems.push(message('onlyOptions', { options: question.options.map((text) => message('option', { text })) }));
      if (question.required && !hasOptOut) problems.push(message('noOptOut'));
      if (problems.length === 0) continue;
      results.push({ kind: 'violation', selector: question.selector, snippet: question.snippet, message: message('shutsOut', { problems }) });
    }
    return results;
  },
});
