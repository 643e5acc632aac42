// Flags a PDF whose declared language is not the language its text is written in (the same detection as pages).
import tags from 'language-tags';
import { defineDocumentCheck, message } from './check.js';
import type { CheckSettings } from './check.js';
import type { PdfArtifact } from '../model/document.js';
import { clearlyDifferent, detectLanguage, MIN_PAGE_TEXT_CHARS } from '../language/detect-language.js';
import { numberSetting } from './util/settings.js';

/** Nothing to compare without a valid declared language (pdf-language-missing says so) or enough text (as for pages). */
function comparable(pdf: PdfArtifact, settings: CheckSettings): boolean {
  const declared = pdf.language.trim();
  return declared !== '' && tags(declared).valid() && pdf.text.sample.length >= numberSetting(settings, 'minChars', MIN_PAGE_TEXT_CHARS);
}

export default defineDocumentCheck({
  meta: {
    id: 'pdf-language-matches-content',
    title: 'The PDF\'s language matches the language of its text',
    family: 'documents',
    affects: ['blind', 'cognitive', 'other-language'],
    wcag: ['3.1.1'],
    en301549: ['10.3.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader reads the text with the pronunciation of the declared language: a Spanish menu declared as English is read with English sounds and is hard or impossible to understand.',
    howToFix: 'Set the document language to the language the document is written in, in the source document or in Acrobat: File › Properties › Advanced › Language.',
    example: 'Language: Spanish (es), not English (en)',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-page.html',
    messages: {
      differs: 'The PDF declares the language "{declared}" but its text reads as "{detected}".',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }, { settings }) {
    return comparable(pdf, settings);
  },
  evaluate({ pdf }, { settings }) {
    if (!comparable(pdf, settings)) return [];
    const declared = pdf.language.trim();
    const detection = detectLanguage(pdf.text.sample);
    if (!clearlyDifferent(detection, declared)) return [];
    return [
      {
        kind: 'violation',
        snippet: declared,
        message: message('differs', { declared, detected: detection.language }),
        causeKey: `pdf-language:${declared}->${detection.language}`,
      },
    ];
  },
});
