// Plain-language measures for English text: sentences, words, syllables and the Flesch-Kincaid grade.

/** Words in a sentence, counted the way readability formulas do (letters and apostrophes). */
export function words(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
}

/** Splits text into sentences at . ! ? followed by space/end; abbreviations like "e.g." are kept together. */
export function sentences(text: string): string[] {
  const protectedText = text.replace(/\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|vs|No)\./gi, (m) => m.replace(/\./g, '\u2024'));
  return protectedText
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\u2024/g, '.').trim())
    .filter((s) => words(s).length > 0);
}

/**
 * Syllables in an English word by vowel groups, with the usual corrections (silent
 * final e, -le, -ed, -es). Accurate to about ±1 syllable per word, enough for a grade.
 */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export interface ReadingStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch-Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. */
  grade: number;
  longSentences: string[];
}

/** The standard Flesch-Kincaid coefficients (Kincaid et al., 1975). */
export function readingStats(text: string, longSentenceWords: number): ReadingStats {
  const list = sentences(text);
  let wordCount = 0;
  let syllableCount = 0;
  const longSentences: string[] = [];
  for (const sentence of list) {
    const ws = words(sentence);
    wordCount += ws.length;
    for (const w of ws) syllableCount += syllables(w);
    if (ws.length > longSentenceWords) longSentences.push(sentence);
  }
  const sentenceCount = Math.max(1, list.length);
  const grade = wordCount === 0 ? 0 : 0.39 * (wordCount / sentenceCount) + 11.8 * (syllableCount / wordCount) - 15.59;
  return { sentences: list.length, words: wordCount, syllables: syllableCount, grade: Math.round(grade * 10) / 10, longSentences };
}
