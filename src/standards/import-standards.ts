// Builds data/standards/*.json and data/mapping/axe-rules.json from the OpenACR YAML files and axe-core's rule tags (run by scripts/import-standards.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compareIds } from './ids.js';

/**
 * When each WCAG 2.2 success criterion first appeared. OpenACR's wcag-2.2.yaml does not
 * say, and the ADA Title II filter (WCAG 2.1 AA) and the EN 301 549 edition of each
 * chapter 9 clause need it. Source: W3C, "What's New in WCAG 2.1" and "What's New in
 * WCAG 2.2" (https://www.w3.org/WAI/standards-guidelines/wcag/new-in-21/, …/new-in-22/).
 * Every criterion not listed here is from WCAG 2.0.
 */
const NEW_IN: Record<string, '2.1' | '2.2'> = {
  '1.3.4': '2.1', '1.3.5': '2.1', '1.3.6': '2.1', '1.4.10': '2.1', '1.4.11': '2.1', '1.4.12': '2.1', '1.4.13': '2.1',
  '2.1.4': '2.1', '2.2.6': '2.1', '2.3.3': '2.1', '2.5.1': '2.1', '2.5.2': '2.1', '2.5.3': '2.1', '2.5.4': '2.1',
  '2.5.5': '2.1', '2.5.6': '2.1', '4.1.3': '2.1',
  '2.4.11': '2.2', '2.4.12': '2.2', '2.4.13': '2.2', '2.5.7': '2.2', '2.5.8': '2.2', '3.2.6': '2.2', '3.3.7': '2.2',
  '3.3.8': '2.2', '3.3.9': '2.2',
};

/** WCAG 2.2 keeps 4.1.1 Parsing only as "obsolete and removed"; the 2023 errata of 2.0 and 2.1 treat it as always satisfied for HTML. */
const OBSOLETE_IN_22 = new Set(['4.1.1']);

/** The two EN 301 549 editions a clause can belong to. */
export const EN_EDITIONS = ['3.2.1', '4.1.1'] as const;

/** The OpenACR files read, inside the standards folder. */
const SOURCES = {
  wcag: 'openacr/wcag-2.2.yaml',
  en: 'openacr/en-301-549.yaml',
  catalog: 'openacr/2.5-edition-wcag-2.2-508-eu-en.yaml',
  terms: 'openacr/terms.yaml',
  components: 'openacr/components.yaml',
  schema: 'openacr/openacr-0.1.0.json',
} as const;

/** The axe-core rule shape `getRules()` returns. */
export interface AxeRuleMeta {
  ruleId: string;
  tags: string[];
  help: string;
  enabled?: boolean;
}

interface YamlCriterion {
  id: string | number;
  handle?: string;
  alt_id?: string;
  components?: string[];
}
interface YamlChapter {
  id: string;
  label: string;
  short_label?: string;
  order?: number;
  criteria?: YamlCriterion[];
}
interface YamlStandard {
  id: string;
  label: string;
  report_heading?: string;
  url?: string;
  chapters: string[];
}

function readYaml(dir: string, file: string): Record<string, unknown> {
  // The VPAT catalog repeats a key in one entry (two alt_id under 415.1.2); the last one wins, as in OpenACR's own tools.
  return parse(fs.readFileSync(path.join(dir, file), 'utf8'), { uniqueKeys: false }) as Record<string, unknown>;
}

/** Criterion ids are written bare in YAML, so "5.1" would read as a number; keep them as written text. */
function idOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

/** WCAG levels by OpenACR chapter id. */
const LEVEL_OF_CHAPTER: Record<string, 'A' | 'AA' | 'AAA'> = {
  success_criteria_level_a: 'A',
  success_criteria_level_aa: 'AA',
  success_criteria_level_aaa: 'AAA',
};

export interface WcagCriterionData {
  id: string;
  handle: string;
  level: 'A' | 'AA' | 'AAA';
  /** The WCAG version that introduced it. */
  since: '2.0' | '2.1' | '2.2';
  /** True for 4.1.1, obsolete and removed in WCAG 2.2. */
  obsolete?: true;
}

function wcagCriteria(doc: Record<string, unknown>): WcagCriterionData[] {
  const criteria: WcagCriterionData[] = [];
  for (const chapter of doc['chapters'] as YamlChapter[]) {
    const level = LEVEL_OF_CHAPTER[chapter.id];
    if (!level) throw new Error(`wcag-2.2.yaml: unknown chapter ${chapter.id}`);
    for (const item of chapter.criteria ?? []) {
      const id = idOf(item.id);
      criteria.push({
        id,
        handle: item.handle ?? id,
        level,
        since: NEW_IN[id] ?? '2.0',
        ...(OBSOLETE_IN_22.has(id) ? { obsolete: true as const } : {}),
      });
    }
  }
  return criteria.sort((a, b) => compareIds(a.id, b.id));
}

export interface EnClauseData {
  id: string;
  handle: string;
  /** For chapter 9: the WCAG 2.2 criterion the clause repeats (9.x.y.z = WCAG x.y.z). */
  wcag?: string;
  /** The editions that have the clause; absent means both. */
  editions?: string[];
}

export interface EnChapterData {
  id: string;
  number: number;
  label: string;
  /** True for chapter 9, whose clauses are derived from WCAG 2.2 rather than read from en-301-549.yaml. */
  derived?: true;
  clauses: EnClauseData[];
}

/**
 * EN 301 549 chapters as OpenACR lists them (V3.2.1), with chapter 9 derived from WCAG 2.2:
 * OpenACR leaves chapter 9 empty because its clauses repeat the WCAG Level A and AA success
 * criteria, clause 9.x.y.z being WCAG x.y.z. V4.1.1 (2026-09) aligns chapter 9 with WCAG 2.2,
 * so the criteria new in 2.2 (9.2.4.11, 9.2.5.7, 9.2.5.8 target size, 9.3.2.6, 9.3.3.7,
 * 9.3.3.8) are V4.1.1 only. 9.4.1.1 (Parsing) is V3.2.1 only: we take it that V4.1.1 follows
 * WCAG 2.2 in removing it. Chapter 9's informative clauses (9.0, 9.5, 9.6) are not listed.
 */
function enChapters(doc: Record<string, unknown>, wcag: WcagCriterionData[]): EnChapterData[] {
  return (doc['chapters'] as YamlChapter[]).map((chapter) => {
    const number = Number(/Chapter (\d+)/.exec(chapter.label)?.[1]);
    if (!Number.isInteger(number)) throw new Error(`en-301-549.yaml: no chapter number in "${chapter.label}"`);
    if (chapter.id === 'en_301_549_web') {
      const clauses = wcag
        .filter((sc) => sc.level !== 'AAA')
        .map((sc) => ({
          id: `9.${sc.id}`,
          handle: sc.handle,
          wcag: sc.id,
          ...(sc.since === '2.2' ? { editions: ['4.1.1'] } : sc.obsolete ? { editions: ['3.2.1'] } : {}),
        }));
      return { id: chapter.id, number, label: chapter.label, derived: true as const, clauses };
    }
    const clauses = (chapter.criteria ?? []).map((item) => ({ id: idOf(item.id), handle: item.handle ?? idOf(item.id) }));
    return { id: chapter.id, number, label: chapter.label, clauses };
  });
}

export interface AcrChapterData {
  id: string;
  label: string;
  shortLabel: string;
  order: number;
  criteria: { id: string; handle: string; components: string[] }[];
}

function catalogData(doc: Record<string, unknown>, terms: Record<string, unknown>, components: Record<string, unknown>) {
  const standards = (doc['standards'] as YamlStandard[]).map((s) => ({ id: s.id, label: s.label.trim(), heading: s.report_heading ?? s.label, url: s.url ?? '', chapters: s.chapters }));
  const chapters: AcrChapterData[] = (doc['chapters'] as YamlChapter[]).map((chapter) => ({
    id: chapter.id,
    label: chapter.label,
    shortLabel: chapter.short_label ?? chapter.id,
    order: chapter.order ?? 0,
    criteria: (chapter.criteria ?? []).map((item) => ({ id: idOf(item.id), handle: item.handle ?? idOf(item.id), components: item.components ?? [] })),
  }));
  const termList = (terms['terms'] as { id: string; label: string; description: string }[]).map((t) => ({ id: t.id, label: t.label, description: t.description.trim() }));
  const componentList = (components['components'] as { id: string; label: string }[]).map((c) => ({ id: c.id, label: c.label }));
  return { title: String(doc['title']), standards, chapters, terms: termList, components: componentList };
}

/** axe tags: "wcag" + principle + guideline + criterion ("wcag1410" → 1.4.10). */
const CRITERION_TAG = /^wcag(\d)(\d)(\d{1,2})$/;
/** Level tags: wcag2a, wcag21aa, wcag22aa, wcag2aaa, and wcag2a-obsolete for 4.1.1. */
const LEVEL_TAG = /^wcag2\d?(a{1,3})(?:-obsolete)?$/;

export interface AxeRuleMapping {
  id: string;
  help: string;
  wcag: string[];
  level: 'A' | 'AA' | 'AAA' | 'best-practice';
  /** EN 301 549 clauses axe tags with EN-9.x, in both editions (tag EN-301-549). */
  en: string[];
  /** Clauses tagged only for V4.1.1 (tag EN-301-549v4, e.g. 9.2.5.8 target size). */
  en4?: string[];
  /** axe's own status tags: experimental and deprecated rules are off by default. */
  status?: 'experimental' | 'deprecated';
}

/** One axe rule's criteria and clauses, from its tags alone. */
export function axeRuleMapping(rule: AxeRuleMeta, criteria: Map<string, WcagCriterionData>): AxeRuleMapping {
  const wcag: string[] = [];
  const levels = new Set<string>();
  for (const tag of rule.tags) {
    const level = LEVEL_TAG.exec(tag);
    if (level) levels.add(level[1].toUpperCase());
    const sc = CRITERION_TAG.exec(tag);
    if (sc) {
      const id = `${sc[1]}.${sc[2]}.${Number(sc[3])}`;
      if (!wcag.includes(id)) wcag.push(id);
    }
  }
  // Tagged at several levels: the strictest counts. No level tag: the criteria's own level.
  for (const id of wcag) if (levels.size === 0 && criteria.get(id)) levels.add(criteria.get(id)!.level);
  const level = (['A', 'AA', 'AAA'] as const).find((candidate) => levels.has(candidate)) ?? 'best-practice';
  const clauses = rule.tags.filter((tag) => /^EN-\d+(\.\d+)+$/.test(tag)).map((tag) => tag.slice(3));
  const v4Only = rule.tags.includes('EN-301-549v4') && !rule.tags.includes('EN-301-549');
  const status = rule.tags.includes('deprecated') ? 'deprecated' : rule.tags.includes('experimental') ? 'experimental' : undefined;
  return {
    id: rule.ruleId,
    help: rule.help,
    wcag: wcag.sort(compareIds),
    level,
    en: v4Only ? [] : clauses.sort(compareIds),
    ...(v4Only ? { en4: clauses.sort(compareIds) } : {}),
    ...(status ? { status } : {}),
  };
}

/**
 * JSON with one line per entry of each list of flat objects: short to diff and to read.
 * Nested lists of objects (chapters → clauses) keep that layout one level down.
 */
export function compactJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  const flat = (item: unknown) => typeof item !== 'object' || item === null || Object.values(item).every((v) => typeof v !== 'object' || v === null || (Array.isArray(v) && v.every((x) => typeof x !== 'object')));
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item !== 'object' || item === null)) return JSON.stringify(value);
    return `[\n${value.map((item) => `${inner}${flat(item) ? JSON.stringify(item) : compactJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Where the shared standards folder usually is, from the repository root: a sibling of the checkout or of its worktree folder. */
export function findStandardsDir(root: string, explicit?: string): string | undefined {
  const candidates = explicit ? [explicit] : [process.env['WELCOMEMAT_STANDARDS_DIR'], path.join(root, '..', 'shared', 'standards'), path.join(root, '..', '..', 'shared', 'standards')];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, SOURCES.wcag)));
}

const NOTICE = 'Generated by scripts/import-standards.mjs (npm run standards:import); do not edit by hand.';

/**
 * The generated files, by path relative to the repository root, with their contents.
 * `standardsDir` is the shared standards folder; `axeRules` is axe-core's getRules().
 */
export function buildStandardsFiles(standardsDir: string, axe: { version: string; rules: AxeRuleMeta[] }): Map<string, string> {
  const from = (file: string) => `${NOTICE} Source: ${file} (GSA/openacr, see data/README.md).`;
  const wcagDoc = readYaml(standardsDir, SOURCES.wcag);
  const standard = (wcagDoc['standard'] as YamlStandard[])[0];
  const wcag = wcagCriteria(wcagDoc);
  const byId = new Map(wcag.map((sc) => [sc.id, sc]));
  const enDoc = readYaml(standardsDir, SOURCES.en);
  const enStandard = (enDoc['standard'] as YamlStandard[])[0];
  const catalog = catalogData(readYaml(standardsDir, SOURCES.catalog), readYaml(standardsDir, SOURCES.terms), readYaml(standardsDir, SOURCES.components));

  const files = new Map<string, string>();
  const put = (file: string, value: unknown) => files.set(file, `${compactJson(value)}\n`);
  put('data/standards/wcag-2.2.json', { source: from(SOURCES.wcag), label: standard.label, url: standard.url ?? '', criteria: wcag });
  put('data/standards/en-301-549.json', {
    source: `${from(SOURCES.en)} Chapter 9 is derived from WCAG 2.2 (clause 9.x.y.z = WCAG x.y.z, Levels A and AA): see src/standards/import-standards.ts.`,
    label: enStandard.label,
    url: enStandard.url ?? '',
    editions: [...EN_EDITIONS],
    chapters: enChapters(enDoc, wcag),
  });
  put('data/standards/vpat-2.5-int.json', { source: from(`${SOURCES.catalog}, ${SOURCES.terms}, ${SOURCES.components}`), catalog: path.basename(SOURCES.catalog, '.yaml'), ...catalog });
  const rules = [...axe.rules].sort((a, b) => a.ruleId.localeCompare(b.ruleId)).map((rule) => axeRuleMapping(rule, byId));
  put('data/mapping/axe-rules.json', {
    source: `${NOTICE} Source: the tags of axe-core ${axe.version}'s rules (wcagNNN → WCAG criteria, wcag2a/wcag21aa… → level, EN-9.x → EN 301 549 clauses, EN-301-549v4 → V4.1.1 only).`,
    axeVersion: axe.version,
    rules,
  });
  // The OpenACR JSON Schema, byte for byte, so tests and users can validate an ACR without ../shared.
  files.set('data/standards/openacr-0.1.0.schema.json', fs.readFileSync(path.join(standardsDir, SOURCES.schema), 'utf8'));
  return files;
}
