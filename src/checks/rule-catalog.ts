// The rules a run knows: every axe-core rule and every welcomemat check, each with its scope and, when off for the whole run, why.
import type { ResolvedOptions } from '../config/options.js';
import { axeRuleOff, axeRules } from '../gather/axe-rules.js';
import type { RuleRef } from '../model/outcome.js';
import type { Check } from './check.js';
import { checkOff } from './check-switches.js';
import { documentChecks } from './document-checks.js';

/** axe rules first (by id), then checks in registry order, then the document checks: the order every outcome list refers to. */
export function ruleCatalog(checks: readonly Check[], options: ResolvedOptions): RuleRef[] {
  const rules: RuleRef[] = [];
  for (const rule of axeRules()) {
    const off = axeRuleOff(rule, options.axe);
    rules.push({ id: rule.ruleId, source: 'axe', scope: 'page', ...(off ? { off } : {}) });
  }
  for (const check of checks) {
    const off = checkOff(check, options);
    rules.push({ id: check.meta.id, source: 'welcomemat', scope: check.scope === 'site' ? 'site' : 'page', ...(off ? { off } : {}) });
  }
  for (const check of documentChecks) {
    const off =
      options.maxDocuments === 0
        ? 'switched off (maxDocuments: 0)'
        : options.checks[check.meta.id] === false
          ? 'switched off (checks)'
          : options.disabledFamilies.includes(check.meta.family)
            ? `switched off (disabledFamilies: ${check.meta.family})`
            : null;
    rules.push({ id: check.meta.id, source: 'welcomemat', scope: 'document', ...(off ? { off } : {}) });
  }
  return rules;
}
