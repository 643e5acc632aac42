// Flags lang attributes whose value is not a registered BCP 47 language tag (IANA subtag registry).
import tags, { type TagError } from 'language-tags';
import { definePageCheck, message } from './check.js';
import type { CheckMessage, CheckResult } from './check.js';

/** language-tags error codes for a deprecated tag (1) or subtag (11): registered, but replaced. */
const DEPRECATED_CODES = new Set([1, 11]);

/** language-tags' error codes (Tag.ERR_*) and the message key that words each one. */
const ERROR_KEYS: Record<number, string> = {
  1: 'error.deprecated',
  2: 'error.noLanguage',
  3: 'error.unknown',
  4: 'error.tooLong',
  5: 'error.extraRegion',
  6: 'error.extraExtlang',
  7: 'error.extraScript',
  8: 'error.duplicateVariant',
  9: 'error.wrongOrder',
  10: 'error.suppressScript',
  11: 'error.subtagDeprecated',
  12: 'error.extraLanguage',
};

/** language-tags' errors as messages of this check (its own texts are English sentences). */
function errorMessages(value: string, errors: TagError[]): CheckMessage[] {
  return errors.map((error) => {
    const key = ERROR_KEYS[error.code] ?? 'error.other';
    const subtag = Array.isArray(error.subtag) ? error.subtag.map(String) : [String(error.subtag ?? '')];
    if (key === 'error.deprecated') {
      // The preferred value is only in the library's English text: "… Use 'he' instead."
      const preferred = /Use '([^']+)' instead/.exec(error.message)?.[1];
      return preferred ? message('error.deprecatedUse', { tag: value, preferred }) : message(key, { tag: value });
    }
    if (key === 'error.noLanguage' && !value) return message('error.empty');
    if (key === 'error.wrongOrder') return message(key, { first: subtag[0] ?? '', second: subtag[1] ?? '' });
    return message(key, { tag: value, subtag: subtag[0] ?? '' });
  });
}

export default definePageCheck({
  meta: {
    id: 'lang-tag-valid',
    title: 'lang values are registered language tags',
    family: 'language',
    affects: ['blind', 'other-language'],
    wcag: ['3.1.1', '3.1.2'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'Screen readers, translation tools and search engines only understand registered language tags. "english", "en-UK" or "sp" look right to a person but are ignored, so text is read with the wrong voice.',
    howToFix: 'Use a tag from the IANA language subtag registry: a language code, then optionally a script and a region.',
    example: '<html lang="en-GB">  <!-- not "en-UK" or "english" -->',
    helpUrl: 'https://www.w3.org/International/questions/qa-choosing-language-tags',
    messages: {
      deprecated: '{attribute}="{value}" is deprecated: {errors}',
      invalid: '{attribute}="{value}" is not a registered language tag ({errors}).',
      invalidUnused: '{attribute}="{value}" is not a registered language tag ({errors}); the element is empty or hidden now, so it affects nobody yet.',
      'error.deprecated': 'The tag \'{tag}\' is deprecated.',
      'error.deprecatedUse': 'The tag \'{tag}\' is deprecated. Use \'{preferred}\' instead.',
      'error.subtagDeprecated': 'The subtag \'{subtag}\' is deprecated.',
      'error.empty': 'Empty tag.',
      'error.noLanguage': 'Missing language tag in \'{tag}\'.',
      'error.unknown': 'Unknown code \'{subtag}\'',
      'error.tooLong': 'The private-use subtag \'{subtag}\' is too long.',
      'error.extraLanguage': 'Extra language subtag \'{subtag}\' found.',
      'error.extraExtlang': 'Extra extlang subtag \'{subtag}\' found.',
      'error.extraRegion': 'Extra region subtag \'{subtag}\' found.',
      'error.extraScript': 'Extra script subtag \'{subtag}\' found.',
      'error.duplicateVariant': 'Duplicate variant subtag \'{subtag}\' found.',
      'error.wrongOrder': 'The subtag \'{first}\' should not appear before \'{second}\'.',
      'error.suppressScript': 'The script subtag \'{subtag}\' is the same as the language suppress-script.',
      'error.other': 'invalid',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const attr of content.langAttributes) {
      const value = attr.value.trim();
      // lang="" is valid: it says the language is unknown.
      if (!value) continue;
      const tag = tags(value);
      if (tag.valid()) continue;
      const errors = tag.errors();
      if (errors.length > 0 && errors.every((e) => DEPRECATED_CODES.has(e.code))) {
        // Deprecated tags (iw, in, i-klingon) still work in most screen readers; the modern one is safer.
        results.push({
          kind: 'needs-review',
          impact: 'minor',
          selector: attr.selector,
          snippet: attr.snippet,
          message: message('deprecated', { attribute: attr.attribute, value, errors: errorMessages(value, errors) }),
        });
        continue;
      }
      const why = errors.length > 0 ? errorMessages(value, errors) : [message('error.other')];
      // On an empty or hidden element the bad tag reaches nobody today; it may once the element fills.
      results.push({
        kind: attr.carriesText ? 'violation' : 'needs-review',
        ...(attr.carriesText ? {} : { impact: 'minor' as const }),
        selector: attr.selector,
        snippet: attr.snippet,
        message: message(attr.carriesText ? 'invalid' : 'invalidUnused', { attribute: attr.attribute, value, errors: why }),
        causeKey: `lang-tag:${value}`,
      });
    }
    return results;
  },
});
