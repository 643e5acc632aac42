// Flags very long sentences in the main text (needs review): hard to follow for many readers in any language.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { numberSetting } from './util/settings.js';
import { quote } from './util/text.js';
import { readingStats } from '../language/readability.js';
import { primarySubtag } from '../language/detect-language.js';

/**
 * 35 words: plain-language guides aim for an average of 15-20 and treat 35+ as the
 * point where most readers lose the thread.
 */
const DEFAULT_MAX_WORDS = 35;
/** Languages written without spaces between words: word counts mean nothing there. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
/** Ten sentences show the pattern. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'long-sentences',
    title: 'Sentences are not too long',
    family: 'wording',
    affects: ['cognitive', 'other-language'],
    wcag: ['3.1.5'],
    level: 'AAA',
    impact: 'minor',
    whyItMatters: 'By the end of a 40-word sentence many readers have lost the beginning, especially people with dyslexia or memory difficulties and people reading in a second language.',
    howToFix: 'Split the sentence into two or three, one idea each.',
    example: 'Tomasz feeds the starter in the afternoon. He mixes the dough by hand. It rises overnight.',
    helpUrl: 'https://www.w3.org/WAI/WCAG2/supplemental/patterns/o3p05-common-words/',
    messages: {
      longSentence: 'A sentence of {words} words (limit {max}): {sentence}',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const maxWords = numberSetting(settings, 'maxWords', DEFAULT_MAX_WORDS);
    const results: CheckResult[] = [];
    for (const block of content.blocks) {
      if (results.length >= MAX_RESULTS) break;
      if (!block.inMain || /^h[1-6]$/.test(block.tag) || block.tag === 'pre') continue;
      if (UNSPACED.has(primarySubtag(block.lang || content.htmlLang))) continue;
      for (const sentence of readingStats(block.text, maxWords).longSentences) {
        results.push({
          kind: 'needs-review',
          selector: block.selector,
          snippet: block.snippet,
          message: message('longSentence', { words: sentence.split(/\s+/).length, max: maxWords, sentence: quote(sentence, 100) }),
        });
        break;
      }
    }
    return results;
  },
});
