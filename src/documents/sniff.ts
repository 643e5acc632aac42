// Tells a PDF by its bytes (%PDF- near the start) and by its content type, which may disagree.

/** Acrobat accepts the PDF header anywhere in the first 1024 bytes (its implementation notes), and so do other readers. */
export const SNIFF_BYTES = 1024;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** True when `%PDF-` occurs within the first 1024 bytes. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES));
  return head.indexOf(PDF_MAGIC) !== -1;
}

/** The media type alone, lower case: "Application/PDF; charset=x" → "application/pdf". */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** application/pdf, and the x-pdf spellings some servers still send. */
export function isPdfContentType(contentType: string): boolean {
  return ['application/pdf', 'application/x-pdf', 'application/acrobat', 'text/pdf', 'text/x-pdf'].includes(mediaType(contentType));
}

/** A URL whose path ends in .pdf (query and fragment ignored): a candidate, to be confirmed by the bytes. */
export function hasPdfExtension(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.pdf');
  } catch {
    return false;
  }
}

/** What the opening bytes look like when they are not a PDF, for the reason line. */
export function describeNonPdf(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return 'an empty body';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|title)[\s>]/.test(head)) return 'an HTML page';
  if (head.startsWith('<?xml') || head.startsWith('<')) return 'markup';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  return 'no PDF header';
}
