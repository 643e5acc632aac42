// axe-core's rule list as Node sees it (the same axe-core the page runs), and which rules a run's options select.
import { createRequire } from 'node:module';
import type { ResolvedOptions } from '../config/options.js';

const require = createRequire(import.meta.url);

export interface AxeRuleMeta {
  ruleId: string;
  tags: string[];
  help: string;
  description: string;
  helpUrl: string;
}

interface AxeModule {
  getRules(): AxeRuleMeta[];
  _audit?: { tagExclude?: string[] };
}

let cached: AxeRuleMeta[] | undefined;

/** Every axe-core rule, sorted by id; axe-core runs its registry in Node without a DOM. */
export function axeRules(): AxeRuleMeta[] {
  cached ??= (require('axe-core') as AxeModule).getRules().sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return cached;
}

/** Tags axe leaves out unless asked for by name ("experimental", "deprecated"). */
function excludedTags(): string[] {
  return (require('axe-core') as AxeModule)._audit?.tagExclude ?? ['experimental', 'deprecated'];
}

/**
 * Why axe will not run `rule` under these options, or null when it will. Mirrors axe's own
 * ruleShouldRun for `runOnly: { type: 'tag' }` with per-rule `enabled` overrides, which is
 * how the axe gatherer calls it; a browser test checks the two agree on a real page.
 */
export function axeRuleOff(rule: AxeRuleMeta, axe: ResolvedOptions['axe']): string | null {
  if (axe.disableRules.includes(rule.ruleId)) return 'switched off (axe.disableRules)';
  if (axe.enableRules.includes(rule.ruleId)) return null;
  const excluded = excludedTags().filter((tag) => !axe.tags.includes(tag));
  const hit = rule.tags.find((tag) => excluded.includes(tag));
  if (hit) return `not run by default (axe marks it "${hit}")`;
  if (!rule.tags.some((tag) => axe.tags.includes(tag))) return `not in the selected axe tags (${axe.tags.join(', ')})`;
  return null;
}
