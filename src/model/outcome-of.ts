// Answers "did rule R run on page P, and what came of it" for a report (or any report-shaped data with outcomes).
import type { RuleOutcomes, RuleRef, OutcomeAnswer } from './outcome.js';
import { outcomeIn } from './outcome.js';
import type { PageResult } from './report.js';

/** The parts of a report outcomes are read from; a report.json of schema 2.0 has them all. */
export interface OutcomeSource {
  rules?: RuleRef[];
  siteOutcomes?: RuleOutcomes;
  pages: Array<Pick<PageResult, 'url' | 'finalUrl' | 'error' | 'outcomes'>>;
  /** Linked documents (schema 2.1): document rules are answered from these. */
  documents?: Array<{ url: string; finalUrl: string; outcomes: RuleOutcomes }>;
}

export type OutcomeLookup = (pageUrl: string, ruleId: string) => OutcomeAnswer;

/** A lookup over one report, indexed once; use it when asking about many pages. */
export function outcomeLookup(report: OutcomeSource): OutcomeLookup {
  const rules = new Map((report.rules ?? []).map((rule) => [rule.id, rule]));
  const pages = new Map<string, OutcomeSource['pages'][number]>();
  for (const page of report.pages) {
    pages.set(page.finalUrl, page);
    if (!pages.has(page.url)) pages.set(page.url, page);
  }
  const documents = new Map<string, RuleOutcomes>();
  for (const document of report.documents ?? []) {
    documents.set(document.finalUrl, document.outcomes);
    if (!documents.has(document.url)) documents.set(document.url, document.outcomes);
  }
  return (pageUrl, ruleId) => {
    if (!report.rules) return { outcome: 'not-run', reason: 'not-recorded' };
    const rule = rules.get(ruleId);
    if (!rule) return { outcome: 'not-run', reason: 'unknown-rule' };
    if (rule.off) return { outcome: 'not-run', reason: 'switched-off', detail: rule.off };
    if (rule.scope === 'site') return report.siteOutcomes ? outcomeIn(report.siteOutcomes, ruleId) : { outcome: 'not-run', reason: 'not-recorded' };
    if (rule.scope === 'document') {
      const outcomes = documents.get(pageUrl);
      return outcomes ? outcomeIn(outcomes, ruleId) : { outcome: 'not-run', reason: 'page-not-audited' };
    }
    const page = pages.get(pageUrl);
    if (!page || page.error) return { outcome: 'not-run', reason: 'page-not-audited' };
    if (!page.outcomes) return { outcome: 'not-run', reason: 'not-recorded' };
    return outcomeIn(page.outcomes, ruleId);
  };
}

/** The outcome of `ruleId` on the page at `pageUrl` (its final URL or the URL it was found as). */
export function outcomeOf(report: OutcomeSource, pageUrl: string, ruleId: string): OutcomeAnswer {
  return outcomeLookup(report)(pageUrl, ruleId);
}
