// Flags elements that look exactly the same focused as unfocused, judged by computed styles, :focus rules and pixels (WCAG 2.4.7).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'focus-not-visible',
    title: 'Keyboard focus is visible',
    family: 'keyboard',
    affects: ['keyboard', 'low-vision', 'motor'],
    wcag: ['2.4.7'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'Someone using a keyboard needs to see where they are, as a mouse user sees the pointer. Without a focus indicator, every Tab press is a guess.',
    howToFix:
      'Do not remove the outline without a replacement. Give links, buttons and fields a clear :focus-visible style, such as a 2–3 px outline in a colour that contrasts with the background.',
    example: 'a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-visible.html',
    messages: {
      samePixels: 'When "{name}" has keyboard focus it looks exactly as it does without it: no style changes and the same pixels.',
      noStyleChange: 'When "{name}" has keyboard focus no style changes, and elements styled the same showed no change on screen.',
      disputed: 'The style sheet gives "{name}" a focus style ({indicators}), but it looked the same on screen with and without focus; check that the focus indicator shows.',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const stop of keyboard.stops) {
      if (stop.focusVisible === 'disputed') {
        // A :focus rule draws an indicator but the screenshot did not change: a person must look, never a violation.
        results.push({ kind: 'needs-review', ...elementAt(stop), message: message('disputed', { name: stop.name || stop.tag, indicators: stop.focusRule.join(', ') }) });
        continue;
      }
      if (stop.focusVisible !== 'not-visible') continue;
      results.push({
        kind: 'violation',
        ...elementAt(stop),
        message: message(stop.focusEvidence === 'pixels' ? 'samePixels' : 'noStyleChange', { name: stop.name || stop.tag }),
      });
    }
    return results;
  },
});
