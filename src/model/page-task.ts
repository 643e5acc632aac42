// One URL the crawl wants audited: plain data, so it can wait in a queue or a saved crawl state.
import type { PageResult } from './report.js';

export interface PageTask {
  /** The normalised URL. */
  url: string;
  depth: number;
  foundBy: PageResult['foundBy'];
  /** The page that linked here, where known. */
  from?: string;
}

/** A page result with nothing measured yet, for a task about to be visited (or lost before it was). */
export function emptyPageResult(task: PageTask): PageResult {
  return {
    url: task.url,
    finalUrl: task.url,
    redirects: [],
    status: 0,
    title: '',
    lang: '',
    depth: task.depth,
    foundBy: task.foundBy,
    timing: { loadMs: 0, gatherMs: 0, totalMs: 0 },
    gathererErrors: [],
    violations: 0,
    needsReview: 0,
  };
}
