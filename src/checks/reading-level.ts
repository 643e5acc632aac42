// Estimates the reading level of an English page's main text (Flesch-Kincaid grade) against a configurable target.
import { definePageCheck, message } from './check.js';
import { numberSetting } from './util/settings.js';
import { pageLanguage } from './util/text.js';
import { readingStats } from '../language/readability.js';

/** Grade 9 (age 14-15) is the usual plain-language target for the general public. */
const DEFAULT_TARGET_GRADE = 9;
/** Below 100 words a grade swings by several levels with one sentence; not worth reporting. */
const MIN_WORDS = 100;

export default definePageCheck({
  meta: {
    id: 'reading-level',
    title: 'Main text is easy to read',
    family: 'wording',
    affects: ['cognitive', 'other-language'],
    wcag: ['3.1.5'],
    level: 'AAA',
    impact: 'moderate',
    whyItMatters:
      'Long sentences and long words shut out people with dyslexia or learning disabilities, people reading in their second language, and anyone in a hurry. Plain text helps everyone.',
    howToFix: 'Use shorter sentences and everyday words; split long paragraphs; put the main point first.',
    example: 'We bake every night. We open at 7:30.  (not: Our baking operations take place nightly prior to our 7:30 opening.)',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    messages: {
      grade: 'The main text reads at about grade {grade} (Flesch-Kincaid, {words} words in {sentences} sentences); the target is grade {target}.',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    if (pageLanguage(content) !== 'en') return [];
    const target = numberSetting(settings, 'targetGrade', DEFAULT_TARGET_GRADE);
    const stats = readingStats(content.mainText, Number.POSITIVE_INFINITY);
    if (stats.words < numberSetting(settings, 'minWords', MIN_WORDS) || stats.grade <= target) return [];
    return [
      {
        kind: 'needs-review',
        message: message('grade', { grade: stats.grade, words: stats.words, sentences: stats.sentences, target }),
      },
    ];
  },
});
