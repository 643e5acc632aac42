// CI gates: decides whether a report's violations reach a threshold (impact, count, or new compared with a baseline).
import { IMPACTS, type Impact } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { FixChanges } from './baseline.js';

export interface GateSettings {
  /** Fail when a violation of this impact or worse remains; "none" or absent for no impact gate. */
  failOn?: Impact | 'none';
  /** Fail when there are more violations (instances) than this. */
  maxViolations?: number;
  /** Fail when a violation fix is new compared with the baseline. */
  failOnNew?: boolean;
}

export interface GateResult {
  failed: boolean;
  /** One plain line per gate that was reached. */
  reasons: string[];
}

/** Impacts at or above `threshold`, worst first. */
export function impactsAtLeast(threshold: Impact): Impact[] {
  return IMPACTS.slice(0, IMPACTS.indexOf(threshold) + 1);
}

/**
 * Only violations count; "needs review" items never fail a build (a person has to
 * look first). With both failOn and failOnNew, only new violations at or above the
 * failOn impact fail, so a team can say "no new serious barriers".
 */
export function evaluateGate(report: Pick<Report, 'fixes' | 'summary'>, settings: GateSettings, changes?: FixChanges): GateResult {
  const reasons: string[] = [];
  const threshold = settings.failOn && settings.failOn !== 'none' ? settings.failOn : undefined;
  const counted = threshold ? new Set(impactsAtLeast(threshold)) : undefined;
  if (settings.failOnNew) {
    if (changes) {
      const fresh = changes.newViolations.filter((fix) => !counted || counted.has(fix.impact));
      if (fresh.length > 0) {
        const names = fresh.slice(0, 3).map((fix) => fix.ruleId).join(', ');
        reasons.push(`${fresh.length} new violation fix${fresh.length === 1 ? '' : 'es'}${threshold ? ` of ${threshold} impact or worse` : ''} since the baseline (${names}${fresh.length > 3 ? ', …' : ''})`);
      }
    }
  } else if (counted) {
    const hits = report.fixes.filter((fix) => fix.kind === 'violation' && counted.has(fix.impact));
    if (hits.length > 0) {
      const instances = hits.reduce((sum, fix) => sum + fix.instances, 0);
      reasons.push(`${instances} violation${instances === 1 ? '' : 's'} of ${threshold} impact or worse in ${hits.length} fix${hits.length === 1 ? '' : 'es'} (threshold --fail-on ${threshold})`);
    }
  }
  if (settings.maxViolations !== undefined && report.summary.violations > settings.maxViolations) {
    reasons.push(`${report.summary.violations} violations, more than the maximum of ${settings.maxViolations}`);
  }
  return { failed: reasons.length > 0, reasons };
}
