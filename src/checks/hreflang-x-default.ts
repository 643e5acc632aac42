// Site check: pages with language alternates also name an x-default for visitors whose language is not offered.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';

export default defineSiteCheck({
  meta: {
    id: 'hreflang-x-default',
    title: 'Language versions name a default (x-default)',
    family: 'language-options',
    affects: ['other-language'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'minor',
    whyItMatters:
      'x-default tells search engines which page to show people whose language the site does not offer, usually a page where they can choose. Without it they get whichever version a search engine guesses.',
    howToFix: 'Add an x-default alternate, pointing at your main version or at a language-choice page, on every language version.',
    example: '<link rel="alternate" hreflang="x-default" href="https://example.com/">',
    helpUrl: 'https://developers.google.com/search/docs/specialty/international/localized-versions#xdefault',
    messages: {
      noXDefault: 'This page lists {count} language versions ({tags}) but no x-default.',
    },
  },
  requires: ['content'],
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const page of pages) {
      const alternates = page.artifacts.content.alternates;
      if (alternates.length < 2 || alternates.some((a) => a.hreflang.trim().toLowerCase() === 'x-default')) continue;
      results.push({
        kind: 'violation',
        url: page.finalUrl,
        message: message('noXDefault', { count: alternates.length, tags: alternates.map((a) => a.hreflang).join(', ') }),
        causeKey: 'hreflang-x-default',
      });
    }
    return results;
  },
});
