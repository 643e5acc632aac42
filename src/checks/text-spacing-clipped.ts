// Flags text cut off when readers apply the WCAG 1.4.12 text spacing (line, letter, word and paragraph spacing).
import { definePageCheck } from './check.js';
import { clippedTextResults } from './util/clipped-text.js';

export default definePageCheck({
  meta: {
    id: 'text-spacing-clipped',
    title: 'Text survives wider spacing',
    family: 'zoom',
    affects: ['low-vision', 'cognitive'],
    wcag: ['1.4.12'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'People with dyslexia or low vision often set wider line, letter and word spacing with a browser extension. Boxes with a fixed size then cut the text off.',
    howToFix: 'Let boxes that hold text grow: use min-height instead of height, and avoid overflow: hidden on them.',
    example: '.special { height: 74px; overflow: hidden; }  →  .special { min-height: 74px; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/text-spacing.html',
    messages: {
      clipped: 'With WCAG text spacing applied this box cuts off {px} px of its text, starting "{text}".',
    },
  },
  requires: ['textSpacing'],
  evaluate({ textSpacing }) {
    return clippedTextResults(textSpacing.clipped);
  },
});
