// The report's note that a copy of the site (staging) was audited in place of the live origin its links name.
import type { Report } from '../model/report.js';
import type { Translator } from './i18n.js';

/** One sentence per --rewrite-origin rule the audit ran with; none for an ordinary audit. */
export function copyAuditedLines(report: Report, tr: Translator): string[] {
  const rules = report.config.rewriteOrigins;
  if (!Array.isArray(rules)) return [];
  return rules
    .filter((rule): rule is string => typeof rule === 'string' && rule.includes('='))
    .map((rule) => {
      const [from, to] = rule.split('=');
      return tr.t('header.copyAudited', { from, to });
    });
}
