// The crawl's view of whatever visits pages: in this process (browser tabs in p-limit slots) or through a job queue served by workers.
import type { PageTask } from '../model/page-task.js';
import type { PageClaims, PageVisit } from '../page/visit-page.js';

export interface RunControl {
  /** Fires when the crawl stops (interrupt or time budget): a runner retries nothing after that. */
  stopping: AbortSignal;
}

export interface PageRunner {
  /** A queued runner's run id, saved with the crawl state so a resume finds its jobs and claims again. */
  readonly runId?: string;
  /** Pages that may be in flight at once. */
  readonly capacity: number;
  /**
   * Visits one page and says what came of it, retrying once where a crash (tab, browser,
   * worker) lost it. Never rejects for anything the page does. `claims` are the crawl's
   * decisions on final URLs and layout sampling; a queued runner's workers make the same
   * decisions atomically in the queue's store instead.
   */
  run(task: PageTask, claims: PageClaims, control: RunControl): Promise<PageVisit>;
  /** No more pages: release the browser or the queue; pages still in flight are abandoned. */
  close(): Promise<void>;
}
