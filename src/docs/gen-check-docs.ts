// Writes docs/checks.md from the registered checks' metadata (`npm run docs:checks`).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { allChecks } from '../checks/registry.js';
import { renderCheckDocs } from './check-docs.js';

/** dist/src/docs → repository root. */
export const CHECK_DOCS_PATH = fileURLToPath(new URL('../../../docs/checks.md', import.meta.url));

await writeFile(CHECK_DOCS_PATH, renderCheckDocs(allChecks));
console.log(`wrote ${CHECK_DOCS_PATH} (${allChecks.length} checks)`);
