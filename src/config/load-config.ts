// Finds, reads (JSON, YAML, JS/TS module, package.json key), resolves env references in and validates a welcomemat config file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import type { z } from 'zod';
import { WelcomematError } from '../errors.js';
import { errorMessage } from '../util/error-message.js';
import { configSchema, type Branding, type ConfigInput, type GateConfig } from './config-schema.js';
import { envObjectsToStrings, resolveEnvReferences } from './env-references.js';
import type { AuditOptionsInput } from './options.js';

/** File names searched in the working directory, in this order, when no --config is given. */
export const CONFIG_FILE_NAMES = [
  'welcomemat.config.yaml',
  'welcomemat.config.yml',
  'welcomemat.config.json',
  'welcomemat.config.js',
  'welcomemat.config.mjs',
  'welcomemat.config.ts',
  'welcomemat.config.mts',
  '.welcomematrc',
  '.welcomematrc.yaml',
  '.welcomematrc.yml',
  '.welcomematrc.json',
];

export interface LoadedConfig {
  /** The file read (package.json when the config came from its "welcomemat" key). */
  file: string;
  config: ConfigInput;
}

/** One site to audit: its name, merged audit options, branding and gate settings. */
export interface SitePlan {
  name: string;
  options: AuditOptionsInput;
  branding?: Branding;
  gate: GateConfig;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The config file to use: the given path, else the first of CONFIG_FILE_NAMES in `cwd`, else package.json with a "welcomemat" key. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (await exists(candidate)) return candidate;
  }
  const pkg = path.join(cwd, 'package.json');
  if (await exists(pkg)) {
    const data = JSON.parse(await fs.readFile(pkg, 'utf8')) as Record<string, unknown>;
    if (data.welcomemat !== undefined) return pkg;
  }
  return undefined;
}

function badConfig(file: string, message: string): WelcomematError {
  return new WelcomematError('BAD_CONFIG', `config ${path.basename(file)}: ${message}`);
}

async function readRaw(file: string): Promise<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (['.js', '.mjs', '.cjs', '.ts', '.mts'].includes(ext)) {
    let module: { default?: unknown };
    try {
      // TypeScript configs load through Node's own type stripping (Node 22.18+ / 24): types only, no enums or namespaces.
      module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      throw badConfig(file, `could not be loaded: ${errorMessage(error).split('\n')[0]}`);
    }
    const exported = module.default ?? module;
    return typeof exported === 'function' ? await (exported as () => unknown)() : exported;
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw badConfig(file, `cannot be read: ${errorMessage(error)}`);
  }
  if (path.basename(file) === 'package.json') return (JSON.parse(text) as Record<string, unknown>).welcomemat;
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw badConfig(file, `is not valid JSON: ${errorMessage(error)}`);
    }
  }
  // YAML (and extensionless rc files, JSON being YAML too).
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const where = first.linePos?.[0] ? ` at line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    throw badConfig(file, `is not valid YAML${where}: ${first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  return document.toJS();
}

/** Edit distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The keys allowed at a path of the config schema, for suggestions. */
function knownKeysAt(issuePath: PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const part of issuePath) {
    let def = (schema as { def?: Record<string, unknown> }).def;
    // Unwrap optional/default/prefault wrappers down to an object or array.
    while (def && ['optional', 'default', 'prefault', 'nullable'].includes(def.type as string)) def = (def.innerType as { def: Record<string, unknown> }).def;
    if (def?.type === 'array') schema = def.element;
    else if (def?.type === 'object') schema = (def.shape as Record<string, unknown>)[String(part)];
    else return [];
  }
  let def = (schema as { def?: Record<string, unknown> }).def;
  while (def && ['optional', 'default', 'prefault', 'nullable'].includes(def.type as string)) def = (def.innerType as { def: Record<string, unknown> }).def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** One line naming the bad key and why, e.g. `sites.0: unknown key "maxPage" (did you mean "maxPages"?)`. */
export function describeConfigIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    const parts = issue.keys.map((key) => {
      // Within 2 edits (or a third of the word) is a typo rather than a different word.
      const best = known.map((name) => ({ name, d: distance(key, name) })).sort((a, b) => a.d - b.d)[0];
      const hint = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.name}"?)` : '';
      return `unknown key "${key}"${hint}`;
    });
    return `${at ? `${at}: ` : ''}${parts.join(', ')}`;
  }
  return `${at || '(top level)'}: ${issue.message}`;
}

/** Validates parsed config data; throws BAD_CONFIG naming the first bad key. */
export function validateConfig(data: unknown, file = 'config'): ConfigInput {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw badConfig(file, 'must be a mapping of keys to values (an object)');
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const extra = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
    throw badConfig(file, `${describeConfigIssue(parsed.error.issues[0])}${extra}`);
  }
  // The input as written (not zod's output): defaults are filled in later, per site, after merging.
  return data as ConfigInput;
}

function resolvePaths(config: ConfigInput, dir: string): ConfigInput {
  const abs = (value: string | undefined) => (value === undefined || /^[a-z]+:\/\//i.test(value) ? value : path.resolve(dir, value));
  const fixOptions = <T extends { auth?: { login?: { script?: string } }; artifactsDir?: string; gate?: GateConfig }>(options: T): T => ({
    ...options,
    ...(options.artifactsDir ? { artifactsDir: abs(options.artifactsDir) } : {}),
    ...(options.auth?.login?.script ? { auth: { ...options.auth, login: { ...options.auth.login, script: abs(options.auth.login.script) } } } : {}),
    ...(options.gate ? { gate: { ...options.gate, ...(options.gate.baseline ? { baseline: abs(options.gate.baseline) } : {}), ...(options.gate.accepted ? { accepted: abs(options.gate.accepted) } : {}) } } : {}),
  });
  return {
    ...fixOptions(config),
    ...(config.output?.dir ? { output: { ...config.output, dir: abs(config.output.dir) } } : {}),
    ...(config.sites ? { sites: config.sites.map(fixOptions) } : {}),
  };
}

/**
 * Loads the config: `configPath` if given (it must exist), else the first file found in
 * `cwd`; undefined when there is none. Environment references are resolved, relative
 * paths made absolute against the config file's folder, and the result validated.
 */
export async function loadConfig(options: { configPath?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  let file: string | undefined;
  if (options.configPath) {
    file = path.resolve(cwd, options.configPath);
    if (!(await exists(file))) throw new WelcomematError('BAD_CONFIG', `config file ${options.configPath} does not exist`);
  } else {
    file = await findConfigFile(cwd);
    if (!file) return undefined;
  }
  const raw = await readRaw(file);
  // Validate before resolving env references, so a typo is reported as a typo, not a missing variable.
  validateConfig(envObjectsToStrings(raw), file);
  let resolved: unknown;
  try {
    resolved = resolveEnvReferences(raw, options.env ?? process.env);
  } catch (error) {
    if (error instanceof WelcomematError) throw badConfig(file, error.message);
    throw error;
  }
  return { file, config: resolvePaths(validateConfig(resolved, file), path.dirname(file)) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge: objects merge key by key, everything else (arrays too) is replaced by the later value. */
export function mergeOptions<T>(...layers: Array<Partial<T> | undefined>): T {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (isPlainObject(a) && isPlainObject(b)) {
      const out: Record<string, unknown> = { ...a };
      for (const [key, value] of Object.entries(b)) out[key] = merge(a[key], value);
      return out;
    }
    return b;
  };
  return layers.reduce<unknown>((acc, layer) => merge(acc, layer), {}) as T;
}

const NON_AUDIT_KEYS = ['$schema', 'sites', 'branding', 'output', 'gate', 'schedule', 'webhook', 'log', 'name'] as const;

function auditPart(data: Record<string, unknown>): Partial<AuditOptionsInput> {
  const copy = { ...data };
  for (const key of NON_AUDIT_KEYS) delete copy[key];
  return copy as Partial<AuditOptionsInput>;
}

/** Folder-safe form of a site name: "Crumb & Kettle" → "crumb-kettle". */
export function siteSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'site'
  );
}

/**
 * The sites a config describes, each with its options merged: top-level options, then
 * the site's own, then `overrides` (CLI flags). A config without `sites` is one site.
 */
export function planSites(config: ConfigInput, overrides: Partial<AuditOptionsInput> = {}): SitePlan[] {
  const defaults = auditPart(config as Record<string, unknown>);
  const sites = config.sites ?? [{ name: config.siteName ?? '', urls: config.urls ?? [] }];
  const plans = sites.map((site) => {
    const options = mergeOptions<AuditOptionsInput>(defaults, auditPart(site as Record<string, unknown>), overrides);
    const name = site.name || options.siteName || hostName(options.urls?.[0]) || 'site';
    const branding = mergeOptions<Branding>(config.branding, 'branding' in site ? (site.branding as Branding) : undefined);
    return {
      name,
      options: { ...options, siteName: options.siteName ?? name },
      ...(Object.keys(branding).length > 0 ? { branding } : {}),
      gate: mergeOptions<GateConfig>(config.gate, 'gate' in site ? (site.gate as GateConfig) : undefined),
    };
  });
  const seen = new Set<string>();
  for (const plan of plans) {
    const slug = siteSlug(plan.name);
    if (seen.has(slug)) throw new WelcomematError('BAD_CONFIG', `sites: two sites share the name "${plan.name}" (names must differ: each gets its own report folder)`);
    seen.add(slug);
  }
  return plans;
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url.includes('://') ? url : `https://${url}`).hostname;
  } catch {
    return undefined;
  }
}
