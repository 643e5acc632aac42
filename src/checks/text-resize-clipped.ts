// Flags text cut off by its box when text is made twice as large (WCAG 1.4.4).
import { definePageCheck } from './check.js';
import { clippedTextResults } from './util/clipped-text.js';

export default definePageCheck({
  meta: {
    id: 'text-resize-clipped',
    title: 'Text can be made twice as large without being cut off',
    family: 'zoom',
    affects: ['low-vision', 'zoom'],
    wcag: ['1.4.4'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'Many people make text larger in their browser settings. Boxes with a fixed height or width and hidden overflow then cut the text off, so part of the message is lost.',
    howToFix: 'Size boxes that hold text with min-height and relative units (em, rem), and avoid overflow: hidden on them.',
    example: '.special { height: 74px; overflow: hidden; }  →  .special { min-height: 4.5rem; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/resize-text.html',
    messages: {
      clipped: 'With text at 200 % this box cuts off {px} px of its text, starting "{text}".',
    },
  },
  requires: ['textResize'],
  evaluate({ textResize }) {
    return clippedTextResults(textResize.clipped);
  },
});
