// Writes data/standards/*.json and data/mapping/axe-rules.json from ../shared/standards (OpenACR) and axe-core (run after a build: npm run standards:import).
// Usage: node scripts/import-standards.mjs [--from <standards folder>]   (default: $WELCOMEMAT_STANDARDS_DIR, ../shared/standards or ../../shared/standards)
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { buildStandardsFiles, findStandardsDir } = await import(path.join(root, 'dist/src/standards/import-standards.js'));
const fromFlag = process.argv.indexOf('--from');
const explicit = fromFlag >= 0 ? path.resolve(process.argv[fromFlag + 1] ?? '') : undefined;
const dir = findStandardsDir(root, explicit);
if (!dir) {
  console.error(`import-standards: no standards folder with openacr/wcag-2.2.yaml found${explicit ? ` at ${explicit}` : ' (pass --from <folder>)'}`);
  process.exit(2);
}
const axe = createRequire(import.meta.url)('axe-core');
const files = buildStandardsFiles(dir, { version: axe.version, rules: axe.getRules() });
for (const [file, contents] of files) {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), contents);
  console.log(`wrote ${file}`);
}
