// Flags a PDF without tags (no structure tree, or not marked as tagged): a screen reader gets its text with no structure, and reflow has nothing to work from.
import { defineDocumentCheck, message } from './check.js';

export default defineDocumentCheck({
  meta: {
    id: 'pdf-not-tagged',
    title: 'PDF documents are tagged',
    family: 'documents',
    affects: ['blind', 'low-vision', 'cognitive'],
    wcag: ['1.3.1'],
    en301549: ['10.1.3.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Tags tell a screen reader what each part of a PDF is: headings, paragraphs, lists, tables, images and their descriptions, and the order to read them in. Without tags it reads the page as one stream of text, often in the wrong order, and people who reflow or enlarge the text get nothing to work with.',
    howToFix:
      'Export the PDF again from the program it was written in with tags switched on: in Word, "Save as PDF" with "Document structure tags for accessibility" ticked; in LibreOffice, "Export as PDF" with "Tagged PDF" (or PDF/UA) ticked; in InDesign, "Create Tagged PDF". Re-tagging an existing PDF by hand in Acrobat is a last resort.',
    example: 'Word: File › Save As › PDF › Options › [x] Document structure tags for accessibility',
    helpUrl: 'https://webaim.org/techniques/acrobat/',
    messages: {
      untagged: 'The PDF has no tags: a screen reader reads it as one stream of text, with no headings, lists, tables or image descriptions.',
      markedWithoutTree: 'The PDF says it is tagged (MarkInfo /Marked) but has no structure tree on the pages read: there are no tags to read.',
      treeNotMarked: 'The PDF has a structure tree but does not declare itself tagged (MarkInfo /Marked is not true): some readers then ignore its tags.',
    },
  },
  requires: ['pdf'],
  evaluate({ pdf }) {
    if (pdf.hasStructTree && pdf.marked === true) return [];
    if (pdf.hasStructTree) return [{ kind: 'needs-review', impact: 'moderate', message: message('treeNotMarked'), causeKey: 'pdf-not-tagged:not-marked' }];
    if (pdf.marked === true) return [{ kind: 'violation', message: message('markedWithoutTree'), causeKey: 'pdf-not-tagged:no-tree' }];
    return [{ kind: 'violation', message: message('untagged'), causeKey: 'pdf-not-tagged' }];
  },
});
