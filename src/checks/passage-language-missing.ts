// Flags passages written in another language than the one declared for them (a missing or wrong lang on the block).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { clearlyDifferent, detectLanguage, MIN_BLOCK_TEXT_CHARS, MIN_PAGE_TEXT_CHARS } from '../language/detect-language.js';
import { numberSetting } from './util/settings.js';
import { quote } from './util/text.js';

/** Twenty passages are enough to show the pattern; more would drown the page's other findings. */
const MAX_RESULTS = 20;

export default definePageCheck({
  meta: {
    id: 'passage-language-missing',
    title: 'Passages in another language are marked with lang',
    family: 'language',
    affects: ['blind', 'cognitive', 'other-language'],
    wcag: ['3.1.2'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'A screen reader reads a French quote on an English page with English pronunciation unless the quote says it is French. Translation tools also leave the passage alone or mangle it.',
    howToFix: 'Add a lang attribute to the element that holds the passage, with the language it is written in.',
    example: '<blockquote lang="fr"><p>Le pain se partage.</p></blockquote>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts.html',
    messages: {
      noLang: 'This passage reads as {detected:language} but has no lang attribute of its own, so it is read as {lang:language}: {text}',
      wrongLang: 'This passage reads as {detected:language} but is marked lang="{lang}", so it is read as {lang:language}: {text}',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const minChars = numberSetting(settings, 'minChars', MIN_BLOCK_TEXT_CHARS);
    const declaredPage = content.htmlLang.trim();
    // When the whole page is in another language than declared, page-language-matches-content reports it once instead.
    const pageMismatch =
      !!declaredPage && content.mainText.length >= MIN_PAGE_TEXT_CHARS && clearlyDifferent(detectLanguage(content.mainText), declaredPage);
    const results: CheckResult[] = [];
    for (const block of content.blocks) {
      if (results.length >= MAX_RESULTS) break;
      if (block.text.length < minChars || !block.lang.trim()) continue;
      if (block.inheritsPageLang && pageMismatch) continue;
      const detection = detectLanguage(block.text);
      if (!clearlyDifferent(detection, block.lang)) continue;
      results.push({
        kind: 'violation',
        selector: block.selector,
        snippet: block.snippet,
        message: message(block.inheritsPageLang ? 'noLang' : 'wrongLang', { detected: detection.language, lang: block.lang, text: quote(block.text) }),
      });
    }
    return results;
  },
});
