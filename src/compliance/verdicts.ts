// The manual-verdicts file: a person's verdict per criterion (YAML, keyed by criterion), validated with zod, and whether each verdict still holds.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { WelcomematError } from '../errors.js';
import type { Report } from '../model/report.js';
import { acrCatalog, enClause, wcagCriterion } from '../standards/data.js';
import type { CriterionResult } from './results.js';

/** The OpenACR terms a person may give; "not-evaluated" is what no verdict means. */
export const VERDICT_TERMS = ['supports', 'partially-supports', 'does-not-support', 'not-applicable'] as const;
export type VerdictTerm = (typeof VERDICT_TERMS)[number];

export interface ManualVerdict {
  /** The criterion or clause it is about: WCAG "1.4.3", EN 301 549 "12.2.3", Section 508 "302.1". */
  criterion: string;
  verdict: VerdictTerm;
  remarks: string;
  /** Who checked: a name, a role, a company. */
  who: string;
  /** When, as written: a date (2026-11-20) or a date and time (ISO 8601). */
  when: string;
}

/** Verdicts by criterion id. */
export type ManualVerdicts = ReadonlyMap<string, ManualVerdict>;

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const verdictSchema = z
  .object({
    verdict: z.enum(VERDICT_TERMS, { error: `verdict must be one of ${VERDICT_TERMS.join(', ')}` }),
    remarks: z.string({ error: 'remarks must be text' }).optional(),
    who: z.string({ error: 'who must say who checked' }).trim().min(1, 'who must say who checked'),
    when: z
      .string({ error: 'when must be a date such as 2026-11-20' })
      .trim()
      .regex(DATE, 'when must be a date such as 2026-11-20')
      .refine((value) => !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)), 'when must be a real date'),
  })
  .strict();

/** Whether an id names a WCAG 2.2 criterion, an EN 301 549 clause or a Section 508 criterion of the VPAT catalog. */
export function isCriterionId(id: string): boolean {
  if (wcagCriterion(id) || enClause(id)) return true;
  // Chapter 10 clauses for documents mirror WCAG (10.x.y.z = WCAG x.y.z); OpenACR does not list them.
  const documentClause = /^10\.(\d\.\d\.\d{1,2})$/.exec(id);
  if (documentClause && wcagCriterion(documentClause[1])) return true;
  return acrCatalog().chapters.some((chapter) => chapter.criteria.some((criterion) => criterion.id === id));
}

function fail(where: string, detail: string): never {
  throw new WelcomematError('BAD_VERDICTS', `manual verdicts ${where}: ${detail}`);
}

/**
 * Parses a verdicts file. Scalars are read as text (the YAML failsafe schema), so "10.0"
 * stays "10.0" and dates stay as written. Any problem is one line naming the key.
 */
export function parseManualVerdicts(text: string, where: string): Map<string, ManualVerdict> {
  let data: unknown;
  try {
    data = parse(text, { schema: 'failsafe', uniqueKeys: true });
  } catch (error) {
    fail(where, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined || data === '') return new Map();
  if (typeof data !== 'object' || Array.isArray(data)) fail(where, 'expected a map of criteria, such as "1.4.3": { verdict: supports, who: …, when: … }');
  const verdicts = new Map<string, ManualVerdict>();
  for (const [criterion, value] of Object.entries(data as Record<string, unknown>)) {
    const id = criterion.trim();
    if (!isCriterionId(id)) fail(where, `"${id}": not a WCAG 2.2 success criterion, EN 301 549 clause or Section 508 criterion`);
    const parsed = verdictSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (use verdict, remarks, who, when)` : issue.code === 'invalid_type' && issue.path.length === 0 ? 'expected verdict, remarks, who and when' : issue.message;
      fail(where, `"${id}"${field}: ${message}`);
    }
    verdicts.set(id, { criterion: id, verdict: parsed.data.verdict, remarks: parsed.data.remarks?.trim() ?? '', who: parsed.data.who, when: parsed.data.when });
  }
  return verdicts;
}

/** Reads and parses a verdicts file; a missing or unreadable file is one line too. */
export function loadManualVerdicts(file: string): Map<string, ManualVerdict> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(path.basename(file), code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  return parseManualVerdicts(text, path.basename(file));
}

/** A verdict's time: a bare date counts as its whole day, so a page first seen that same day does not make it stale. */
function verdictEnd(when: string): number {
  return when.length === 10 ? Date.parse(`${when}T23:59:59.999Z`) : Date.parse(when);
}

/** Whether a verdict still stands, given this run. */
export interface VerdictCheck {
  /** Pages the criterion's rules judged (or every audited page) that changed after the verdict. */
  changedPages: string[];
  /** True when no relevant page has a change date (content hashes not recorded): staleness cannot be told. */
  changesUnknown: boolean;
  /** The verdict says supports or not applicable, but automation found failures on these pages. */
  contradictedBy: string[];
  /** True when the verdict should be checked again (changed pages or contradicted). */
  recheck: boolean;
}

/**
 * Checks one verdict against the run: stale when a page the criterion's rules judged (every
 * audited page when they judged none) last changed after the verdict; contradicted when it
 * says supports or not applicable and automation found a failure.
 */
export function checkVerdict(verdict: ManualVerdict, result: CriterionResult, report: Report): VerdictCheck {
  const judged = new Set(result.judgedUrls);
  const audited = report.pages.filter((page) => !page.error);
  // The pages its rules judged; when they judged none (no rule, nothing found), every audited page.
  const relevant = judged.size === 0 ? audited : audited.filter((page) => judged.has(page.finalUrl || page.url));
  const dated = relevant.filter((page) => page.contentChangedAt);
  const end = verdictEnd(verdict.when);
  const changedPages = dated.filter((page) => Date.parse(page.contentChangedAt!) > end).map((page) => page.finalUrl || page.url);
  const contradictedBy = (verdict.verdict === 'supports' || verdict.verdict === 'not-applicable') && result.status === 'fails' ? result.failedPages : [];
  return { changedPages, changesUnknown: dated.length === 0, contradictedBy, recheck: changedPages.length > 0 || contradictedBy.length > 0 };
}
