// Flags a long PDF (10 pages or more by default) without bookmarks, the outline people use to jump to a section.
import { defineDocumentCheck, message } from './check.js';
import type { CheckSettings } from './check.js';
import { numberSetting } from './util/settings.js';

/**
 * From 10 pages on: the U.S. HHS Section 508 PDF checklist, and the university
 * checklists that copy it, ask for bookmarks in documents that exceed 9 pages. Below
 * that, paging through is quick; above it, finding a section without an outline is not.
 */
export const DEFAULT_MIN_PAGES = 10;

function minPages(settings: CheckSettings): number {
  return numberSetting(settings, 'minPages', DEFAULT_MIN_PAGES);
}

export default defineDocumentCheck({
  meta: {
    id: 'pdf-bookmarks-missing',
    title: 'Long PDF documents have bookmarks',
    family: 'documents',
    affects: ['blind', 'low-vision', 'keyboard', 'cognitive'],
    // WCAG's technique PDF2 (bookmarks) serves 2.4.5 Multiple Ways, which applies to sets of pages, not to one
    // document; EN 301 549 marks 10.2.4.5 void for documents. So this is good practice, with no criterion claimed.
    wcag: [],
    en301549: [],
    level: 'best-practice',
    impact: 'moderate',
    whyItMatters:
      'Bookmarks are a long document\'s table of contents in the viewer\'s side panel: screen-reader, keyboard and magnifier users jump straight to a section instead of paging through everything.',
    howToFix:
      'Use real headings in the source document and export with bookmarks created from them (Word: Save as PDF › Options › Create bookmarks using Headings; LibreOffice: Export as PDF › Export outlines).',
    example: 'Word: Save As › PDF › Options › [x] Create bookmarks using: Headings',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF2',
    messages: {
      missing: 'The PDF has {count} pages and no bookmarks: people cannot jump to a section.',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }, { settings }) {
    return pdf.pageCount >= minPages(settings);
  },
  evaluate({ pdf }, { settings }) {
    if (pdf.pageCount < minPages(settings) || pdf.outlineItems > 0) return [];
    return [{ kind: 'violation', message: message('missing', { count: pdf.pageCount }), causeKey: 'pdf-bookmarks-missing' }];
  },
});
