// A fix's examples grouped by element, so an element shared by many pages (a template) is shown once with its pages.
import type { Fix } from '../model/report.js';
import { normaliseSnippet } from '../prioritize/prioritize.js';

/**
 * What makes two examples of one fix the same element: the same markup (whitespace
 * normalised, as prioritize compares a shared layout). The selector is not part of it: it
 * is a path that changes with what surrounds the element (the demo's home page wraps its
 * header in one more div). Without markup, the same selector; for a page-level finding,
 * the same message (the same absence in the shared layout, such as no language switcher).
 */
export function elementKey(example: Fix['examples'][number]): string {
  const snippet = normaliseSnippet(example.snippet);
  if (snippet) return `markup:${snippet}`;
  if (example.selector) return `selector:${example.selector}`;
  return `message:${example.messageRef ? JSON.stringify(example.messageRef) : example.message}`;
}

/** A fix's examples with the same element merged into one: the first stands for the rest, which become its pages. */
export function distinctExamples(examples: Fix['examples']): { example: Fix['examples'][number]; pages: string[] }[] {
  const byElement = new Map<string, { example: Fix['examples'][number]; pages: string[] }>();
  examples.forEach((example) => {
    const key = elementKey(example);
    const known = byElement.get(key);
    if (known) {
      if (!known.pages.includes(example.url)) known.pages.push(example.url);
    } else byElement.set(key, { example, pages: [example.url] });
  });
  return [...byElement.values()];
}

/** The fix's element is the same on every page it touches (a shared layout): one example stands for all of them. */
export function isSameElement(fix: Pick<Fix, 'pages'>, distinct: { pages: string[] }[]): boolean {
  return distinct.length === 1 && distinct[0].pages.length > 1 && fix.pages.length > 1;
}
