// Flags an encrypted PDF whose permissions forbid extracting its content for accessibility (P bit 10), which stops screen readers.
import { defineDocumentCheck, message } from './check.js';

export default defineDocumentCheck({
  meta: {
    id: 'pdf-security-blocks-assistive-tech',
    title: 'PDF security settings let assistive technology read the content',
    family: 'documents',
    affects: ['blind', 'low-vision'],
    // No criterion names permission flags; the effect is that no text or structure is programmatically determinable.
    wcag: ['1.3.1'],
    en301549: ['10.1.3.1'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'A PDF can be locked so that its text may not be copied "for accessibility". Screen readers and read-aloud tools that honour the lock then cannot read a single word, although the document opens and looks normal.',
    howToFix:
      'Remove the restrictions, or at least allow content copying for accessibility (Acrobat: File › Properties › Security › Change Settings › [x] Enable text access for screen reader devices). Restricting printing or editing does not need this lock.',
    example: 'Acrobat: Security › Permissions › [x] Enable text access for screen reader devices for the visually impaired',
    helpUrl: 'https://webaim.org/techniques/acrobat/',
    messages: {
      blocked: 'The PDF is encrypted and forbids extracting its content for accessibility: screen readers that honour the lock cannot read it.',
      blockedPdf2: 'The PDF is encrypted and forbids extracting its content for accessibility. PDF 2.0 tells readers to ignore this flag, but older readers still honour it.',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }) {
    return pdf.security.encrypted;
  },
  evaluate({ pdf }) {
    if (!pdf.security.encrypted || pdf.security.copyForAccessibility !== false) return [];
    // ISO 32000-2 deprecates bit 10 and has readers grant access regardless; not every reader in use does.
    if (pdf.version?.startsWith('2')) return [{ kind: 'needs-review', impact: 'serious', message: message('blockedPdf2'), causeKey: 'pdf-security-blocks-assistive-tech' }];
    return [{ kind: 'violation', message: message('blocked'), causeKey: 'pdf-security-blocks-assistive-tech' }];
  },
});
