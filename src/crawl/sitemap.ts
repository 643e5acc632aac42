// Reads XML, gzipped and plain-text sitemaps and sitemap indexes into lists of page URLs.
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FetchText } from './fetch-text.js';
import { normalizePageUrl, isHttpUrl } from './normalize-url.js';

export interface ParsedSitemap {
  pageUrls: string[];
  sitemapUrls: string[];
}

/** The sitemap protocol caps an uncompressed sitemap at 50 MB; more is a gzip bomb or not a sitemap. */
const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

const EMPTY: ParsedSitemap = Object.freeze({ pageUrls: [], sitemapUrls: [] }) as ParsedSitemap;

const xmlParser = new XMLParser({
  // Only element text (<loc>) matters.
  ignoreAttributes: true,
  // <sm:urlset xmlns:sm="..."> is a valid sitemap too.
  removeNSPrefix: true,
  // Keep URLs as strings; never turn "123" into a number.
  parseTagValue: false,
  trimValues: true,
  // A single <url> must still come back as a list.
  isArray: (name) => name === 'url' || name === 'sitemap',
});

function isGzip(bytes: Buffer): boolean {
  // 1f 8b: the gzip magic number (RFC 1952).
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function toText(content: Buffer | string): string | null {
  if (typeof content === 'string') return content;
  if (!isGzip(content)) return content.toString('utf8');
  try {
    return gunzipSync(content, { maxOutputLength: MAX_UNCOMPRESSED_BYTES }).toString('utf8');
  } catch {
    return null;
  }
}

/** The trimmed <loc> texts of a list of <url> or <sitemap> entries, http(s) only. */
function locs(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  const result: string[] = [];
  for (const entry of entries) {
    const loc: unknown = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['loc'] : undefined;
    if (typeof loc === 'string' && isHttpUrl(loc.trim())) result.push(loc.trim());
  }
  return result;
}

function parseXmlSitemap(xml: string): ParsedSitemap {
  if (XMLValidator.validate(xml) !== true) return EMPTY;
  const document: unknown = xmlParser.parse(xml);
  if (document === null || typeof document !== 'object') return EMPTY;
  const root = document as Record<string, { url?: unknown; sitemap?: unknown } | undefined>;
  return { pageUrls: locs(root['urlset']?.url), sitemapUrls: locs(root['sitemapindex']?.sitemap) };
}

/** The sitemap protocol's text format: one absolute URL per line, nothing else. */
function parseTextSitemap(text: string): ParsedSitemap {
  const pageUrls = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => isHttpUrl(line));
  return { pageUrls, sitemapUrls: [] };
}

/** Page and child-sitemap URLs in one sitemap; anything unreadable gives an empty result, never an error. */
export function parseSitemap(content: Buffer | string): ParsedSitemap {
  try {
    const text = toText(content);
    if (text === null) return EMPTY;
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '') return EMPTY;
    return trimmed.startsWith('<') ? parseXmlSitemap(trimmed) : parseTextSitemap(trimmed);
  } catch {
    return EMPTY;
  }
}

export interface CollectSitemapOptions {
  seeds: string[];
  fetchText: FetchText;
  /** Page URLs to return at most. */
  maxUrls: number;
  /** Sitemap files to fetch at most, indexes included. */
  maxSitemaps: number;
}

function dedupeKey(url: string): string {
  return normalizePageUrl(url) ?? url;
}

/** Fetches one sitemap; returns its parsed content, or an error string. */
async function readSitemap(url: string, fetchText: FetchText): Promise<ParsedSitemap | string> {
  try {
    const response = await fetchText(url);
    if (response.status < 200 || response.status >= 300) return `sitemap ${url}: HTTP ${response.status}`;
    const parsed = parseSitemap(response.body);
    if (parsed.pageUrls.length === 0 && parsed.sitemapUrls.length === 0) {
      return `sitemap ${url}: no URLs found (empty, or not a valid sitemap)`;
    }
    return parsed;
  } catch (error) {
    return `sitemap ${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Reads the seed sitemaps and every sitemap they index, breadth-first, one at a time
 * (polite to small servers). Each sitemap is read once, so index loops end. Page URLs
 * come back normalized and deduplicated, at most maxUrls of them. A sitemap that fails
 * adds an error string; so does stopping at maxSitemaps with sitemaps still unread.
 */
export async function collectSitemapUrls(options: CollectSitemapOptions): Promise<{ urls: string[]; errors: string[] }> {
  const queue: string[] = [];
  const seenSitemaps = new Set<string>();
  const enqueue = (url: string): void => {
    const key = dedupeKey(url);
    if (seenSitemaps.has(key)) return;
    seenSitemaps.add(key);
    queue.push(url);
  };
  options.seeds.forEach(enqueue);

  const urls = new Set<string>();
  const errors: string[] = [];
  let fetched = 0;
  while (queue.length > 0 && urls.size < options.maxUrls) {
    if (fetched >= options.maxSitemaps) {
      errors.push(`stopped after ${fetched} sitemaps (the limit); ${queue.length} more not read`);
      break;
    }
    const url = queue.shift() as string;
    fetched += 1;
    const result = await readSitemap(url, options.fetchText);
    if (typeof result === 'string') {
      errors.push(result);
      continue;
    }
    result.sitemapUrls.forEach(enqueue);
    for (const pageUrl of result.pageUrls) {
      if (urls.size >= options.maxUrls) break;
      const normalized = normalizePageUrl(pageUrl);
      if (normalized !== null) urls.add(normalized);
    }
  }
  return { urls: [...urls], errors };
}
