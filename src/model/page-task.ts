// One URL the crawl wants audited: plain data, so it can wait in a queue or a saved crawl state.
import type { PageResult } from './report.js';

export interface PageTask {
  /** The normalised URL. */
  url: string;
  depth: number;
  foundBy: PageResult['foundBy'];
  /** The page that linked here, where known. */
  from?: string;
  /** The text of that link, where known (a URL that turns out to be a document is listed with it). */
  linkText?: string;
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

/**
 * Names servers answer a directory URL with. "/" and "/index.html" are usually one page;
 * the crawl audits both only when their text differs.
 */
const DEFAULT_DOCUMENT = /^(index|default|home)\.(html?|php|aspx?|jsp|shtml|cfm)$/i;

/** The directory path a path stands for ("/a/" for "/a/" and "/a/index.html"), or null for any other path. */
export function directoryOf(pathname: string): string | null {
  if (pathname.endsWith('/')) return pathname;
  const slash = pathname.lastIndexOf('/');
  return DEFAULT_DOCUMENT.test(pathname.slice(slash + 1)) ? pathname.slice(0, slash + 1) : null;
}
