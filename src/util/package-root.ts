// The welcomemat package's root folder, found by walking up from this file to its package.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (name === 'welcomemat') return dir;
      } catch {
        // A broken package.json further down (e.g. a fixture) is not ours; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`welcomemat: cannot find its package.json above ${start}`);
    dir = parent;
  }
}

/** Absolute path of the folder holding welcomemat's package.json (works from src/ and dist/src/). */
export const packageRoot: string = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
