// A linked document (PDF) as data: what was read from it (PdfArtifact) and what the audit says about it (DocumentResult).
import type { Finding } from './finding.js';
import type { RuleOutcomes } from './outcome.js';

/** One form field (a widget annotation) and the names a screen reader may announce for it. */
export interface PdfFieldFact {
  /** 1-based page the widget is on. */
  page: number;
  /** The field's full name (T, joined with its parents'): an internal name some readers fall back to. */
  name: string;
  /**
   * The tooltip / alternate field name (TU): what a screen reader announces. '' when
   * absent; null when it could not be read (on a parent field that the second reader failed on).
   */
  tooltip: string | null;
  /** Alt of the Form element that holds the widget in the structure tree, '' when absent. */
  structAlt: string;
  /** Tx (text), Btn (button, check box, radio), Ch (choice), Sig (signature). */
  fieldType: string;
  hidden: boolean;
  readOnly: boolean;
}

/** A Figure element of the structure tree. */
export interface PdfFigureFact {
  /** 1-based page whose structure tree holds it. */
  page: number;
  /** Alt (or ActualText); null when the element has neither. */
  alt: string | null;
}

/** What one page holds, for the pages that were read. */
export interface PdfPageFact {
  /** 1-based. */
  page: number;
  /** Characters of extracted text, whitespace left out. */
  chars: number;
  /** Characters that stand for glyphs with no Unicode meaning (private use, U+FFFD, control codes). */
  unmappedGlyphs: number;
  /**
   * Image painting operations on the page; null when the operator list was not read
   * (only pages without text are looked at, up to the image-page budget).
   */
  imageOps: number | null;
}

/** Encryption and the permissions it leaves; permissions are null when the file says nothing about them. */
export interface PdfSecurity {
  encrypted: boolean;
  /** The security handler's filter (Standard, …), null when not encrypted. */
  filter: string | null;
  /** P bit 5: copy text and graphics. */
  copy: boolean | null;
  /** P bit 10: extract text and graphics for accessibility (assistive technology). */
  copyForAccessibility: boolean | null;
}

/** Headings found in the structure tree: H and H1 to H6, counted by role. */
export type PdfHeadingCounts = Partial<Record<'H' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6', number>>;

/**
 * Everything the document checks need from one PDF, read by pdf.js in a worker. Plain
 * and small: lists are capped (see src/documents/limits.ts) and carry their totals.
 */
export interface PdfArtifact {
  /** Size of the file in bytes. */
  bytes: number;
  pageCount: number;
  /** Pages read within the page budget (text, structure, annotations); the rest are only counted. */
  pagesRead: number;
  /** The header's or catalog's version, such as "1.7"; null when unknown. */
  version: string | null;
  producer: string;
  creator: string;
  /** Title from the document information dictionary, or from the XMP dc:title; '' when none. */
  title: string;
  /** ViewerPreferences /DisplayDocTitle: true, false, or null when not set (viewers then show the file name). */
  displayDocTitle: boolean | null;
  /** Catalog /Lang, as written; '' when absent. */
  language: string;
  /** MarkInfo /Marked; null when the catalog has no MarkInfo. */
  marked: boolean | null;
  /** A structure tree was found on at least one page read. */
  hasStructTree: boolean;
  text: {
    /** Opening text of the document (pages in order), for language detection; capped. */
    sample: string;
    /** Characters of text on the pages read, whitespace left out. */
    chars: number;
    unmappedGlyphs: number;
    pagesWithText: number;
  };
  /** One entry per page read. */
  pages: PdfPageFact[];
  /** Top-level and nested outline (bookmark) entries, counted up to the outline cap. */
  outlineItems: number;
  headings: PdfHeadingCounts;
  figures: { total: number; withoutAlt: number; items: PdfFigureFact[] };
  fields: { total: number; items: PdfFieldFact[] };
  security: PdfSecurity;
  /** The file carries JavaScript (document or field actions); it is never run. */
  hasJavaScript: boolean;
  /** An XFA form: its fields live in XML that pdf.js does not read here. */
  isXfa: boolean;
  /** Problems that did not stop the reading (a page that failed, a budget reached); capped. */
  warnings: string[];
}

/** Why a document could not be audited; each is one clear reason in the report. */
export type DocumentErrorCode =
  /** DNS, refused connection, TLS, reset. */
  | 'network'
  /** The server answered with an HTTP error status. */
  | 'http-error'
  /** Headers or body did not arrive within the fetch time limit (a never-ending or stalled response). */
  | 'fetch-timeout'
  /** Content-Length or the bytes received passed the size limit; the download was stopped. */
  | 'too-large'
  /** A redirect led back to a URL already visited. */
  | 'redirect-loop'
  /** More redirects than the limit. */
  | 'too-many-redirects'
  /** A redirect without a usable Location, or to a scheme other than http(s). */
  | 'bad-redirect'
  /** The bytes are not a PDF (no %PDF- in the first 1024 bytes), whatever the content type said. */
  | 'not-a-pdf'
  /** The PDF needs a password to open. */
  | 'password-protected'
  /** The file ends before its end-of-file marker and pdf.js could not read it. */
  | 'truncated'
  /** pdf.js could not read the file. */
  | 'corrupt'
  /** Reading passed the memory limit (a decompression bomb, a pathological file); the reader was stopped. */
  | 'too-much-memory'
  /** Reading passed the time limit; the reader was stopped. */
  | 'read-timeout'
  /** The reader stopped for another reason (a bug); the message says what. */
  | 'reader-failed';

export interface DocumentError {
  code: DocumentErrorCode;
  /** One line in English; the site's own text in it is untrusted and must be escaped by renderers. */
  message: string;
}

/** One audited document, as the report keeps it (`report.documents`). */
export interface DocumentResult {
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** HTTP status of the final response; 0 when none arrived. */
  status: number;
  /** Content-Type as served (it may disagree with the bytes). */
  contentType: string;
  /** True when the content type did not say PDF but the bytes are one. */
  sniffed: boolean;
  /** Bytes received; 0 when none. */
  bytes: number;
  pageCount: number | null;
  /** Pages the checks saw (the page budget may stop short of pageCount); null when unread. */
  pagesRead: number | null;
  producer: string;
  title: string;
  language: string;
  /** Tagged (MarkInfo /Marked and a structure tree); null when the document could not be read. */
  tagged: boolean | null;
  findings: Finding[];
  /**
   * The document checks' outcomes. When the document could not be read, every enabled
   * check is `notRun` with reason gatherer-failed (or gatherer-timed-out), gatherer "pdf".
   */
  outcomes: RuleOutcomes;
  /** What did not stop the reading but limits what the checks saw (pages left out, a missing end-of-file marker); English, capped. */
  warnings: string[];
  /** Set when the document could not be fetched or read; it then has no findings. */
  error?: DocumentError;
  /** Milliseconds spent fetching and reading. */
  durationMs: number;
  /** The pages that link to the document, with the link text (capped); set by the document auditor. */
  linkedFrom?: DocumentLink[];
}

/** A link to a document from an audited page. */
export interface DocumentLink {
  /** The linking page's final URL. */
  url: string;
  /** The link's text (or accessible name), the site's own words: escape it. */
  text: string;
}

/** A document found but not audited, and why. */
export interface SkippedDocument {
  url: string;
  /** max-documents: past the per-site limit; robots-disallowed: robots.txt forbids it; stopped: the crawl stopped (time budget, interrupt) before it was read. */
  reason: 'max-documents' | 'robots-disallowed' | 'stopped';
  linkedFrom: DocumentLink[];
}
