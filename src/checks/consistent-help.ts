// Site check: contact and help links repeated in the page template appear in the same relative order on every page (WCAG 3.2.6).
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import type { HelpLinkFact } from '../gather/content-gatherer.js';
import { normalise, urlKey } from './util/text.js';

/** Regions that belong to the template, shared by pages; help in the main content is page content. */
const TEMPLATE_REGIONS = new Set(['header', 'nav', 'footer', 'aside']);

function keyOf(link: HelpLinkFact): string {
  const target = link.kind === 'tel' || link.kind === 'mailto' || link.kind === 'sms' ? link.href.toLowerCase().replace(/\s+/g, '') : urlKey(link.href);
  return `${target}|${normalise(link.text)}`;
}

/** Keys in order; repeats of a key get #2, #3 so two "Contact" links stay distinct. */
function sequence(links: HelpLinkFact[]): string[] {
  const counts = new Map<string, number>();
  return links
    .filter((l) => TEMPLATE_REGIONS.has(l.region))
    .map((l) => {
      const key = keyOf(l);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n === 1 ? key : `${key}#${n}`;
    });
}

export default defineSiteCheck({
  meta: {
    id: 'consistent-help',
    title: 'Help and contact links stay in the same place',
    family: 'help',
    affects: ['cognitive', 'low-vision', 'blind'],
    wcag: ['3.2.6'],
    // 12.2.3 Effective communication, in part: help that people can find the same way on every page.
    en301549: ['12.2.3'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'People who need help look for it where they found it last time. When the contact link moves from one spot to another between pages, people with memory or attention difficulties, and screen magnifier users, may not find it.',
    howToFix: 'Keep contact and help links in the shared header or footer template, in the same order on every page.',
    example: '<footer>…<a href="/contact">Contact us</a> · <a href="tel:+441632960451">01632 960451</a>…</footer>  <!-- identical on every page -->',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/consistent-help.html',
    messages: {
      moved: {
        one: 'On this page the help links come in a different order than on {count} other page ("{link}" has moved).',
        other: 'On this page the help links come in a different order than on {count} other pages ("{link}" has moved).',
      },
      order: {
        one: 'On this page the help links come in a different order than on {count} other page.',
        other: 'On this page the help links come in a different order than on {count} other pages.',
      },
    },
  },
  requires: ['content'],
  evaluate(pages) {
    const sequences = pages.map((page) => ({ page, seq: sequence(page.artifacts.content.contact.helpLinks) })).filter((s) => s.seq.length > 0);
    if (sequences.length < 2) return [];
    // The most common order is taken as the site's template.
    const tally = new Map<string, number>();
    for (const s of sequences) tally.set(s.seq.join('\n'), (tally.get(s.seq.join('\n')) ?? 0) + 1);
    const [referenceKey, referenceCount] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
    // With no majority there is no template to compare with.
    if (referenceCount < 2) return [];
    const reference = referenceKey.split('\n');
    const results: CheckResult[] = [];
    for (const { page, seq } of sequences) {
      const shared = seq.filter((k) => reference.includes(k));
      const expected = reference.filter((k) => shared.includes(k));
      if (shared.length < 2 || shared.join('\n') === expected.join('\n')) continue;
      // The link that moved furthest from its place in the template is the one to name.
      const moved = [...shared].sort((a, b) => Math.abs(expected.indexOf(b) - shared.indexOf(b)) - Math.abs(expected.indexOf(a) - shared.indexOf(a)))[0];
      const link = page.artifacts.content.contact.helpLinks.find((l) => keyOf(l) === moved.replace(/#\d+$/, ''));
      results.push({
        kind: 'violation',
        url: page.finalUrl,
        selector: link?.selector,
        message: link ? message('moved', { count: referenceCount, link: link.text }) : message('order', { count: referenceCount }),
      });
    }
    return results;
  },
});
