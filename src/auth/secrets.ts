// Secret values (passwords, tokens, cookie values) known to this process, and scrubbing them out of any text or data.

/** Shorter values are not scrubbed: replacing "a" or "12" everywhere would mangle reports. */
const MIN_SECRET_LENGTH = 4;

export const REDACTED = '[redacted]';

const secrets = new Set<string>();

/** Remembers a secret value so logs, errors and reports never show it. */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
  secrets.add(value);
  // A secret can also show up URL-encoded (query strings, cookies) or base64 (basic auth headers).
  const encoded = encodeURIComponent(value);
  if (encoded !== value) secrets.add(encoded);
}

export function knownSecrets(): string[] {
  // Longest first, so a secret that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** For tests: forget every registered secret. */
export function clearSecrets(): void {
  secrets.clear();
}

/** `text` with every known secret replaced by "[redacted]". */
export function scrubText(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const secret of [...knownSecrets(), ...extra]) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A deep copy of plain data with every string scrubbed (keys too). */
export function scrubData<T>(value: T): T {
  if (secrets.size === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return scrubText(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [scrubText(key), walk(inner)]));
    }
    return item;
  };
  return walk(value) as T;
}
