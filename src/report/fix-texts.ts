// Translated fix texts (title, whyItMatters, howToFix) from locales/fixes.<locale>.json, keyed "<source>:<ruleId>", and WCAG criterion titles; English stays as the fallback.
import fs from 'node:fs';
import path from 'node:path';
import type { Fix } from '../model/report.js';
import { localesDir } from './i18n.js';

/** One fix's translatable texts. */
export interface FixTexts {
  title: string;
  whyItMatters: string;
  howToFix: string;
}

const cache = new Map<string, Record<string, Partial<FixTexts>>>();

/** The translations for one locale, read once; a missing or unreadable file gives none. */
export function loadFixTexts(locale: string): Record<string, Partial<FixTexts>> {
  const cached = cache.get(locale);
  if (cached) return cached;
  let texts: Record<string, Partial<FixTexts>> = {};
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) && locale !== 'en') {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(localesDir, `fixes.${locale}.json`), 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) texts = parsed as Record<string, Partial<FixTexts>>;
    } catch {
      texts = {};
    }
  }
  cache.set(locale, texts);
  return texts;
}

function pick(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

/** A fix with its texts in the given locale where a translation exists; otherwise the fix unchanged. */
export function localizeFix<T extends Pick<Fix, 'source' | 'ruleId' | 'title' | 'whyItMatters' | 'howToFix'>>(fix: T, locale: string): T {
  if (locale === 'en') return fix;
  const texts = loadFixTexts(locale);
  const key = `${fix.source}:${fix.ruleId}`;
  const entry = Object.hasOwn(texts, key) ? texts[key] : undefined;
  if (!entry) return fix;
  return { ...fix, title: pick(entry.title, fix.title), whyItMatters: pick(entry.whyItMatters, fix.whyItMatters), howToFix: pick(entry.howToFix, fix.howToFix) };
}

const criterionCache = new Map<string, Record<string, string>>();

/** A WCAG success criterion's title in the locale (locales/wcag.<code>.json), or undefined for English and missing ones. */
export function criterionTitle(id: string, locale: string): string | undefined {
  if (locale === 'en' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) return undefined;
  let titles = criterionCache.get(locale);
  if (!titles) {
    try {
      titles = JSON.parse(fs.readFileSync(path.join(localesDir, `wcag.${locale}.json`), 'utf8')) as Record<string, string>;
    } catch {
      titles = {};
    }
    criterionCache.set(locale, titles);
  }
  return Object.hasOwn(titles, id) && typeof titles[id] === 'string' ? titles[id] : undefined;
}
