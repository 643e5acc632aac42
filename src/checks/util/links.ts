// Link facts shared by the link checks: phrases that say nothing out of context, file and media types, the path of a link.

/**
 * Link texts that say nothing about where the link goes, normalised (lower case, no
 * accents, no punctuation; see normalise()). English and Spanish, plus the commonest
 * French and German ones. A link whose whole text is one of these is flagged.
 */
export const GENERIC_LINK_TEXTS = new Set([
  // English
  'click here', 'click', 'here', 'click this link', 'tap here', 'press here', 'go here', 'this', 'this link', 'link', 'this page', 'page', 'website', 'site',
  'more', 'read more', 'learn more', 'find out more', 'see more', 'view more', 'show more', 'more info', 'more information', 'info', 'information',
  'details', 'more details', 'view details', 'continue', 'continue reading', 'go', 'view', 'see', 'open', 'download', 'start', 'next', 'previous',
  // Spanish
  'haga clic aqui', 'haz clic aqui', 'clic aqui', 'click aqui', 'pulse aqui', 'pulsa aqui', 'pinche aqui', 'pincha aqui', 'aqui', 'este enlace', 'enlace',
  'esta pagina', 'pagina', 'sitio', 'mas', 'leer mas', 'ver mas', 'saber mas', 'mas informacion', 'mas info', 'informacion', 'detalles', 'ver detalles',
  'continuar', 'seguir leyendo', 'ir', 'ver', 'abrir', 'descargar', 'siguiente', 'anterior',
  // French and German
  'cliquez ici', 'ici', 'plus', 'lire la suite', 'en savoir plus', 'hier klicken', 'hier', 'mehr', 'weiterlesen', 'mehr erfahren',
]);

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
