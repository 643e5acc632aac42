// Tells pages worth auditing (HTML) apart from files a browser would download or show raw.
const EXTENSION_KINDS: Record<string, string> = {
  pdf: 'PDF document',
  ...kind('Image', ['jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'avif', 'ico', 'bmp', 'tif', 'tiff']),
  ...kind('Office document', ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf']),
  ...kind('Archive', ['zip', 'gz', 'tgz', 'rar', '7z', 'tar', 'bz2']),
  ...kind('Audio file', ['mp3', 'wav', 'm4a', 'flac', 'aac']),
  ...kind('Video file', ['mp4', 'webm', 'mov', 'avi', 'mkv']),
  ogg: 'Audio or video file',
  ...kind('Program or installer', ['exe', 'msi', 'dmg', 'apk', 'deb', 'rpm']),
  iso: 'Disk image',
  csv: 'CSV data',
  json: 'JSON data',
  xml: 'XML file',
  txt: 'Text file',
  css: 'Stylesheet',
  js: 'Script',
  mjs: 'Script',
  ...kind('Font', ['woff', 'woff2', 'ttf', 'otf', 'eot']),
  ics: 'Calendar file',
  vcf: 'Contact card',
};

function kind(label: string, extensions: string[]): Record<string, string> {
  return Object.fromEntries(extensions.map((extension) => [extension, label]));
}

/** The lowercased extension of the URL's last path segment, or '' when it has none. */
function pathExtension(url: string): string {
  let pathname: string;
  try {
    // The base only lets relative paths parse; it never shows in the result.
    pathname = new URL(url, 'http://welcomemat.invalid/').pathname;
  } catch {
    return '';
  }
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = lastSegment.lastIndexOf('.');
  if (dot <= 0) return '';
  try {
    return decodeURIComponent(lastSegment.slice(dot + 1)).toLowerCase();
  } catch {
    return lastSegment.slice(dot + 1).toLowerCase();
  }
}

/**
 * Why a URL is not an HTML page judging by its extension, e.g. "PDF document (.pdf)",
 * or null when it may be one (.html, .php, .aspx, no extension, unknown extension).
 */
export function nonHtmlReasonForUrl(url: string): string | null {
  const extension = pathExtension(url);
  const label = Object.hasOwn(EXTENSION_KINDS, extension) ? EXTENSION_KINDS[extension] : undefined;
  return label === undefined ? null : `${label} (.${extension})`;
}

/** The media type without parameters, lowercased: "text/html; charset=utf-8" → "text/html". */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** True for HTML and XHTML; also for an empty Content-Type, since browsers sniff those as HTML. */
export function isHtmlContentType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === '' || type === 'text/html' || type === 'application/xhtml+xml';
}

const CONTENT_TYPE_LABELS: Record<string, string> = {
  'text/html': 'HTML page',
  'application/xhtml+xml': 'XHTML page',
  'application/pdf': 'PDF document',
  'text/plain': 'Text file',
  'text/css': 'Stylesheet',
  'text/csv': 'CSV data',
  'text/calendar': 'Calendar file',
  'text/vcard': 'Contact card',
  'text/javascript': 'Script',
  'application/javascript': 'Script',
  'application/json': 'JSON data',
  'application/xml': 'XML document',
  'text/xml': 'XML document',
  'application/rss+xml': 'RSS feed',
  'application/atom+xml': 'Atom feed',
  'application/zip': 'Archive',
  'application/gzip': 'Archive',
  'application/x-gzip': 'Archive',
  'application/octet-stream': 'Binary file',
  'application/msword': 'Office document',
  'application/rtf': 'Office document',
};

const TOP_LEVEL_LABELS: Record<string, string> = {
  image: 'Image',
  audio: 'Audio file',
  video: 'Video file',
  font: 'Font',
};

/** A short human label for a Content-Type, e.g. "PDF document" or "Image (image/png)". */
export function describeContentType(contentType: string): string {
  const type = mediaType(contentType);
  if (type === '') return 'Unknown type (no Content-Type)';
  if (Object.hasOwn(CONTENT_TYPE_LABELS, type)) return CONTENT_TYPE_LABELS[type] as string;
  if (type.includes('officedocument') || type.includes('opendocument') || type.includes('ms-excel') || type.includes('ms-powerpoint')) {
    return 'Office document';
  }
  const topLevel = type.split('/')[0] ?? '';
  const label = Object.hasOwn(TOP_LEVEL_LABELS, topLevel) ? TOP_LEVEL_LABELS[topLevel] : undefined;
  return label === undefined ? type : `${label} (${type})`;
}
