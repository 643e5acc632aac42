// Decides which URLs belong to the audited site: host, subdomains, path prefix, include/exclude patterns.
import { WelcomematError } from '../errors.js';

export interface ScopeOptions {
  startUrls: string[];
  subdomains: boolean;
  pathPrefix: string;
  include: string[];
  exclude: string[];
}

export type ScopeVerdict =
  | { inScope: true }
  | { inScope: false; reason: 'out-of-scope' | 'excluded'; detail: string };

/** A compiled include/exclude pattern. */
interface UrlPattern {
  source: string;
  matches(url: URL): boolean;
}

/** `/body/flags`: the flags part may only hold JavaScript regex flags. */
const REGEX_LITERAL = /^\/(.+)\/([dgimsuyv]*)$/s;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The port a URL is served from, with the scheme's default port written "default":
 * http://x, http://x:80 and https://x:443 all give "default", http://x:8080 gives "8080".
 */
function portKey(url: URL): string {
  return url.port === '' || url.port === DEFAULT_PORTS[url.protocol] ? 'default' : url.port;
}

/**
 * The host and port a URL is served from, ignoring the scheme: http://x and https://x
 * are one site (most sites redirect one to the other), so both are in scope.
 */
function hostKey(url: URL): string {
  return `${url.hostname}:${portKey(url)}`;
}

/** The site's base domain for `subdomains`: the host without a leading "www.". */
function baseDomain(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice('www.'.length) : hostname;
}

function parseStartUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new WelcomematError('BAD_URL', `start URL "${raw}" is not a valid URL`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WelcomematError('UNSUPPORTED_SCHEME', `start URL "${raw}" is not http or https`);
  }
  return url;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A glob where `**` matches anything and `*` anything but "/"; every other character is literal. */
function globToRegex(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.split('*').map(escapeRegex).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function compilePattern(source: string, kind: 'include' | 'exclude'): UrlPattern {
  const literal = REGEX_LITERAL.exec(source);
  if (literal) {
    let regex: RegExp;
    try {
      // g and y make test() stateful (lastIndex), which would make verdicts depend on call order.
      regex = new RegExp(literal[1] as string, (literal[2] as string).replace(/[gy]/g, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new WelcomematError('BAD_OPTIONS', `${kind} pattern "${source}" is not a valid regular expression: ${reason}`, {
        cause: error,
      });
    }
    return { source, matches: (url) => regex.test(url.href) };
  }
  const glob = globToRegex(source);
  const againstFullUrl = source.includes('://');
  return { source, matches: (url) => glob.test(againstFullUrl ? url.href : url.pathname + url.search) };
}

function outOfScope(detail: string): ScopeVerdict {
  return { inScope: false, reason: 'out-of-scope', detail };
}

/**
 * Builds the scope test once (patterns compiled, start hosts parsed) and returns it.
 * Order: host, then path prefix, then exclude patterns (exclude wins), then include.
 * Throws WelcomematError BAD_OPTIONS for an invalid regular expression, BAD_URL or
 * UNSUPPORTED_SCHEME for a bad start URL.
 */
export function createScope(options: ScopeOptions): (url: string) => ScopeVerdict {
  const starts = options.startUrls.map(parseStartUrl);
  const startHostKeys = new Set(starts.map(hostKey));
  const baseDomains = starts.map((start) => ({ domain: baseDomain(start.hostname), port: portKey(start) }));
  const pathPrefix = options.pathPrefix === '' || options.pathPrefix.startsWith('/') ? options.pathPrefix : `/${options.pathPrefix}`;
  const include = options.include.map((pattern) => compilePattern(pattern, 'include'));
  const exclude = options.exclude.map((pattern) => compilePattern(pattern, 'exclude'));

  function hostInScope(url: URL): boolean {
    if (startHostKeys.has(hostKey(url))) return true;
    if (!options.subdomains) return false;
    const port = portKey(url);
    return baseDomains.some(
      ({ domain, port: startPort }) =>
        port === startPort && (url.hostname === domain || url.hostname.endsWith(`.${domain}`)),
    );
  }

  return (raw: string): ScopeVerdict => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return outOfScope('not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return outOfScope(`${url.protocol} is not http or https`);
    if (!hostInScope(url)) {
      const what = options.subdomains ? 'the start hosts or their subdomains' : 'a start host';
      return outOfScope(`host ${url.host} is not ${what}`);
    }
    if (pathPrefix !== '' && !url.pathname.startsWith(pathPrefix)) {
      return outOfScope(`path ${url.pathname} does not start with ${pathPrefix}`);
    }
    const excludedBy = exclude.find((pattern) => pattern.matches(url));
    if (excludedBy) return { inScope: false, reason: 'excluded', detail: `matches exclude pattern "${excludedBy.source}"` };
    if (include.length > 0 && !include.some((pattern) => pattern.matches(url))) {
      return outOfScope('matches no include pattern');
    }
    return { inScope: true };
  };
}
