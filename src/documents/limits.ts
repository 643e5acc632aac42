// How much one document may cost: bytes, time, redirects, memory and how much of it is read, with the reasons for each default.

export interface DocumentLimits {
  /** Bytes downloaded at most; counted while streaming, the download stops past it. */
  maxBytes: number;
  /** The whole fetch (every redirect, headers and body) must end within this; a never-ending response is cut here. */
  fetchTimeoutMs: number;
  /** Redirects followed at most (each one by hand, so a loop is named as one). */
  maxRedirects: number;
  /** Reading the PDF in its worker must end within this; the worker is then terminated. */
  readTimeoutMs: number;
  /**
   * CPU time the reading thread may use (user + system), in ms; the worker is then
   * terminated. It runs at the lowest scheduling priority, so under load a read takes
   * longer by the clock but never more than this of the processor.
   */
  maxCpuMs: number;
  /** V8 old-generation heap of the reading worker, in MB (worker resourceLimits). */
  maxHeapMb: number;
  /**
   * ArrayBuffer memory of the reading worker (decoded streams live there, outside the V8
   * heap and its limit), in MB; a watchdog terminates the worker past it.
   */
  maxBufferMb: number;
  /** Pages whose text, structure tree and annotations are read; later pages are only counted. */
  maxPages: number;
  /** Pages without text whose operator list is read to tell a scan (images) from a blank page. */
  maxImageCheckPages: number;
}

/**
 * What one document can cost at most: heap (maxHeapMb, enforced by V8) + buffers
 * (maxBufferMb, plus what one 25 ms watchdog interval lets a stream grow) + about 50 MB
 * for the worker itself, so about 560 MB above the process's baseline with the defaults.
 * Measured (bench/documents.ts and a fresh process per case, 2 loaded cores): a one-page
 * PDF +48 MB of process RSS; a 2.2 MB decompression bomb inflating to 512 MB was stopped
 * at 256 MB of buffers and 23 MB of heap, +305 MB of RSS; a 100-page text PDF peaked at
 * 31 MB of heap and 8 MB of buffers. Read documents one at a time beside the pages.
 */
export const DEFAULT_DOCUMENT_LIMITS: Readonly<DocumentLimits> = {
  // The default: menus, forms and brochures are far smaller; a 25 MB file is a scanned book.
  maxBytes: 25 * 1024 * 1024,
  // 25 MB at a slow 1 MB/s plus a margin; a document that takes longer is not worth a crawl's time.
  fetchTimeoutMs: 30_000,
  // Browsers allow 20; a document link needing more than 5 hops is broken or a trap.
  maxRedirects: 5,
  // A guard against a reader that hangs; maxCpuMs is the real bound. The reader runs at the lowest
  // priority, so on a busy machine a 100-page PDF needing 2 s of CPU was measured taking 24 s by the
  // clock (load 30 on 2 cores); 2 minutes leaves room for that without failing sane files.
  readTimeoutMs: 120_000,
  // A 100-page text PDF needs about 2 s of CPU; 15 s is seven times that, and stops a file built to make the parser spin.
  maxCpuMs: 15_000,
  // pdf.js keeps parsed objects and text on the heap; 100 pages of text need far less (see the benchmark's peak).
  maxHeapMb: 256,
  // Decoded content streams and images; a 25 MB file of sane streams stays well below this.
  maxBufferMb: 256,
  // Reading 100 pages costs about 2 s; the checks judge a document from its first 100 pages.
  maxPages: 100,
  // A scan shows on its first pages; decoding every image of a 300-page scan would cost seconds for no new verdict.
  maxImageCheckPages: 10,
};

/** The defaults with what the caller set. */
export function resolveDocumentLimits(limits: Partial<DocumentLimits> = {}): DocumentLimits {
  return { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
}

/** Caps on what one PdfArtifact keeps, so a report stays small whatever the document holds. */
export const ARTIFACT_CAPS = {
  /** Characters of text kept for language detection: eld is sure well before this. */
  textSampleChars: 4000,
  /** Form fields listed (the total is still counted). */
  fields: 100,
  /** Figures listed (the total is still counted). */
  figures: 100,
  /** Structure-tree nodes visited per page; a tree past this is pathological. */
  structNodesPerPage: 20_000,
  /** Outline entries counted; a real outline is far smaller. */
  outlineItems: 10_000,
  /** Warnings kept. */
  warnings: 20,
} as const;
