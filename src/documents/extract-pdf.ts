// Reads the facts the document checks need out of a PDF with pdf.js; runs inside the reading worker (pdf-worker.ts), never in the main thread.
import { getDocument, OPS, PermissionFlag } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfArtifact, PdfFieldFact, PdfFigureFact, PdfHeadingCounts, PdfPageFact } from '../model/document.js';
import { ARTIFACT_CAPS } from './limits.js';

export interface ExtractOptions {
  maxPages: number;
  maxImageCheckPages: number;
  /** Directory URL of pdf.js's packed CMaps, so CJK text maps to Unicode (read from the package, nothing from the system). */
  cMapUrl?: string;
}

/** A failure pdf.js reports for the whole document, by pdf.js's exception name. */
export class ExtractError extends Error {
  constructor(
    readonly kind: 'password-protected' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** Operators that paint an image (XObject, inline, mask). */
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintSolidColorImageMask,
]);

const HEADING_ROLES = new Set(['H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** pdf.js's prefix for annotation ids in the structure tree ("pdfjs_internal_id_12R" is annotation "12R"). */
const ANNOTATION_PREFIX = 'pdfjs_internal_id_';

/**
 * Glyphs without a Unicode mapping come out of pdf.js as private-use code points, the
 * replacement character or control codes: none of them is text a person wrote.
 */
function isUnmappedGlyph(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000 || code === 0xfffd) return true;
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

export function countUnmappedGlyphs(text: string): number {
  let count = 0;
  for (const char of text) if (isUnmappedGlyph(char)) count += 1;
  return count;
}

/** The text without such characters: what language detection should see. */
function withoutUnmappedGlyphs(text: string): string {
  let kept = '';
  for (const char of text) if (!isUnmappedGlyph(char)) kept += char;
  return kept;
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

interface StructFacts {
  headings: PdfHeadingCounts;
  figures: PdfFigureFact[];
  /** Alt of Form elements, by the annotation id they hold. */
  formAlts: Map<string, string>;
  truncated: boolean;
}

/** Walks one page's structure tree (iteratively, with a node cap) for headings, figures and form alternates. */
function walkStructTree(root: StructNode, page: number): StructFacts {
  const facts: StructFacts = { headings: {}, figures: [], formAlts: new Map(), truncated: false };
  const stack: StructNode[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    visited += 1;
    if (visited > ARTIFACT_CAPS.structNodesPerPage) {
      facts.truncated = true;
      break;
    }
    const role = node.role ?? '';
    if (HEADING_ROLES.has(role)) facts.headings[role as keyof PdfHeadingCounts] = (facts.headings[role as keyof PdfHeadingCounts] ?? 0) + 1;
    if (role === 'Figure') facts.figures.push({ page, alt: typeof node.alt === 'string' ? node.alt : null });
    if (role === 'Form' && typeof node.alt === 'string') {
      for (const child of node.children ?? []) if (child.type === 'annotation' && child.id) facts.formAlts.set(child.id.replace(ANNOTATION_PREFIX, ''), node.alt);
    }
    // Reversed so the walk keeps document order (figures listed as they come).
    for (const child of [...(node.children ?? [])].reverse()) if (child.role !== undefined) stack.push(child);
  }
  return facts;
}

/** Counts outline entries depth-first up to the cap. */
function countOutline(items: { items?: unknown[] }[] | null): number {
  let count = 0;
  const stack = [...(items ?? [])];
  while (stack.length > 0 && count < ARTIFACT_CAPS.outlineItems) {
    const item = stack.pop() as { items?: { items?: unknown[] }[] };
    count += 1;
    if (Array.isArray(item.items)) stack.push(...item.items);
  }
  return count;
}

interface WidgetData {
  subtype?: string;
  id?: string;
  fieldType?: string;
  fieldName?: string;
  alternativeText?: string;
  hidden?: boolean;
  readOnly?: boolean;
  actions?: Record<string, unknown> | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One entry of a dictionary pdf.js hands over: a Map in pdf.js 6.5 (MarkInfo, ViewerPreferences), although its types say a plain object. */
function entry(dictionary: unknown, key: string): unknown {
  if (dictionary instanceof Map) return dictionary.get(key);
  return dictionary && typeof dictionary === 'object' ? (dictionary as Record<string, unknown>)[key] : undefined;
}

/** The PDF version from the header ("1.7"), which pdf.js reports as PDFFormatVersion. */
function versionOf(info: Record<string, unknown>): string | null {
  const version = info['PDFFormatVersion'];
  return typeof version === 'string' && version ? version : null;
}

/**
 * Tooltips (TU) of the AcroForm's fields by full name, read with pdf-lib. pdf.js reads TU
 * from the widget only, so a field whose widgets are its kids (radio groups, pdf-lib's
 * fields) would look unnamed. Encrypted strings are not decrypted here: they count as a
 * name, which errs towards "named". Null when pdf-lib cannot read the file.
 */
async function tooltipsOfFields(bytes: Uint8Array): Promise<Map<string, string> | null> {
  try {
    const { PDFDocument, PDFHexString, PDFName, PDFString } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    const tooltips = new Map<string, string>();
    for (const field of doc.getForm().getFields()) {
      const tooltip = field.acroField.dict.lookup(PDFName.of('TU'));
      if (tooltip instanceof PDFString || tooltip instanceof PDFHexString) tooltips.set(field.getName(), tooltip.decodeText());
    }
    return tooltips;
  } catch {
    return null;
  }
}

export async function extractPdf(data: Uint8Array, options: ExtractOptions): Promise<PdfArtifact> {
  const bytes = data.byteLength;
  // pdf.js takes ownership of what it is given; the original stays for the tooltip lookup.
  const loadingTask = getDocument({
    data: data.slice(),
    // PDF JavaScript is never run: pdf.js runs none without the viewer's scripting sandbox (pdf.sandbox.mjs),
    // which nothing here loads. pdf.js 6 has no eval path left (its isEvalSupported option went with the
    // PostScript compiler); test/unit/documents/pdfjs-safety.test.ts keeps it that way.
    enableXfa: false,
    // No fonts are installed anywhere: no FontFace, no system fonts.
    disableFontFace: true,
    useSystemFonts: false,
    // Nothing is fetched: the bytes are all pdf.js gets (CMaps come from the package directory).
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') throw new ExtractError('password-protected', 'the PDF needs a password to open');
    throw new ExtractError('corrupt', `pdf.js could not read it: ${message}`);
  }
  let artifact: PdfArtifact;
  try {
    artifact = await readDocument(doc, bytes, options);
  } finally {
    await loadingTask.destroy().catch(() => undefined);
  }
  const untold = artifact.fields.items.filter((field) => field.tooltip === '' && field.structAlt === '');
  if (untold.length > 0) {
    const tooltips = await tooltipsOfFields(data);
    for (const field of untold) field.tooltip = tooltips ? (tooltips.get(field.name) ?? '') : null;
  }
  return artifact;
}

async function readDocument(doc: PDFDocumentProxy, bytes: number, options: ExtractOptions): Promise<PdfArtifact> {
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < ARTIFACT_CAPS.warnings) warnings.push(message);
  };
  const { info: rawInfo, metadata } = await doc.getMetadata();
  const info = (rawInfo ?? {}) as Record<string, unknown>;
  const xmpTitle = metadata?.get('dc:title');
  const markInfo = await doc.getMarkInfo().catch(() => null);
  const viewerPreferences: unknown = await doc.getViewerPreferences().catch(() => null);
  const displayDocTitle = entry(viewerPreferences, 'DisplayDocTitle');
  const outline = await doc.getOutline().catch(() => null);
  const permissions = await doc.getPermissions().catch(() => null);
  const jsActions = await doc.getJSActions().catch(() => null);
  const encrypted = typeof info['EncryptFilterName'] === 'string';

  const pageCount = doc.numPages;
  const pagesToRead = Math.min(pageCount, options.maxPages);
  if (pagesToRead < pageCount) warn(`only the first ${pagesToRead} of ${pageCount} pages were read`);
  const pages: PdfPageFact[] = [];
  const headings: PdfHeadingCounts = {};
  const figures: PdfFigureFact[] = [];
  let figureTotal = 0;
  let figuresWithoutAlt = 0;
  const fields: PdfFieldFact[] = [];
  let fieldTotal = 0;
  let hasStructTree = false;
  let hasJavaScript = jsActions instanceof Map ? jsActions.size > 0 : jsActions !== null && Object.keys(jsActions).length > 0;
  let sample = '';
  let imageChecks = 0;

  for (let number = 1; number <= pagesToRead; number++) {
    let page: PDFPageProxy | undefined;
    try {
      page = await doc.getPage(number);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pageText += item.str + (item.hasEOL ? '\n' : ' ');
      }
      const chars = pageText.replace(/\s+/g, '').length;
      const unmappedGlyphs = countUnmappedGlyphs(pageText);
      if (sample.length < ARTIFACT_CAPS.textSampleChars && chars > unmappedGlyphs) {
        sample = `${sample} ${withoutUnmappedGlyphs(pageText).replace(/\s+/g, ' ').trim()}`.trim().slice(0, ARTIFACT_CAPS.textSampleChars);
      }
      let imageOps: number | null = null;
      if (chars === 0 && imageChecks < options.maxImageCheckPages) {
        imageChecks += 1;
        const operators = await page.getOperatorList();
        imageOps = operators.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
      }
      pages.push({ page: number, chars, unmappedGlyphs, imageOps });

      const tree = (await page.getStructTree().catch(() => null)) as StructNode | null;
      let formAlts = new Map<string, string>();
      if (tree) {
        hasStructTree = true;
        const facts = walkStructTree(tree, number);
        if (facts.truncated) warn(`page ${number}: structure tree larger than ${ARTIFACT_CAPS.structNodesPerPage} nodes, read in part`);
        for (const [role, count] of Object.entries(facts.headings)) headings[role as keyof PdfHeadingCounts] = (headings[role as keyof PdfHeadingCounts] ?? 0) + count;
        for (const figure of facts.figures) {
          figureTotal += 1;
          if (figure.alt === null || figure.alt.trim() === '') figuresWithoutAlt += 1;
          if (figures.length < ARTIFACT_CAPS.figures) figures.push(figure);
        }
        formAlts = facts.formAlts;
      }

      const annotations = (await page.getAnnotations()) as WidgetData[];
      for (const annotation of annotations) {
        if (annotation.actions && Object.keys(annotation.actions).length > 0) hasJavaScript = true;
        if (annotation.subtype !== 'Widget' || !annotation.fieldType) continue;
        fieldTotal += 1;
        if (fields.length >= ARTIFACT_CAPS.fields) continue;
        fields.push({
          page: number,
          name: text(annotation.fieldName),
          tooltip: text(annotation.alternativeText),
          structAlt: (annotation.id && formAlts.get(annotation.id)) || '',
          fieldType: annotation.fieldType,
          hidden: annotation.hidden === true,
          readOnly: annotation.readOnly === true,
        });
      }
    } catch (error) {
      warn(`page ${number} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // Frees decoded images and fonts of the page before the next one.
      page?.cleanup();
    }
  }

  const chars = pages.reduce((sum, page) => sum + page.chars, 0);
  const permissionSet = permissions ? new Set<number>(permissions) : null;
  return {
    bytes,
    pageCount,
    pagesRead: pages.length,
    version: versionOf(info),
    producer: text(info['Producer']),
    creator: text(info['Creator']),
    title: (text(info['Title']) || text(xmpTitle)).trim(),
    displayDocTitle: typeof displayDocTitle === 'boolean' ? displayDocTitle : null,
    language: text(info['Language']).trim(),
    marked: markInfo ? entry(markInfo, 'Marked') === true : null,
    hasStructTree,
    text: {
      sample,
      chars,
      unmappedGlyphs: pages.reduce((sum, page) => sum + page.unmappedGlyphs, 0),
      pagesWithText: pages.filter((page) => page.chars > 0).length,
    },
    pages,
    outlineItems: countOutline(outline as { items?: unknown[] }[] | null),
    headings,
    figures: { total: figureTotal, withoutAlt: figuresWithoutAlt, items: figures },
    fields: { total: fieldTotal, items: fields },
    security: {
      encrypted,
      filter: encrypted ? text(info['EncryptFilterName']) : null,
      copy: permissionSet ? permissionSet.has(PermissionFlag.COPY) : null,
      copyForAccessibility: permissionSet ? permissionSet.has(PermissionFlag.COPY_FOR_ACCESSIBILITY) : null,
    },
    hasJavaScript,
    isXfa: info['IsXFAPresent'] === true,
    warnings,
  };
}
