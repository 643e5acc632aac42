// Flags HTML elements dropped from the standard because they only set looks (font, center, big, strike, tt…); blink and marquee are axe-core's.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'obsolete-presentational-element',
    title: 'No obsolete presentational elements',
    family: 'markup',
    affects: ['low-vision', 'blind'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'Elements such as <font> and <center> fix colours, sizes and layout in the page\'s content, where people\'s own settings (larger text, high contrast, their own colours) have a harder time changing them, and they carry no meaning for screen readers. They have been obsolete in HTML for years and browsers keep them only for old pages.',
    howToFix: 'Replace them with meaningful elements (<strong>, <em>, headings) and set the look with CSS.',
    example: '<p class="centred">Welcome</p>',
    helpUrl: 'https://html.spec.whatwg.org/multipage/obsolete.html#non-conforming-features',
    messages: {
      obsolete: 'The <{tag}> element is obsolete: it only sets how text looks.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.obsolete.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const element of structure.obsolete) {
      if (results.length >= MAX_RESULTS) break;
      results.push({ kind: 'violation', ...elementAt(element), message: message('obsolete', { tag: element.tag }), causeKey: `obsolete-presentational-element:${element.tag}` });
    }
    return results;
  },
});
