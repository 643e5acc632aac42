// The index across the sites of one run (index.json): each site's summary, changes and gate result.
import type { ReportSummary } from './report.js';

export interface IndexEntry {
  name: string;
  /** The site's folder under the output folder. */
  slug: string;
  status: 'ok' | 'failed';
  error?: string;
  startUrls: string[];
  summary?: ReportSummary;
  /** The HTML report, relative to the index. */
  report?: string;
  /** report.json, relative to the index. */
  json?: string;
  changes?: { newFixes: number; fixedFixes: number; newViolations: number; fixedViolations: number; comparedWith?: string };
  gate?: { failed: boolean; reasons: string[] };
  accepted?: { silenced: number; expired: number };
}

export interface SiteIndex {
  generatedAt: string;
  sites: IndexEntry[];
}
