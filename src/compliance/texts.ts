// The words of the compliance documents in the reader's language: locales/compliance.<locale>.json and the manual test steps of locales/manual-steps.<locale>.json.
import fs from 'node:fs';
import path from 'node:path';
import { WelcomematError } from '../errors.js';
import type { MessageParam, MessageTemplate } from '../model/message.js';
import { createMessageFormatter } from '../util/format-message.js';
import { packageRoot } from '../util/package-root.js';
import type { StepKey } from './assess.js';

const localesDir = path.join(packageRoot, 'locales');

/** A locale code as the report accepts it (also keeps file names inside locales/). */
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface TextTree {
  [key: string]: MessageTemplate | TextTree;
}

export type ManualSteps = Record<StepKey['kind'], Record<string, string>>;

/** Names of criteria, clauses and chapters in a language other than the data's English (locales/standards.<locale>.json). */
export interface StandardNames {
  catalogTitle?: string;
  standards?: Record<string, string>;
  chapters?: Record<string, string>;
  wcag?: Record<string, string>;
  en?: Record<string, string>;
  s508?: Record<string, string>;
}

const cache = new Map<string, { texts: TextTree; steps: ManualSteps; names: StandardNames }>();

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(localesDir, file), 'utf8')) as T;
}

/** The compliance texts and manual steps of one locale, read once. A locale without them is an option error. */
export function loadComplianceTexts(locale: string): { texts: TextTree; steps: ManualSteps; names: StandardNames } {
  const cached = cache.get(locale);
  if (cached) return cached;
  if (!LOCALE.test(locale) || !fs.existsSync(path.join(localesDir, `compliance.${locale}.json`))) {
    const known = fs.readdirSync(localesDir).flatMap((file) => /^compliance\.(.+)\.json$/.exec(file)?.[1] ?? []);
    throw new WelcomematError('BAD_OPTIONS', `no compliance texts for locale "${locale}"; use one of: ${known.sort().join(', ')}`);
  }
  const namesFile = `standards.${locale}.json`;
  const names = fs.existsSync(path.join(localesDir, namesFile)) ? readJson<StandardNames>(namesFile) : {};
  const loaded = { texts: readJson<TextTree>(`compliance.${locale}.json`), steps: readJson<ManualSteps>(`manual-steps.${locale}.json`), names };
  cache.set(locale, loaded);
  return loaded;
}

function lookup(tree: TextTree, key: string): MessageTemplate | undefined {
  let node: MessageTemplate | TextTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as TextTree)[part];
  }
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof (node as Record<string, unknown>)['other'] === 'string') return node as MessageTemplate;
  return undefined;
}

export interface ComplianceTexts {
  locale: string;
  /** A text with {placeholders} filled; a count picks the plural form; numbers are formatted for the locale. A missing key throws. */
  t(key: string, params?: Record<string, MessageParam>): string;
  /** The manual test step of a criterion or clause, or undefined when there is none. */
  step(key: StepKey): string | undefined;
  /** The name of a criterion, clause, chapter or standard in this language; `english` (from data/) where there is no translation. */
  name(kind: 'wcag' | 'en' | 's508' | 'chapters' | 'standards', id: string, english: string): string;
  /** The VPAT catalog's title in this language. */
  catalogTitle(english: string): string;
  /** A date (ISO) as a long date in UTC, e.g. "23 November 2026". */
  date(iso: string): string;
  number(value: number): string;
}

/** The compliance texts of one locale. */
export function complianceTexts(locale = 'en'): ComplianceTexts {
  const { texts, steps, names } = loadComplianceTexts(locale);
  const format = createMessageFormatter(locale, (id) => lookup(texts, id));
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    t(key, params) {
      if (lookup(texts, key) === undefined) throw new Error(`welcomemat: missing compliance text "${key}" (${locale})`);
      return format({ id: key, ...(params ? { params } : {}) });
    },
    step(key) {
      const table = steps[key.kind];
      return table && Object.hasOwn(table, key.id) ? table[key.id] : undefined;
    },
    name(kind, id, english) {
      const table = names[kind];
      return table && Object.hasOwn(table, id) ? table[id] : english;
    },
    catalogTitle: (english) => names.catalogTitle ?? english,
    date(iso) {
      const parsed = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(parsed.getTime()) ? iso : dates.format(parsed);
    },
    number: (value) => numbers.format(value),
  };
}

/** Every leaf key of a text tree (plural forms count as one), for tests. */
export function textKeys(tree: TextTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || typeof (value as Record<string, unknown>)['other'] === 'string') return [dotted];
    return textKeys(value as TextTree, dotted);
  });
}
