// One browser for the whole crawl: hands out a browser context, recycles it, relaunches after a crash.
import type { Browser, BrowserContext } from 'puppeteer';
import type { ResolvedOptions } from '../config/options.js';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

/**
 * A context is thrown away after this many pages: caches, service workers and
 * leaked renderer memory go with it, so memory stays flat over long crawls.
 */
export const PAGES_PER_CONTEXT = 50;

export class BrowserSession {
  private launched: LaunchedBrowser;
  private current: BrowserContext | undefined;
  private pagesInContext = 0;
  /** Contexts replaced but maybe still in use by pages in flight; closed when those finish. */
  private retiring = new Map<BrowserContext, number>();
  private inUse = new Map<BrowserContext, number>();
  relaunches = 0;
  /** Chromium process ids this session started, for tests that check nothing is left behind. */
  readonly pids: number[] = [];

  private constructor(launched: LaunchedBrowser, private readonly options: ResolvedOptions['browser']) {
    this.launched = launched;
    this.recordPid();
  }

  static async start(options: ResolvedOptions['browser']): Promise<BrowserSession> {
    return new BrowserSession(await launchBrowser(options), options);
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
    if (pid) this.pids.push(pid);
  }

  /** The context to open the next page in; call `release` when the page is done. */
  async acquire(): Promise<BrowserContext> {
    if (!this.connected) await this.relaunch();
    if (!this.current || this.pagesInContext >= PAGES_PER_CONTEXT) {
      if (this.current) this.retire(this.current);
      this.current = await this.browser.createBrowserContext();
      this.pagesInContext = 0;
    }
    this.pagesInContext++;
    this.inUse.set(this.current, (this.inUse.get(this.current) ?? 0) + 1);
    return this.current;
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

  /** Starts a new browser after the old one died; pages in flight in it are lost and must be retried. */
  async relaunch(): Promise<void> {
    const old = this.launched.browser;
    old.process()?.kill('SIGKILL');
    await old.close().catch(() => undefined);
    this.current = undefined;
    this.inUse.clear();
    this.retiring.clear();
    this.launched = await launchBrowser(this.options);
    this.relaunches++;
    this.recordPid();
  }

  async close(): Promise<void> {
    const browser = this.launched.browser;
    await browser.close().catch(() => undefined);
    // close() can leave the process when the pipe is already broken; make sure it is gone.
    const child = browser.process();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }
}
