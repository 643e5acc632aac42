// The zod schema for pages behind a login: cookies, extra headers, HTTP basic auth and login steps or a login script.
import { z } from 'zod';

export const cookieSchema = z
  .object({
    name: z.string().min(1),
    value: z.string(),
    /** Defaults to the first start URL's host. */
    domain: z.string().optional(),
    path: z.string().optional(),
    secure: z.boolean().optional(),
    httpOnly: z.boolean().optional(),
    sameSite: z.enum(['Strict', 'Lax', 'None']).optional(),
  })
  .strict();

/** One declarative login step; relative URLs are resolved against the first start URL. */
export const loginStepSchema = z.union(
  [
    z.object({ goto: z.string().min(1) }).strict(),
    z.object({ fill: z.string().min(1), value: z.string() }).strict(),
    z.object({ click: z.string().min(1) }).strict(),
    z.object({ press: z.string().min(1), selector: z.string().optional() }).strict(),
    z.object({ waitFor: z.string().min(1) }).strict(),
    z.object({ waitForUrl: z.string().min(1) }).strict(),
  ],
  { error: 'a login step is one of { goto }, { fill, value }, { click }, { press, selector? }, { waitFor }, { waitForUrl }' },
);

export type LoginStep = z.infer<typeof loginStepSchema>;
export type CookieInput = z.infer<typeof cookieSchema>;

export const authSchema = z
  .object({
    /** Cookies set in the browser before the first page loads (a session cookie, say). */
    cookies: z.array(cookieSchema).default([]),
    /** Extra HTTP headers sent with every request, e.g. { Authorization: "Bearer ${env:TOKEN}" }. */
    headers: z.record(z.string(), z.string()).default({}),
    /** HTTP basic auth credentials. */
    basic: z.object({ username: z.string(), password: z.string() }).strict().optional(),
    login: z
      .object({
        /** Steps run once, in order, before the crawl. */
        steps: z.array(loginStepSchema).default([]),
        /** A JS module whose default export `async ({ page, startUrl }) => {}` logs in; runs after the steps. */
        script: z.string().optional(),
        /** Time each step (and the script) may take, in ms; 30 s covers a slow single sign-on redirect. */
        stepTimeoutMs: z.number().int().positive().default(30_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export type AuthOptions = z.output<typeof authSchema>;

/** Logout links end the session the crawl logged in with; this default keeps them out of the crawl. */
export const DEFAULT_LOGOUT_PATTERN = 'log-?out|sign-?out|log-?off';
