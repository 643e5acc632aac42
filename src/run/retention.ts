// Timestamped run folders: naming, the `latest` pointer (latest.json plus a best-effort symlink) and pruning past the retention count.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** 2025-01-06T09-00-00Z: ISO time with colons replaced (Windows and some volumes reject them); sorts by time. */
export const RUN_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?$/;

export function runFolderName(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

/** A new, unused run folder under `siteDir` (a suffix is added when two runs start in the same second). */
export async function createRunFolder(siteDir: string, date: Date): Promise<string> {
  await fs.mkdir(siteDir, { recursive: true });
  const base = runFolderName(date);
  // 100 runs in one second only happens in a loop gone wrong; stop there.
  for (let attempt = 1; attempt < 100; attempt++) {
    const dir = path.join(siteDir, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`too many runs started at ${base}`);
}

/** Run folders of a site, oldest first. */
export async function listRunFolders(siteDir: string): Promise<string[]> {
  const entries = await fs.readdir(siteDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && RUN_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => {
      // Same second: "-2" after the plain name, "-10" after "-9".
      const [timeA, nA = '1'] = a.split(/Z-?/);
      const [timeB, nB = '1'] = b.split(/Z-?/);
      return timeA === timeB ? Number(nA || 1) - Number(nB || 1) : timeA < timeB ? -1 : 1;
    });
}

export interface LatestPointer {
  /** The run folder's name. */
  run: string;
  /** The run's report.json, relative to the site folder. */
  report: string;
  /** The run's HTML report, relative to the site folder, where written. */
  html?: string;
  finishedAt: string;
}

/**
 * Points `latest` at a run: latest.json always (works on every volume), and a
 * `latest` symlink where the file system allows one (some network and Windows
 * volumes do not; then only latest.json exists).
 */
export async function writeLatest(siteDir: string, pointer: LatestPointer): Promise<{ symlink: boolean }> {
  await writeFileAtomic(path.join(siteDir, 'latest.json'), `${JSON.stringify(pointer, null, 2)}\n`);
  const link = path.join(siteDir, 'latest');
  const tmp = `${link}.tmp-${process.pid}`;
  try {
    await fs.rm(tmp, { force: true });
    await fs.symlink(pointer.run, tmp, 'dir');
    await fs.rename(tmp, link);
    return { symlink: true };
  } catch {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return { symlink: false };
  }
}

/** Deletes the oldest run folders so at most `keep` remain; never touches anything else. Returns the names removed. */
export async function pruneRuns(siteDir: string, keep: number): Promise<string[]> {
  const runs = await listRunFolders(siteDir);
  const doomed = runs.slice(0, Math.max(0, runs.length - keep));
  for (const name of doomed) await fs.rm(path.join(siteDir, name), { recursive: true, force: true });
  return doomed;
}
