// Reads a baseline report (report.json, a folder, or a latest.json pointer) and says which fixes are new or gone since, by outcomes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { WelcomematError } from '../errors.js';
import type { Fix, Report } from '../model/report.js';
import { diffFixes, type ComparableReport, type FixDiff } from '../prioritize/diff-fixes.js';
import { errorMessage } from '../util/error-message.js';

/** A report the gates compare with: its fixes, and (schema 2.0 on) its outcomes. */
export interface Baseline {
  file: string;
  report: Pick<Report, 'fixes' | 'summary' | 'finishedAt'> & Partial<Pick<Report, 'rules' | 'pages' | 'siteOutcomes' | 'startedAt' | 'siteName'>>;
}

export interface FixChanges {
  /** Fixes in the current report whose id the previous one did not have. */
  newFixes: Fix[];
  /** Ids of the previous report's fixes that are gone now and whose rules ran again where they were. */
  fixedIds: string[];
  /** Ids of the previous report's fixes that are gone now but whose rules did not run again on all their pages. */
  notCheckedIds: string[];
  /** New violation fixes, the ones `--fail-on-new` counts: those whose rule also ran in the baseline where they are now. */
  newViolations: Fix[];
  /** New violation fixes whose rule did not run in the baseline where they are now: maybe not new, so not counted. */
  uncheckedViolations: Fix[];
  fixedViolations: number;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Finds the report behind `target`: a report.json, a latest.json written by
 * `welcomemat run` (followed to its report), or a folder holding either.
 * Returns undefined when nothing is there and `optional`; otherwise throws BAD_CONFIG.
 */
export async function loadBaseline(target: string, options: { optional?: boolean } = {}): Promise<Baseline | undefined> {
  let file = path.resolve(target);
  try {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
      if (options.optional) return undefined;
      throw new Error('no such file or folder');
    }
    if (stat.isDirectory()) {
      const latest = path.join(file, 'latest.json');
      file = (await fs.stat(latest).catch(() => undefined)) ? latest : path.join(file, 'report.json');
    }
    let data = await readJson(file);
    if (typeof data.report === 'string' && !Array.isArray(data.fixes)) {
      // A latest.json pointer: the report path is relative to the pointer's folder.
      file = path.resolve(path.dirname(file), data.report);
      data = await readJson(file);
    }
    if (!Array.isArray(data.fixes)) throw new Error('it has no "fixes" list; is it a welcomemat report.json?');
    return { file, report: data as unknown as Baseline['report'] };
  } catch (error) {
    if (options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new WelcomematError('BAD_CONFIG', `baseline ${target}: ${errorMessage(error)}`);
  }
}

/** What changed between two reports, by fix id and by outcomes (src/prioritize/diff-fixes.ts). */
export function compareFixes(previous: Baseline['report'], current: Report): FixChanges {
  const comparable = (report: Baseline['report']): ComparableReport => ({ ...report, siteName: report.siteName ?? '', startedAt: report.startedAt ?? '' });
  const diffs = diffFixes(comparable(previous), current);
  const byId = new Map(current.fixes.map((fix) => [fix.id, fix]));
  const fresh = diffs.filter((diff) => diff.status === 'new');
  const newFixes = fresh.map((diff) => byId.get(diff.id)!);
  const violation = (diff: FixDiff) => diff.current?.kind === 'violation';
  const fixed = diffs.filter((diff) => diff.status === 'fixed');
  return {
    newFixes,
    fixedIds: fixed.map((diff) => diff.id),
    notCheckedIds: diffs.filter((diff) => diff.status === 'not-checked').map((diff) => diff.id),
    newViolations: fresh.filter((diff) => violation(diff) && !diff.uncheckedBefore).map((diff) => byId.get(diff.id)!),
    uncheckedViolations: fresh.filter((diff) => violation(diff) && diff.uncheckedBefore).map((diff) => byId.get(diff.id)!),
    fixedViolations: fixed.filter((diff) => diff.previous?.kind === 'violation').length,
  };
}
