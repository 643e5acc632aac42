// Writes schema/config.schema.json from the zod config schema (run after a build: npm run schema:config).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { configJsonSchema } = await import(path.join(root, 'dist/src/config/config-schema.js'));
const target = path.join(root, 'schema', 'config.schema.json');
await fs.writeFile(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
