// Replaces `${env:NAME}` inside strings and `{ env: "NAME" }` objects in config data with environment values, registering them as secrets.
import { WelcomematError } from '../errors.js';
import { registerSecret } from '../auth/secrets.js';

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Values read from the environment → the variable they came from, so a queued run can send the reference instead of the value. */
const resolvedFrom = new Map<string, string>();

/** Shorter values are not turned back into references: "1" or "on" are settings, not secrets. */
const MIN_REFERENCE_LENGTH = 4;

function lookup(name: string, at: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value === undefined) {
    throw new WelcomematError('BAD_CONFIG', `${at || 'config'}: environment variable ${name} is not set`);
  }
  // Anything taken from the environment is treated as a secret: it never appears in output.
  registerSecret(value);
  if (value.length >= MIN_REFERENCE_LENGTH) resolvedFrom.set(value, name);
  return value;
}

function isEnvObject(value: unknown): value is { env: string } {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 1 && typeof (value as { env?: unknown }).env === 'string';
}

/** A copy of `data` with every environment reference resolved; throws BAD_CONFIG naming the key of an unset variable. */
export function resolveEnvReferences(data: unknown, env: NodeJS.ProcessEnv = process.env, at = ''): unknown {
  if (typeof data === 'string') return data.replace(ENV_REFERENCE, (_match, name: string) => lookup(name, at, env));
  if (isEnvObject(data)) return lookup(data.env, at, env);
  if (Array.isArray(data)) return data.map((item, index) => resolveEnvReferences(item, env, at ? `${at}.${index}` : String(index)));
  if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, resolveEnvReferences(value, env, at ? `${at}.${key}` : key)]));
  }
  return data;
}

/** A copy with `{ env: "NAME" }` objects written as "${env:NAME}" strings, for validating before any variable is read. */
export function envObjectsToStrings(data: unknown): unknown {
  if (isEnvObject(data)) return `\${env:${data.env}}`;
  if (Array.isArray(data)) return data.map(envObjectsToStrings);
  if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, envObjectsToStrings(value)]));
  }
  return data;
}

/**
 * A copy of `data` with every value this process read from the environment written back as
 * "${env:NAME}" (longest values first), so secrets travel as references, to be resolved where
 * they are used (a queued run's workers).
 */
export function restoreEnvReferences<T>(data: T): T {
  const values = [...resolvedFrom.keys()].sort((a, b) => b.length - a.length);
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') return values.reduce((text, secret) => text.split(secret).join(`\${env:${resolvedFrom.get(secret)}}`), value);
    if (Array.isArray(value)) return value.map(restore);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item)]));
    return value;
  };
  return restore(data) as T;
}
