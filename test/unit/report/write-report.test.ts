// Unit tests of writeReport and writeFileAtomic: files, formats, and no temp files left behind.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WelcomematError } from '../../../src/errors.js';
import { writeReport } from '../../../src/report/write-report.js';
import { writeFileAtomic } from '../../../src/util/write-file-atomic.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'welcomemat-write-'));
});
after(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('creates the folder, writes each format and returns absolute paths', async () => {
    const outDir = path.join(root, 'a', 'nested', 'out');
    const report = makeSampleReport();
    const written = await writeReport(report, { outDir, formats: ['html', 'json'] });
    assert.deepEqual(written, [path.join(outDir, 'index.html'), path.join(outDir, 'report.json')]);
    assert.ok(written.every((file) => path.isAbsolute(file)));
    assert.deepEqual((await fs.readdir(outDir)).sort(), ['index.html', 'report.json']);
    assert.deepEqual(JSON.parse(await fs.readFile(written[1], 'utf8')), JSON.parse(JSON.stringify(report)));
    assert.match(await fs.readFile(written[0], 'utf8'), /^<!doctype html>/m);
  });

  it('writes html and json when no format is given, and each format once', async () => {
    const outDir = path.join(root, 'defaults');
    assert.equal((await writeReport(makeSampleReport(), { outDir, formats: [] })).length, 2);
    assert.equal((await writeReport(makeSampleReport(), { outDir, formats: ['json', 'JSON'] })).length, 1);
  });

  it('rejects an unknown format before writing anything', async () => {
    const outDir = path.join(root, 'bad-format');
    await assert.rejects(writeReport(makeSampleReport(), { outDir, formats: ['json', 'docx'] }), WelcomematError);
    await assert.rejects(fs.access(outDir));
  });

  it('overwrites an earlier report and leaves no temp files', async () => {
    const outDir = path.join(root, 'overwrite');
    await writeReport(makeSampleReport({ pages: 2 }), { outDir, formats: ['html', 'json'] });
    await writeReport(makeSampleReport({ pages: 3 }), { outDir, formats: ['html', 'json'] });
    const files = await fs.readdir(outDir);
    assert.deepEqual(files.sort(), ['index.html', 'report.json']);
    const json = JSON.parse(await fs.readFile(path.join(outDir, 'report.json'), 'utf8')) as { pages: unknown[] };
    assert.equal(json.pages.length, 3);
  });
});

describe('writeFileAtomic', () => {
  it('writes strings and buffers, and concurrent writers never leave temp files', async () => {
    const target = path.join(root, 'atomic.txt');
    await Promise.all(Array.from({ length: 20 }, (_, index) => writeFileAtomic(target, index % 2 ? `text ${index}` : Buffer.from(`buf ${index}`))));
    assert.match(await fs.readFile(target, 'utf8'), /^(text|buf) \d+$/);
    assert.deepEqual((await fs.readdir(root)).filter((file) => file.includes('.tmp-')), []);
  });

  it('cleans up its temp file when the rename fails', async () => {
    const dir = path.join(root, 'rename-fails');
    await fs.mkdir(path.join(dir, 'target-is-a-folder'), { recursive: true });
    await fs.writeFile(path.join(dir, 'target-is-a-folder', 'keep'), 'x');
    await assert.rejects(writeFileAtomic(path.join(dir, 'target-is-a-folder'), 'data'));
    assert.deepEqual((await fs.readdir(dir)).sort(), ['target-is-a-folder']);
  });
});
