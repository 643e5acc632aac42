// A finding's message as data: an id and parameters, so every report language can word it from its locale files.

/**
 * A parameter is plain text or a number (formatted for the reader's locale), or
 * another message (a reason inside a sentence), or a list of messages (joined as a
 * list in the reader's language).
 */
export type MessageParam = string | number | MessageRef | MessageRef[];

/**
 * `id` is "<check id>.<key>" for a welcomemat check's message (English in the check's
 * `meta.messages`, other languages in locales/checks.<code>.json), or "axe.<rule>" for
 * an axe-core result. Params hold only what is not language: names, numbers, the site's
 * own text.
 */
export interface MessageRef {
  id: string;
  params?: Record<string, MessageParam>;
}

/** A message template: a string with {placeholders}, or plural forms keyed by Intl.PluralRules category. */
export type MessageTemplate = string | { one?: string; other: string; [category: string]: string | undefined };
