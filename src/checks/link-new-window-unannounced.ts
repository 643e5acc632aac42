// Flags links that open a new window or tab without saying so in their text, title or description (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/** Words that warn of a new window or tab, or of leaving the site, in English and Spanish (plus the usual arrow icons). */
const ANNOUNCED = /(new (window|tab)|opens? in|external|nueva (ventana|pesta[ñn]a)|se abre|abre en|otra (ventana|pesta[ñn]a)|nouvel(le)? (fen[eê]tre|onglet)|neue[ns]? (fenster|tab)|↗|⧉)/i;
/** Targets that stay in this window. */
const SAME_WINDOW = new Set(['', '_self', '_parent', '_top']);
/** Ten is enough to show a site-wide habit; the fix is the same for all. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'link-new-window-unannounced',
    title: 'Links that open a new window say so',
    family: 'links',
    affects: ['blind', 'low-vision', 'cognitive'],
    wcag: ['3.2.5'],
    level: 'AAA',
    impact: 'minor',
    whyItMatters:
      'A link that opens a new window or tab without warning moves people somewhere they did not expect. Screen reader and magnifier users often do not notice the new window, and then the Back button does nothing; people with cognitive disabilities can lose their place.',
    howToFix: 'Open links in the same window where you can. Where a new window is needed, say so in the link text, for example "(opens in a new tab)", or with an icon whose text alternative says it.',
    example: '<a href="https://example.org/" target="_blank">Our supplier’s site (opens in a new tab)</a>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/general/G201',
    messages: {
      unannounced: 'The link “{text}” opens a new window or tab (target="{target}") without saying so.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.links.some((link) => !SAME_WINDOW.has(link.target.toLowerCase())),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      if (results.length >= MAX_RESULTS) break;
      if (SAME_WINDOW.has(link.target.toLowerCase()) || !link.visible || link.skippable) continue;
      if (ANNOUNCED.test(`${link.name} ${link.title} ${link.description} ${link.text}`)) continue;
      results.push({ kind: 'needs-review', ...elementAt(link), message: message('unannounced', { text: cut(link.name || link.text, 60), target: link.target }), causeKey: 'link-new-window-unannounced' });
    }
    return results;
  },
});
