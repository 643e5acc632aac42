// SARIF 2.1.0 renderer: one rule per fix rule, one result per finding, for code-scanning dashboards and CI.
import { createHash } from 'node:crypto';
import type { Finding, Impact } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import { criterion } from '../../util/wcag.js';
import type { Renderer } from '../renderer.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels for violations: critical and serious block people (error); moderate warns; minor is a note. */
const LEVEL_FOR_IMPACT: Record<Impact, 'error' | 'warning' | 'note'> = { critical: 'error', serious: 'error', moderate: 'warning', minor: 'note' };

/** GitHub code scanning reads this 0–10 property to rank results; mirrors axe impact. */
const SECURITY_SEVERITY: Record<Impact, string> = { critical: '9.0', serious: '7.0', moderate: '4.0', minor: '1.0' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' | 'none' };
  properties: { tags: string[]; impact: Impact; family: string; level: string; 'problem.severity': string };
}

function ruleKey(finding: Pick<Finding, 'source' | 'ruleId'>): string {
  return `${finding.source}/${finding.ruleId}`;
}

function httpUri(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderSarif(report: Report): object {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (finding: Pick<Finding, 'source' | 'ruleId' | 'impact' | 'family' | 'level' | 'wcag' | 'helpUrl'>, title: string, howToFix: string, why: string) => {
    const key = ruleKey(finding);
    if (ruleIndex.has(key)) return;
    ruleIndex.set(key, rules.length);
    const helpUri = httpUri(finding.helpUrl);
    rules.push({
      id: key,
      name: finding.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : '')),
      shortDescription: { text: title || finding.ruleId },
      fullDescription: { text: why || title || finding.ruleId },
      help: { text: howToFix || title || finding.ruleId },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: LEVEL_FOR_IMPACT[finding.impact] ?? 'warning' },
      properties: {
        tags: [...new Set(['accessibility', finding.family, ...finding.wcag.map((id) => `WCAG ${id}${criterion(id) ? ` ${criterion(id)!.level}` : ''}`)])],
        impact: finding.impact,
        family: finding.family,
        level: finding.level,
        'problem.severity': finding.impact === 'critical' || finding.impact === 'serious' ? 'error' : 'warning',
      },
    });
  };
  for (const fix of report.fixes) addRule(fix, fix.title, fix.howToFix, fix.whyItMatters);
  for (const finding of report.findings) addRule(finding, '', '', '');

  const results = report.findings.map((finding) => {
    const index = ruleIndex.get(ruleKey(finding))!;
    const kind = finding.kind === 'violation' ? 'fail' : finding.kind === 'needs-review' ? 'review' : 'informational';
    const uri = finding.url || report.startUrls[0] || '';
    return {
      ruleId: rules[index].id,
      ruleIndex: index,
      kind,
      // SARIF §3.27.10: any kind other than "fail" must have level "none".
      level: kind === 'fail' ? LEVEL_FOR_IMPACT[finding.impact] : 'none',
      message: { text: finding.message || rules[index].shortDescription.text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri },
            ...(finding.snippet ? { region: { snippet: { text: finding.snippet } } } : {}),
          },
          ...(finding.selector ? { logicalLocations: [{ fullyQualifiedName: finding.selector, kind: 'element' }] } : {}),
        },
      ],
      partialFingerprints: {
        // Same rule, page and element: the same result across runs.
        'welcomematFinding/v1': createHash('sha256').update(JSON.stringify([finding.source, finding.ruleId, finding.url, finding.selector])).digest('hex'),
      },
      properties: { impact: finding.impact, wcag: finding.wcag, 'security-severity': SECURITY_SEVERITY[finding.impact] },
    };
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'welcomemat',
            version: report.tool.version,
            informationUri: 'https://www.w3.org/WAI/standards-guidelines/wcag/',
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.complete !== false,
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: [
              ...report.checkErrors.map((error) => ({
                level: 'warning',
                message: { text: `${error.ruleId}${error.url ? ` on ${error.url}` : ''}: ${error.message}` },
              })),
              ...notRunNotifications(report),
            ],
            // Rules switched off for the whole run (SARIF 3.20.5): a dashboard must not read their silence as a pass.
            ruleConfigurationOverrides: (report.rules ?? [])
              .filter((rule) => rule.off)
              .map((rule) => ({ descriptor: { id: `${rule.source}/${rule.id}` }, configuration: { enabled: false }, properties: { reason: rule.off } })),
          },
        ],
        results,
        // Linked documents (SARIF 3.24 artifacts): what was read from each, and why one could not be.
        ...(report.documents?.length
          ? {
              artifacts: report.documents.map((document) => ({
                location: { uri: document.finalUrl || document.url },
                length: document.bytes,
                mimeType: 'application/pdf',
                properties: {
                  pageCount: document.pageCount,
                  producer: document.producer,
                  title: document.title,
                  tagged: document.tagged,
                  violations: document.violations,
                  needsReview: document.needsReview,
                  ...(document.error ? { error: document.error } : {}),
                  linkedFrom: document.linkedFrom ?? [],
                },
              })),
            }
          : {}),
        properties: {
          siteName: report.siteName,
          startUrls: report.startUrls,
          pagesAudited: report.summary.pagesAudited,
          ...(report.documents ? { documentsAudited: report.documents.filter((document) => !document.error).length, documentsNotRead: report.documents.filter((document) => document.error).length } : {}),
          ...(report.comparison ? { comparison: report.comparison.counts } : {}),
        },
      },
    ],
  };
}

/**
 * What did not run where, as SARIF notifications (one per page, reason and gatherer, naming
 * the rules), and each fix of the previous audit that could not be checked again. "note"
 * level: nothing failed, but these pages were not fully checked.
 */
function notRunNotifications(report: Report): object[] {
  const notes: object[] = [];
  const places = [...report.pages.map((page) => ({ finalUrl: page.finalUrl, outcomes: page.outcomes })), ...(report.documents ?? []).map((document) => ({ finalUrl: document.finalUrl || document.url, outcomes: document.outcomes }))];
  for (const page of places) {
    for (const entry of page.outcomes?.notRun ?? []) {
      const why = entry.reason === 'sampled' && entry.standIn ? `sampled: ${entry.standIn} stood in` : entry.reason;
      notes.push({
        level: 'note',
        descriptor: { id: `not-run/${entry.reason}` },
        message: { text: `${entry.rules.length} rules did not run on ${page.finalUrl} (${why}${entry.gatherer ? `, gatherer ${entry.gatherer}` : ''}${entry.detail ? `: ${entry.detail}` : ''}): ${entry.rules.join(', ')}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: page.finalUrl } } }],
        properties: { reason: entry.reason, rules: entry.rules, ...(entry.gatherer ? { gatherer: entry.gatherer } : {}), ...(entry.standIn ? { standIn: entry.standIn } : {}) },
      });
    }
  }
  for (const fix of report.comparison?.fixes ?? []) {
    if (fix.status !== 'not-checked') continue;
    notes.push({
      level: 'note',
      descriptor: { id: 'comparison/not-checked' },
      message: { text: `Not checked this time: "${fix.title}" (${fix.ruleId}) was found by the previous audit, but its check did not run again on all its pages, so it is not counted as fixed.` },
      properties: { fixId: fix.id, ruleId: fix.ruleId },
    });
  }
  return notes;
}

export const sarifRenderer: Renderer = {
  name: 'sarif',
  fileName: 'report.sarif',
  async render(report) {
    return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
  },
};
