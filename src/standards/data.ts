// Reads the standards and mapping data shipped in data/ (generated from ../shared/standards and axe-core, or hand-written beside them), once per process.
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';
import type { AcrChapterData, AxeRuleMapping, EnChapterData, WcagCriterionData } from './import-standards.js';

export type { AcrChapterData, AxeRuleMapping, EnChapterData, EnClauseData, WcagCriterionData } from './import-standards.js';
export { compareIds } from './ids.js';

export const dataDir = path.join(packageRoot, 'data');

/** The OpenACR JSON Schema (draft-07) every generated ACR must satisfy. */
export const openAcrSchemaPath = path.join(dataDir, 'standards', 'openacr-0.1.0.schema.json');

const cache = new Map<string, unknown>();

/** One JSON file under data/, parsed once. */
export function readData<T>(relative: string): T {
  if (!cache.has(relative)) cache.set(relative, JSON.parse(fs.readFileSync(path.join(dataDir, relative), 'utf8')));
  return cache.get(relative) as T;
}

export interface WcagData {
  label: string;
  url: string;
  criteria: WcagCriterionData[];
}

export interface EnData {
  label: string;
  url: string;
  editions: string[];
  chapters: EnChapterData[];
}

export interface AcrCatalog {
  catalog: string;
  title: string;
  standards: { id: string; label: string; heading: string; url: string; chapters: string[] }[];
  chapters: AcrChapterData[];
  terms: { id: AcrTerm; label: string; description: string }[];
  components: { id: string; label: string }[];
}

/** OpenACR conformance terms. */
export type AcrTerm = 'supports' | 'partially-supports' | 'does-not-support' | 'not-applicable' | 'not-evaluated';

export const wcagData = (): WcagData => readData<WcagData>('standards/wcag-2.2.json');
export const enData = (): EnData => readData<EnData>('standards/en-301-549.json');
export const acrCatalog = (): AcrCatalog => readData<AcrCatalog>('standards/vpat-2.5-int.json');
export const axeRuleMappings = (): { axeVersion: string; rules: AxeRuleMapping[] } => readData('mapping/axe-rules.json');

let wcagIndex: Map<string, WcagCriterionData> | undefined;

/** A WCAG 2.2 criterion (4.1.1 included, marked obsolete) by its dotted id. */
export function wcagCriterion(id: string): WcagCriterionData | undefined {
  wcagIndex ??= new Map(wcagData().criteria.map((sc) => [sc.id, sc]));
  return wcagIndex.get(id);
}

let enIndex: Map<string, { chapter: EnChapterData; handle: string; wcag?: string; editions?: string[] }> | undefined;

/** An EN 301 549 clause by id, with its chapter. */
export function enClause(id: string): { chapter: EnChapterData; handle: string; wcag?: string; editions?: string[] } | undefined {
  enIndex ??= new Map(enData().chapters.flatMap((chapter) => chapter.clauses.map((clause) => [clause.id, { chapter, ...clause }] as const)));
  return enIndex.get(id);
}

let axeIndex: Map<string, AxeRuleMapping> | undefined;

/** The generated mapping of one axe rule. */
export function axeRuleMapping(ruleId: string): AxeRuleMapping | undefined {
  axeIndex ??= new Map(axeRuleMappings().rules.map((rule) => [rule.id, rule]));
  return axeIndex.get(ruleId);
}
