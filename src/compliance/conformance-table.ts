// The conformance table: WCAG 2.2 A and AA (with the WCAG 2.1 AA subset ADA Title II asks for) and EN 301 549 by clause, from a report and manual verdicts.
import type { Report } from '../model/report.js';
import { assess, type AssessedChapter, type AssessedRow, type Conclusion, type OutOfScopeChapter } from './assess.js';
import type { ManualVerdicts } from './verdicts.js';

export interface ConclusionCounts {
  criteria: number;
  fails: number;
  needsReview: number;
  manualCheck: number;
  verdicts: number;
  notApplicable: number;
  /** Rows whose verdict must be checked again (pages changed, or automation contradicts it). */
  recheck: number;
}

export interface ConformanceTable {
  site: { name: string; startUrls: string[]; startedAt: string; finishedAt: string; pagesAudited: number; pagesFailed: number; complete: boolean; incompleteReason?: string };
  tool: Report['tool'];
  schemaVersion: string;
  /** False for reports of schema 1.x: results then come from findings alone and "passed" cannot be told from "did not run". */
  outcomesRecorded: boolean;
  /** WCAG 2.2 Level A and AA; `since` tells the WCAG 2.1 subset (ADA Title II: WCAG 2.1 AA). */
  wcag: AssessedRow[];
  en: AssessedChapter[];
  /** EN 301 549 chapters a website audit does not speak to, and why. */
  outOfScope: OutOfScopeChapter[];
  summary: { wcag22: ConclusionCounts; wcag21: ConclusionCounts; en: ConclusionCounts };
  /** Criteria and clauses a person must still check (no verdict that holds), in table order. */
  manualChecksOwed: string[];
  /** Verdicts to check again. */
  recheck: string[];
  /** Verdicts for criteria the table does not show. */
  unusedVerdicts: string[];
}

export interface ConformanceOptions {
  verdicts?: ManualVerdicts;
}

function counts(rows: AssessedRow[]): ConclusionCounts {
  const by = (conclusion: Conclusion) => rows.filter((row) => row.conclusion === conclusion).length;
  return {
    criteria: rows.length,
    fails: by('fails'),
    needsReview: by('needs-review'),
    manualCheck: by('manual-check'),
    verdicts: by('verdict'),
    notApplicable: by('not-applicable'),
    recheck: rows.filter((row) => row.verdictCheck?.recheck).length,
  };
}

/** Whether a WCAG row belongs to WCAG 2.1 (ADA Title II's level): every criterion not new in 2.2, 4.1.1 included. */
export function inWcag21(row: AssessedRow): boolean {
  return row.standard === 'wcag' && row.since !== '2.2';
}

/** Builds the conformance table. Never says "conforms": a row is a person's verdict, or what automation found and what a person must still check. */
export function buildConformanceTable(report: Report, options: ConformanceOptions = {}): ConformanceTable {
  const assessment = assess(report, options.verdicts);
  const wcag = assessment.wcag.filter((row) => row.level === 'A' || row.level === 'AA');
  const current = wcag.filter((row) => !row.obsolete);
  const enRows = assessment.en.flatMap((chapter) => chapter.rows);
  const all = [...wcag, ...enRows.filter((row) => !row.wcag || row.id.startsWith('10.'))];
  return {
    site: {
      name: report.siteName,
      startUrls: report.startUrls,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      pagesAudited: report.summary.pagesAudited,
      pagesFailed: report.summary.pagesFailed,
      complete: report.complete !== false,
      ...(report.incompleteReason ? { incompleteReason: report.incompleteReason } : {}),
    },
    tool: report.tool,
    schemaVersion: report.schemaVersion,
    outcomesRecorded: assessment.outcomesRecorded,
    wcag,
    en: assessment.en,
    outOfScope: assessment.outOfScope.filter((chapter) => chapter.id.startsWith('en_')),
    summary: { wcag22: counts(current), wcag21: counts(wcag.filter(inWcag21)), en: counts(enRows) },
    manualChecksOwed: all.filter((row) => row.conclusion !== 'verdict' && row.conclusion !== 'not-applicable').map((row) => row.id),
    recheck: [...wcag, ...enRows].filter((row) => row.verdictCheck?.recheck).map((row) => row.id).filter((id, i, list) => list.indexOf(id) === i),
    unusedVerdicts: assessment.unusedVerdicts,
  };
}
