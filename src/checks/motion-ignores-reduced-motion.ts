// Flags moving animations that keep running when the visitor asks for reduced motion (WCAG 2.2.2, 2.3.3).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** WCAG 2.2.2: motion that lasts more than 5 seconds needs a way to stop it. */
const LONG_MOTION_MS = 5_000;

export default definePageCheck({
  meta: {
    id: 'motion-ignores-reduced-motion',
    title: 'Animations stop when visitors ask for less motion',
    family: 'motion',
    affects: ['vestibular', 'cognitive'],
    wcag: ['2.2.2', '2.3.3'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Movement on screen can make people with vestibular disorders dizzy or sick, and it pulls the attention of people with attention difficulties. They set "reduce motion" in their system; endless animations that ignore it keep moving.',
    howToFix: 'Run decorative animations only inside @media (prefers-reduced-motion: no-preference), or stop them under prefers-reduced-motion: reduce.',
    example: '@media (prefers-reduced-motion: no-preference) {\n  .fresh-badge { animation: bounce 1.2s ease-in-out infinite; }\n}',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/animation-from-interactions.html',
    messages: {
      infinite: 'The animation ({properties}) runs forever, even with "reduce motion" switched on.',
      infiniteNamed: 'The animation "{name}" ({properties}) runs forever, even with "reduce motion" switched on.',
      long: 'The animation moves for {seconds} s even with "reduce motion" switched on.',
      longNamed: 'The animation "{name}" moves for {seconds} s even with "reduce motion" switched on.',
    },
  },
  requires: ['motion'],
  evaluate({ motion }) {
    const results: CheckResult[] = [];
    for (const animation of motion.animations) {
      // Fades and colour changes are not motion; only things that move, turn or resize count.
      if (!animation.moves) continue;
      const long = animation.infinite || (animation.totalMs ?? 0) > LONG_MOTION_MS;
      if (!long) continue;
      const named = animation.name ? 'Named' : '';
      results.push({
        kind: animation.infinite ? 'violation' : 'needs-review',
        ...elementAt(animation),
        message: animation.infinite
          ? message(`infinite${named}`, { name: animation.name, properties: animation.properties.join(', ') })
          : message(`long${named}`, { name: animation.name, seconds: Math.round((animation.totalMs ?? 0) / 1000) }),
      });
    }
    return results;
  },
});
