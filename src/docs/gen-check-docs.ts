// Writes docs/checks.md from the registered checks' metadata (`npm run docs:checks`).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { allChecks } from '../checks/registry.js';
import { documentChecks } from '../checks/document-checks.js';
import { renderCheckDocs } from './check-docs.js';

/** dist/src/docs → repository root. */
export const CHECK_DOCS_PATH = fileURLToPath(new URL('../../../docs/checks.md', import.meta.url));

const checks = [...allChecks, ...documentChecks];
await writeFile(CHECK_DOCS_PATH, renderCheckDocs(checks));
console.log(`wrote ${CHECK_DOCS_PATH} (${checks.length} checks)`);
