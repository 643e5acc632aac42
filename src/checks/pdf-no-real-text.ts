// Flags a PDF whose pages are images of text (a scan), whose text cannot be extracted, or whose glyphs have no Unicode mapping.
import { defineDocumentCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/**
 * Above this share of unmapped glyphs the extracted text is mostly noise: a screen
 * reader spells out garbage. A quarter leaves room for symbol fonts (Word's bullets come
 * out as private-use characters) in an otherwise readable document.
 */
const UNMAPPED_VIOLATION_SHARE = 0.25;
/** Below this share (2 %) and count (10) a few symbols or dingbats are normal and not worth a look. */
const UNMAPPED_REVIEW_SHARE = 0.02;
const UNMAPPED_REVIEW_MIN = 10;
/** Page numbers listed in a message; the count says how many more there are. */
const LISTED_PAGES = 10;

export default defineDocumentCheck({
  meta: {
    id: 'pdf-no-real-text',
    title: 'PDF documents contain real text, not pictures of text',
    family: 'documents',
    affects: ['blind', 'low-vision', 'cognitive', 'other-language'],
    wcag: ['1.1.1', '1.4.5'],
    en301549: ['10.1.1.1', '10.1.4.5'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'A scanned page is a photograph: a screen reader finds nothing to read, the text cannot be enlarged without blurring, searched, copied or translated. Text whose characters have no Unicode mapping is read aloud as nonsense.',
    howToFix:
      'Publish the PDF exported from the original document (Word, LibreOffice, InDesign) instead of a scan. If only paper exists, run text recognition (OCR) and check the result, or publish the content as a web page. For unmapped characters, export again with fonts embedded and "ToUnicode" mapping (PDF/A or PDF/UA export does this).',
    example: 'Acrobat: Scan & OCR › Recognize text; LibreOffice: Export as PDF › [x] PDF/UA',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF7',
    messages: {
      scanned: {
        one: 'The page read is an image with no text (a scan): a screen reader finds nothing to read.',
        other: 'All {count} pages read are images with no text (a scan): a screen reader finds nothing to read.',
      },
      noText: 'No text could be extracted from the pages read, and they hold no images: the text may be drawn as shapes. Check that the PDF is not empty and that its text can be selected.',
      someScanned: {
        one: 'Page {pages} is an image with no text: if it shows text, a screen reader cannot read it.',
        other: '{count} pages are images with no text (pages {pages}): if they show text, a screen reader cannot read it.',
      },
      unmapped: '{percent}% of the extracted characters ({count}) have no Unicode mapping: a screen reader reads them as nonsense.',
      someUnmapped: '{count} extracted characters ({percent}%) have no Unicode mapping: check that symbols and special letters are read correctly.',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }) {
    return pdf.pagesRead > 0;
  },
  evaluate({ pdf }) {
    const results: CheckResult[] = [];
    const imageOnly = pdf.pages.filter((page) => page.chars === 0 && (page.imageOps ?? 0) > 0).map((page) => page.page);
    const listed = (pages: number[]) => pages.slice(0, LISTED_PAGES).join(', ') + (pages.length > LISTED_PAGES ? ', …' : '');
    if (pdf.text.pagesWithText === 0) {
      if (imageOnly.length > 0) results.push({ kind: 'violation', message: message('scanned', { count: pdf.pagesRead }), causeKey: 'pdf-no-real-text:scan' });
      // No text and no image: outlined text, or an empty document; a person must look.
      else results.push({ kind: 'needs-review', impact: 'serious', message: message('noText'), causeKey: 'pdf-no-real-text:no-text' });
      return results;
    }
    // Some pages with text, some only images: a cover photo is fine, a scanned page inside a report is not.
    if (imageOnly.length > 0) {
      results.push({ kind: 'needs-review', impact: 'serious', message: message('someScanned', { count: imageOnly.length, pages: listed(imageOnly) }), causeKey: 'pdf-no-real-text:some-scanned' });
    }
    const { chars, unmappedGlyphs } = pdf.text;
    const share = chars > 0 ? Math.min(1, unmappedGlyphs / chars) : 0;
    const percent = Math.round(share * 100);
    if (share >= UNMAPPED_VIOLATION_SHARE) {
      results.push({ kind: 'violation', message: message('unmapped', { count: unmappedGlyphs, percent }), causeKey: 'pdf-no-real-text:unmapped' });
    } else if (share >= UNMAPPED_REVIEW_SHARE && unmappedGlyphs >= UNMAPPED_REVIEW_MIN) {
      results.push({ kind: 'needs-review', impact: 'moderate', message: message('someUnmapped', { count: unmappedGlyphs, percent: Math.max(percent, 1) }), causeKey: 'pdf-no-real-text:some-unmapped' });
    }
    return results;
  },
});
