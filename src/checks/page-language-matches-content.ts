// Flags a page whose declared language (html lang) is not the language its main text is written in.
import { definePageCheck } from './check.js';
import { clearlyDifferent, detectLanguage, languageName, MIN_PAGE_TEXT_CHARS } from '../language/detect-language.js';
import { numberSetting } from './util/settings.js';

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
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const declared = content.htmlLang.trim();
    // No or empty lang is axe's html-has-lang rule; there is nothing to compare with.
    if (!declared) return [];
    const minChars = numberSetting(settings, 'minChars', MIN_PAGE_TEXT_CHARS);
    if (content.mainText.length < minChars) return [];
    const detection = detectLanguage(content.mainText);
    if (!clearlyDifferent(detection, declared)) return [];
    return [
      {
        kind: 'violation',
        selector: 'html',
        snippet: `<html lang="${declared}">`,
        message: `The page says it is in ${languageName(declared)} (lang="${declared}") but its main text reads as ${languageName(detection.language)} ("${detection.language}").`,
        causeKey: `page-language:${declared}->${detection.language}`,
      },
    ];
  },
});
