// Flags paragraphs whose lines run well past 80 characters at the audit's window width (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { numberSetting } from './util/settings.js';
import { cut } from './util/text.js';

/**
 * WCAG 1.4.8 asks for lines of 80 characters or fewer; typographers aim for 45–90. Lines of
 * more than 100 characters on average (a quarter past the limit) are flagged, so ordinary
 * wide columns are not. Settable per site with `maxChars`, down to 80: the structure gatherer
 * keeps only blocks whose lines pass WCAG's 80 characters.
 */
const DEFAULT_MAX_CHARS = 100;
/** Two lines at least, so the average is of full lines, not one short sentence. */
const MIN_LINES = 2;
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'line-too-long',
    title: 'Lines of text are not too long',
    family: 'typography',
    affects: ['cognitive', 'low-vision'],
    wcag: ['1.4.8'],
    level: 'AAA',
    impact: 'minor',
    whyItMatters:
      'Very long lines make readers lose their place when their eyes jump back to the start of the next line. That is hard for people with dyslexia or attention difficulties, and for people using a magnifier, who must pan all the way across the screen for every line.',
    howToFix: 'Limit the width of text columns to about 70 characters, for example with max-width: 70ch on paragraphs or their container.',
    example: 'main p { max-width: 70ch; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/visual-presentation.html',
    messages: {
      long: 'The lines of this paragraph hold about {chars} characters each (at a window {width} pixels wide): “{sample}”.',
    },
  },
  requires: ['structure', 'dom'],
  appliesTo: ({ structure }) => structure.blocks.length > 0,
  evaluate({ structure, dom }, { settings }) {
    const maxChars = numberSetting(settings, 'maxChars', DEFAULT_MAX_CHARS);
    const results: CheckResult[] = [];
    for (const block of structure.blocks) {
      if (results.length >= MAX_RESULTS) break;
      if (block.lines < MIN_LINES || block.charsPerLine <= maxChars) continue;
      results.push({ kind: 'needs-review', ...elementAt(block), message: message('long', { chars: block.charsPerLine, width: dom.documentSize.width, sample: cut(block.sample, 60) }), causeKey: 'line-too-long' });
    }
    return results;
  },
});
