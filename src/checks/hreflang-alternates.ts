// Site check: hreflang alternates point at pages that exist and that point back (reciprocal), with valid language tags.
import tags from 'language-tags';
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { urlKey } from './util/text.js';

export default defineSiteCheck({
  meta: {
    id: 'hreflang-alternates',
    title: 'Language versions point at each other correctly',
    family: 'language-options',
    affects: ['other-language'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'moderate',
    whyItMatters:
      'hreflang links tell search engines and browsers which page is the Spanish or French version of this one. When they point at missing pages, or the other version does not point back, people are sent to the wrong language or to nothing.',
    howToFix: 'On every language version, list all versions (including itself) with <link rel="alternate" hreflang>, using full URLs of pages that exist.',
    example: '<link rel="alternate" hreflang="en" href="https://example.com/">\n<link rel="alternate" hreflang="es" href="https://example.com/es/">\n<link rel="alternate" hreflang="x-default" href="https://example.com/">',
    helpUrl: 'https://developers.google.com/search/docs/specialty/international/localized-versions',
    messages: {
      invalidTag: 'hreflang="{value}" is not a valid language tag.',
      doesNotLoad: 'The {value} alternate {href} does not load.',
      notReciprocal: 'This page lists {href} as its {value} version, but that page does not list this one back.',
    },
  },
  requires: ['content'],
  evaluate(pages, { auditedUrls }) {
    const byUrl = new Map<string, (typeof pages)[number]>();
    for (const page of pages) byUrl.set(urlKey(page.finalUrl), page);
    const audited = new Set([...auditedUrls].map(urlKey));
    const results: CheckResult[] = [];
    for (const page of pages) {
      const self = urlKey(page.finalUrl);
      for (const alternate of page.artifacts.content.alternates) {
        const value = alternate.hreflang.trim();
        if (value.toLowerCase() !== 'x-default' && !tags.check(value)) {
          results.push({ kind: 'violation', url: page.finalUrl, selector: `link[hreflang="${value}"]`, message: message('invalidTag', { value }) });
          continue;
        }
        const target = urlKey(alternate.href);
        if (target === self) continue;
        const targetPage = byUrl.get(target);
        if (!targetPage) {
          // Audited but not among the usable pages: it failed to load (404, error).
          if (audited.has(target)) {
            results.push({
              kind: 'violation',
              url: page.finalUrl,
              selector: `link[hreflang="${value}"]`,
              message: message('doesNotLoad', { value, href: alternate.href }),
            });
          }
          // Not audited (outside the crawl): nothing to say.
          continue;
        }
        const pointsBack = targetPage.artifacts.content.alternates.some((a) => urlKey(a.href) === self);
        if (!pointsBack) {
          results.push({
            kind: 'violation',
            url: page.finalUrl,
            selector: `link[hreflang="${value}"]`,
            message: message('notReciprocal', { href: alternate.href, value }),
            causeKey: `hreflang-reciprocal:${target}`,
          });
        }
      }
    }
    return results;
  },
});
