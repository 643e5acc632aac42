// Language detection (eld) and language-tag comparison, with the length limits under which an answer is trusted.
import { eld } from 'eld/extrasmall';

/**
 * Below 200 characters a page's text is mostly navigation and names; eld's own
 * benchmarks are on tweets (≤ 140 characters), so 200 leaves a margin for web text.
 */
export const MIN_PAGE_TEXT_CHARS = 200;
/** A block must carry at least a long sentence (80 characters, ~12 words) before its language is judged. */
export const MIN_BLOCK_TEXT_CHARS = 80;
/**
 * The detected language must beat the declared one by this ratio of eld scores; near
 * ties (Spanish/Catalan, Danish/Norwegian) are left alone. 1.15 keeps clear cases only.
 */
export const MIN_SCORE_RATIO = 1.15;

/** Languages eld confuses with each other on short text, and that readers often share. */
const CLOSE_LANGUAGES: string[][] = [
  ['no', 'nb', 'nn', 'da'],
  ['hr', 'sr', 'bs', 'sh'],
  ['ms', 'id'],
  ['zh', 'yue', 'cmn'],
  ['fa', 'prs'],
  ['tl', 'fil'],
];

export interface Detection {
  /** ISO 639-1 code, '' when eld gives up. */
  language: string;
  reliable: boolean;
  scores: Record<string, number>;
}

/** Strips URLs, e-mail addresses and digits, which carry no language and confuse n-gram detectors. */
export function cleanForDetection(text: string): string {
  return text
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/[\d+()\-–—:/.,;!?"'’“”«»•·|*#@&%€$£]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectLanguage(text: string): Detection {
  const result = eld.detect(cleanForDetection(text));
  return { language: result.language, reliable: result.isReliable(), scores: result.getScores() };
}

/** The primary language subtag, lower case: "en-GB" → "en". */
export function primarySubtag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** True when two tags name the same language, or languages close enough that a detector cannot tell them apart. */
export function sameLanguage(a: string, b: string): boolean {
  const x = primarySubtag(a);
  const y = primarySubtag(b);
  if (x === y) return true;
  return CLOSE_LANGUAGES.some((group) => group.includes(x) && group.includes(y));
}

/**
 * A confident "text is in `detected`, not in `declared`": eld calls it reliable, it
 * differs from the declared language, and it clearly outscores it.
 */
export function clearlyDifferent(detection: Detection, declared: string): boolean {
  if (!detection.language || !detection.reliable) return false;
  if (!declared || sameLanguage(detection.language, declared)) return false;
  const top = detection.scores[detection.language] ?? 0;
  const declaredScore = detection.scores[primarySubtag(declared)] ?? 0;
  return declaredScore === 0 || top >= declaredScore * MIN_SCORE_RATIO;
}

/** The language's name in English, for messages: "es" → "Spanish". */
export function languageName(tag: string, inLanguage = 'en'): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
