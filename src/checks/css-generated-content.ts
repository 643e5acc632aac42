// Flags words inserted with CSS ::before or ::after, which are not part of the page's text (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

const MAX_RESULTS = 15;

export default definePageCheck({
  meta: {
    id: 'css-generated-content',
    title: 'Words that matter are in the page, not added by CSS',
    family: 'markup',
    affects: ['blind', 'low-vision', 'cognitive'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Text added with CSS (::before or ::after) is not part of the page\'s content. Some screen readers and reading modes skip it, it disappears when people use their own style sheet or high-contrast settings, and it cannot be selected, copied or translated. Fine for decoration; not for words people need.',
    howToFix: 'Put the words in the HTML. Keep CSS-generated content for decoration such as arrows or quotation marks.',
    example: '<p><span class="badge">New</span> Winter menu</p>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F87',
    messages: {
      before: 'CSS adds “{text}” before this element’s content (“{element}”).',
      after: 'CSS adds “{text}” after this element’s content (“{element}”).',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.generated.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const item of structure.generated) {
      if (results.length >= MAX_RESULTS) break;
      if (item.hiddenFromAT) continue;
      results.push({ kind: 'needs-review', ...elementAt(item), message: message(item.pseudo, { text: cut(item.text, 60), element: cut(item.elementText, 60) }) });
    }
    return results;
  },
});
