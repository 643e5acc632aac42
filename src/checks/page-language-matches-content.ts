// Flags a page whose declared language (html lang) is not the language its main text is written in; short pages are judged by their commonest small words.
import { definePageCheck, message } from './check.js';
import { clearlyDifferent, detectLanguage, MIN_PAGE_TEXT_CHARS, primarySubtag } from '../language/detect-language.js';
import { shortTextMismatch } from '../language/stop-words.js';
import { numberSetting } from './util/settings.js';

/** Short pages are judged on all their text in the page language (headings, navigation too), up to this much. */
const SHORT_TEXT_CHARS = 2_000;

export default definePageCheck({
  meta: {
    id: 'page-language-matches-content',
    title: 'The page language matches the language of its text',
    family: 'language',
    affects: ['blind', 'cognitive', 'other-language'],
    wcag: ['3.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Screen readers and translation tools pick a voice and a dictionary from the page language. A Spanish page marked as English is read aloud with English pronunciation, which makes it hard or impossible to understand, and browsers do not offer to translate it.',
    howToFix: 'Set the lang attribute on the <html> element to the language the page is written in.',
    example: '<html lang="es">',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-page.html',
    messages: {
      mismatch: 'The page says it is in {declared:language} (lang="{tag}") but its main text reads as {detected:language} ("{detected}").',
      shortText: 'The page says it is in {declared:language} (lang="{tag}") but its text, though short, is plainly {detected:language} ("{detected}"): it has {count} of that language’s commonest words ({examples}) and hardly any of the declared one’s.',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const declared = content.htmlLang.trim();
    // No or empty lang is axe's html-has-lang rule; there is nothing to compare with.
    if (!declared) return [];
    const minChars = numberSetting(settings, 'minChars', MIN_PAGE_TEXT_CHARS);
    const at = { selector: 'html', snippet: `<html lang="${declared}">` };
    if (content.mainText.length >= minChars) {
      const detection = detectLanguage(content.mainText);
      if (!clearlyDifferent(detection, declared)) return [];
      return [
        {
          kind: 'violation',
          ...at,
          message: message('mismatch', { declared: primarySubtag(declared), tag: declared, detected: detection.language }),
          causeKey: `page-language:${declared}->${detection.language}`,
        },
      ];
    }
    // Too little main text for n-gram detection: every block in the page language, weighed by function words.
    const text = content.blocks
      .filter((block) => block.inheritsPageLang)
      .map((block) => block.text)
      .join('\n')
      .slice(0, SHORT_TEXT_CHARS);
    const evidence = shortTextMismatch(text, declared);
    if (!evidence) return [];
    return [
      {
        kind: 'violation',
        ...at,
        message: message('shortText', { declared: primarySubtag(declared), tag: declared, detected: evidence.language, count: evidence.hits, examples: evidence.examples.join(', ') }),
        causeKey: `page-language:${declared}->${evidence.language}`,
      },
    ];
  },
});
