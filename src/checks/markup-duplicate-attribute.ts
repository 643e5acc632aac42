// Flags elements that carry the same accessibility-relevant attribute twice with different values: browsers keep the first, the second is lost.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { cut } from './util/text.js';

const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'markup-duplicate-attribute',
    title: 'Attributes are given once',
    family: 'markup',
    affects: ['blind'],
    wcag: ['4.1.2'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'When an element has the same attribute twice, browsers use the first and silently drop the second. If that attribute is an image\'s alt text, a label\'s target or an ARIA name, the value the author meant may be the one screen readers never get.',
    howToFix: 'Keep one of the two attributes, with the value you mean.',
    example: '<img src="logo.svg" alt="Crumb and Kettle">',
    helpUrl: 'https://validator.w3.org/',
    messages: {
      duplicate: 'This <{tag}> has {attribute} twice (line {line}): browsers use the first value, “{kept}”, and drop “{dropped}”.',
    },
  },
  requires: ['source'],
  appliesTo: ({ source }) => source.contentType === 'text/html',
  evaluate({ source }) {
    const results: CheckResult[] = [];
    for (const problem of source.problems) {
      if (results.length >= MAX_RESULTS) break;
      if (problem.kind !== 'duplicate-attribute') continue;
      results.push({
        kind: 'violation',
        selector: problem.selector,
        snippet: problem.snippet,
        message: message('duplicate', { tag: problem.tag, attribute: problem.attribute, line: problem.line, kept: cut(problem.kept, 60), dropped: cut(problem.dropped, 60) }),
      });
    }
    return results;
  },
});
