// Flags elements left open in the HTML the server sent, where the browser stretched them over content they should not hold (a heading over a paragraph, a link copied into the blocks after it).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/** Ten show the problem; a page with more has a template fault, fixed in one place. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'markup-unclosed-element',
    title: 'Elements are closed where they should end',
    family: 'markup',
    affects: ['blind', 'keyboard'],
    wcag: ['1.3.1', '4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Browsers repair a missing end tag by guessing where the element ends, and they often guess "much later". A heading left open swallows the paragraph after it, so screen readers read the whole paragraph as the heading; a link left open is copied into every block that follows, so the page fills with extra links that all go to the same place.',
    howToFix: 'Close the element with its end tag (</h3>, </a>, </label>…) right where its content ends. An HTML validator lists every such place.',
    example: '<h3>Opening times</h3>\n<p>We open at half past seven.</p>',
    helpUrl: 'https://validator.w3.org/',
    messages: {
      unclosed: 'The <{tag}> that starts on line {line} is never closed, so the browser stretched it over the {swallowed} that follow.',
      copied: 'The link (<{tag}>) that starts on line {line} is never closed, so the browser copied it into {copies} later places (in {swallowed}): each became another link to the same address.',
      rawText: 'The <{tag}> that starts on line {line} is never closed, so the rest of the page after it became part of it and is not shown or read as content.',
    },
  },
  requires: ['source'],
  appliesTo: ({ source }) => source.contentType === 'text/html',
  evaluate({ source }) {
    const results: CheckResult[] = [];
    for (const problem of source.problems) {
      if (results.length >= MAX_RESULTS) break;
      const at = { selector: problem.selector, snippet: problem.snippet };
      const tags = problem.swallowed.map((tag) => `<${tag}>`).join(', ');
      if (problem.kind === 'unclosed-raw-text') results.push({ kind: 'violation', ...at, message: message('rawText', { tag: problem.tag, line: problem.line }) });
      else if (problem.kind === 'unclosed' && problem.copies > 0) results.push({ kind: 'violation', ...at, message: message('copied', { tag: problem.tag, line: problem.line, copies: problem.copies, swallowed: tags }) });
      else if (problem.kind === 'unclosed') results.push({ kind: 'violation', ...at, message: message('unclosed', { tag: problem.tag, line: problem.line, swallowed: tags }) });
    }
    return results;
  },
});
