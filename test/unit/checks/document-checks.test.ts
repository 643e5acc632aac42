// Unit tests of every document (PDF) check's evaluate on hand-made artifacts: one document that must fail and one that must pass, no browser, no pdf.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentCheck } from '../../../src/checks/check.js';
import { documentChecks } from '../../../src/checks/document-checks.js';
import { englishMessage } from '../../../src/checks/run-checks.js';
import pdfBookmarksMissing from '../../../src/checks/pdf-bookmarks-missing.js';
import pdfFigureAltMissing from '../../../src/checks/pdf-figure-alt-missing.js';
import pdfFormFieldUnnamed from '../../../src/checks/pdf-form-field-unnamed.js';
import pdfHeadingsMissing from '../../../src/checks/pdf-headings-missing.js';
import pdfLanguageMatchesContent from '../../../src/checks/pdf-language-matches-content.js';
import pdfLanguageMissing from '../../../src/checks/pdf-language-missing.js';
import pdfNoRealText from '../../../src/checks/pdf-no-real-text.js';
import pdfNoTitle from '../../../src/checks/pdf-no-title.js';
import pdfNotTagged from '../../../src/checks/pdf-not-tagged.js';
import pdfSecurityBlocksAssistiveTech from '../../../src/checks/pdf-security-blocks-assistive-tech.js';
import type { PdfArtifact } from '../../../src/model/document.js';
import { documentContext as ctx, field, pdfArtifact, SPANISH_TEXT } from './make-pdf-artifact.js';

/** Kinds and English messages of a check's results on an artifact, after its appliesTo (as the runner does). */
function judge(check: DocumentCheck, pdf: PdfArtifact, settings: Record<string, unknown> = {}): { kind: string; text: string }[] | 'not-applicable' {
  const context = { ...ctx, settings };
  if (check.appliesTo && !check.appliesTo({ pdf }, context)) return 'not-applicable';
  return check.evaluate({ pdf }, context).map((result) => ({ kind: result.kind, text: englishMessage(check, result.message) }));
}

const kinds = (outcome: ReturnType<typeof judge>) => (outcome === 'not-applicable' ? outcome : outcome.map((result) => result.kind));

describe('the well-made artifact passes every document check', () => {
  for (const check of documentChecks) {
    it(check.meta.id, () => {
      const outcome = judge(check, pdfArtifact());
      assert.ok(outcome === 'not-applicable' || outcome.length === 0, JSON.stringify(outcome));
    });
  }
});

describe('pdf-not-tagged', () => {
  it('fails an untagged PDF and one marked without a tree; a tree not marked needs review', () => {
    assert.deepEqual(kinds(judge(pdfNotTagged, pdfArtifact({ marked: null, hasStructTree: false }))), ['violation']);
    assert.deepEqual(kinds(judge(pdfNotTagged, pdfArtifact({ marked: true, hasStructTree: false }))), ['violation']);
    assert.deepEqual(kinds(judge(pdfNotTagged, pdfArtifact({ marked: false, hasStructTree: true }))), ['needs-review']);
  });
  it('passes a tagged PDF', () => assert.deepEqual(judge(pdfNotTagged, pdfArtifact()), []));
});

describe('pdf-no-real-text', () => {
  const scan = pdfArtifact({
    pages: [1, 2].map((page) => ({ page, chars: 0, unmappedGlyphs: 0, imageOps: 1 })),
    pagesRead: 2,
    text: { sample: '', chars: 0, unmappedGlyphs: 0, pagesWithText: 0 },
  });
  it('fails a scan, and says how many pages', () => {
    const outcome = judge(pdfNoRealText, scan);
    assert.deepEqual(kinds(outcome), ['violation']);
    assert.match((outcome as { text: string }[])[0].text, /All 2 pages read are images/);
  });
  it('asks for review of pages with neither text nor images, and of a scanned page among text pages', () => {
    const blank = pdfArtifact({ pages: [{ page: 1, chars: 0, unmappedGlyphs: 0, imageOps: 0 }], pagesRead: 1, text: { sample: '', chars: 0, unmappedGlyphs: 0, pagesWithText: 0 } });
    assert.deepEqual(kinds(judge(pdfNoRealText, blank)), ['needs-review']);
    const mixed = pdfArtifact({ pages: [{ page: 1, chars: 900, unmappedGlyphs: 0, imageOps: null }, { page: 2, chars: 0, unmappedGlyphs: 0, imageOps: 2 }] });
    const outcome = judge(pdfNoRealText, mixed);
    assert.deepEqual(kinds(outcome), ['needs-review']);
    assert.match((outcome as { text: string }[])[0].text, /^Page 2 is an image/);
  });
  it('fails text that is mostly unmapped glyphs, reviews a little, ignores a few bullets', () => {
    const text = (chars: number, unmappedGlyphs: number) => pdfArtifact({ text: { sample: 'x', chars, unmappedGlyphs, pagesWithText: 3 } });
    assert.deepEqual(kinds(judge(pdfNoRealText, text(1000, 600))), ['violation']);
    assert.deepEqual(kinds(judge(pdfNoRealText, text(1000, 50))), ['needs-review']);
    assert.deepEqual(judge(pdfNoRealText, text(1000, 8)), []);
  });
  it('does not apply when no page was read', () => assert.equal(judge(pdfNoRealText, pdfArtifact({ pagesRead: 0, pages: [] })), 'not-applicable'));
});

describe('pdf-no-title', () => {
  it('fails a PDF without a title', () => assert.deepEqual(kinds(judge(pdfNoTitle, pdfArtifact({ title: '  ' }))), ['violation']));
  it('fails a title the viewer is not told to show (false or absent)', () => {
    assert.deepEqual(kinds(judge(pdfNoTitle, pdfArtifact({ displayDocTitle: false }))), ['violation']);
    assert.deepEqual(kinds(judge(pdfNoTitle, pdfArtifact({ displayDocTitle: null }))), ['violation']);
  });
  it('asks for review of a file name or placeholder as title', () => {
    assert.deepEqual(kinds(judge(pdfNoTitle, pdfArtifact({ title: 'Microsoft Word - menu_v3.docx' }))), ['needs-review']);
    assert.deepEqual(kinds(judge(pdfNoTitle, pdfArtifact({ title: 'Untitled' }))), ['needs-review']);
  });
  it('passes a real title shown by the viewer', () => assert.deepEqual(judge(pdfNoTitle, pdfArtifact({ title: 'Carta de primavera' })), []));
});

describe('pdf-language-missing', () => {
  it('fails no language and an unregistered tag', () => {
    assert.deepEqual(kinds(judge(pdfLanguageMissing, pdfArtifact({ language: '' }))), ['violation']);
    const outcome = judge(pdfLanguageMissing, pdfArtifact({ language: 'english' }));
    assert.deepEqual(kinds(outcome), ['violation']);
    assert.equal((outcome as { text: string }[])[0].text, 'The PDF\'s language "english" is not a registered language tag: screen readers ignore it.');
  });
  it('reviews a deprecated tag', () => assert.deepEqual(kinds(judge(pdfLanguageMissing, pdfArtifact({ language: 'iw' }))), ['needs-review']));
  it('passes registered tags', () => {
    for (const language of ['en', 'en-GB', 'es-419', 'zh-Hant']) assert.deepEqual(judge(pdfLanguageMissing, pdfArtifact({ language })), [], language);
  });
});

describe('pdf-language-matches-content', () => {
  it('fails an English-declared PDF whose text is Spanish', () => {
    const outcome = judge(pdfLanguageMatchesContent, pdfArtifact({ language: 'en', text: { sample: SPANISH_TEXT, chars: 200, unmappedGlyphs: 0, pagesWithText: 1 } }));
    assert.deepEqual(outcome, [{ kind: 'violation', text: 'The PDF declares the language "en" but its text reads as "es".' }]);
  });
  it('passes matching text; does not apply to short text, no language or an invalid one', () => {
    assert.deepEqual(judge(pdfLanguageMatchesContent, pdfArtifact({ language: 'es-ES', text: { sample: SPANISH_TEXT, chars: 200, unmappedGlyphs: 0, pagesWithText: 1 } })), []);
    assert.equal(judge(pdfLanguageMatchesContent, pdfArtifact({ text: { sample: 'Hola, bienvenidos.', chars: 16, unmappedGlyphs: 0, pagesWithText: 1 } })), 'not-applicable');
    assert.equal(judge(pdfLanguageMatchesContent, pdfArtifact({ language: '', text: { sample: SPANISH_TEXT, chars: 200, unmappedGlyphs: 0, pagesWithText: 1 } })), 'not-applicable');
    assert.equal(judge(pdfLanguageMatchesContent, pdfArtifact({ language: 'english', text: { sample: SPANISH_TEXT, chars: 200, unmappedGlyphs: 0, pagesWithText: 1 } })), 'not-applicable');
  });
});

describe('pdf-form-field-unnamed', () => {
  const withFields = (...items: ReturnType<typeof field>[]) => pdfArtifact({ fields: { total: items.length, items } });
  it('fails fields with no tooltip and a generated or empty name', () => {
    const outcome = judge(pdfFormFieldUnnamed, withFields(field({ name: 'Text1', tooltip: '' }), field({ name: '', tooltip: '', page: 2 }), field({ name: 'Check Box 3', tooltip: '' })));
    assert.deepEqual(kinds(outcome), ['violation', 'violation', 'violation']);
    assert.equal((outcome as { text: string }[])[0].text, 'Form field "Text1" on page 1 has no tooltip (TU) or alternative description: a screen reader announces nothing useful for it.');
  });
  it('reviews a field named only by a meaningful internal name', () => {
    assert.deepEqual(kinds(judge(pdfFormFieldUnnamed, withFields(field({ name: 'first_name', tooltip: '' })))), ['needs-review']);
  });
  it('passes a tooltip, an Alt on the Form tag, and hidden fields; does not apply without fields', () => {
    assert.deepEqual(judge(pdfFormFieldUnnamed, withFields(field(), field({ name: 'Text2', tooltip: '', structAlt: 'Phone' }), field({ name: 'Text3', tooltip: '', hidden: true }))), []);
    assert.equal(judge(pdfFormFieldUnnamed, pdfArtifact()), 'not-applicable');
  });
  it('reviews a field whose tooltip could not be read', () => {
    assert.deepEqual(kinds(judge(pdfFormFieldUnnamed, withFields(field({ name: 'Text1', tooltip: null })))), ['needs-review']);
  });
  it('reviews an XFA form whose fields cannot be read', () => {
    assert.deepEqual(kinds(judge(pdfFormFieldUnnamed, pdfArtifact({ isXfa: true }))), ['needs-review']);
  });
});

describe('pdf-figure-alt-missing', () => {
  it('fails figures without alt or with an empty one, once per document with the count and pages', () => {
    const items = [{ page: 1, alt: null }, { page: 1, alt: 'Bread' }, { page: 3, alt: ' ' }];
    const outcome = judge(pdfFigureAltMissing, pdfArtifact({ figures: { total: 3, withoutAlt: 2, items } }));
    assert.deepEqual(outcome, [{ kind: 'violation', text: '2 figures have no alternative text (pages 1, 3).' }]);
  });
  it('passes figures with alt; does not apply without figures', () => {
    assert.deepEqual(judge(pdfFigureAltMissing, pdfArtifact()), []);
    assert.equal(judge(pdfFigureAltMissing, pdfArtifact({ figures: { total: 0, withoutAlt: 0, items: [] } })), 'not-applicable');
  });
});

describe('pdf-bookmarks-missing', () => {
  it('fails a 10-page PDF without bookmarks', () => {
    assert.deepEqual(judge(pdfBookmarksMissing, pdfArtifact({ pageCount: 10, outlineItems: 0 })), [{ kind: 'violation', text: 'The PDF has 10 pages and no bookmarks: people cannot jump to a section.' }]);
  });
  it('passes a long PDF with bookmarks; does not apply to 9 pages, or below the minPages setting', () => {
    assert.deepEqual(judge(pdfBookmarksMissing, pdfArtifact({ pageCount: 40, outlineItems: 5 })), []);
    assert.equal(judge(pdfBookmarksMissing, pdfArtifact({ pageCount: 9, outlineItems: 0 })), 'not-applicable');
    assert.equal(judge(pdfBookmarksMissing, pdfArtifact({ pageCount: 12, outlineItems: 0 }), { minPages: 20 }), 'not-applicable');
  });
});

describe('pdf-headings-missing', () => {
  it('asks for review of a tagged PDF with text and no heading tags', () => {
    assert.deepEqual(kinds(judge(pdfHeadingsMissing, pdfArtifact({ headings: {} }))), ['needs-review']);
  });
  it('passes headings of any level; does not apply to short or untagged PDFs', () => {
    assert.deepEqual(judge(pdfHeadingsMissing, pdfArtifact({ headings: { H: 1 } })), []);
    assert.equal(judge(pdfHeadingsMissing, pdfArtifact({ headings: {}, text: { sample: 'Prices', chars: 300, unmappedGlyphs: 0, pagesWithText: 1 } })), 'not-applicable');
    assert.equal(judge(pdfHeadingsMissing, pdfArtifact({ headings: {}, hasStructTree: false })), 'not-applicable');
  });
});

describe('pdf-security-blocks-assistive-tech', () => {
  const security = (copyForAccessibility: boolean, copy = false) => ({ encrypted: true, filter: 'Standard', copy, copyForAccessibility });
  it('fails an encrypted PDF that forbids extraction for accessibility; reviews it in PDF 2.0', () => {
    assert.deepEqual(kinds(judge(pdfSecurityBlocksAssistiveTech, pdfArtifact({ security: security(false) }))), ['violation']);
    assert.deepEqual(kinds(judge(pdfSecurityBlocksAssistiveTech, pdfArtifact({ version: '2.0', security: security(false) }))), ['needs-review']);
  });
  it('passes an encrypted PDF that allows it (copying forbidden or not); does not apply unencrypted', () => {
    assert.deepEqual(judge(pdfSecurityBlocksAssistiveTech, pdfArtifact({ security: security(true) })), []);
    assert.deepEqual(judge(pdfSecurityBlocksAssistiveTech, pdfArtifact({ security: security(true, true) })), []);
    assert.equal(judge(pdfSecurityBlocksAssistiveTech, pdfArtifact()), 'not-applicable');
  });
});
