// Turns any link into the one canonical http(s) URL the crawler queues, so each page is audited once.
import normalizeUrl, { type Options as NormalizeUrlOptions } from 'normalize-url';

/**
 * Query parameters that only tell analytics where a visitor came from; the page is
 * the same with or without them, so they are removed before deduplication.
 * - utm_*: Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, ...)
 * - gclid: Google Ads click id
 * - fbclid: Facebook click id
 * - msclkid: Microsoft Ads click id
 * - mc_cid, mc_eid: Mailchimp campaign and subscriber ids
 * - _ga, _gl: Google Analytics cross-domain linker
 * - igshid: Instagram share id
 * - yclid: Yandex click id
 * - ref_src: Twitter/X referral source
 */
export const TRACKING_PARAMS: readonly (string | RegExp)[] = Object.freeze([
  /^utm_/i,
  'gclid',
  'fbclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'yclid',
  'ref_src',
]);

/**
 * Every normalize-url option written out, so an upgrade of the package cannot change
 * which URLs count as the same page. The URL is already absolute and http(s) when it
 * gets here (the WHATWG URL parser resolved it, lowercased scheme and host, dropped
 * :80/:443 and resolved dot segments); normalize-url adds query sorting, tracking
 * parameter removal and fragment removal, which the URL API does not do.
 */
const NORMALIZE_OPTIONS: NormalizeUrlOptions = {
  // Never used: the input is always absolute by now.
  defaultProtocol: 'https',
  // No custom schemes: only http(s) reach normalize-url.
  customProtocols: [],
  // Protocol-relative input is resolved by the URL parser before this runs.
  normalizeProtocol: false,
  // http and https may serve different pages (or one redirects); keep the scheme.
  forceHttp: false,
  forceHttps: false,
  // Credentials must never end up in a report, log or screenshot file name.
  stripAuthentication: true,
  // A fragment is a position in the same page, not another page.
  stripHash: true,
  // The protocol is needed to load the page.
  stripProtocol: false,
  // Text fragments (#:~:text=) are fragments too; gone with stripHash anyway.
  stripTextFragment: true,
  // www.example.com and example.com can be different sites; keep them apart.
  stripWWW: false,
  // Tracking parameters do not change the page; see TRACKING_PARAMS.
  removeQueryParameters: TRACKING_PARAMS,
  // undefined: keep every parameter not listed above (page=2, lang=fr matter).
  keepQueryParameters: undefined,
  // /about and /about/ may be different resources on some servers; keep as written.
  removeTrailingSlash: false,
  // Keep the "/" of the root so the output equals what the URL API and browser report.
  removeSingleSlash: false,
  // /index.html is not guaranteed to be the same resource as /.
  removeDirectoryIndex: false,
  // Only non-default ports remain after URL parsing, and they name a different server.
  removeExplicitPort: false,
  // ?a=1&b=2 and ?b=2&a=1 are the same page; the sort is stable for repeated keys.
  sortQueryParameters: true,
  // ?flag and ?flag= are kept as written; some servers tell them apart.
  emptyQueryValue: 'preserve',
  // The path is the page.
  removePath: false,
  // No site-specific path rewriting.
  transformPath: false,
};

const HTTP_PROTOCOLS = new Set(['http:', 'https:']);

/** Parses `raw` (relative to `base`) and returns it only when it is http(s). */
function parseHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = new URL(raw.trim(), base);
    return HTTP_PROTOCOLS.has(url.protocol) && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/** True when `raw` is an absolute, well-formed http: or https: URL. */
export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(raw) !== null;
}

/**
 * The canonical form of a page URL, or null when it is not an http(s) page
 * (mailto:, tel:, javascript:, data:, file:, ftp:, malformed ...).
 */
export function normalizePageUrl(raw: string, base?: string): string | null {
  const url = parseHttpUrl(raw, base);
  if (url === null) return null;
  // A hash route (#/menu, #!/menu) is a page of a single-page app, not a place in this page: it stays.
  const route = HASH_ROUTE.test(url.hash) ? url.hash : '';
  try {
    return normalizeUrl(url.href, NORMALIZE_OPTIONS) + route;
  } catch {
    // normalize-url refused a URL the WHATWG parser accepts: keep the parser's form, minus the fragment.
    url.hash = '';
    return url.href + route;
  }
}

/** Fragments that name a route of a single-page app: "#/" or "#!/" followed by something (a bare "#/" is the app's start). */
const HASH_ROUTE = /^#!?\/[^/]/;
