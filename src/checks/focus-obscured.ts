// Flags focused elements hidden entirely under a fixed or sticky header, banner or overlay (WCAG 2.4.11).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'focus-obscured',
    title: 'Focused elements are not hidden under sticky headers or banners',
    family: 'keyboard',
    affects: ['keyboard', 'low-vision', 'motor'],
    wcag: ['2.4.11'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'When the browser scrolls to the focused element, a sticky header, chat button or cookie banner can sit right on top of it. Keyboard users then cannot see what they are on.',
    howToFix:
      'Reserve the sticky area with scroll-padding so the browser scrolls focused elements clear of it, and keep banners from covering content (or let them be dismissed).',
    example: 'html { scroll-padding-top: 5rem; /* the height of the sticky header */ }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-not-obscured-minimum.html',
    messages: {
      hidden: 'When "{name}" has keyboard focus it is completely hidden under {by}, which is fixed or sticky.',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const stop of keyboard.stops) {
      // Partly covered is WCAG 2.4.12 (AAA); only the AA failure, entirely covered, is reported.
      if (stop.obscured?.covered !== 'all') continue;
      results.push({
        kind: 'violation',
        ...elementAt(stop),
        message: message('hidden', { name: stop.name || stop.tag, by: stop.obscured.by }),
        causeKey: `focus-obscured:${stop.obscured.by}`,
      });
    }
    return results;
  },
});
