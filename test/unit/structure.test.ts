// The data flow runs one way (DESIGN.md): no module imports from a stage above it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const src = fileURLToPath(new URL('../../../src/', import.meta.url));

/**
 * For each folder of src/, the folders it must never import from (type-only imports
 * included: a type from above is still a dependency on the layer above).
 */
const FORBIDDEN: Record<string, string[]> = {
  util: ['documents', 'config', 'browser', 'gather', 'checks', 'page', 'crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  model: ['documents', 'config', 'browser', 'gather', 'checks', 'page', 'crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  browser: ['documents', 'gather', 'checks', 'page', 'crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  gather: ['documents', 'checks', 'page', 'crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  checks: ['documents', 'page', 'crawl', 'runner', 'report', 'audit', 'cli', 'run'],
  // Linked documents: fetched and read without a browser, checked by the document checks; beside pages, below the crawl.
  documents: ['browser', 'gather', 'page', 'crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  page: ['crawl', 'runner', 'prioritize', 'report', 'audit', 'cli', 'run'],
  // The crawl hands pages to a runner it is given: it knows no browser and no runner.
  crawl: ['browser', 'gather', 'runner', 'report', 'audit', 'cli', 'run'],
  runner: ['report', 'audit', 'cli', 'run'],
  prioritize: ['browser', 'page', 'crawl', 'runner', 'report', 'audit', 'cli', 'run'],
  // The PDF renderer prints with Chromium (src/browser/launch.ts); nothing else of the crawl is known here.
  report: ['gather', 'page', 'crawl', 'runner', 'audit', 'cli', 'run'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]).filter((spec) => spec.startsWith('.'));
}

describe('structure', () => {
  it('no import points back up the data flow', () => {
    const problems: string[] = [];
    for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
      for (const file of filesUnder(path.join(src, layer))) {
        for (const spec of importsOf(file)) {
          const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
          if (forbidden.includes(target)) problems.push(`${path.relative(src, file)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
