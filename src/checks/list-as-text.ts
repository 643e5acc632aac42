// Flags lists written as lines of text: lines split by <br> or paragraphs in a row, each starting with a bullet or a number (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** Three items make a list; two lines starting with a dash may be a dialogue. */
const MIN_ITEMS = 3;
const BULLET = /^([-–—•*·▪◦‣>+])\s/;
const NUMBER = /^(\d{1,2})[.)]\s/;
const LETTER = /^([a-z])[.)]\s/i;

/** The longest run of consecutive lines that start with the same bullet, or with numbers or letters counting up. */
export function listRun(lines: string[]): { items: number; marker: string } {
  let best = { items: 0, marker: '' };
  let run = 0;
  let marker = '';
  let last = -1;
  for (const line of lines) {
    const bullet = line.match(BULLET)?.[1];
    const number = line.match(NUMBER)?.[1];
    const letter = line.match(LETTER)?.[1];
    const value = number ? Number(number) : letter ? letter.toLowerCase().charCodeAt(0) : -1;
    if (bullet && bullet === marker) run += 1;
    else if (!bullet && value >= 0 && value === last + 1 && marker === (number ? '1.' : 'a.')) run += 1;
    else if (bullet) [run, marker] = [1, bullet];
    else if (value >= 0) [run, marker] = [1, number ? '1.' : 'a.'];
    else [run, marker] = [0, ''];
    last = value;
    if (run > best.items) best = { items: run, marker };
  }
  return best;
}

export default definePageCheck({
  meta: {
    id: 'list-as-text',
    title: 'Lists are marked up as lists',
    family: 'typography',
    affects: ['blind', 'cognitive'],
    wcag: ['1.3.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'A screen reader announces a real list as "list, 4 items" and lets people skip it or move item by item. Lines that only look like a list, with typed bullets or numbers, are read as one run of text with "asterisk" or "one full stop" in it, and the size of the list is never said.',
    howToFix: 'Use <ul> for bullet points and <ol> for numbered steps, with one <li> per item; style the bullets with CSS.',
    example: '<ul><li>Sourdough</li><li>Rye</li><li>Spelt</li></ul>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/page-structure/content/#lists',
    messages: {
      lines: '{count} lines in a row start with “{marker}”, like a list, but they are not marked up as one.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.lineGroups.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const group of structure.lineGroups) {
      const run = listRun(group.lines);
      if (run.items < MIN_ITEMS) continue;
      results.push({ kind: 'needs-review', ...elementAt(group), message: message('lines', { count: run.items, marker: run.marker }) });
    }
    return results;
  },
});
