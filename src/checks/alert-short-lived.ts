// Asks for review of alert and status messages that vanish within a few seconds (WCAG 2.2.1, 4.1.3), seen by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

export default definePageCheck({
  meta: {
    id: 'alert-short-lived',
    title: 'Alerts and status messages stay long enough to read',
    family: 'keyboard',
    affects: ['blind', 'cognitive', 'low-vision', 'motor'],
    wcag: ['2.2.1', '4.1.3'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'A message that disappears after a second or two ("Saved", "Added to basket", an error) is gone before a slow reader, a screen magnifier user or someone who needs to re-read it has taken it in; a screen reader may be cut off half-way.',
    howToFix: 'Keep the message until the visitor closes it or moves on, or at least let them pause or extend the time. Put it near what it is about, and keep the live region on the page.',
    example: '<div role="status">Added to basket <button type="button">Close</button></div>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/timing-adjustable.html',
    messages: {
      shortLived: 'The {role} message "{text}" disappeared after {seconds} s. Check that visitors have time to read it, or can bring it back.',
      shortLivedSinceLoad: 'The {role} message "{text}" disappeared at most {seconds} s after the page started loading. Check that visitors have time to read it, or can bring it back.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.alerts.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const alert of keyboard.widgets?.alerts ?? []) {
      // Whether the text can be found again (a history, a log) is beyond the page's markup: a person decides.
      results.push({
        kind: 'needs-review',
        ...(alert.selector ? { selector: alert.selector } : {}),
        snippet: alert.snippet,
        message: message(alert.sinceLoad ? 'shortLivedSinceLoad' : 'shortLived', { role: alert.role, text: alert.text.slice(0, 80), seconds: Math.max(0.1, Math.round(alert.shownMs / 100) / 10) }),
      });
    }
    return results;
  },
});
