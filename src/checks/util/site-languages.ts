// Works out which languages a site offers, from hreflang alternates and each page's declared language.
import type { SitePage } from '../check.js';
import { primarySubtag } from '../../language/detect-language.js';

/** Primary language subtags the site offers content in. */
export function siteLanguages(pages: SitePage<'content'>[]): Set<string> {
  const languages = new Set<string>();
  for (const page of pages) {
    const lang = primarySubtag(page.artifacts.content.htmlLang);
    if (lang) languages.add(lang);
    for (const alternate of page.artifacts.content.alternates) {
      const alt = primarySubtag(alternate.hreflang);
      if (alt && alt !== 'x') languages.add(alt);
    }
  }
  return languages;
}
