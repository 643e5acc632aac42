// The index across sites of one run: index.json, and index.html drawn by the report's site-index renderer.
import path from 'node:path';
import type { SiteIndex } from '../model/site-index.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { renderSiteIndex, type SiteIndexRenderOptions } from '../report/renderers/site-index.js';

/** Writes index.json and index.html into `outDir`; returns both paths. */
export async function writeSiteIndex(outDir: string, index: SiteIndex, render: SiteIndexRenderOptions = {}): Promise<string[]> {
  const json = path.join(outDir, 'index.json');
  const html = path.join(outDir, 'index.html');
  await writeFileAtomic(json, `${JSON.stringify(index, null, 2)}\n`);
  await writeFileAtomic(html, await renderSiteIndex(index, render));
  return [html, json];
}
