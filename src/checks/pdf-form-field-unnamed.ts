// Flags PDF form fields without a name a screen reader can announce (no tooltip /TU and no Alt on their Form tag).
import { defineDocumentCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import type { PdfFieldFact } from '../model/document.js';

/**
 * Internal names that authoring tools generate ("Text1", "Check Box3", "undefined_2",
 * "fill_4"): announcing them tells nobody what to type.
 */
const GENERATED_NAME = /^(text|text ?field|textbox|check ?box|radio( ?button)?|button|push ?button|combo ?box|list ?box|drop ?down|dropdown|choice|field|fill|form|untitled|undefined|signature|group)[\s_.\-#]*\d*$/i;

/** The name a screen reader announces: the tooltip, or the Alt of the field's Form tag. */
function accessibleName(field: PdfFieldFact): string {
  return (field.tooltip || field.structAlt || '').trim();
}

export default defineDocumentCheck({
  meta: {
    id: 'pdf-form-field-unnamed',
    title: 'PDF form fields have names a screen reader can announce',
    family: 'documents',
    affects: ['blind', 'motor', 'cognitive'],
    wcag: ['4.1.2', '3.3.2'],
    en301549: ['10.4.1.2', '10.3.3.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader announces a PDF form field by its tooltip. Without one it says "edit text" or reads an internal name like "Text1", so a blind person cannot tell which field wants their name and which their phone number, and voice-control users cannot name the field to fill it.',
    howToFix:
      'Give every field a tooltip that says what to enter (Acrobat: Prepare Form › field Properties › General › Tooltip), the same words as its visible label. Better still, offer the form as a web form.',
    example: 'Field "Text1" › Properties › Tooltip: "First name"',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF12',
    messages: {
      unnamed: 'Form field "{field}" on page {page} has no tooltip (TU) or alternative description: a screen reader announces nothing useful for it.',
      unnamedNoName: 'A form field on page {page} has no tooltip (TU), alternative description or name: a screen reader announces nothing for it.',
      internalNameOnly: 'Form field "{field}" on page {page} has no tooltip (TU): some screen readers fall back to its internal name "{field}", others announce nothing.',
      tooltipUnknown: 'The tooltip of form field "{field}" on page {page} could not be read: check that a screen reader announces a name for it.',
      xfa: 'The PDF is an XFA form: its fields cannot be checked here, and many screen readers, browsers and phones cannot fill XFA forms at all.',
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }) {
    return pdf.fields.total > 0 || pdf.isXfa;
  },
  evaluate({ pdf }) {
    const results: CheckResult[] = [];
    if (pdf.isXfa && pdf.fields.total === 0) results.push({ kind: 'needs-review', message: message('xfa'), causeKey: 'pdf-form-field-unnamed:xfa' });
    for (const field of pdf.fields.items) {
      // Hidden fields are not announced; read-only ones still are (their value is content).
      if (field.hidden || accessibleName(field)) continue;
      const name = field.name.trim();
      if (field.tooltip === null) {
        results.push({ kind: 'needs-review', impact: 'moderate', snippet: name, message: message('tooltipUnknown', { field: name, page: field.page }), causeKey: 'pdf-form-field-unnamed:unknown' });
      } else if (!name) {
        results.push({ kind: 'violation', message: message('unnamedNoName', { page: field.page }), causeKey: 'pdf-form-field-unnamed' });
      } else if (GENERATED_NAME.test(name) || /^[\d\s_.\-#]+$/.test(name)) {
        results.push({ kind: 'violation', snippet: name, message: message('unnamed', { field: name, page: field.page }), causeKey: 'pdf-form-field-unnamed' });
      } else {
        // A meaningful internal name ("first_name") helps with readers that fall back to it; not all do.
        results.push({ kind: 'needs-review', impact: 'moderate', snippet: name, message: message('internalNameOnly', { field: name, page: field.page }), causeKey: 'pdf-form-field-unnamed:internal-name' });
      }
    }
    return results;
  },
});
