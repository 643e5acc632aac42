// Validates audit options with zod and fills in defaults; bad input becomes one clear error line.
import { WelcomematError } from '../errors.js';
import { scrubData } from '../auth/secrets.js';
import { auditOptionsSchema, defaultConcurrency, type AuditOptions, type ResolvedOptions } from './options.js';
import type { z } from 'zod';

/** Pages a queued crawl keeps in flight when `concurrency` is not given: the slots of 8 workers of concurrency 2, twice over. */
const QUEUED_IN_FLIGHT = 32;

const UNSUPPORTED_SCHEMES = new Set(['file:', 'javascript:', 'data:', 'ftp:', 'chrome:', 'about:', 'blob:', 'mailto:', 'tel:', 'ws:', 'wss:']);

/** "scope.include.0: expected string" style: the key path first, then what is wrong. */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Checks a start URL and returns it parsed; throws BAD_URL or UNSUPPORTED_SCHEME. */
export function parseStartUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // "example.com" is what people type; treat a bare host as https.
    if (/^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?(\/.*)?$/i.test(raw)) return parseStartUrl(`https://${raw}`);
    throw new WelcomematError('BAD_URL', `"${raw}" is not a valid URL (expected something like https://example.com)`);
  }
  if (UNSUPPORTED_SCHEMES.has(url.protocol) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new WelcomematError('UNSUPPORTED_SCHEME', `"${raw}" uses ${url.protocol.replace(/:$/, '')}:, but only http and https sites can be audited`);
  }
  if (!url.hostname) throw new WelcomematError('BAD_URL', `"${raw}" has no host name`);
  return url;
}

export function resolveOptions(input: AuditOptions): ResolvedOptions {
  const { onProgress: _onProgress, signal: _signal, ...data } = input;
  const parsed = auditOptionsSchema.safeParse(data);
  if (!parsed.success) {
    throw new WelcomematError('BAD_OPTIONS', `invalid option ${describeZodIssue(parsed.error.issues[0])}`);
  }
  const options = parsed.data;
  const urls = options.urls.map((raw) => parseStartUrl(raw.trim()).href);
  // Queued: pages in flight across all workers, so a few workers never wait on the crawl; set it to their slots plus a few.
  const concurrency = options.concurrency ?? (options.queue ? QUEUED_IN_FLIGHT : defaultConcurrency());
  const { excludeLogout } = options.scope;
  return {
    ...options,
    // The logout pattern becomes one more exclude pattern, so skipped logout links are listed as "excluded".
    scope: { ...options.scope, exclude: excludeLogout ? [...options.scope.exclude, `/${excludeLogout}/i`] : options.scope.exclude },
    urls,
    concurrency,
    perHostConcurrency: Math.min(options.perHostConcurrency ?? concurrency, concurrency),
  };
}

/** Keys whose values are secrets; they never reach a report or a log. */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authori[sz]ation|api[-_]?key|credential|headers|^value$/i;

/** The options as recorded in the report: plain data, secrets replaced. */
export function redactOptions(options: ResolvedOptions): Record<string, unknown> {
  const redact = (value: unknown, key = ''): unknown => {
    if (SECRET_KEY.test(key) && value !== undefined && value !== '') return '[redacted]';
    if (Array.isArray(value)) return value.map((item) => redact(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== 'function').map(([k, v]) => [k, redact(v, k)]));
    }
    return value;
  };
  // Secrets can also hide under harmless keys (a login URL with a token, say): scrub known values too.
  return scrubData(redact(options)) as Record<string, unknown>;
}
