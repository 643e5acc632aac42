// Needs review: a carousel that moves on by itself, even under reduced motion, with no pause control (WCAG 2.2.2).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'carousel-auto-advance',
    title: 'Carousels do not move on by themselves, or can be paused',
    family: 'motion',
    affects: ['cognitive', 'low-vision', 'blind', 'vestibular'],
    wcag: ['2.2.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Slides that change on their own disappear before slow readers, screen magnifier users and people with attention difficulties have read them, and screen readers may jump to the new slide.',
    howToFix: 'Do not advance slides automatically, or add a visible Pause button, pause on hover and focus, and do not start moving when prefers-reduced-motion is set.',
    example: '<button type="button" aria-pressed="false" class="carousel-pause">Pause slides</button>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/pause-stop-hide.html',
    messages: {
      autoAdvance: 'This carousel moved on by itself, even with "reduce motion" switched on, and no Pause or Stop control was found next to it.',
    },
  },
  requires: ['motion'],
  evaluate({ motion }) {
    return motion.carousels
      .filter((carousel) => carousel.advanced && !carousel.hasPauseControl)
      .map(
        (carousel): CheckResult => ({
          // The sample is short and heuristic (a changed region after its timers ran); a person confirms.
          kind: 'needs-review',
          ...elementAt(carousel),
          message: message('autoAdvance'),
        }),
      );
  },
});
