// Site check: a consent banner or pop-up that covers the page takes focus when it opens and gives it back when it closes (WCAG 2.4.3); judged once, where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

/**
 * Tab presses past which a layer that covers the page is out of a keyboard user's reach in
 * practice: a header, a navigation of a dozen links and a search take about this many.
 */
const FAR_TABS = 20;

export default defineSiteCheck({
  meta: {
    id: 'arrival-focus',
    title: 'Focus moves into the consent banner or pop-up, and back out',
    family: 'arrival',
    affects: ['keyboard', 'blind', 'low-vision'],
    wcag: ['2.4.3'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A banner that covers the page while focus stays behind it leaves keyboard and screen-reader users pressing Tab through links they cannot see, without knowing the banner is there. After it closes, focus left on the hidden banner is lost: the next Tab starts from nowhere.',
    howToFix:
      'When the banner covers the page, move focus to it (its heading or first button) as it opens, or put it first in the page so Tab reaches it at once. When it closes, move focus to the start of the page or back where it was.',
    example: "banner.hidden = false; banner.querySelector('h2').focus(); … banner.hidden = true; document.querySelector('main h1').focus();",
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/focus-order.html',
    messages: {
      consent: 'the consent banner',
      newsletter: 'the sign-up pop-up',
      far: 'Focus stays behind {what}, which covers the page: a keyboard user needs {count} Tab presses to reach it.',
      behind: 'Focus stays behind {what}, which covers the page ({count} Tab presses to reach it). Check that keyboard and screen-reader users learn it is there.',
      unreachable: 'Focus stays behind {what}, which covers the page, and none of its buttons can be reached with Tab.',
      leftBehind: 'After {what} closes, focus stays on it although it can no longer be seen.',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages)) {
      const what = message(layer.kind);
      const at = { url, selector: layer.selector, snippet: layer.snippet };
      if (layer.blocking && !layer.focusInside) {
        if (layer.tabsToReach < 0) results.push({ kind: 'violation', ...at, message: message('unreachable', { what }) });
        else if (layer.tabsToReach + 1 > FAR_TABS) results.push({ kind: 'violation', ...at, message: message('far', { what, count: layer.tabsToReach + 1 }) });
        // Reached with the first Tab or two: it comes first in the page, which is as good as taking focus.
        else if (layer.tabsToReach > 1) results.push({ kind: 'needs-review', ...at, message: message('behind', { what, count: layer.tabsToReach + 1 }) });
      }
      if (layer.dismissal && (layer.dismissal.focusLeftInLayer || layer.dismissal.focusInvisible)) results.push({ kind: 'violation', ...at, message: message('leftBehind', { what }) });
    }
    return results;
  },
});
