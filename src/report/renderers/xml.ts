// XML text escaping shared by the XML formats: the five entities, and characters XML 1.0 cannot hold at all removed.

/** Characters outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: unknown): string {
  return String(value ?? '')
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
