// Run history in the output folder: history/<time>.json per run, read back for "what changed" and the trend chart.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../model/report.js';
import { compareReports, historyPointOf, parseComparable, type ComparableReport } from './compare.js';

export const HISTORY_DIR = 'history';
/** Runs kept in the folder; older entries are removed. Two years of weekly runs. */
export const HISTORY_LIMIT = 104;
/**
 * Pages kept per fix in a history entry, so the next run can tell "fixed" from "not checked
 * again"; a template fix on every page of a big site would otherwise make each entry megabytes.
 */
export const HISTORY_FIX_PAGES = 50;

/** A history file name from a start time: sortable, and safe on every file system. */
function historyFileName(startedAt: string): string {
  return `${startedAt.replace(/[^0-9A-Za-z]+/g, '-').replace(/-+$/, '')}.json`;
}

/** What is kept of a run: its totals and its fixes' ids, titles, counts and first pages, not its findings. */
export function historyEntryOf(report: Report): ComparableReport {
  return {
    siteName: report.siteName,
    startedAt: report.startedAt,
    summary: {
      violations: report.summary.violations,
      needsReview: report.summary.needsReview,
      pagesAudited: report.summary.pagesAudited,
      fixes: report.summary.fixes,
    },
    fixes: report.fixes.map(({ id, title, ruleId, impact, kind, instances, pages }) => ({
      id,
      title,
      ruleId,
      impact,
      kind,
      instances,
      pages: pages.slice(0, HISTORY_FIX_PAGES),
      ...(pages.length > HISTORY_FIX_PAGES ? { pageCount: pages.length } : {}),
    })),
    ...(report.pages.some((page) => page.contentHash) ? { pageHashes: pageHashes(report) } : {}),
  };
}

function pageHashes(report: Report): { url: string; hash: string }[] {
  return report.pages.filter((page) => page.contentHash).map((page) => ({ url: page.finalUrl || page.url, hash: page.contentHash! }));
}

/**
 * The report's pages with `contentChangedAt`: the start of the earliest run, in the unbroken
 * line of past runs ending with this one, in which the page had its current content hash.
 * The line breaks at a run with another hash, a run without the page, or a run that recorded
 * no hashes, so the date is never earlier than the first run known to have this content: a
 * manual verdict given before it is flagged for re-checking rather than trusted. Unknown
 * (left out) when the page has no hash or the latest past run recorded none.
 */
export function withPageChangeDates(report: Report, past: ComparableReport[]): Report {
  const earlier = past.filter((entry) => entry.startedAt < report.startedAt);
  const latest = earlier.at(-1);
  if (!latest?.pageHashes || !report.pages.some((page) => page.contentHash)) return report;
  const byRun = earlier.map((entry) => (entry.pageHashes ? new Map(entry.pageHashes.map((page) => [page.url, page.hash])) : undefined));
  const pages = report.pages.map((page) => {
    if (!page.contentHash) return page;
    const url = page.finalUrl || page.url;
    let changedAt = report.startedAt;
    for (let i = earlier.length - 1; i >= 0; i--) {
      if (byRun[i]?.get(url) !== page.contentHash) break;
      changedAt = earlier[i].startedAt;
    }
    return { ...page, contentChangedAt: changedAt };
  });
  return { ...report, pages };
}

/** Past runs in `outDir/history`, oldest first; unreadable entries are skipped, not fatal. */
export async function readHistory(outDir: string): Promise<ComparableReport[]> {
  const dir = path.join(outDir, HISTORY_DIR);
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const entries: ComparableReport[] = [];
  for (const file of files) {
    try {
      entries.push(parseComparable(await fs.readFile(path.join(dir, file), 'utf8'), file));
    } catch {
      // A damaged entry only loses one point of the trend.
    }
  }
  return entries.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
}

export interface HistoryOptions {
  outDir: string;
  /** A previous report.json to compare with; otherwise the latest earlier run in the folder. */
  comparePath?: string;
}

/**
 * Returns the report with `comparison` and `history` filled from the folder's history
 * (and `comparePath`, which wins). The report passed in is not changed.
 */
export async function withHistory(report: Report, options: HistoryOptions): Promise<Report> {
  const past = (await readHistory(options.outDir)).filter((entry) => entry.startedAt < report.startedAt);
  let previous: { entry: ComparableReport; source: string } | undefined;
  if (options.comparePath) {
    const text = await fs.readFile(options.comparePath, 'utf8');
    previous = { entry: parseComparable(text, options.comparePath), source: path.basename(options.comparePath) };
  } else if (past.length > 0) {
    previous = { entry: past[past.length - 1], source: HISTORY_DIR };
  }
  const history = [...past.slice(-(HISTORY_LIMIT - 1)).map(historyPointOf), historyPointOf(report)];
  return {
    ...withPageChangeDates(report, past),
    ...(previous ? { comparison: compareReports(report, previous.entry, previous.source) } : {}),
    ...(history.length > 1 ? { history } : {}),
  };
}

/** Adds this run to the folder's history and trims it to HISTORY_LIMIT entries. */
export async function recordHistory(report: Report, outDir: string, write: (file: string, data: string) => Promise<void>): Promise<string> {
  const dir = path.join(outDir, HISTORY_DIR);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, historyFileName(report.startedAt));
  await write(file, `${JSON.stringify(historyEntryOf(report))}\n`);
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  for (const old of files.slice(0, Math.max(0, files.length - HISTORY_LIMIT))) await fs.rm(path.join(dir, old), { force: true });
  return file;
}
