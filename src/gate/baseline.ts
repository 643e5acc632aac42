// Reads a baseline report (report.json, a folder, or a latest.json pointer) and compares fixes by their stable id.
import fs from 'node:fs/promises';
import path from 'node:path';
import { WelcomematError } from '../errors.js';
import type { Fix, Report } from '../model/report.js';
import { errorMessage } from '../util/with-budget.js';

/** The fix ids of a report, the part of a baseline the gates need. */
export interface Baseline {
  file: string;
  report: Pick<Report, 'fixes' | 'summary' | 'finishedAt'>;
}

export interface FixChanges {
  /** Fixes in the current report whose id the previous one did not have. */
  newFixes: Fix[];
  /** Ids of the previous report's fixes that are gone now. */
  fixedIds: string[];
  /** Violation fixes only, the ones gates count. */
  newViolations: Fix[];
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

/** What changed between two reports, by fix id (stable across runs for the same rule and cause). */
export function compareFixes(previous: Pick<Report, 'fixes'>, current: Pick<Report, 'fixes'>): FixChanges {
  const before = new Map(previous.fixes.map((fix) => [fix.id, fix]));
  const now = new Set(current.fixes.map((fix) => fix.id));
  const newFixes = current.fixes.filter((fix) => !before.has(fix.id));
  const fixed = previous.fixes.filter((fix) => !now.has(fix.id));
  return {
    newFixes,
    fixedIds: fixed.map((fix) => fix.id),
    newViolations: newFixes.filter((fix) => fix.kind === 'violation'),
    fixedViolations: fixed.filter((fix) => fix.kind === 'violation').length,
  };
}
