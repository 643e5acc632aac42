// Fills a message template ({name} placeholders, plural forms by {count}) from its parameters; nested messages are worded the same way.
// {name:language} words a language code ("es") as its name in the reader's language ("Spanish", "español").
import type { MessageParam, MessageRef, MessageTemplate } from '../model/message.js';

/** Finds the template for a message id in one language; undefined when that language has none. */
export type TemplateLookup = (id: string) => MessageTemplate | undefined;

export interface MessageFormatter {
  (ref: MessageRef): string;
}

/**
 * A formatter for one language. `fallback` is asked when `lookup` has no template
 * (English for a partial translation); a message neither knows prints its id, so a
 * missing text is visible in tests instead of silently empty.
 */
export function createMessageFormatter(locale: string, lookup: TemplateLookup, fallback?: TemplateLookup): MessageFormatter {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  const languageName = (code: string): string => {
    try {
      return languages.of(code) ?? code;
    } catch {
      // Not a well-formed tag: the site's own text, shown as it is.
      return code;
    }
  };

  const format = (ref: MessageRef): string => {
    const template = lookup(ref.id) ?? fallback?.(ref.id);
    if (template === undefined) return ref.id;
    const params = ref.params ?? {};
    let text: string;
    if (typeof template === 'string') text = template;
    else {
      const count = typeof params['count'] === 'number' ? params['count'] : 0;
      text = template[plurals.select(count)] ?? template.other;
    }
    return text.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, type: string | undefined) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = params[name];
      return type === 'language' && typeof value === 'string' ? languageName(value) : render(value);
    });
  };

  const render = (value: MessageParam): string => {
    if (typeof value === 'number') return numbers.format(value);
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return lists.format(value.map(format));
    return format(value);
  };

  return format;
}

/** Whether a value is a message reference rather than plain text. */
export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as MessageRef).id === 'string';
}
