// axe-core results in the reader's language: axe's own locale file (plus locales/axe.<code>.json for what it lacks) worded by axe-template.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { localesDir } from '../config/values.js';
import type { MessageParam, MessageRef } from '../model/message.js';
import { checkMessage, compileDot, type AxeCheckMessages } from './axe-template.js';

/** The parts of an axe locale file a report uses. */
export interface AxeLocale {
  checks: Record<string, AxeCheckMessages>;
  rules: Record<string, { help?: string; description?: string }>;
  failureSummaries: Record<string, { failureMessage?: string }>;
  incompleteFallbackMessage?: string;
}

/** axe's English summary is cut at this length (src/checks/axe-findings.ts); other languages are cut the same. */
export const AXE_MESSAGE_CHARS = 600;

/** The groups of axe's failure summary, in axe's order: "fix all of" (none and all), then "fix any of". */
const SUMMARY_GROUPS = ['none', 'any'] as const;

const require = createRequire(import.meta.url);
const axeLocalesDir = path.join(path.dirname(require.resolve('axe-core/package.json')), 'locales');

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function record<T>(value: unknown): Record<string, T> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/** axe's file for a report locale: its English template for "en", else "<code>.json" (pt-BR → pt_BR.json). */
function axeLocaleFile(code: string): string {
  if (code === 'en') return path.join(axeLocalesDir, '_template.json');
  return path.join(axeLocalesDir, `${code.replace('-', '_')}.json`);
}

/** axe's texts fill the locale; welcomemat's supplement (locales/axe.<code>.json) adds only what axe's file lacks. */
function merge(axe: Record<string, unknown>, supplement: Record<string, unknown>): AxeLocale {
  const checks: Record<string, AxeCheckMessages> = { ...record<AxeCheckMessages>(axe.checks) };
  for (const [id, extra] of Object.entries(record<AxeCheckMessages>(supplement.checks))) {
    const own = checks[id] ?? {};
    checks[id] = { ...own, ...(own.fail ? {} : extra.fail ? { fail: extra.fail } : {}), ...(own.incomplete ? {} : extra.incomplete ? { incomplete: extra.incomplete } : {}) };
  }
  const rules: AxeLocale['rules'] = { ...record<{ help?: string }>(axe.rules) };
  for (const [id, extra] of Object.entries(record<{ help?: string; description?: string }>(supplement.rules))) rules[id] = { ...extra, ...rules[id] };
  const fallback = axe.incompleteFallbackMessage ?? supplement.incompleteFallbackMessage;
  return {
    checks,
    rules,
    failureSummaries: { ...record<{ failureMessage?: string }>(supplement.failureSummaries), ...record<{ failureMessage?: string }>(axe.failureSummaries) },
    ...(typeof fallback === 'string' ? { incompleteFallbackMessage: fallback } : {}),
  };
}

const cache = new Map<string, AxeLocale>();

/** axe's texts for a report locale (English: axe's template); a locale axe has no file for gives only the supplement. */
export function loadAxeLocale(code: string): AxeLocale {
  let locale = cache.get(code);
  if (!locale) {
    const safe = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code);
    const axe = (safe ? readJson(axeLocaleFile(code)) : undefined) ?? {};
    const supplement = (safe && code !== 'en' ? readJson(path.join(localesDir, `axe.${code}.json`)) : undefined) ?? {};
    locale = merge(axe, supplement);
    cache.set(code, locale);
  }
  return locale;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One failing check, `axe.check.<check id>.<fail|incomplete>` with its data as JSON, in the locale (English where the locale has no text). */
function wordCheck(ref: MessageParam, locale: AxeLocale, english: AxeLocale, fallback: string): string | undefined {
  if (typeof ref !== 'object' || Array.isArray(ref)) return undefined;
  const match = /^axe\.check\.(.+)\.(fail|incomplete)$/.exec(ref.id);
  if (!match) return undefined;
  const [, checkId, type] = match as unknown as [string, string, 'fail' | 'incomplete'];
  let data: unknown;
  const raw = ref.params?.['data'];
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const own = Object.hasOwn(locale.checks, checkId) ? locale.checks[checkId] : undefined;
  const inEnglish = Object.hasOwn(english.checks, checkId) ? english.checks[checkId] : undefined;
  // A check the locale does not word at all, or whose "fail" text it lacks, is worded in English; a missing
  // "incomplete" text gives the locale's own "could not tell" fallback, as axe itself does.
  const messages = !own || (type === 'fail' && !own.fail) ? inEnglish : own;
  if (!messages) return undefined;
  return checkMessage(messages, type, data, fallback);
}

/**
 * An axe finding's message (`axe.<rule>` with its failing checks) in `code`'s language, as axe
 * itself words it with that locale; undefined when something cannot be worded (the caller
 * keeps axe's English summary).
 */
export function wordAxeMessage(ref: MessageRef, code: string): string | undefined {
  if (!ref.id.startsWith('axe.')) return undefined;
  const ruleId = ref.id.slice('axe.'.length);
  const locale = loadAxeLocale(code);
  const english = loadAxeLocale('en');
  const fallback = locale.incompleteFallbackMessage ?? english.incompleteFallbackMessage ?? '';
  const summaries: string[] = [];
  for (const group of SUMMARY_GROUPS) {
    const checks = ref.params?.[group];
    if (!Array.isArray(checks) || checks.length === 0) continue;
    const texts = checks.map((check) => wordCheck(check, locale, english, fallback));
    if (texts.some((text) => text === undefined)) return undefined;
    const template = locale.failureSummaries[group]?.failureMessage ?? english.failureSummaries[group]?.failureMessage;
    const summary = template === undefined ? undefined : compileDot(template)?.(texts);
    if (summary === undefined) return undefined;
    summaries.push(summary);
  }
  if (summaries.length === 0) {
    const help = (Object.hasOwn(locale.rules, ruleId) ? locale.rules[ruleId].help : undefined) ?? undefined;
    return typeof help === 'string' ? help : undefined;
  }
  return truncate(summaries.join('\n\n'), AXE_MESSAGE_CHARS);
}
