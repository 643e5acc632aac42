// One browser for the whole crawl: hands out a browser context, recycles it, relaunches after a crash.
import type { Browser, BrowserContext, Page } from 'puppeteer';
import type { SessionHooks } from '../auth/session-hooks.js';
import type { ResolvedOptions } from '../config/options.js';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

/**
 * A context is thrown away after this many pages: caches, service workers and
 * leaked renderer memory go with it, so memory stays flat over long crawls.
 */
export const PAGES_PER_CONTEXT = 50;

/** Set WELCOMEMAT_DEBUG_PIDS=1 to have every launched browser's PID printed on stderr (tests check none is left). */
const DEBUG_PIDS_ENV = 'WELCOMEMAT_DEBUG_PIDS';
/** The stderr line prefix of that debug output; tests parse it. */
export const DEBUG_PID_PREFIX = 'welcomemat: debug: browser pid ';

type LaunchListener = (pid: number) => void;
const launchListeners = new Set<LaunchListener>();

/**
 * Calls `listener` with the PID of every Chromium this process launches from now on,
 * until the returned function is called. For tests (kill the browser, check cleanup).
 */
export function observeBrowserLaunches(listener: LaunchListener): () => void {
  launchListeners.add(listener);
  return () => launchListeners.delete(listener);
}

function announceLaunch(pid: number): void {
  if (process.env[DEBUG_PIDS_ENV] === '1') process.stderr.write(`${DEBUG_PID_PREFIX}${pid}\n`);
  for (const listener of launchListeners) listener(pid);
}

/** Slows the tab's CPU `rate` times; the CDP session stays attached so the setting lasts through navigations. */
async function throttle(page: Page, rate: number): Promise<void> {
  const session = await page.createCDPSession();
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

export class BrowserSession {
  private launched: LaunchedBrowser;
  private current: BrowserContext | undefined;
  private pagesInContext = 0;
  /** Contexts replaced but maybe still in use by pages in flight; closed when those finish. */
  private retiring = new Map<BrowserContext, number>();
  private inUse = new Map<BrowserContext, number>();
  relaunches = 0;
  /** Bumped on every relaunch; each context remembers the generation of the browser it lives in. */
  private generation = 0;
  private readonly contextGeneration = new WeakMap<BrowserContext, number>();
  private relaunching: Promise<void> | undefined;
  /** Resolves when the current browser disconnects (dies or is closed); each context keeps its browser's. */
  private death: Promise<void> = new Promise(() => undefined);
  private readonly contextDeath = new WeakMap<BrowserContext, Promise<void>>();
  /** Chromium process ids this session started, for tests that check nothing is left behind. */
  readonly pids: number[] = [];

  private constructor(
    launched: LaunchedBrowser,
    private readonly options: ResolvedOptions['browser'],
    private readonly hooks: SessionHooks = {},
  ) {
    this.launched = launched;
    this.recordPid();
  }

  /**
   * Launches the browser. With auth hooks, the first context is made here and the login
   * runs in it once, before the crawl: logging in per page would be slow and trips
   * lockouts, and a failed login must stop the audit before it reports a login page
   * as the whole site. Later contexts get the session's cookies from the hooks.
   */
  static async start(options: ResolvedOptions['browser'], hooks?: SessionHooks): Promise<BrowserSession> {
    const session = new BrowserSession(await launchBrowser(options), options, hooks);
    if (hooks?.prepareContext) {
      try {
        await session.newContext(true);
      } catch (error) {
        await session.close();
        throw error;
      }
    }
    return session;
  }

  /** A new context with the auth hooks applied: every tab it opens gets headers and basic auth first. */
  private async newContext(first: boolean): Promise<BrowserContext> {
    // Downloads are denied: an audited site must not write files on the auditor's disk.
    const context = await this.browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
    this.contextGeneration.set(context, this.generation);
    this.contextDeath.set(context, this.death);
    const preparePage = this.hooks.preparePage;
    const throttling = this.options.cpuThrottling;
    if (preparePage || throttling > 1) {
      const newPage = context.newPage.bind(context);
      // Wrapped here so every tab (page audits and gatherers' fresh tabs) is prepared before it navigates.
      context.newPage = async (...args: Parameters<BrowserContext['newPage']>) => {
        const page = await newPage(...args);
        if (throttling > 1) await throttle(page, throttling);
        if (preparePage) await preparePage(page);
        return page;
      };
    }
    await this.hooks.prepareContext?.(context, first);
    this.current = context;
    this.pagesInContext = 0;
    return context;
  }

  get browser(): Browser {
    return this.launched.browser;
  }

  get version(): string {
    return this.launched.version;
  }

  get sandboxNote(): string {
    return this.launched.sandboxNote;
  }

  get connected(): boolean {
    return this.launched.browser.connected;
  }

  private recordPid(): void {
    const pid = this.launched.browser.process()?.pid;
    if (pid) {
      this.pids.push(pid);
      announceLaunch(pid);
    }
    const browser = this.launched.browser;
    this.death = new Promise((resolve) => browser.once('disconnected', () => resolve()));
  }

  /**
   * Resolves when the browser `context` lives in dies. Calls into a dead browser can hang
   * instead of failing; pages in flight race this so they are retried at once.
   */
  died(context: BrowserContext): Promise<void> {
    return this.contextDeath.get(context) ?? new Promise(() => undefined);
  }

  /** False once the browser `context` lives in has died or been replaced: its pages are lost. */
  isAlive(context: BrowserContext): boolean {
    return this.contextGeneration.get(context) === this.generation && this.connected;
  }

  /** Relaunches the browser `context` lived in if that has not been done yet (many pages notice one death). */
  async recoverFrom(context: BrowserContext): Promise<void> {
    const generation = this.contextGeneration.get(context) ?? this.generation;
    if (generation === this.generation && this.connected) return;
    await this.relaunch(generation);
  }

  /** The context to open the next page in; call `release` when the page is done. */
  async acquire(): Promise<BrowserContext> {
    if (!this.connected) await this.relaunch();
    if (!this.current || this.pagesInContext >= PAGES_PER_CONTEXT) {
      if (this.current) this.retire(this.current);
      this.current = undefined;
      try {
        await this.newContext(false);
      } catch (error) {
        // The browser died between the check and the call: relaunch (once for all callers) and try again.
        if (this.connected) throw error;
        await this.relaunch();
        if (!this.current) await this.newContext(false);
      }
    }
    const context = this.current!;
    this.pagesInContext++;
    this.inUse.set(context, (this.inUse.get(context) ?? 0) + 1);
    return context;
  }

  release(context: BrowserContext): void {
    const left = (this.inUse.get(context) ?? 1) - 1;
    if (left > 0) {
      this.inUse.set(context, left);
      return;
    }
    this.inUse.delete(context);
    if (this.retiring.has(context)) {
      this.retiring.delete(context);
      context.close().catch(() => undefined);
    }
  }

  private retire(context: BrowserContext): void {
    if (this.inUse.has(context)) this.retiring.set(context, 1);
    else context.close().catch(() => undefined);
  }

  /**
   * Starts a new browser after the one of `deadGeneration` (default: the current one)
   * died; pages in flight in it are lost and must be retried. Pages that notice the
   * death at the same time share one relaunch; a relaunch already done is not redone.
   */
  async relaunch(deadGeneration = this.generation): Promise<void> {
    if (this.relaunching) return this.relaunching;
    if (deadGeneration < this.generation) return;
    this.relaunching = this.replaceBrowser().finally(() => (this.relaunching = undefined));
    return this.relaunching;
  }

  private async replaceBrowser(): Promise<void> {
    const old = this.launched.browser;
    old.process()?.kill('SIGKILL');
    await old.close().catch(() => undefined);
    this.current = undefined;
    this.inUse.clear();
    this.retiring.clear();
    this.launched = await launchBrowser(this.options);
    this.generation++;
    this.relaunches++;
    this.recordPid();
  }

  async close(): Promise<void> {
    // A relaunch still starting would leave its new browser behind: let it finish, then close that.
    await this.relaunching?.catch(() => undefined);
    const browser = this.launched.browser;
    await browser.close().catch(() => undefined);
    // close() can leave the process when the pipe is already broken; make sure it is gone.
    const child = browser.process();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }
}
