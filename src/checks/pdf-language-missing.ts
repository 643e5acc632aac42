// Flags a PDF that declares no language (/Lang in the catalog), or one that is not a registered BCP 47 tag.
import tags from 'language-tags';
import { defineDocumentCheck, message } from './check.js';

/** language-tags error codes for a deprecated tag (1) or subtag (11): registered, but replaced (as in lang-tag-valid). */
const DEPRECATED_CODES = new Set([1, 11]);

export default defineDocumentCheck({
  meta: {
    id: 'pdf-language-missing',
    title: 'PDF documents declare a valid language',
    family: 'documents',
    affects: ['blind', 'other-language'],
    wcag: ['3.1.1'],
    en301549: ['10.3.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader picks its voice and pronunciation from the document language. Without one it uses its own default, so a Spanish menu is read with English pronunciation, and braille and translation tools guess.',
    howToFix:
      'Set the language of the document before exporting (Word: Review › Language; LibreOffice: Tools › Options › Language Settings), or in Acrobat: File › Properties › Advanced › Language. Use a registered tag such as "es" or "en-GB".',
    example: 'Acrobat: File › Properties › Advanced › Reading Options › Language: Spanish (es)',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF16',
    messages: {
      missing: 'The PDF declares no language (no /Lang in its catalog): screen readers read it with their default voice.',
      invalid: 'The PDF\'s language "{value}" is not a registered language tag: screen readers ignore it.',
      deprecated: 'The PDF\'s language "{value}" is a deprecated tag: use its modern replacement.',
    },
  },
  requires: ['pdf'],
  evaluate({ pdf }) {
    const value = pdf.language.trim();
    if (!value) return [{ kind: 'violation', message: message('missing'), causeKey: 'pdf-language-missing' }];
    const tag = tags(value);
    if (tag.valid()) return [];
    const errors = tag.errors();
    if (errors.length > 0 && errors.every((error) => DEPRECATED_CODES.has(error.code))) {
      return [{ kind: 'needs-review', impact: 'minor', snippet: value, message: message('deprecated', { value }), causeKey: `pdf-language-deprecated:${value}` }];
    }
    return [{ kind: 'violation', snippet: value, message: message('invalid', { value }), causeKey: `pdf-language-invalid:${value}` }];
  },
});
