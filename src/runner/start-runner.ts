// Picks and starts the page runner of an audit: browser tabs in this process, or a BullMQ queue served by workers when `queue` is set.
import type { BrowserSession } from '../browser/browser-session.js';
import type { ProgressEvent, ResolvedOptions } from '../config/options.js';
import { loadCrawlState } from '../crawl/crawl-state.js';
import type { PageRunner } from '../crawl/page-runner.js';
import type { PageVisitSetup } from '../page/visit-page.js';
import { InProcessRunner } from './in-process-runner.js';

export interface StartedRunner {
  runner: PageRunner;
  /** The audit's own browser, when pages are visited in this process (Lighthouse runs on it). */
  session?: BrowserSession;
  /** Aborts with a reason when the runner cannot go on (Redis lost): the crawl stops with what it has. */
  failure?: AbortSignal;
  browserVersion(): string;
  sandboxNote(): string;
}

export async function startRunner(options: ResolvedOptions, setup: PageVisitSetup, progress: (event: ProgressEvent) => void, resumeFrom?: string): Promise<StartedRunner> {
  if (options.queue) {
    // A resumed queued crawl goes on under its run id, so its finished jobs and claims are found again.
    const runId = resumeFrom ? (await loadCrawlState(resumeFrom, options.urls)).runId : undefined;
    // Loaded only here: BullMQ and its Redis client weigh about 30 MB an in-process audit never uses.
    const { QueuedRunner } = await import('./queued-runner.js');
    const runner = await QueuedRunner.start(options, progress, runId);
    return { runner, failure: runner.lost, browserVersion: () => runner.browserVersion, sandboxNote: () => runner.sandboxNote };
  }
  const runner = await InProcessRunner.start(options, setup);
  return { runner, session: runner.session, browserVersion: () => runner.session.version, sandboxNote: () => runner.session.sandboxNote };
}
