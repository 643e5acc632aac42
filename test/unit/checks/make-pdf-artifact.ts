// Builds a hand-made PdfArtifact of a well-made document, so each document-check test states only what it breaks.
import type { PdfArtifact, PdfFieldFact } from '../../../src/model/document.js';

export const ENGLISH_TEXT =
  'Our bakery opens every day at half past seven. We bake the bread through the night with sourdough and flour from nearby mills, and there is always hot coffee and a place to sit. On Sundays we close at two in the afternoon.';
export const SPANISH_TEXT =
  'Nuestra panadería abre todos los días a las siete y media. Horneamos el pan durante la noche con masa madre y harina de molinos cercanos, y siempre hay café caliente y un sitio para sentarse. Los domingos cerramos a las dos de la tarde.';

/** A tagged, titled, English, 3-page document with text, one figure with alt, no fields, no encryption. */
export function pdfArtifact(overrides: Partial<PdfArtifact> = {}): PdfArtifact {
  const pages = [1, 2, 3].map((page) => ({ page, chars: 800, unmappedGlyphs: 0, imageOps: null }));
  return {
    bytes: 40_000,
    pageCount: 3,
    pagesRead: 3,
    version: '1.7',
    producer: 'Skia/PDF m156',
    creator: 'test',
    title: 'Lunch menu',
    displayDocTitle: true,
    language: 'en',
    marked: true,
    hasStructTree: true,
    text: { sample: ENGLISH_TEXT, chars: 2400, unmappedGlyphs: 0, pagesWithText: 3 },
    pages,
    outlineItems: 3,
    headings: { H1: 1, H2: 2 },
    figures: { total: 1, withoutAlt: 0, items: [{ page: 1, alt: 'A loaf of bread' }] },
    fields: { total: 0, items: [] },
    security: { encrypted: false, filter: null, copy: null, copyForAccessibility: null },
    hasJavaScript: false,
    isXfa: false,
    warnings: [],
    ...overrides,
  };
}

export function field(overrides: Partial<PdfFieldFact> = {}): PdfFieldFact {
  return { page: 1, name: 'first_name', tooltip: 'First name', structAlt: '', fieldType: 'Tx', hidden: false, readOnly: false, ...overrides };
}

export const documentContext = { url: 'http://127.0.0.1/menu.pdf', settings: {} };
