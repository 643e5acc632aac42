// Every criterion and clause a website audit speaks to, with its automated result, the person's verdict and what it concludes: the rows the table, statement and ACR share.
import type { Report } from '../model/report.js';
import { acrCatalog, compareIds, enData, wcagData, type EnChapterData } from '../standards/data.js';
import { clauseNotApplicable, indexRules, knownClause, performanceStatements, statementRules, websiteScope, type CriteriaIndex } from './mapping.js';
import { documentsOf, hasOutcomes, resultForRules, type CriterionResult } from './results.js';
import { documentManualSteps } from '../checks/document-checks.js';
import { checkVerdict, type ManualVerdict, type ManualVerdicts, type VerdictCheck } from './verdicts.js';

/**
 * What a row concludes. verdict: a person's verdict holds. fails / needs-review: automation
 * found failures / things to look at (and no holding verdict). manual-check: automation found
 * no failure, cannot test it, or did not run: a person must check. not-applicable: the clause
 * cannot apply to a website (hardware keys, closed functionality).
 */
export type Conclusion = 'verdict' | 'fails' | 'needs-review' | 'manual-check' | 'not-applicable';

/** Where the manual test step of a row is, in locales/manual-steps.<locale>.json. */
export interface StepKey {
  kind: 'wcag' | 'en' | 's508';
  id: string;
}

export interface AssessedRow {
  /** The criterion or clause: "1.4.3", "9.1.4.3", "12.2.3", "4.2.1", "302.1". */
  id: string;
  standard: 'wcag' | 'en' | 's508';
  handle: string;
  /** WCAG rows: level and the version that introduced the criterion. */
  level?: 'A' | 'AA' | 'AAA';
  since?: '2.0' | '2.1' | '2.2';
  /** WCAG 4.1.1: removed in 2.2. */
  obsolete?: true;
  /** EN rows: the editions that have the clause (absent: both). */
  editions?: string[];
  /** EN chapter 9 and 10 rows: the WCAG criterion they repeat. */
  wcag?: string;
  /** The EN clause a Section 508 row answers from (302.x ← 4.2.x, 603.3 ← 12.2.3). */
  sameAs?: string;
  /** Functional performance rows: the criteria they rest on. */
  restsOn?: string[];
  /** Set when the clause cannot apply to a website; the reason is a key of scope.* texts. */
  notApplicable?: string;
  result: CriterionResult;
  verdict?: ManualVerdict;
  /** The criterion the verdict was given for, when it came from another (9.1.4.3 from 1.4.3). */
  verdictFrom?: string;
  verdictCheck?: VerdictCheck;
  conclusion: Conclusion;
  step: StepKey;
}

export interface AssessedChapter {
  /** The VPAT catalog chapter id (en_301_549_web…). */
  id: string;
  number: number;
  label: string;
  rows: AssessedRow[];
  /** Chapter 9: answered by the WCAG rows; chapter 10: documents audited or not. */
  note?: 'web' | 'documents' | 'documents-not-audited';
}

export interface OutOfScopeChapter {
  id: string;
  label: string;
  /** A key of scope.* texts. */
  reason: string;
}

export interface Assessment {
  outcomesRecorded: boolean;
  /** All WCAG 2.2 criteria, A, AA and AAA. */
  wcag: AssessedRow[];
  /** EN 301 549 chapters a website audit speaks to. */
  en: AssessedChapter[];
  /** Section 508 rows of its functional performance (302) and support (602, 603) chapters. */
  s508: { fpc: AssessedRow[]; support: AssessedRow[] };
  /** Catalog chapters (EN and Section 508) not reported, with why. */
  outOfScope: OutOfScopeChapter[];
  /** Verdicts no row uses (a clause of a chapter a website audit does not report). */
  unusedVerdicts: string[];
}

/** A requirement clause, not a heading over others nor an informative section. */
function isRequirement(id: string, handle: string, all: string[]): boolean {
  return !/\(informative\)/i.test(handle) && !all.some((other) => other !== id && other.startsWith(`${id}.`));
}

function conclude(result: CriterionResult, verdict: ManualVerdict | undefined, check: VerdictCheck | undefined, notApplicable: boolean): Conclusion {
  if (verdict && check && check.contradictedBy.length === 0) return 'verdict';
  if (result.status === 'fails') return 'fails';
  if (notApplicable) return 'not-applicable';
  if (result.status === 'needs-review') return 'needs-review';
  return 'manual-check';
}

/** Builds one row: its result over `rules`, the verdict (its own id first, then the alternates), and the conclusion. */
function row(report: Report, verdicts: ManualVerdicts, fields: Omit<AssessedRow, 'result' | 'verdict' | 'verdictFrom' | 'verdictCheck' | 'conclusion'>, result: CriterionResult, alternates: string[] = []): AssessedRow {
  const from = [fields.id, ...alternates].find((id) => verdicts.has(id));
  const verdict = from ? verdicts.get(from) : undefined;
  const verdictCheck = verdict ? checkVerdict(verdict, result, report) : undefined;
  return {
    ...fields,
    result,
    ...(verdict ? { verdict, verdictCheck, ...(from !== fields.id ? { verdictFrom: from } : {}) } : {}),
    conclusion: conclude(result, verdict, verdictCheck, !!fields.notApplicable),
  };
}

function wcagRows(report: Report, index: CriteriaIndex, verdicts: ManualVerdicts): AssessedRow[] {
  return wcagData().criteria.map((sc) =>
    row(
      report,
      verdicts,
      { id: sc.id, standard: 'wcag', handle: sc.handle, level: sc.level, since: sc.since, ...(sc.obsolete ? { obsolete: true as const } : {}), step: { kind: 'wcag', id: sc.id } },
      resultForRules(report, index.byWcag.get(sc.id) ?? []),
    ),
  );
}

function enChapter(report: Report, index: CriteriaIndex, verdicts: ManualVerdicts, chapter: EnChapterData): AssessedChapter | OutOfScopeChapter {
  const scope = websiteScope().chapters[chapter.id] ?? { scope: 'out', reason: 'unknown' };
  const base = { id: chapter.id, number: chapter.number, label: chapter.label };
  const sameAs = websiteScope().sameAs;
  const s508Of = (id: string) => Object.keys(sameAs).filter((key) => sameAs[key] === id);
  switch (scope.scope) {
    case 'out':
      return { id: chapter.id, label: chapter.label, reason: scope.reason ?? 'unknown' };
    case 'functional-performance':
      return {
        ...base,
        rows: performanceStatements().map((statement) => {
          const clause = chapter.clauses.find((item) => item.id === statement.id);
          return row(
            report,
            verdicts,
            { id: statement.id, standard: 'en', handle: clause?.handle ?? statement.id, restsOn: statement.wcag, step: { kind: 'en', id: statement.id } },
            resultForRules(report, statementRules(statement, index)),
            statement.s508 ? [statement.s508] : [],
          );
        }),
      };
    case 'web':
      return {
        ...base,
        note: 'web',
        rows: chapter.clauses.map((clause) =>
          row(
            report,
            verdicts,
            { id: clause.id, standard: 'en', handle: clause.handle, wcag: clause.wcag, ...(clause.editions ? { editions: clause.editions } : {}), step: { kind: 'wcag', id: clause.wcag ?? '' } },
            resultForRules(report, index.byEn.get(clause.id) ?? []),
            clause.wcag ? [clause.wcag] : [],
          ),
        ),
      };
    case 'documents': {
      // Chapter 10 rows only when documents were audited: the catalog's own clauses, the 10.x.y.z clauses
      // document checks name, and those only a person can judge in a document (documentManualSteps).
      const named = [...index.byEn.keys(), ...documentManualSteps.flatMap((step) => step.en301549)].filter((id) => id.startsWith('10.') && knownClause(id));
      if (named.length === 0 || documentsOf(report).length === 0) return { ...base, note: 'documents-not-audited', rows: [] };
      const ids = [...new Set([...chapter.clauses.filter((clause) => isRequirement(clause.id, clause.handle, [])).map((clause) => clause.id), ...named])].sort(compareIds);
      return {
        ...base,
        note: 'documents',
        rows: ids.map((id) => {
          const wcag = /^10\.(\d\.\d\.\d{1,2})$/.exec(id)?.[1];
          const handle = chapter.clauses.find((clause) => clause.id === id)?.handle ?? (wcag ? (wcagData().criteria.find((sc) => sc.id === wcag)?.handle ?? id) : id);
          return row(report, verdicts, { id, standard: 'en', handle, ...(wcag ? { wcag } : {}), step: wcag ? { kind: 'wcag', id: wcag } : { kind: 'en', id } }, resultForRules(report, index.byEn.get(id) ?? []));
        }),
      };
    }
    default: {
      const all = chapter.clauses.map((clause) => clause.id);
      return {
        ...base,
        rows: chapter.clauses
          .filter((clause) => isRequirement(clause.id, clause.handle, all))
          .map((clause) =>
            row(
              report,
              verdicts,
              { id: clause.id, standard: 'en', handle: clause.handle, ...(clauseNotApplicable(clause.id, scope) ? { notApplicable: scope.reason ?? 'unknown' } : {}), step: { kind: 'en', id: clause.id } },
              resultForRules(report, index.byEn.get(clause.id) ?? []),
              s508Of(clause.id),
            ),
          ),
      };
    }
  }
}

/** The Section 508 chapters 3 (functional performance) and 6 (support) as rows, each answered from its EN counterpart where there is one. */
function s508Rows(report: Report, verdicts: ManualVerdicts, en: AssessedChapter[]): Assessment['s508'] {
  const catalog = acrCatalog();
  const enRows = new Map(en.flatMap((chapter) => chapter.rows.map((item) => [item.id, item] as const)));
  const fromEn = (id: string, handle: string, enId: string | undefined): AssessedRow => {
    const twin = enId ? enRows.get(enId) : undefined;
    if (twin) return row(report, verdicts, { id, standard: 's508', handle, sameAs: enId, ...(twin.restsOn ? { restsOn: twin.restsOn } : {}), step: twin.step }, twin.result, enId ? [enId] : []);
    return row(report, verdicts, { id, standard: 's508', handle, step: { kind: 's508', id } }, resultForRules(report, []));
  };
  const statements = performanceStatements();
  const fpc = (catalog.chapters.find((chapter) => chapter.id === 'functional_performance_criteria')?.criteria ?? []).map((criterion) =>
    fromEn(criterion.id, criterion.handle, statements.find((statement) => statement.s508 === criterion.id)?.id),
  );
  const sameAs = websiteScope().sameAs;
  const support = (catalog.chapters.find((chapter) => chapter.id === 'support_documentation_and_services')?.criteria ?? []).map((criterion) =>
    fromEn(criterion.id, criterion.handle, Object.hasOwn(sameAs, criterion.id) ? sameAs[criterion.id] : undefined),
  );
  return { fpc, support };
}

/** Assesses every criterion and clause of a website audit from the report's outcomes and the manual verdicts. */
export function assess(report: Report, verdicts: ManualVerdicts = new Map()): Assessment {
  const index = indexRules(report);
  const wcag = wcagRows(report, index, verdicts);
  const en: AssessedChapter[] = [];
  const outOfScope: OutOfScopeChapter[] = [];
  for (const chapter of enData().chapters) {
    const assessed = enChapter(report, index, verdicts, chapter);
    if ('rows' in assessed) en.push(assessed);
    else outOfScope.push(assessed);
  }
  const scope = websiteScope().chapters;
  for (const chapter of acrCatalog().chapters) {
    if (scope[chapter.id]?.scope === 'out' && !outOfScope.some((item) => item.id === chapter.id)) outOfScope.push({ id: chapter.id, label: chapter.label, reason: scope[chapter.id].reason ?? 'unknown' });
  }
  const s508 = s508Rows(report, verdicts, en);
  const used = new Set([...wcag, ...en.flatMap((chapter) => chapter.rows), ...s508.fpc, ...s508.support].flatMap((item) => (item.verdict ? [item.verdict.criterion] : [])));
  return { outcomesRecorded: hasOutcomes(report), wcag, en, s508, outOfScope, unusedVerdicts: [...verdicts.keys()].filter((id) => !used.has(id)) };
}
