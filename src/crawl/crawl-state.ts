// Saves and loads a crawl in progress (pages done, their findings, the frontier) so a stopped audit can be resumed.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SitePageInput } from '../checks/run-checks.js';
import type { PageContact } from '../page/visit-page.js';
import type { CrawlDocumentsSnapshot } from './crawl-documents.js';
import type { FrontierSnapshot } from './frontier.js';
import type { ClaimsSnapshot } from './local-claims.js';
import { WelcomematError } from '../errors.js';
import type { CheckError, Finding } from '../model/finding.js';
import type { PageResult } from '../model/report.js';
import type { DeadEndLink } from '../model/dead-end.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** Bumped when the saved shape changes; an older file is refused rather than misread. */
export const CRAWL_STATE_VERSION = 2;

/** The file name the CLI keeps the crawl state under, in the report folder. */
export const CRAWL_STATE_FILE = 'crawl-state.json';

/** Options for saving and resuming; passed to `audit` next to the audit options. */
export interface CrawlStateOptions {
  /** Where to save the crawl state while the crawl runs (atomically); removed when the crawl completes. */
  crawlStatePath?: string;
  /** A crawl state saved earlier: its pages are kept, not audited again, and its queue is continued. */
  resumeFrom?: string;
}

export interface SavedCrawlState {
  version: typeof CRAWL_STATE_VERSION;
  startUrls: string[];
  startedAt: string;
  savedAt: string;
  pages: PageResult[];
  findings: Finding[];
  checkErrors: CheckError[];
  sitePages: SitePageInput[];
  /** Ways to get in touch per audited page (absent in states saved before they were kept). */
  contacts?: { url: string; contact: PageContact }[];
  /** Script routes that rendered "not found" (absent in states saved before they were kept). */
  deadEndLinks?: DeadEndLink[];
  /** Linked documents read, waiting and skipped (absent in states saved before they were kept, or with documents off). */
  documents?: CrawlDocumentsSnapshot;
  claims: ClaimsSnapshot;
  frontier: FrontierSnapshot;
  /** Set by a queued run: its id, so a resume finds its jobs and claims in the queue again. */
  runId?: string;
}

export async function saveCrawlState(filePath: string, state: Omit<SavedCrawlState, 'version' | 'savedAt'>): Promise<void> {
  const saved: SavedCrawlState = { version: CRAWL_STATE_VERSION, savedAt: new Date().toISOString(), ...state };
  // Serialised before the first await, so pages and queue are from the same moment.
  const text = JSON.stringify(saved);
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  await writeFileAtomic(filePath, text);
}

/** Reads a saved state; throws BAD_OPTIONS when it is missing, unreadable, or for other start URLs. */
export async function loadCrawlState(filePath: string, startUrls: string[]): Promise<SavedCrawlState> {
  let saved: SavedCrawlState;
  try {
    saved = JSON.parse(await fs.readFile(filePath, 'utf8')) as SavedCrawlState;
  } catch (error) {
    throw new WelcomematError('BAD_OPTIONS', `cannot resume: the crawl state ${filePath} could not be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (saved?.version !== CRAWL_STATE_VERSION || !Array.isArray(saved.pages) || !saved.frontier || !Array.isArray(saved.frontier.queue)) {
    throw new WelcomematError('BAD_OPTIONS', `cannot resume: ${filePath} is not a crawl state this version of welcomemat wrote`);
  }
  if (JSON.stringify(saved.startUrls) !== JSON.stringify(startUrls)) {
    throw new WelcomematError('BAD_OPTIONS', `cannot resume: ${filePath} is a crawl of ${saved.startUrls.join(', ')}, not of ${startUrls.join(', ')}`);
  }
  return saved;
}

export async function removeCrawlState(filePath: string): Promise<void> {
  await fs.rm(filePath, { force: true });
}
