// Guards against a pdf.js upgrade that would bring back code generation or its scripting sandbox, and against this code loading the sandbox.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const build = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy', 'build');
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('pdf.js as welcomemat uses it', () => {
  it('has no eval or new Function in the legacy display and worker builds', () => {
    for (const file of ['pdf.mjs', 'pdf.worker.mjs']) {
      const source = readFileSync(path.join(build, file), 'utf8');
      assert.ok(!/\bnew Function\s*\(/.test(source), `${file}: new Function`);
      assert.ok(!/[^.\w]eval\s*\(/.test(source), `${file}: eval`);
    }
  });

  it('is never asked for its scripting sandbox (the only part that runs PDF JavaScript)', () => {
    for (const file of readdirSync(path.join(root, 'src/documents'))) {
      const source = readFileSync(path.join(root, 'src/documents', file), 'utf8');
      assert.ok(!/(import\s*\(|from\s*)['"][^'"]*pdf\.sandbox/.test(source), file);
    }
    // And the reading worker refuses it if anything asks (see pdf-worker.ts mayLoad).
    assert.match(readFileSync(path.join(root, 'src/documents/pdf-worker.ts'), 'utf8'), /if \(url\.includes\('pdf\.sandbox'\)\) return false;/);
  });
});
