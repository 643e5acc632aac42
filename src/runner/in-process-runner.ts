// Visits pages in this process: one Chromium for the crawl, p-limit slots, a time limit per page, one retry after a tab or browser crash.
import pLimit, { type LimitFunction } from 'p-limit';
import type { BrowserContext } from 'puppeteer';
import { createSessionHooks } from '../auth/session-hooks.js';
import { BrowserSession } from '../browser/browser-session.js';
import type { ResolvedOptions } from '../config/options.js';
import type { PageRunner, RunControl } from '../crawl/page-runner.js';
import { emptyPageResult, type PageTask } from '../model/page-task.js';
import type { PageResult } from '../model/report.js';
import { worstCaseGatherMs } from '../page/gatherer-budget.js';
import { visitPage, type PageClaims, type PageVisit, type PageVisitSetup } from '../page/visit-page.js';
import { errorMessage } from '../util/error-message.js';

/**
 * Slack on top of a page's own limits (navigation twice: the page and a fresh tab for
 * interactive gatherers, settle, every gatherer budget at its largest) before the page is
 * given up as hung.
 */
const PAGE_LIMIT_SLACK_MS = 15_000;

function failed(task: PageTask, code: 'crashed' | 'timeout', message: string): PageVisit & { kind: 'failed' } {
  const page: PageResult = { ...emptyPageResult(task), error: { code, message } };
  return { kind: 'failed', page };
}

export class InProcessRunner implements PageRunner {
  readonly capacity: number;
  private readonly slots: LimitFunction;
  private readonly pageLimitMs: number;

  private constructor(
    readonly session: BrowserSession,
    private readonly setup: PageVisitSetup,
  ) {
    const { options } = setup;
    this.capacity = options.concurrency;
    this.slots = pLimit(options.concurrency);
    this.pageLimitMs = 2 * options.navigationTimeoutMs + options.settleTimeoutMs + worstCaseGatherMs(setup.gatherers, options) + PAGE_LIMIT_SLACK_MS;
  }

  /** Launches the browser (and runs the login, if any, once) before the first page. */
  static async start(options: ResolvedOptions, setup: PageVisitSetup): Promise<InProcessRunner> {
    const session = await BrowserSession.start(options.browser, createSessionHooks(options));
    return new InProcessRunner(session, setup);
  }

  run(task: PageTask, claims: PageClaims, control: RunControl): Promise<PageVisit> {
    return this.slots(async () => {
      const first = await this.attempt(task, claims, control, false);
      if (first !== 'lost') return first;
      const second = await this.attempt(task, claims, control, true);
      return second === 'lost' ? failed(task, 'crashed', 'the browser died while auditing the page, twice') : second;
    });
  }

  /** One try at a page; 'lost' when a crash took it and a retry is worth it. */
  private async attempt(task: PageTask, claims: PageClaims, control: RunControl, retried: boolean): Promise<PageVisit | 'lost'> {
    let context: BrowserContext;
    try {
      context = await this.session.acquire();
    } catch (error) {
      return failed(task, 'crashed', `the browser could not be restarted: ${errorMessage(error)}`);
    }
    let overtime: NodeJS.Timeout | undefined;
    try {
      const tooLong = new Promise<'overtime'>((resolve) => (overtime = setTimeout(() => resolve('overtime'), this.pageLimitMs)));
      const browserGone = this.session.died(context).then(() => 'browser-died' as const);
      const raced = await Promise.race([visitPage(task, context, this.setup, claims), tooLong, browserGone]);
      if (raced === 'overtime') return failed(task, 'timeout', `the page was still not audited after ${Math.round(this.pageLimitMs / 1000)} s in all; its tab was abandoned`);
      // A page whose browser died is lost whatever it was waiting for.
      const visit = raced === 'browser-died' ? failed(task, 'crashed', 'the browser process died while auditing the page') : raced;
      // Every page in flight when the browser process dies is lost, whatever its result says.
      const browserDied = !this.session.isAlive(context);
      const lost =
        (visit.kind === 'failed' && (visit.page.error?.code === 'crashed' || browserDied)) ||
        (visit.kind === 'audited' && browserDied && visit.page.gathererErrors.length > 0);
      if (!lost) return visit;
      // After a stop nothing is retried now; the crawl keeps the page for a resume.
      if (control.stopping.aborted) return visit.kind === 'failed' ? visit : failed(task, 'crashed', 'the browser died while auditing the page');
      if (retried) {
        const last = visit.kind === 'failed' ? visit.page.error?.message : 'gatherers lost';
        return failed(task, 'crashed', browserDied ? `the browser died while auditing the page, twice (last: ${last})` : (last ?? 'the tab crashed twice'));
      }
      // Start a new browser if needed (once for all pages in flight) and try the page once more.
      if (browserDied) await this.session.recoverFrom(context).catch(() => undefined);
      return 'lost';
    } finally {
      clearTimeout(overtime);
      this.session.release(context);
    }
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
