// Report text in the reader's language: loads locales/<code>.json and formats messages, plurals, numbers and dates.
import fs from 'node:fs';
import path from 'node:path';
import { WelcomematError } from '../errors.js';
import { availableLocales, localeRule, localesDir } from '../config/values.js';

/** A message is a string with {placeholders}, or plural forms keyed by Intl.PluralRules categories. */
export type Message = string | { [category: string]: string };
export interface Messages {
  [key: string]: Message | Messages;
}

/** The locale every other locale is checked against, and the fallback for a missing key. */
export const DEFAULT_LOCALE = 'en';

export { availableLocales, localesDir };

const cache = new Map<string, Messages>();

/** Reads one locale file, cached; a code that is not a known locale is an option error. */
export function loadMessages(locale: string): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  if (!availableLocales().includes(locale)) {
    throw new WelcomematError('BAD_OPTIONS', `report locale ${localeRule()}, got ${JSON.stringify(locale)}`);
  }
  const messages = JSON.parse(fs.readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Messages;
  cache.set(locale, messages);
  return messages;
}

/** Every leaf key of a message tree as a dotted path; plural forms count as one leaf. */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(messages)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || isPlural(value)) keys.push(dotted);
    else keys.push(...messageKeys(value, dotted));
  }
  return keys;
}

function isPlural(value: Message | Messages): value is { [category: string]: string } {
  return typeof value === 'object' && typeof (value as Record<string, unknown>)['other'] === 'string';
}

/** The message at a dotted key of a message tree, or undefined. */
export function lookup(messages: Messages, key: string): Message | undefined {
  let node: Message | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Messages)[part];
  }
  if (node === undefined || typeof node === 'string' || isPlural(node)) return node;
  return undefined;
}

export type Vars = Record<string, string | number>;

export interface Translator {
  locale: string;
  /** The whole message tree, for templates that print fixed text as {{t.section.key}}. */
  messages: Messages;
  /** A message with {name} placeholders filled; numbers are formatted; `count` picks the plural form. */
  t(key: string, vars?: Vars): string;
  number(value: number): string;
  /** A date and time in UTC, so the same report reads the same on every machine. */
  date(iso: string): { text: string; iso: string };
  /** A short date for tables and charts. */
  shortDate(iso: string): string;
}

export function createTranslator(locale: string = DEFAULT_LOCALE): Translator {
  const messages = loadMessages(locale);
  const fallback = locale === DEFAULT_LOCALE ? messages : loadMessages(DEFAULT_LOCALE);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const shortDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const format = (value: string | number): string => (typeof value === 'number' ? numbers.format(value) : value);

  const t = (key: string, vars: Vars = {}): string => {
    const message = lookup(messages, key) ?? lookup(fallback, key);
    if (message === undefined) throw new Error(`welcomemat: missing report text "${key}"`);
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = typeof vars['count'] === 'number' ? vars['count'] : 0;
      text = message[plurals.select(count)] ?? message['other'];
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? format(vars[name]) : whole));
  };

  return {
    locale,
    messages,
    t,
    number: (value) => numbers.format(value),
    date(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return { text: iso || t('common.unknown'), iso: '' };
      return { text: `${dateFormat.format(date)} UTC`, iso: date.toISOString() };
    },
    shortDate(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : shortDateFormat.format(date);
    },
  };
}
