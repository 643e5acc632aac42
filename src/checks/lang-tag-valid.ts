// Flags lang attributes whose value is not a registered BCP 47 language tag (IANA subtag registry).
import tags from 'language-tags';
import { definePageCheck } from './check.js';
import type { CheckResult } from './check.js';

/** language-tags error codes for a deprecated tag (1) or subtag (11): registered, but replaced. */
const DEPRECATED_CODES = new Set([1, 11]);

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
          message: `${attr.attribute}="${value}" is deprecated: ${errors.map((e) => e.message).join(' ')}`,
        });
        continue;
      }
      const why = errors.map((e) => e.message).join('; ');
      if (!attr.carriesText) {
        // On an empty or hidden element the bad tag reaches nobody today; it may once the element fills.
        results.push({
          kind: 'needs-review',
          impact: 'minor',
          selector: attr.selector,
          snippet: attr.snippet,
          message: `${attr.attribute}="${value}" is not a registered language tag (${why || 'invalid'}); the element is empty or hidden now, so it affects nobody yet.`,
          causeKey: `lang-tag:${value}`,
        });
        continue;
      }
      results.push({
        kind: 'violation',
        selector: attr.selector,
        snippet: attr.snippet,
        message: `${attr.attribute}="${value}" is not a registered language tag (${why || 'invalid'}).`,
        causeKey: `lang-tag:${value}`,
      });
    }
    return results;
  },
});
