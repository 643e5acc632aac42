// Flags a PDF without a title in its metadata, with a file name for a title, or whose viewer is told to show the file name instead.
import { defineDocumentCheck, message } from './check.js';
import type { CheckResult } from './check.js';

/**
 * Titles that are not titles: a file name (what Word and others copy into the metadata
 * when the author set none), Word's "Microsoft Word - " prefix, or a placeholder.
 */
const FILE_NAME_TITLE = /\.(docx?|pdf|odt|rtf|pages|pptx?|odp|xlsx?|ods|indd|ai|psd|html?|txt)$/i;
const PLACEHOLDER_TITLE = /^(microsoft (word|powerpoint|excel) - |untitled\b|sin título\b|document\d*$|doc\d*$|title$)/i;

export default defineDocumentCheck({
  meta: {
    id: 'pdf-no-title',
    title: 'PDF documents have a title, and viewers show it',
    family: 'documents',
    affects: ['blind', 'cognitive', 'everyone'],
    wcag: ['2.4.2'],
    en301549: ['10.2.4.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'The title is the first thing a screen reader announces and what a tab or window shows. Without one, or when the viewer is told to show the file name, people hear "menu_final_v3.pdf" and cannot tell documents apart.',
    howToFix:
      'Set the title in the document properties before exporting (Word: File › Info › Properties › Title), and tick the option that makes viewers show it (Acrobat: File › Properties › Initial View › Show: Document Title; LibreOffice PDF export: User Interface › Display document title).',
    example: 'Title: "Lunch menu, spring 2026"   Initial View › Show: Document Title',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF18',
    messages: {
      missing: 'The PDF has no title in its metadata: viewers and screen readers show its file name instead.',
      placeholder: 'The PDF\'s title is "{title}", which looks like a file name or a placeholder, not a title a person wrote.',
      displayFileName: 'The PDF has the title "{title}", but viewers are not told to show it (ViewerPreferences /DisplayDocTitle is not true): they show the file name.',
    },
  },
  requires: ['pdf'],
  evaluate({ pdf }) {
    const title = pdf.title.trim();
    if (!title) return [{ kind: 'violation', message: message('missing'), causeKey: 'pdf-no-title:missing' }];
    const results: CheckResult[] = [];
    if (FILE_NAME_TITLE.test(title) || PLACEHOLDER_TITLE.test(title)) {
      results.push({ kind: 'needs-review', impact: 'moderate', snippet: title, message: message('placeholder', { title }), causeKey: 'pdf-no-title:placeholder' });
    }
    if (pdf.displayDocTitle !== true) {
      // Absent means false: the viewer's default is the file name (ISO 32000-1, 12.2, ViewerPreferences).
      results.push({ kind: 'violation', impact: 'moderate', snippet: title, message: message('displayFileName', { title }), causeKey: 'pdf-no-title:display-file-name' });
    }
    return results;
  },
});
