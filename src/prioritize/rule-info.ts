// Plain-language title and fix text for any finding: from the check's metadata, or axe's rule texts.
import { findCheck } from '../checks/registry.js';
import type { Finding } from '../model/finding.js';
import { axeRuleTexts } from '../checks/axe-findings.js';
import { axeRuleInfo } from './axe-rule-info.js';
import type { RuleInfo } from './prioritize.js';

export function ruleInfoFor(finding: Finding): RuleInfo {
  if (finding.source === 'welcomemat') {
    const check = findCheck(finding.ruleId);
    if (check) {
      const { title, whyItMatters, howToFix, example, helpUrl } = check.meta;
      return { title, whyItMatters, howToFix, example, helpUrl };
    }
  }
  const texts = axeRuleTexts.get(finding.ruleId) ?? { help: finding.ruleId, description: finding.message };
  return axeRuleInfo(finding.ruleId, { ...texts, helpUrl: finding.helpUrl });
}
