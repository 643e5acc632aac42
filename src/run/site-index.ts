// The index across sites of one run: index.json and a small, escaped, self-contained index.html linking each site's report.
import path from 'node:path';
import type { ReportSummary } from '../model/report.js';
import { writeFileAtomic } from '../report/write-report.js';

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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Links are relative paths we made; anything else (a scheme, a leading slash) is dropped. */
function safeHref(href: string | undefined): string | undefined {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('\\')) return undefined;
  return href.split('/').map(encodeURIComponent).join('/');
}

// Issue 5 (reports): renderSiteIndex(index, { locale, branding }) in src/report/renderers/site-index.ts renders this index in the
// report's look, language and branding; writeSiteIndex can switch to it (it is async and needs resolveBranding's result).
export function renderIndexHtml(index: SiteIndex): string {
  const rows = index.sites
    .map((site) => {
      const href = safeHref(site.report);
      const name = href ? `<a href="${escapeHtml(href)}">${escapeHtml(site.name)}</a>` : escapeHtml(site.name);
      const s = site.summary;
      const result = site.status === 'failed' ? `failed: ${escapeHtml(site.error ?? 'unknown error')}` : s ? `${s.violations} violations, ${s.needsReview} to review, ${s.fixes} fixes on ${s.pagesAudited} pages` : '';
      const changes = site.changes ? `${site.changes.newFixes} new, ${site.changes.fixedFixes} fixed` : 'first run';
      const gate = site.gate ? (site.gate.failed ? `<strong>reached</strong>: ${escapeHtml(site.gate.reasons.join('; '))}` : 'passed') : '';
      return `<tr><th scope="row">${name}</th><td>${escapeHtml(site.startUrls.join(' '))}</td><td>${result}</td><td>${changes}</td><td>${gate}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>welcomemat: sites audited</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ccc;vertical-align:top}a{color:#0b57d0}</style>
</head>
<body>
<main>
<h1>Sites audited</h1>
<p>Generated ${escapeHtml(index.generatedAt)}.</p>
<table>
<thead><tr><th scope="col">Site</th><th scope="col">Start URLs</th><th scope="col">Result</th><th scope="col">Since last run</th><th scope="col">Gate</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}

/** Writes index.json and index.html into `outDir`; returns both paths. */
export async function writeSiteIndex(outDir: string, index: SiteIndex): Promise<string[]> {
  const json = path.join(outDir, 'index.json');
  const html = path.join(outDir, 'index.html');
  await writeFileAtomic(json, `${JSON.stringify(index, null, 2)}\n`);
  await writeFileAtomic(html, renderIndexHtml(index));
  return [html, json];
}
