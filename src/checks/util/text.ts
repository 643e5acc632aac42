// Small text helpers shared by checks: normalising for comparison, quoting page text in messages, page language.
import type { ContentArtifact } from '../../gather/content-gatherer.js';
import { clearlyDifferent, detectLanguage, MIN_PAGE_TEXT_CHARS, primarySubtag } from '../../language/detect-language.js';

/** Lower case, no punctuation, single spaces: for comparing alt text with captions and names. */
export function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Page text quoted in a message, cut to `max` characters; messages are evidence, not copies. */
export function quote(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `“${cut}”`;
}

/**
 * Primary language the page is really in: the declared lang, unless there is enough
 * text and it clearly reads as another language; the detected one when none is declared.
 */
export function pageLanguage(content: ContentArtifact): string {
  const declared = primarySubtag(content.htmlLang);
  if (content.mainText.length < MIN_PAGE_TEXT_CHARS) return declared;
  const detection = detectLanguage(content.mainText);
  if (declared) return clearlyDifferent(detection, declared) ? detection.language : declared;
  return detection.reliable ? detection.language : '';
}

/** Normalises a URL for comparison across pages: no hash, no trailing slash on the path (except the root). */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    let path = u.pathname.replace(/\/index\.html?$/i, '/');
    if (path.length > 1) path = path.replace(/\/+$/, '');
    return `${u.origin}${path}${u.search}`;
  } catch {
    return url;
  }
}

/** Page text for a message parameter, cut to `max` characters (the template adds the quotation marks of its language). */
export function cut(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
