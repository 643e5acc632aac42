// Site check: links (and script routes) that lead nowhere: 404/410, unknown hosts, refused connections, malformed addresses, routes that render "not found".
import type { DeadEndReason } from '../model/dead-end.js';
import { NO_LINK_TARGETS } from '../model/dead-end.js';
import { defineSiteCheck, message, type CheckResult } from './check.js';

/** Schemes whose links are not web addresses and never checked here (mail, phone, scripts, in-app links). */
const NOT_WEB = /^(mailto|tel|sms|javascript|data|blob|about|file|ftp|callto|skype|whatsapp|geo|market|intent):/i;

/** A link whose href the browser could not resolve to an address (it hands back the text as written). */
function isMalformed(href: string): boolean {
  if (NOT_WEB.test(href.trim())) return false;
  try {
    const url = new URL(href);
    // "http:" with no host, or a host the parser kept with spaces: nowhere to go.
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '';
  } catch {
    return true;
  }
}

export default defineSiteCheck({
  meta: {
    id: 'links-lead-nowhere',
    title: 'Links that lead nowhere',
    family: 'links',
    affects: ['everyone', 'cognitive', 'blind'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'serious',
    whyItMatters:
      'A link that ends on a "page not found", a site that no longer exists or an address that cannot be opened leaves the visitor stuck: they have to guess where the information went, and many give up. People who rely on a screen reader or find navigation hard lose the most time.',
    howToFix: 'Point each link listed at the page that exists now, redirect moved pages to their new address, and remove links to sites that are gone. Fix typing mistakes in addresses.',
    example: '<!-- before --> <a href="/prices-2019">Prices</a>\n<!-- after -->  <a href="/prices">Prices</a>   (and redirect /prices-2019 to /prices)',
    helpUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404',
    messages: {
      link: 'The link "{text}" goes to {url}, which {why}.',
      'why.not-found': 'answers "not found" (HTTP 404)',
      'why.gone': 'answers "gone" (HTTP 410)',
      'why.unknown-host': 'is on a host name that does not exist',
      'why.refused': 'refuses the connection',
      'why.soft-404': 'shows a "not found" page (though the server says all is well)',
      'why.malformed': 'is not a valid web address',
      noText: '(no text)',
    },
  },
  requires: ['dom'],
  evaluate(pages, context) {
    const targets = context.linkTargets ?? NO_LINK_TARGETS;
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    const add = (page: string, url: string, text: string, reason: DeadEndReason, selector: string) => {
      // One result per target per page: a menu that repeats a dead link is one thing to fix on that page.
      const key = `${page}\n${url}`;
      if (seen.has(key)) return;
      seen.add(key);
      results.push({
        kind: 'violation',
        url: page,
        ...(selector ? { selector } : {}),
        message: message('link', { text: text || message('noText'), url, why: message(`why.${reason}`) }),
        // One fix for every link that leads nowhere, however many pages and targets: the owner fixes them as one job.
        causeKey: 'links-lead-nowhere',
      });
    };
    for (const page of pages) {
      for (const link of page.artifacts.dom.links) {
        if (isMalformed(link.href)) {
          add(page.finalUrl, link.href, link.text, 'malformed', link.selector);
          continue;
        }
        const dead = targets.deadEndFor(link.href);
        if (dead) add(page.finalUrl, link.href, link.text, dead.reason, link.selector);
      }
    }
    for (const link of targets.links) add(link.from, link.url, link.text, link.reason, link.selector ?? '');
    return results;
  },
});
