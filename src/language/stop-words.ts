// Tells short text's language by its commonest small words (articles, prepositions, pronouns), where n-gram detection needs more text.
import { sameLanguage, primarySubtag } from './detect-language.js';

/**
 * The most frequent function words of each language, minus those another language in the
 * list also uses often ("de", "en", "a", "que", "es", "in", "son"…), so that a hit is
 * evidence for one language only. Lower case, accents kept.
 */
const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'are', 'was', 'were', 'this', 'that', 'with', 'for', 'have', 'has', 'it', 'you', 'your', 'our', 'we', 'which', 'not', 'be', 'will', 'from', 'they', 'their', 'there', 'what', 'can', 'about', 'been', 'would', 'these', 'those', 'but', 'by', 'at', 'an', 'its', 'if', 'do', 'does', 'how', 'when', 'who', 'all', 'more', 'page', 'here'],
  es: ['el', 'los', 'las', 'del', 'y', 'con', 'para', 'por', 'una', 'pero', 'más', 'está', 'están', 'como', 'nuestro', 'nuestra', 'sus', 'este', 'esta', 'esto', 'también', 'muy', 'cuando', 'porque', 'hay', 'ser', 'tiene', 'puede', 'sobre', 'entre', 'sin', 'ya', 'hasta', 'desde', 'todo', 'todos', 'página', 'aquí', 'usted'],
  fr: ['le', 'les', 'des', 'du', 'est', 'et', 'une', 'pour', 'avec', 'dans', 'sur', 'pas', 'vous', 'nous', 'qui', 'sont', 'ce', 'cette', 'ces', 'aux', 'au', 'leur', 'être', 'très', 'été', 'je', 'elle', 'ne', 'comme', 'tout', 'tous', 'ici', 'votre', 'notre'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'ein', 'eine', 'auf', 'für', 'den', 'dem', 'sich', 'auch', 'von', 'zu', 'wir', 'sie', 'ich', 'werden', 'wird', 'sind', 'oder', 'aber', 'bei', 'nach', 'aus', 'wie', 'noch', 'über', 'diese', 'dieser', 'hier', 'ihr', 'unsere'],
  it: ['il', 'lo', 'gli', 'della', 'delle', 'dei', 'degli', 'che', 'è', 'sono', 'questo', 'questa', 'anche', 'più', 'nel', 'nella', 'alla', 'dalla', 'molto', 'ma', 'perché', 'essere', 'hanno', 'ha', 'nostro', 'nostra', 'qui', 'pagina'],
  pt: ['o', 'os', 'do', 'da', 'dos', 'não', 'é', 'em', 'um', 'uma', 'com', 'você', 'nós', 'seu', 'sua', 'são', 'também', 'muito', 'mas', 'ao', 'aos', 'pelo', 'pela', 'isso', 'isto', 'nosso', 'nossa', 'aqui', 'página'],
  nl: ['het', 'een', 'van', 'dat', 'niet', 'met', 'voor', 'zijn', 'op', 'ook', 'wij', 'jullie', 'maar', 'bij', 'naar', 'deze', 'dit', 'wordt', 'worden', 'uit', 'nog', 'heeft', 'onze', 'hier'],
};

/** Scripts of languages not written in Latin letters: text declared in one of them must contain some. */
const SCRIPTS: Record<string, RegExp> = {
  ru: /\p{Script=Cyrillic}/u, uk: /\p{Script=Cyrillic}/u, bg: /\p{Script=Cyrillic}/u, mk: /\p{Script=Cyrillic}/u, be: /\p{Script=Cyrillic}/u,
  el: /\p{Script=Greek}/u, ar: /\p{Script=Arabic}/u, fa: /\p{Script=Arabic}/u, ur: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u,
  hi: /\p{Script=Devanagari}/u, mr: /\p{Script=Devanagari}/u, ne: /\p{Script=Devanagari}/u, bn: /\p{Script=Bengali}/u, ta: /\p{Script=Tamil}/u,
  th: /\p{Script=Thai}/u, ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u, zh: /\p{Script=Han}/u, ko: /[\p{Script=Hangul}\p{Script=Han}]/u,
  ka: /\p{Script=Georgian}/u, hy: /\p{Script=Armenian}/u, am: /\p{Script=Ethiopic}/u,
};

/**
 * Evidence needed to call short text one language: five hits of at least three different
 * words, three times the hits of any other language, and no more than a fifth as many for
 * the declared one. A sentence or two of ordinary text clears it; a list of names does not.
 */
const MIN_HITS = 5;
const MIN_DISTINCT = 3;
const MIN_LEAD = 3;
const MAX_DECLARED_SHARE = 0.2;
/** Ten words at least: fewer is a menu or a button row, not text. */
const MIN_WORDS = 10;

export interface StopWordEvidence {
  language: string;
  hits: number;
  /** The words found, for the message (up to five, most frequent first). */
  examples: string[];
}

/**
 * The language `text` is plainly written in when that is not `declared`, judged by function
 * words; null when the evidence is not clear or agrees with the declared language.
 */
export function shortTextMismatch(text: string, declared: string): StopWordEvidence | null {
  const declaredCode = primarySubtag(declared);
  const words = (text.toLocaleLowerCase().match(/[\p{L}’']+/gu) ?? []).map((w) => w.replace(/[’']/g, ''));
  if (words.length < MIN_WORDS) return null;
  const tally = Object.entries(STOP_WORDS).map(([language, list]) => {
    const set = new Set(list);
    const counts = new Map<string, number>();
    for (const word of words) if (set.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const hits = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const examples = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    return { language, hits, distinct: counts.size, examples };
  });
  tally.sort((a, b) => b.hits - a.hits);
  const [top, second] = tally;
  if (!top || top.hits < MIN_HITS || top.distinct < MIN_DISTINCT || sameLanguage(top.language, declaredCode)) return null;
  if (second && second.hits * MIN_LEAD > top.hits) return null;
  const declaredTally = tally.find((t) => t.language === declaredCode);
  if (declaredTally) {
    if (declaredTally.hits > top.hits * MAX_DECLARED_SHARE) return null;
  } else {
    // A language with no word list: only a script it needs and the text lacks settles it.
    const script = SCRIPTS[declaredCode];
    if (!script || script.test(text)) return null;
  }
  return { language: top.language, hits: top.hits, examples: top.examples.slice(0, 5) };
}
