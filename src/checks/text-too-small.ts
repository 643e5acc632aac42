// Flags visible text set smaller than 11 CSS pixels (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { numberSetting } from './util/settings.js';
import { cut } from './util/text.js';

/**
 * 10 px and below is "very small" (WebAIM's WAVE uses the same line): about 7.5 pt, smaller
 * than the small print on most packaging. Settable per site with `maxPx`.
 */
const DEFAULT_MAX_PX = 10;
/** Ten places show the pattern; small print is usually one style rule. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'text-too-small',
    title: 'Text is not very small',
    family: 'typography',
    affects: ['low-vision', 'cognitive', 'everyone'],
    wcag: [],
    level: 'best-practice',
    impact: 'moderate',
    whyItMatters:
      'Text of 10 pixels or less is hard to read for many people with low vision, for older visitors and for anyone on a small screen in daylight. They can zoom, but then they have to scroll sideways or lose the rest of the page. Small print is often the part people most need to read: prices, conditions, opening hours.',
    howToFix: 'Set body text at 16 pixels (1rem) or more and small print at no less than about 13 pixels, in relative units (rem or em) so it grows with the visitor\'s own font size.',
    example: '.small-print { font-size: 0.875rem; }',
    helpUrl: 'https://webaim.org/techniques/fonts/#font_size',
    messages: {
      small: 'This text is {size} pixels high: “{sample}”.',
    },
  },
  requires: ['structure'],
  evaluate({ structure }, { settings }) {
    const maxPx = numberSetting(settings, 'maxPx', DEFAULT_MAX_PX);
    const results: CheckResult[] = [];
    for (const text of structure.smallText) {
      if (results.length >= MAX_RESULTS) break;
      if (text.fontSizePx > maxPx) continue;
      results.push({ kind: 'needs-review', ...elementAt(text), message: message('small', { size: text.fontSizePx, sample: cut(text.sample, 60) }), causeKey: `text-too-small:${text.fontSizePx}` });
    }
    return results;
  },
});
