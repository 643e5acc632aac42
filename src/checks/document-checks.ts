// Every document (PDF) check. Kept apart from the page registry so the page runner never calls them; runDocumentChecks runs these.
import type { DocumentCheck } from './check.js';
import pdfBookmarksMissing from './pdf-bookmarks-missing.js';
import pdfFigureAltMissing from './pdf-figure-alt-missing.js';
import pdfFormFieldUnnamed from './pdf-form-field-unnamed.js';
import pdfHeadingsMissing from './pdf-headings-missing.js';
import pdfLanguageMatchesContent from './pdf-language-matches-content.js';
import pdfLanguageMissing from './pdf-language-missing.js';
import pdfNoRealText from './pdf-no-real-text.js';
import pdfNoTitle from './pdf-no-title.js';
import pdfNotTagged from './pdf-not-tagged.js';
import pdfSecurityBlocksAssistiveTech from './pdf-security-blocks-assistive-tech.js';

export const documentChecks: DocumentCheck[] = [
  pdfNotTagged,
  pdfNoRealText,
  pdfNoTitle,
  pdfLanguageMissing,
  pdfLanguageMatchesContent,
  pdfFormFieldUnnamed,
  pdfFigureAltMissing,
  pdfBookmarksMissing,
  pdfHeadingsMissing,
  pdfSecurityBlocksAssistiveTech,
];

/**
 * What no document check can judge, said once in the report wherever documents were
 * audited, not as a finding on every document: a tool cannot tell reading order or the
 * meaning of colour from a PDF reliably. Words are in locales/<code>.json under
 * documentManualSteps.<id>.
 */
export interface ManualStep {
  id: string;
  wcag: string[];
  en301549: string[];
}

export const documentManualSteps: readonly ManualStep[] = [
  { id: 'readingOrder', wcag: ['1.3.2', '2.4.3'], en301549: ['10.1.3.2', '10.2.4.3'] },
  { id: 'colour', wcag: ['1.4.1', '1.4.3', '1.4.11'], en301549: ['10.1.4.1', '10.1.4.3', '10.1.4.11'] },
];
