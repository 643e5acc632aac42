// Words messages kept as data (MessageRef) in the report's language: check messages, axe results, and the report's own texts.
import fs from 'node:fs';
import path from 'node:path';
import { localesDir } from '../config/values.js';
import { findCheck } from '../checks/registry.js';
import type { MessageRef, MessageTemplate } from '../model/message.js';
import { createMessageFormatter, type TemplateLookup } from '../util/format-message.js';
import { wordAxeMessage } from './axe-messages.js';
import { DEFAULT_LOCALE, loadMessages, lookup } from './i18n.js';

/** Check messages of one language: check id → key → template (locales/checks.<code>.json). */
export type CheckTexts = Record<string, Record<string, MessageTemplate>>;

const checkTextsCache = new Map<string, CheckTexts>();

/** locales/checks.<code>.json, read once; English has none (it is in each check's meta.messages). */
export function loadCheckTexts(locale: string): CheckTexts {
  let texts = checkTextsCache.get(locale);
  if (!texts) {
    texts = {};
    if (locale !== DEFAULT_LOCALE && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
      try {
        const data: unknown = JSON.parse(fs.readFileSync(path.join(localesDir, `checks.${locale}.json`), 'utf8'));
        if (data && typeof data === 'object' && !Array.isArray(data)) texts = data as CheckTexts;
      } catch {
        texts = {};
      }
    }
    checkTextsCache.set(locale, texts);
  }
  return texts;
}

/** "<check id>.<key>" split at the first dot (check ids have none); undefined when the id is not a check's. */
function checkKey(id: string): { checkId: string; key: string } | undefined {
  const dot = id.indexOf('.');
  if (dot <= 0) return undefined;
  const checkId = id.slice(0, dot);
  return findCheck(checkId) ? { checkId, key: id.slice(dot + 1) } : undefined;
}

function own<T>(object: Record<string, T> | undefined, key: string): T | undefined {
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Templates of one language: a check's message from the check texts, anything else from the report's locale file. */
function templates(locale: string): TemplateLookup {
  const reportTexts = loadMessages(locale);
  const checkTexts = loadCheckTexts(locale);
  return (id) => {
    const check = checkKey(id);
    if (check) {
      if (locale === DEFAULT_LOCALE) return own(findCheck(check.checkId)?.meta.messages, check.key);
      return own(own(checkTexts, check.checkId), check.key);
    }
    return lookup(reportTexts, id) as MessageTemplate | undefined;
  };
}

export interface Wording {
  locale: string;
  /**
   * A finding's (or a fix example's) message in the report's language, from its messageRef;
   * the stored English text when there is no reference or it cannot be worded (older reports).
   */
  finding(item: { message: string; messageRef?: MessageRef }): string;
  /** Any message reference: a check's, an axe result's, or a key of the report's locale file with parameters. */
  ref(ref: MessageRef): string;
}

const wordingCache = new Map<string, Wording>();

export function createWording(locale: string = DEFAULT_LOCALE): Wording {
  const cached = wordingCache.get(locale);
  if (cached) return cached;
  const inLocale = templates(locale);
  const inEnglish = locale === DEFAULT_LOCALE ? undefined : templates(DEFAULT_LOCALE);
  const format = createMessageFormatter(locale, inLocale, inEnglish);
  const known = (id: string) => inLocale(id) !== undefined || inEnglish?.(id) !== undefined;
  const ref = (message: MessageRef): string => {
    if (message.id.startsWith('axe.')) return wordAxeMessage(message, locale) ?? message.id;
    return format(message);
  };
  const wording: Wording = {
    locale,
    finding(item) {
      const message = item.messageRef;
      // English is what the check or axe said, word for word.
      if (!message || locale === DEFAULT_LOCALE) return item.message;
      if (message.id.startsWith('axe.')) return wordAxeMessage(message, locale) ?? item.message;
      return known(message.id) ? format(message) : item.message;
    },
    ref,
  };
  wordingCache.set(locale, wording);
  return wording;
}
