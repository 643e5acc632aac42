// The index across sites of one run: index.json, and index.html drawn by the report's site-index renderer.
import path from 'node:path';
import type { ReportSummary } from '../model/report.js';
import { writeFileAtomic } from '../report/write-report.js';
import { renderSiteIndex, type SiteIndexRenderOptions } from '../report/renderers/site-index.js';

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

/** Writes index.json and index.html into `outDir`; returns both paths. */
export async function writeSiteIndex(outDir: string, index: SiteIndex, render: SiteIndexRenderOptions = {}): Promise<string[]> {
  const json = path.join(outDir, 'index.json');
  const html = path.join(outDir, 'index.html');
  await writeFileAtomic(json, `${JSON.stringify(index, null, 2)}\n`);
  await writeFileAtomic(html, await renderSiteIndex(index, render));
  return [html, json];
}
