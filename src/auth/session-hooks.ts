// Turns the auth options into browser-session hooks: cookies and login once per crawl, headers and basic auth on every tab.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, CookieData, Page } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import { guardNavigation } from '../browser/navigation-guard.js';
import { WelcomematError } from '../errors.js';
import { errorMessage } from '../util/error-message.js';
import type { LoginStep } from './auth-options.js';
import { registerSecret, scrubText } from './secrets.js';

/** Called by BrowserSession; see there for when each runs. */
export interface SessionHooks {
  /** A fresh browser context, before any page of the crawl opens in it; `first` is the crawl's first context. */
  prepareContext?(context: BrowserContext, first: boolean): Promise<void>;
  /** A new tab, before it navigates. */
  preparePage?(page: Page): Promise<void>;
}

/** What a login script's default export receives. */
export interface LoginScriptArgs {
  page: Page;
  /** The first start URL, for resolving relative links. */
  startUrl: string;
  /** The process environment, where the script should read its secrets from. */
  env: NodeJS.ProcessEnv;
}

/** Registers every secret the auth options hold, so no output can show them. */
export function registerAuthSecrets(auth: ResolvedOptions['auth']): void {
  if (!auth) return;
  for (const cookie of auth.cookies) registerSecret(cookie.value);
  for (const value of Object.values(auth.headers)) registerSecret(value);
  if (auth.basic) {
    registerSecret(auth.basic.password);
    registerSecret(Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64'));
  }
  for (const step of auth.login?.steps ?? []) if ('value' in step) registerSecret(step.value);
}

/** A step as shown in errors and logs: its action and selector or URL, never a typed value. */
export function describeStep(step: LoginStep, index: number): string {
  const [action, target] = Object.entries(step)[0] as [string, string];
  return `login step ${index + 1} (${action} "${scrubText(target)}")`;
}

async function runStep(page: Page, step: LoginStep, startUrl: string, timeout: number): Promise<void> {
  if ('goto' in step) {
    await page.goto(new URL(step.goto, startUrl).href, { waitUntil: 'load', timeout });
  } else if ('fill' in step) {
    const element = await page.waitForSelector(step.fill, { visible: true, timeout });
    // Clear first, so a value the browser remembered is not prepended to ours.
    await element!.evaluate((node) => {
      if ('value' in node) (node as HTMLInputElement).value = '';
    });
    await element!.type(step.value);
  } else if ('click' in step) {
    const element = await page.waitForSelector(step.click, { visible: true, timeout });
    await element!.click();
  } else if ('press' in step) {
    if (step.selector) await (await page.waitForSelector(step.selector, { visible: true, timeout }))!.focus();
    await page.keyboard.press(step.press as Parameters<Page['keyboard']['press']>[0]);
  } else if ('waitFor' in step) {
    await page.waitForSelector(step.waitFor, { visible: true, timeout });
  } else {
    const expected = step.waitForUrl;
    await page.waitForFunction((text: string) => location.href.includes(text), { timeout }, expected);
  }
}

async function runLogin(page: Page, options: ResolvedOptions): Promise<void> {
  const login = options.auth?.login;
  if (!login) return;
  const startUrl = options.urls[0];
  for (const [index, step] of login.steps.entries()) {
    try {
      await runStep(page, step, startUrl, login.stepTimeoutMs);
    } catch (error) {
      throw new WelcomematError('LOGIN_FAILED', `${describeStep(step, index)} failed: ${scrubText(errorMessage(error))}`, { cause: error });
    }
  }
  if (login.script) {
    const scriptPath = path.resolve(login.script);
    try {
      const module = (await import(pathToFileURL(scriptPath).href)) as { default?: unknown };
      if (typeof module.default !== 'function') throw new Error('its default export is not a function');
      await Promise.race([
        (module.default as (args: LoginScriptArgs) => Promise<void>)({ page, startUrl, env: process.env }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`took longer than ${login.stepTimeoutMs} ms`)), login.stepTimeoutMs).unref()),
      ]);
    } catch (error) {
      throw new WelcomematError('LOGIN_FAILED', `login script ${login.script} failed: ${scrubText(errorMessage(error))}`, { cause: error });
    }
  }
}

function configuredCookies(options: ResolvedOptions): CookieData[] {
  const host = new URL(options.urls[0]).hostname;
  return (options.auth?.cookies ?? []).map((cookie) => ({ ...cookie, domain: cookie.domain ?? host, path: cookie.path ?? '/' }));
}

/** Hooks for BrowserSession, or undefined when the audit needs no authentication. */
export function createSessionHooks(options: ResolvedOptions): SessionHooks | undefined {
  const auth = options.auth;
  if (!auth) return undefined;
  registerAuthSecrets(auth);
  const hasLogin = Boolean(auth.login && (auth.login.steps.length > 0 || auth.login.script));
  const headers = auth.headers;
  const basic = auth.basic;
  /** Cookies after the login, carried into every later context (contexts are recycled during long crawls). */
  let sessionCookies: CookieData[] | undefined;
  return {
    async preparePage(page) {
      if (Object.keys(headers).length > 0) await page.setExtraHTTPHeaders(headers);
      // Through the tab's navigation guard, which intercepts documents and so receives the challenges.
      if (basic) await (await guardNavigation(page)).provideCredentials(basic);
    },
    async prepareContext(context, first) {
      const cookies = sessionCookies ?? configuredCookies(options);
      if (cookies.length > 0) await context.setCookie(...cookies);
      if (!first || !hasLogin || sessionCookies) return;
      const page = await context.newPage();
      try {
        await runLogin(page, options);
      } finally {
        await page.close().catch(() => undefined);
      }
      sessionCookies = await context.cookies();
      for (const cookie of sessionCookies) registerSecret(cookie.value);
    },
  };
}
