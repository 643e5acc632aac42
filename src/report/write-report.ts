// Writes a report in the chosen formats into a folder, each file atomically (temp file, then rename).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../model/report.js';
import { getRenderer } from './renderers/index.js';

/**
 * Writes `data` to `filePath` so readers never see a half-written file: the bytes go
 * to a sibling temp file first, which is then renamed over the target (atomic on one
 * file system). The temp file is removed if anything fails.
 */
export async function writeFileAtomic(filePath: string, data: string | Buffer): Promise<void> {
  // 6 random bytes: enough that two writers in one process never pick the same name.
  const tmp = `${filePath}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, filePath);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Renders `report` in each of `formats` (default html and json) into `outDir`, creating
 * it if needed. Returns the absolute paths written, in the order of `formats`. An
 * unknown format fails before anything is written.
 */
export async function writeReport(report: Report, options: { outDir: string; formats: string[] }): Promise<string[]> {
  const outDir = path.resolve(options.outDir);
  const names = options.formats.length > 0 ? options.formats : ['html', 'json'];
  const chosen = [...new Map(names.map((name) => getRenderer(name)).map((renderer) => [renderer.name, renderer])).values()];
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const renderer of chosen) {
    const contents = await renderer.render(report, { outDir });
    const target = path.join(outDir, renderer.fileName);
    await writeFileAtomic(target, contents);
    written.push(target);
  }
  return written;
}
