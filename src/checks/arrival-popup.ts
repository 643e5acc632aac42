// Site check: a newsletter or offer pop-up that interrupts visitors on arrival, with the number of pages it was met on; a violation when it cannot be closed from the keyboard.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer } from './util/arrival.js';

export default defineSiteCheck({
  meta: {
    id: 'arrival-popup',
    title: 'No sign-up pop-up interrupts visitors on arrival',
    family: 'arrival',
    affects: ['cognitive', 'blind', 'low-vision', 'keyboard'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'A pop-up asking for an email address before the visitor has read a word treats their time as the shop\'s. It breaks the reading of people with attention or memory difficulties, covers the page for screen magnifier users, and is one more thing for a screen-reader or keyboard user to find and close. When it cannot be closed from the keyboard, the site is shut to them.',
    howToFix: 'Offer the newsletter in the page (a sign-up box in the footer or after the content) instead of a pop-up on arrival. If a pop-up stays, open it later or on request, let Escape and a real Close button close it, and do not show it again once closed.',
    example: '<section aria-labelledby="news"><h2 id="news">Our newsletter</h2><form>…</form></section>  <!-- in the page, not over it -->',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/interruptions.html',
    messages: {
      interrupts: {
        one: 'A sign-up pop-up interrupts visitors on arrival ({count} of {total} pages audited). Check whether it is needed there.',
        other: 'A sign-up pop-up interrupts visitors on arrival ({count} of {total} pages audited). Check whether it is needed there.',
      },
      trapped: {
        one: 'A sign-up pop-up interrupts visitors on arrival ({count} of {total} pages audited) and cannot be closed from the keyboard.',
        other: 'A sign-up pop-up interrupts visitors on arrival ({count} of {total} pages audited) and cannot be closed from the keyboard.',
      },
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages, 'newsletter'),
  evaluate(pages) {
    const results: CheckResult[] = [];
    const seen = pages.filter((page) => page.artifacts.arrival.layers.some((layer) => layer.kind === 'newsletter'));
    if (seen.length === 0) return results;
    const first = seen.find((page) => page.artifacts.arrival.layers.some((l) => l.kind === 'newsletter' && l.audited)) ?? seen[0];
    const layer = first.artifacts.arrival.layers.find((l) => l.kind === 'newsletter' && l.audited) ?? first.artifacts.arrival.layers.find((l) => l.kind === 'newsletter')!;
    // Closed by no key: its buttons did not answer Enter and Escape did nothing (or nothing in it takes focus).
    const noKeyboardClose = layer.dismissal ? !layer.dismissal.byKeyboard : !layer.controls.some((c) => c.focusable && (c.purpose === 'close' || c.purpose === 'refuse'));
    const trapped = noKeyboardClose;
    const params = { count: seen.length, total: pages.length };
    results.push({ kind: trapped ? 'violation' : 'needs-review', url: first.finalUrl, selector: layer.selector, snippet: layer.snippet, message: message(trapped ? 'trapped' : 'interrupts', params) });
    return results;
  },
});
