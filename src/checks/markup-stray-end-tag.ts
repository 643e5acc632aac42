// Flags end tags of structural elements (headings, links, lists, tables, regions) that close nothing of their name in the HTML the server sent (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

const HEADING = /^h[1-6]$/;
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'markup-stray-end-tag',
    title: 'Start and end tags match',
    family: 'markup',
    affects: ['blind'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'minor',
    whyItMatters:
      'An end tag that matches no open element means the page\'s structure is not what was written: a heading opened as one level and closed as another, a list or link closed twice. Browsers drop or reinterpret such tags, and what screen readers announce (the heading level, where a list or link ends) may not be what was meant.',
    howToFix: 'Make each end tag match its start tag (<h3>…</h3>, <a>…</a>). An HTML validator lists every place.',
    example: '<h3>Prices</h3>',
    helpUrl: 'https://validator.w3.org/',
    messages: {
      heading: 'A heading opened as <{open}> is closed with </{tag}> on line {line}; browsers keep it as <{open}>. Check which level was meant.',
      stray: 'The end tag </{tag}> on line {line} closes no open <{tag}> (it stands inside <{open}>), so the browser ignored it or closed something else.',
    },
  },
  requires: ['source'],
  appliesTo: ({ source }) => source.contentType === 'text/html',
  evaluate({ source }) {
    const results: CheckResult[] = [];
    for (const problem of source.problems) {
      if (results.length >= MAX_RESULTS) break;
      if (problem.kind !== 'stray-end-tag') continue;
      const at = { selector: problem.selector, snippet: problem.snippet };
      if (HEADING.test(problem.tag) && HEADING.test(problem.openTag)) results.push({ kind: 'needs-review', ...at, message: message('heading', { tag: problem.tag, open: problem.openTag, line: problem.line }) });
      else results.push({ kind: 'needs-review', ...at, message: message('stray', { tag: problem.tag, open: problem.openTag || 'body', line: problem.line }) });
    }
    return results;
  },
});
