// Flags potentially insensitive or exclusionary wording in English text and alt text (retext-equality); other languages are "not measured".
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { definePageCheck, message as checkMessage } from './check.js';
import type { CheckResult } from './check.js';
import { stringListSetting } from './util/settings.js';
import { pageLanguage, quote } from './util/text.js';
import { clearlyDifferent, detectLanguage, MIN_BLOCK_TEXT_CHARS, primarySubtag } from '../language/detect-language.js';

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
/**
 * retext-equality rules that, on a business site, flag everyday words: "just call us",
 * "easy to find", "of course", "master baker", "hang your coat", and pronouns in quotes
 * ("He's the best baker in town," said Mary). Their advice suits technical writing, not a
 * bakery's opening hours.
 */
const DEFAULT_IGNORED_RULES = [
  'just', 'easy', 'obvious', 'clearly', 'basically', 'of-course', 'everyone-knows', 'hang', 'master', 'masters', 'masterful', 'masterpiece',
  'he-she', 'her-him', 'hers-his', 'herself-himself',
];
/**
 * "invalid" and "disabled" about things, not people: an invalid email address, a disabled
 * button, an invalid session. The words around them say which.
 */
const TECHNICAL_NEARBY =
  /\b(address|e-?mail|entry|entries|input|value|values|code|coupon|voucher|date|format|password|card|number|session|token|link|url|file|field|fields|option|options|selection|request|ticket|key|account|javascript|cookies?|button|feature|features|setting|settings|mode|payment|character|characters|postcode|zip)\b/i;
/** Words whose technical sense is common on a site; judged by the words around them. */
const TECHNICAL_SENSE = new Set(['invalid', 'disabled']);
/** Compounds retext-equality knows only with a space; the hyphenated spelling is the same word. */
const HYPHENATED = /\b(wheelchair)-(bound|confined)\b/gi;
/** Suggestions that are worse than the word they replace, never offered. */
const POOR_SUGGESTIONS = /handicap|person with symptoms|person with a limp|turned off/i;
/** Better first suggestions for the words business sites use most. */
const BETTER_SUGGESTIONS: Record<string, string[]> = {
  handicapped: ['disabled', 'accessible (for a place or a parking space)'],
  crazy: ['wild', 'amazing', 'very busy'],
  insane: ['wild', 'amazing', 'unbelievable'],
  nuts: ['wild', 'amazing'],
  'wheelchair bound': ['uses a wheelchair'],
  'wheelchair-bound': ['uses a wheelchair'],
  cripple: ['disabled person'],
  crippled: ['disabled', 'held back (for a thing)'],
  lame: ['boring', 'weak'],
  dumb: ['silly', 'pointless'],
};
/** A page with less text than this has nothing to say about wording either way. */
const MIN_TEXT_CHARS = 200;

/** Whether a flagged "invalid" or "disabled" is about a thing (an invalid email address), judged from the words around it. */
function technicalSense(phrase: string, text: string, start: number, end: number): boolean {
  if (!TECHNICAL_SENSE.has(phrase.toLowerCase())) return false;
  // Three or four words either side say what is invalid or disabled.
  const around = `${text.slice(Math.max(0, start - 30), start)} ${text.slice(end, end + 30)}`;
  return TECHNICAL_NEARBY.test(around);
}

/** Up to four suggestions worth offering for a flagged phrase. */
function suggestionsFor(phrase: string, expected: string[]): string[] {
  const better = BETTER_SUGGESTIONS[phrase.toLowerCase()] ?? [];
  return [...new Set([...better, ...expected.filter((suggestion) => !POOR_SUGGESTIONS.test(suggestion))])].slice(0, 4);
}

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
    messages: {
      notMeasured: 'Wording was not checked on this page: it is in {language:language}, and the wording check only knows English.',
      mayExclude: '{phrase} may exclude or belittle some readers. In context: {context}',
      mayExcludeSuggest: '{phrase} may exclude or belittle some readers; consider {suggestions}. In context: {context}',
      altMayExclude: 'alt text: {phrase} may exclude or belittle some readers. In context: {context}',
      altMayExcludeSuggest: 'alt text: {phrase} may exclude or belittle some readers; consider {suggestions}. In context: {context}',
    },
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
          message: checkMessage('notMeasured', { language }),
          causeKey: `inclusive-wording:not-measured:${language}`,
        },
      ];
    }
    const ignore = [...DEFAULT_IGNORE, ...stringListSetting(settings, 'ignore')];
    const ignoredRules = new Set([...DEFAULT_IGNORED_RULES, ...ignore]);
    const processor = retext().use(retextEnglish).use(retextEquality, { ignore });
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    const texts = [
      ...content.blocks.filter((b) => (!b.lang || primarySubtag(b.lang) === 'en') && !readsAsOtherLanguage(b.text)).map((b) => ({ selector: b.selector, snippet: b.snippet, text: b.text, where: '' })),
      ...content.altTexts.map((a) => ({ selector: a.selector, snippet: '', text: a.alt, where: 'alt text: ' })),
    ];
    for (const item of texts) {
      if (results.length >= MAX_RESULTS) break;
      // Same length, so every offset still points into the original text.
      const file = processor.processSync(item.text.replace(HYPHENATED, '$1 $2'));
      // Two rules can match the same words ("handicapped" and "handicapped parking"): the longer one says it.
      const taken: [number, number][] = [];
      const span = (message: (typeof file.messages)[number]): [number, number] => {
        const place = message.place && 'start' in message.place ? message.place : undefined;
        return [place?.start.offset ?? 0, place?.end.offset ?? 0];
      };
      const byLength = [...file.messages].sort((a, b) => span(b)[1] - span(b)[0] - (span(a)[1] - span(a)[0]));
      const kept = new Set(
        byLength.filter((message) => {
          const [from, to] = span(message);
          if (taken.some(([a, b]) => from < b && to > a)) return false;
          taken.push([from, to]);
          return true;
        }),
      );
      for (const message of file.messages) {
        if (!kept.has(message)) continue;
        const phrase = String(message.actual ?? '');
        if (ignoredRules.has(message.ruleId ?? '')) continue;
        const key = `${item.selector}|${phrase}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0;
        const end = message.place && 'end' in message.place ? (message.place.end.offset ?? start + phrase.length) : start + phrase.length;
        if (technicalSense(phrase, item.text, start, end)) continue;
        const shown = item.text.slice(start, end) || phrase;
        const suggestions = suggestionsFor(phrase, message.expected ?? []).map((e) => `“${e}”`).join(', ');
        results.push({
          kind: 'needs-review',
          selector: item.selector,
          snippet: item.snippet || undefined,
          message: checkMessage(`${item.where ? 'altMayExclude' : 'mayExclude'}${suggestions ? 'Suggest' : ''}`, { phrase: quote(shown, 40), suggestions, context: quote(contextAround(item.text, start, end), 120) }),
          causeKey: `inclusive-wording:${phrase.toLowerCase()}`,
        });
      }
    }
    return results;
  },
});
