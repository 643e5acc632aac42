// Flags potentially insensitive or exclusionary wording in English text and alt text (retext-equality); other languages are "not measured".
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { definePageCheck } from './check.js';
import type { CheckResult } from './check.js';
import { stringListSetting } from './util/settings.js';
import { pageLanguage, quote } from './util/text.js';
import { clearlyDifferent, detectLanguage, languageName, MIN_BLOCK_TEXT_CHARS, primarySubtag } from '../language/detect-language.js';

/** Thirty phrases per page are plenty to show the pattern. */
const MAX_RESULTS = 30;
/**
 * Words retext-equality flags that, on a business site, nearly always name a real person
 * ("Margaux and her grandmother") or a form option, not a generic reader; flagging them is noise.
 */
const DEFAULT_IGNORE = [
  'he', 'she', 'her', 'hers', 'him', 'his', 'herself', 'himself', 'woman', 'man', 'women', 'men', 'girl', 'boy', 'girls', 'boys',
  'mother', 'father', 'mom', 'mum', 'dad', 'son', 'daughter', 'sons', 'daughters', 'grandmother', 'grandfather', 'grandma', 'grandpa',
  'wife', 'husband', 'sister', 'brother', 'aunt', 'uncle', 'niece', 'nephew', 'lady', 'ladies', 'gentleman', 'gentlemen', 'female', 'male',
];
/** A page with less text than this has nothing to say about wording either way. */
const MIN_TEXT_CHARS = 200;

/** Passages long enough to judge that read as another language (a quote missing its lang) are not English wording. */
function readsAsOtherLanguage(text: string): boolean {
  return text.length >= MIN_BLOCK_TEXT_CHARS && clearlyDifferent(detectLanguage(text), 'en');
}

function contextAround(text: string, start: number, end: number): string {
  // 40 characters either side is enough to see how the word is used.
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

export default definePageCheck({
  meta: {
    id: 'inclusive-wording',
    title: 'Wording does not exclude or belittle people',
    family: 'wording',
    affects: ['everyone'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'minor',
    whyItMatters:
      'Words such as "guys", "crazy" or "chairman" tell some visitors that the business was not thinking of them. Small changes make everyone feel addressed.',
    howToFix:
      'Use the suggested neutral word where it fits. Words that are right in your context go in the check\'s ignore list: checks: { "inclusive-wording": { ignore: ["word"] } }. Pronouns and family words (her, grandmother) are ignored by default: they usually name real people.',
    example: 'Hey everyone, welcome!  (not: Hey guys)',
    helpUrl: 'https://github.com/retextjs/retext-equality/blob/main/rules.md',
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const language = pageLanguage(content);
    const textLength = content.blocks.reduce((n, b) => n + b.text.length, 0);
    if (language !== 'en') {
      if (!language || textLength < MIN_TEXT_CHARS) return [];
      return [
        {
          kind: 'info',
          message: `Wording was not checked on this page: it is in ${languageName(language)}, and the wording check only knows English.`,
          causeKey: `inclusive-wording:not-measured:${language}`,
        },
      ];
    }
    const ignore = [...DEFAULT_IGNORE, ...stringListSetting(settings, 'ignore')];
    const processor = retext().use(retextEnglish).use(retextEquality, { ignore });
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    const texts = [
      ...content.blocks.filter((b) => (!b.lang || primarySubtag(b.lang) === 'en') && !readsAsOtherLanguage(b.text)).map((b) => ({ selector: b.selector, snippet: b.snippet, text: b.text, where: '' })),
      ...content.altTexts.map((a) => ({ selector: a.selector, snippet: '', text: a.alt, where: 'alt text: ' })),
    ];
    for (const item of texts) {
      if (results.length >= MAX_RESULTS) break;
      const file = processor.processSync(item.text);
      for (const message of file.messages) {
        const phrase = String(message.actual ?? '');
        if (ignore.includes(message.ruleId ?? '')) continue;
        const key = `${item.selector}|${phrase}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0;
        const end = message.place && 'end' in message.place ? (message.place.end.offset ?? start + phrase.length) : start + phrase.length;
        const suggestions = (message.expected ?? []).slice(0, 4).map((e) => `“${e}”`).join(', ');
        results.push({
          kind: 'needs-review',
          selector: item.selector,
          snippet: item.snippet || undefined,
          message: `${item.where}${quote(phrase, 40)} may exclude or belittle some readers${suggestions ? `; consider ${suggestions}` : ''}. In context: ${quote(contextAround(item.text, start, end), 120)}`,
          causeKey: `inclusive-wording:${phrase.toLowerCase()}`,
        });
      }
    }
    return results;
  },
});
