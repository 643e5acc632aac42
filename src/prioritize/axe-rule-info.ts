// Plain-language texts, audiences, WCAG criteria and families for axe-core rules (texts, audiences and families from data/mapping/axe-rule-texts.json).
import type { Audience, CheckFamily, WcagLevel } from '../model/finding.js';
import type { RuleInfo } from './prioritize.js';
import { criterion } from '../util/wcag.js';
import { readData } from '../standards/data.js';

type RuleText = Omit<RuleInfo, 'helpUrl'>;

/** data/mapping/axe-rule-texts.json: the hand-written texts, audiences and families (see data/README.md). */
interface AxeRuleTextsFile {
  texts: Record<string, RuleText>;
  audiences: Record<string, Audience[]>;
  categoryAudiences: Record<string, Audience[]>;
  families: Record<string, CheckFamily>;
  categoryFamilies: Record<string, CheckFamily>;
}

const data = readData<AxeRuleTextsFile>('mapping/axe-rule-texts.json');
/** Hand-written texts for the axe rules a business owner meets most; others fall back to axe's own. */
const RULE_TEXTS = data.texts;
/** Who each rule shuts out, where the rule's category alone would say too little or too much. */
const RULE_AUDIENCES = data.audiences;
/** Fallback audiences by axe category tag, for rules without their own entry. */
const CATEGORY_AUDIENCES = data.categoryAudiences;
const RULE_FAMILIES = data.families;
const CATEGORY_FAMILIES = data.categoryFamilies;

/** Plain-language texts for an axe rule, or axe's own help and description for rules without an entry. */
export function axeRuleInfo(ruleId: string, fallback: { help: string; description: string; helpUrl: string }): RuleInfo {
  const text = Object.hasOwn(RULE_TEXTS, ruleId) ? RULE_TEXTS[ruleId] : undefined;
  if (text) return { ...text, helpUrl: fallback.helpUrl };
  return {
    title: fallback.help || ruleId,
    whyItMatters: fallback.description || fallback.help || ruleId,
    howToFix: fallback.help ? `${fallback.help}. The linked guide shows how.` : 'The linked guide shows how.',
    example: '',
    helpUrl: fallback.helpUrl,
  };
}

/** Rule ids with hand-written texts, for docs and tests. */
export const AXE_RULES_WITH_TEXT: readonly string[] = Object.keys(RULE_TEXTS);

/** Who an axe rule's failures shut out: the rule's own entry, else its category tags, else everyone. */
export function axeAffects(ruleId: string, tags: string[]): Audience[] {
  if (Object.hasOwn(RULE_AUDIENCES, ruleId)) return [...RULE_AUDIENCES[ruleId]];
  const audiences = new Set<Audience>();
  for (const tag of tags) {
    if (Object.hasOwn(CATEGORY_AUDIENCES, tag)) for (const audience of CATEGORY_AUDIENCES[tag]) audiences.add(audience);
  }
  return audiences.size > 0 ? [...audiences] : ['everyone'];
}

/** Success criterion tags: "wcag" + principle digit + guideline digit + criterion number ("wcag1410" → 1.4.10). */
const CRITERION_TAG = /^wcag(\d)(\d)(\d{1,2})$/;
/** Level tags: wcag2a, wcag21aa, wcag22aa, wcag2aaa; "-obsolete" marks criteria WCAG 2.2 removed (4.1.1). */
const LEVEL_TAG = /^wcag2\d?(a{1,3})(?:-obsolete)?$/;
const LEVELS_BY_LETTERS: Record<string, WcagLevel> = { a: 'A', aa: 'AA', aaa: 'AAA' };
const LEVEL_STRENGTH: readonly WcagLevel[] = ['A', 'AA', 'AAA'];

/** WCAG success criteria and conformance level from axe's tags. */
export function axeWcag(tags: string[]): { wcag: string[]; level: WcagLevel } {
  const wcag: string[] = [];
  const levels: WcagLevel[] = [];
  for (const tag of tags) {
    const level = LEVEL_TAG.exec(tag);
    if (level) {
      levels.push(LEVELS_BY_LETTERS[level[1]]);
      continue;
    }
    const sc = CRITERION_TAG.exec(tag);
    if (sc) {
      const id = `${sc[1]}.${sc[2]}.${Number(sc[3])}`;
      if (!wcag.includes(id)) wcag.push(id);
    }
  }
  // Rules tagged at several levels count at the strictest (A before AA before AAA).
  let level = LEVEL_STRENGTH.find((candidate) => levels.includes(candidate));
  if (!level) {
    // No level tag: take it from the criteria themselves where we know them.
    const known = wcag.map((id) => criterion(id)?.level).filter((value): value is 'A' | 'AA' | 'AAA' => !!value);
    level = LEVEL_STRENGTH.find((candidate) => known.includes(candidate as 'A' | 'AA' | 'AAA'));
  }
  return { wcag, level: level ?? 'best-practice' };
}

/** Which welcomemat family an axe rule belongs to, so families can be filtered and switched off alike. */
export function axeFamily(ruleId: string, tags: string[]): CheckFamily {
  if (Object.hasOwn(RULE_FAMILIES, ruleId)) return RULE_FAMILIES[ruleId];
  for (const tag of tags) if (Object.hasOwn(CATEGORY_FAMILIES, tag)) return CATEGORY_FAMILIES[tag];
  return 'accessibility';
}
