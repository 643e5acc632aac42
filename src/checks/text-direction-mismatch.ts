// Flags right-to-left text (Arabic, Hebrew…) shown left to right for want of dir="rtl", and left-to-right text forced right to left.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/** Neutral characters (punctuation, digits) whose place depends on the direction: with them, the wrong direction shows. */
const NEUTRALS = /[\p{P}\p{N}]/u;

export default definePageCheck({
  meta: {
    id: 'text-direction-mismatch',
    title: 'Right-to-left text is marked with its direction',
    family: 'language',
    affects: ['other-language', 'blind'],
    wcag: ['1.3.2'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Arabic, Hebrew, Persian and Urdu are read from right to left. Shown in a left-to-right block, a sentence is aligned to the wrong side and its full stop, numbers and any English words land in the wrong places, which changes the meaning for readers of those languages. Braille displays and screen readers also take the reading order from the direction.',
    howToFix: 'Add dir="rtl" (with the right lang) to the element that holds right-to-left text, and dir="ltr" where left-to-right text sits in a right-to-left page. For a few words inside a sentence, use <bdi> or <span dir="rtl">.',
    example: '<p lang="ar" dir="rtl">الإعفاء الإلكتروني من التأشيرة</p>',
    helpUrl: 'https://www.w3.org/International/questions/qa-html-dir',
    messages: {
      rtlShownLtr: 'This text is in a right-to-left script but is shown left to right (no dir="rtl"): “{sample}”.',
      ltrShownRtl: 'This text is in a left-to-right script but has dir="rtl", so it is shown right to left: “{sample}”.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.direction.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const fact of structure.direction) {
      const sample = cut(fact.sample, 80);
      if (fact.direction === 'ltr' && fact.rtlLetters > 0) {
        // One word on its own (a language name in a switcher) looks the same either way; two words or punctuation do not.
        if (!/\s/.test(fact.sample.trim()) && !NEUTRALS.test(fact.sample)) continue;
        results.push({ kind: 'violation', ...elementAt(fact), message: message('rtlShownLtr', { sample }) });
      } else if (fact.direction === 'rtl' && fact.rtlLetters === 0) {
        results.push({ kind: 'violation', ...elementAt(fact), message: message('ltrShownRtl', { sample }) });
      }
    }
    return results;
  },
});
