// One-line checks of option values (numbers, formats, locales, paths, URLs, cron), shared by the config schema and the CLI's flags.
import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { WelcomematError } from '../errors.js';
import { packageRoot } from '../util/package-root.js';

/** The report formats welcomemat writes; the renderers' map (src/report/renderers) is keyed by exactly these. */
export const REPORT_FORMATS = ['html', 'json', 'csv', 'sarif', 'junit', 'md', 'pdf', 'conformance', 'statement', 'acr'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Other names people type for the same formats. */
export const FORMAT_ALIASES: Readonly<Record<string, ReportFormat>> = { markdown: 'md', xml: 'junit', vpat: 'acr', openacr: 'acr' };

/**
 * The gatherers by artifact name, for `disabledGatherers` and `gathererBudgets`. The registry
 * (src/gather/registry.ts) must have exactly these; a unit test holds the two together.
 */
export const GATHERER_NAMES = ['dom', 'axe', 'content', 'forms', 'structure', 'source', 'keyboard', 'reflow', 'textResize', 'textSpacing', 'motion', 'screenshot', 'routes'] as const;

/** A gatherer's name, or "must be one of dom, axe, …, got "keybord"". */
export const gathererNameSchema = z.string().refine((value) => (GATHERER_NAMES as readonly string[]).includes(value), {
  error: (issue) => `must be one of ${GATHERER_NAMES.join(', ')}, got ${shown(issue.input)}`,
});

/** What the PDF prints: the summary, the fixes with one example each and the compliance tables; or the whole report. */
export const PDF_MODES = ['summary', 'full'] as const;
export type PdfMode = (typeof PDF_MODES)[number];

/** A value as it is quoted in an error line: text in quotes, anything else as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function bad(message: string): WelcomematError {
  return new WelcomematError('BAD_OPTIONS', message);
}

/** "must be a whole number of 1 or more": what a whole-number option accepts, in words. */
export function wholeNumberRule(min: number): string {
  return `must be a whole number of ${min} or more`;
}

/** A flag's text as a whole number of at least `min`; anything else is one error line naming the flag. */
export function parseWholeNumber(text: string, name: string, min: number): number {
  const trimmed = text.trim();
  const number = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) throw bad(`${name} ${wholeNumberRule(min)}, got ${text}`);
  return number;
}

/** The zod schema of a whole number of at least `min`, with the same wording as the flags. */
export function wholeNumber(min: number) {
  const message = (issue: { input?: unknown }) => `${wholeNumberRule(min)}, got ${shown(issue.input)}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(Number.MAX_SAFE_INTEGER, { error: message });
}

/** A format name (or alias) as its canonical name, or undefined. */
export function normaliseFormat(name: string): ReportFormat | undefined {
  const typed = name.trim().toLowerCase();
  if (Object.hasOwn(FORMAT_ALIASES, typed)) return FORMAT_ALIASES[typed];
  return (REPORT_FORMATS as readonly string[]).includes(typed) ? (typed as ReportFormat) : undefined;
}

export function formatRule(): string {
  return `must be one of ${REPORT_FORMATS.join(', ')}`;
}

/** Each format name checked; the first unknown one is one error line naming `name` (a flag or a config key). */
export function parseFormats(names: readonly string[], name: string): ReportFormat[] {
  return names.map((format) => {
    const known = normaliseFormat(format);
    if (!known) throw bad(`${name} ${formatRule()}, got ${format}`);
    return known;
  });
}

/** A format name in a config file: known names and aliases only. */
export const formatSchema = z.string().refine((value) => normaliseFormat(value) !== undefined, { error: (issue) => `${formatRule()}, got ${shown(issue.input)}` });

const LOCALE_FILE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.json$/;

/** Folder of the report's locale files (en.json, es.json, checks.es.json…), shipped with the package. */
export const localesDir = path.join(packageRoot, 'locales');

/** Report languages: the codes that have a file in locales/ (e.g. "en", "es"). */
export function availableLocales(): string[] {
  return fs
    .readdirSync(localesDir)
    .filter((file) => LOCALE_FILE.test(file))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export function localeRule(): string {
  return `must be one of ${availableLocales().join(', ')}`;
}

export function isAvailableLocale(value: string): boolean {
  return availableLocales().includes(value);
}

/** A report language given as a flag: one of the locale files, or one error line naming the flag. */
export function parseLocale(text: string, name: string): string {
  const code = text.trim();
  if (!isAvailableLocale(code)) throw bad(`${name} ${localeRule()}, got ${text}`);
  return code;
}

export const localeSchema = z.string().refine(isAvailableLocale, { error: (issue) => `${localeRule()}, got ${shown(issue.input)}` });

export function parsePdfMode(text: string, name: string): PdfMode {
  const mode = text.trim().toLowerCase();
  if (!(PDF_MODES as readonly string[]).includes(mode)) throw bad(`${name} must be one of ${PDF_MODES.join(', ')}, got ${text}`);
  return mode as PdfMode;
}

/** An http(s) URL (a webhook), or one error line naming the option. */
export function parseHttpUrl(text: string, name: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw bad(`${name} must be an http or https URL, got ${text}`);
  return url.href;
}

/** A Redis URL (redis:// or rediss://) for queued mode, as typed; anything else is one error line naming the flag. */
export function parseRedisUrl(text: string, name: string): string {
  if (!isRedisUrl(text.trim())) throw bad(`${name} must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379, got ${text}`);
  return text.trim();
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const redisUrlSchema = z.string().refine(isRedisUrl, { error: (issue) => `must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379, got ${shown(issue.input)}` });

export const httpUrlSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: (issue) => `must be an http or https URL, got ${shown(issue.input)}` },
);

/** Why a cron expression (in an optional IANA time zone) is refused, or undefined when croner accepts it. */
export function cronProblem(expression: string, timezone?: string): string | undefined {
  try {
    const probe = new Cron(expression, { paused: true, ...(timezone ? { timezone } : {}) });
    probe.stop();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A cron expression, or one error line naming the option and what a valid one looks like. */
export function parseCron(text: string, name: string, timezone?: string): string {
  const problem = cronProblem(text, timezone);
  if (problem) throw bad(`${name} must be a cron expression of five to seven fields such as "0 6 * * 1", got ${shown(text)} (${problem})`);
  return text;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What `existingPath` wants to find. */
export type PathKind = 'file' | 'folder' | 'file or folder';

/** Why `file` is not what is wanted, or undefined when it is. */
export function pathProblem(file: string, kind: PathKind): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'no such file or folder';
  }
  if (kind === 'file' && !stat.isFile()) return 'it is a folder';
  if (kind === 'folder' && !stat.isDirectory()) return 'it is a file';
  return undefined;
}

/** A path that must exist, relative to `cwd`; otherwise one error line naming the option. */
export function existingPath(text: string, name: string, kind: PathKind, cwd: string = process.cwd()): string {
  const problem = pathProblem(path.resolve(cwd, text), kind);
  if (problem) throw bad(`${name} must be an existing ${kind}, got ${text} (${problem})`);
  return text;
}

/** An output folder: it may not exist yet, but it must not be a file. */
export function outputFolder(text: string, name: string, cwd: string = process.cwd()): string {
  if (text.trim() === '') throw bad(`${name} must be a folder path, got an empty value`);
  const problem = pathProblem(path.resolve(cwd, text), 'folder');
  if (problem === 'it is a file') throw bad(`${name} must be a folder (new or existing), got ${text} (it is a file)`);
  return text;
}

/** What `--rewrite-origin` (and `rewriteOrigins` in a config) accepts, in words. */
export const ORIGIN_REWRITE_RULE = 'must be LIVE=COPY, two http(s) origins such as https://www.example.com=https://staging.example.com';

/** A bare http(s) origin ("https://host[:port]", no path, query or fragment), or undefined. */
function bareOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined;
  return url.origin;
}

/** "live=copy" as its two origins, or undefined when it is not two different http(s) origins. */
export function splitOriginRewrite(text: string): { from: string; to: string } | undefined {
  const parts = text.split('=');
  if (parts.length !== 2) return undefined;
  const from = bareOrigin(parts[0]);
  const to = bareOrigin(parts[1]);
  if (!from || !to || from === to) return undefined;
  return { from, to };
}

/** A `--rewrite-origin` value, as "from=to" with both origins in canonical form; else one error line naming the flag. */
export function parseOriginRewrite(text: string, name: string): string {
  const pair = splitOriginRewrite(text);
  if (!pair) throw bad(`${name} ${ORIGIN_REWRITE_RULE}, got ${text}`);
  return `${pair.from}=${pair.to}`;
}

export const originRewriteSchema = z.string().refine((value) => splitOriginRewrite(value) !== undefined, { error: (issue) => `${ORIGIN_REWRITE_RULE}, got ${shown(issue.input)}` });
