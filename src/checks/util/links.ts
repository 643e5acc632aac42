// Link facts shared by the link checks: phrases that say nothing out of context, file and media types, the path of a link.

/** Whole link texts that say nothing out of context (kept in util: the structure gatherer pre-selects links with it). */
export { GENERIC_LINK_TEXTS } from '../../util/generic-link-texts.js';

/** Office and document files people download, by extension, with the words that name the type. */
export const FILE_TYPES: Record<string, RegExp> = {
  pdf: /\bpdf\b/i,
  doc: /\b(word|docx?)\b/i,
  docx: /\b(word|docx?)\b/i,
  xls: /\b(excel|xlsx?|spreadsheet|hoja de c[aá]lculo)\b/i,
  xlsx: /\b(excel|xlsx?|spreadsheet|hoja de c[aá]lculo)\b/i,
  ppt: /\b(powerpoint|pptx?|slides|presentation|presentaci[oó]n)\b/i,
  pptx: /\b(powerpoint|pptx?|slides|presentation|presentaci[oó]n)\b/i,
  odt: /\b(opendocument|odt|libreoffice)\b/i,
  ods: /\b(opendocument|ods|libreoffice|spreadsheet|hoja de c[aá]lculo)\b/i,
  odp: /\b(opendocument|odp|libreoffice|presentation|presentaci[oó]n)\b/i,
  rtf: /\b(rtf|rich text)\b/i,
  csv: /\bcsv\b/i,
  zip: /\b(zip|archive|archivo comprimido)\b/i,
  epub: /\b(epub|e-?book|libro electr[oó]nico)\b/i,
};

/** A file size written out: "240 KB", "1,2 MB", "3 megabytes". */
export const FILE_SIZE = /\d+([.,]\d+)?\s?(bytes?|[kmg]i?b|[kmg]o|kilo(byte)?s?|mega(byte)?s?|giga(byte)?s?)\b/i;

export const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'm4a', 'ogg', 'oga', 'flac', 'aac']);
export const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'webm', 'avi', 'wmv', 'mkv', 'ogv']);

/** The lower-case extension of a URL's path ('' when none). */
export function extensionOf(href: string): string {
  try {
    return new URL(href).pathname.match(/\.([a-z0-9]{2,5})$/i)?.[1].toLowerCase() ?? '';
  } catch {
    return '';
  }
}
