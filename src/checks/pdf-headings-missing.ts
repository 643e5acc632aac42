// Flags a tagged PDF with a fair amount of text whose tags hold no headings (H, H1–H6); needs review, since a tool cannot see whether it shows headings.
import { defineDocumentCheck, message } from './check.js';
import type { CheckSettings } from './check.js';
import type { PdfArtifact } from '../model/document.js';
import { numberSetting } from './util/settings.js';

/**
 * About a page of prose (1,500 characters, ~250 words): shorter documents (a price
 * list, a one-page notice) often have no headings and need none.
 */
export const DEFAULT_MIN_CHARS = 1500;

/** Untagged documents are pdf-not-tagged's; short ones have no need of headings. */
function judged(pdf: PdfArtifact, settings: CheckSettings): boolean {
  return pdf.hasStructTree && pdf.text.chars >= numberSetting(settings, 'minChars', DEFAULT_MIN_CHARS);
}

export default defineDocumentCheck({
  meta: {
    id: 'pdf-headings-missing',
    title: 'Tagged PDF documents mark their headings as headings',
    family: 'documents',
    affects: ['blind', 'cognitive'],
    wcag: ['1.3.1', '2.4.6'],
    en301549: ['10.1.3.1', '10.2.4.6'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Screen-reader users skim a document by jumping from heading to heading, as sighted readers scan the big bold lines. Headings that are only big and bold, not tagged as headings, leave them reading everything from the top.',
    howToFix:
      'Format headings with the program\'s heading styles (Word: Heading 1, Heading 2; LibreOffice: Heading 1, Heading 2) instead of making text bigger and bold, then export with tags.',
    example: 'Word: select the line › Home › Styles › Heading 1',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF9',
    messages: {
      none: 'The PDF\'s tags contain no headings: if it shows headings, a screen reader cannot jump between them.',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }, { settings }) {
    return judged(pdf, settings);
  },
  evaluate({ pdf }, { settings }) {
    if (!judged(pdf, settings)) return [];
    const headings = Object.values(pdf.headings).reduce((sum, count) => sum + (count ?? 0), 0);
    if (headings > 0) return [];
    return [{ kind: 'needs-review', message: message('none'), causeKey: 'pdf-headings-missing' }];
  },
});
