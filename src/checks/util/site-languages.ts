// Works out which languages a site offers versions in: hreflang alternates, translated pages the crawl found, a language menu.
import tags from 'language-tags';
import type { SitePage } from '../check.js';
import { detectLanguage, MIN_PAGE_TEXT_CHARS, primarySubtag, sameLanguage } from '../../language/detect-language.js';

/** A registered language tag, as its primary subtag; '' for anything else ("foobar", "x-default", ""). */
function validLanguage(tag: string): string {
  const value = tag.trim();
  if (!value || value.toLowerCase() === 'x-default' || !tags.check(value)) return '';
  return primarySubtag(value);
}

/**
 * Whether a page is a version of the site in its declared language: the tag is registered
 * and the page's own text, long enough to judge, reads as that language. A page that
 * only declares a language (or declares the wrong one) is not a translation.
 */
function confirmedPageLanguage(page: SitePage<'content'>): string {
  const declared = validLanguage(page.artifacts.content.htmlLang);
  if (!declared) return '';
  const text = page.artifacts.content.mainText;
  if (text.length < MIN_PAGE_TEXT_CHARS) return '';
  const detection = detectLanguage(text);
  return detection.reliable && sameLanguage(detection.language, declared) ? declared : '';
}

/** The site's own language: the registered language most of its pages declare (the first page's on a tie). */
function baseLanguage(pages: SitePage<'content'>[]): string {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const language = validLanguage(page.artifacts.content.htmlLang);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best = '';
  for (const [language, count] of counts) if (count > (counts.get(best) ?? 0)) best = language;
  return best;
}

/** The host of a URL, or '' when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Primary language subtags the site itself offers versions in: its own language (what
 * most pages declare), and other languages only where the site has versions in them:
 * hreflang alternates, pages whose text confirms their declared language, a language
 * menu leading to the site. Passages in other languages inside pages do not count, nor do
 * invalid tags, nor pages whose text contradicts their declaration: a language switcher
 * is owed only for real versions.
 */
export function siteLanguages(pages: SitePage<'content'>[]): Set<string> {
  const languages = new Set<string>();
  const base = baseLanguage(pages);
  if (base) languages.add(base);
  for (const page of pages) {
    const content = page.artifacts.content;
    for (const alternate of content.alternates) {
      const language = validLanguage(alternate.hreflang);
      if (language) languages.add(language);
    }
    const confirmed = confirmedPageLanguage(page);
    if (confirmed) languages.add(confirmed);
    // A language menu: options that name a language or carry hreflang and lead to this site.
    const host = hostOf(page.finalUrl);
    for (const option of content.switcherOptions) {
      if (option.reason !== 'hreflang' && option.reason !== 'language-name') continue;
      if (!option.href || hostOf(option.href) !== host) continue;
      const language = validLanguage(option.hreflang || option.lang);
      if (language) languages.add(language);
    }
  }
  return languages;
}
