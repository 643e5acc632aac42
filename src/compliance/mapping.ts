// Which WCAG criteria and EN 301 549 clauses each rule tests: axe rules from data/mapping/axe-rules.json, welcomemat checks from their metadata.
import type { Check, DocumentCheck } from '../checks/check.js';
import { documentChecks } from '../checks/document-checks.js';
import { allChecks, findCheck } from '../checks/registry.js';
import type { RuleRef } from '../model/outcome.js';
import type { Report } from '../model/report.js';
import { axeRuleMapping, axeRuleMappings, enClause, readData, wcagCriterion } from '../standards/data.js';

export interface RuleCriteria {
  /** WCAG success criteria, any level. */
  wcag: string[];
  /** EN 301 549 clauses (both editions; V4.1.1-only ones too), known clauses only. */
  en: string[];
}

/** EN clause 9.x.y.z for WCAG x.y.z, where the criterion is Level A or AA (chapter 9 has no AAA clauses). */
export function webClauseOf(wcagId: string): string | undefined {
  const level = wcagCriterion(wcagId)?.level;
  return level === 'A' || level === 'AA' ? `9.${wcagId}` : undefined;
}

/**
 * An EN clause id the data knows, or a chapter 10 clause named by a document check
 * (10.x.y.z for WCAG x.y.z: chapter 10 mirrors WCAG for non-web documents; OpenACR does not list those clauses).
 */
export function knownClause(id: string): boolean {
  if (enClause(id)) return true;
  const documentClause = /^10\.(\d\.\d\.\d{1,2})$/.exec(id);
  return !!documentClause && !!wcagCriterion(documentClause[1]);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The criteria a rule's findings carried in this report (for rules the mapping does not know: older or newer versions). */
function criteriaFromReport(report: Report, ruleId: string): string[] {
  const fromFixes = report.fixes.filter((fix) => fix.ruleId === ruleId).flatMap((fix) => fix.wcag);
  const fromFindings = report.findings.filter((finding) => finding.ruleId === ruleId).flatMap((finding) => finding.wcag);
  return unique([...fromFixes, ...fromFindings]);
}

/**
 * The criteria and clauses one rule tests. axe rules: their tags (data/mapping/axe-rules.json);
 * welcomemat checks: `meta.wcag`, the chapter 9 clause of each A/AA criterion (page and site
 * checks: they judge web pages), and `meta.en301549` (chapter 10 for document checks). A rule
 * neither knows takes the criteria its findings carried in the report.
 */
export function ruleCriteria(rule: Pick<RuleRef, 'id' | 'source'>, report?: Report): RuleCriteria {
  if (rule.source === 'axe') {
    const mapped = axeRuleMapping(rule.id);
    if (mapped) return { wcag: [...mapped.wcag], en: [...mapped.en, ...(mapped.en4 ?? [])].filter(knownClause) };
  } else {
    const check: Check | DocumentCheck | undefined = findCheck(rule.id) ?? documentChecks.find((candidate) => candidate.meta.id === rule.id);
    if (check) {
      const web = check.scope === 'page' || check.scope === 'site';
      const derived = web ? check.meta.wcag.map(webClauseOf).filter((id): id is string => !!id) : [];
      return { wcag: [...check.meta.wcag], en: unique([...derived, ...(check.meta.en301549 ?? [])]).filter(knownClause) };
    }
  }
  const wcag = report ? criteriaFromReport(report, rule.id) : [];
  return { wcag, en: wcag.map(webClauseOf).filter((id): id is string => !!id) };
}

/** The rules of a run: report.rules where recorded; otherwise every rule welcomemat and axe know, plus any seen in findings. */
export function rulesOf(report: Report): RuleRef[] {
  if (report.rules) return report.rules;
  const known: RuleRef[] = [
    ...axeRuleMappings()
      .rules.filter((rule) => !rule.status)
      .map((rule) => ({ id: rule.id, source: 'axe' as const, scope: 'page' as const })),
    ...allChecks.map((check) => ({ id: check.meta.id, source: 'welcomemat' as const, scope: check.scope })),
  ];
  const seen = new Set(known.map((rule) => `${rule.source}:${rule.id}`));
  for (const finding of report.findings) {
    if (finding.source === 'lighthouse' || seen.has(`${finding.source}:${finding.ruleId}`)) continue;
    seen.add(`${finding.source}:${finding.ruleId}`);
    known.push({ id: finding.ruleId, source: finding.source, scope: finding.url ? 'page' : 'site' });
  }
  return known;
}

/** Rules by the criterion and the clause they test. */
export interface CriteriaIndex {
  rules: RuleRef[];
  byWcag: Map<string, RuleRef[]>;
  byEn: Map<string, RuleRef[]>;
}

export function indexRules(report: Report): CriteriaIndex {
  const rules = rulesOf(report);
  const byWcag = new Map<string, RuleRef[]>();
  const byEn = new Map<string, RuleRef[]>();
  const add = (map: Map<string, RuleRef[]>, key: string, rule: RuleRef) => {
    const list = map.get(key) ?? [];
    list.push(rule);
    map.set(key, list);
  };
  for (const rule of rules) {
    const criteria = ruleCriteria(rule, report);
    // A document rule answers the WCAG criterion for documents (EN chapter 10, the ACR's electronic-docs), not for the web pages.
    if (rule.scope !== 'document') for (const id of criteria.wcag) add(byWcag, id, rule);
    for (const id of criteria.en) add(byEn, id, rule);
  }
  return { rules, byWcag, byEn };
}

/** A functional performance statement (EN 301 549 chapter 4) and the criteria it rests on; see data/mapping/functional-performance.json. */
export interface PerformanceStatement {
  id: string;
  /** The Section 508 functional performance criterion (302.x) that asks the same, where there is one. */
  s508?: string;
  wcag: string[];
  checks: string[];
}

export const performanceStatements = (): PerformanceStatement[] => readData<{ statements: PerformanceStatement[] }>('mapping/functional-performance.json').statements;

/** The rules a functional performance statement rests on: those of its criteria and its own checks. */
export function statementRules(statement: PerformanceStatement, index: CriteriaIndex): RuleRef[] {
  const rules = new Map<string, RuleRef>();
  for (const id of statement.wcag) for (const rule of index.byWcag.get(id) ?? []) rules.set(`${rule.source}:${rule.id}`, rule);
  for (const id of statement.checks) {
    const rule = index.rules.find((candidate) => candidate.source === 'welcomemat' && candidate.id === id);
    if (rule) rules.set(`welcomemat:${id}`, rule);
  }
  return [...rules.values()];
}

/** How the ACR chapters of the VPAT catalog relate to a website audit; see data/mapping/website-scope.json. */
export interface ChapterScope {
  scope: 'wcag' | 'functional-performance' | 'clauses' | 'documents' | 'support' | 'web' | 'out';
  notApplicable?: string[];
  reason?: string;
}

export interface WebsiteScope {
  chapters: Record<string, ChapterScope>;
  sameAs: Record<string, string>;
}

export const websiteScope = (): WebsiteScope => readData<WebsiteScope>('mapping/website-scope.json');

/** Whether a clause is one a website cannot have (closed functionality, hardware keys): by exact id or by a prefix ending in ".". */
export function clauseNotApplicable(id: string, scope: ChapterScope): boolean {
  return (scope.notApplicable ?? []).some((entry) => (entry.endsWith('.') ? id.startsWith(entry) : id === entry));
}
