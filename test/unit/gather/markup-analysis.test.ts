// Unit tests for the parse5 markup analysis and the GIF scanner the structure and source gatherers use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseMarkup } from '../../../src/gather/markup-analysis.js';
import { scanGif } from '../../../src/gather/gif-scan.js';
import { gifBytes } from '../../helpers/images.js';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
const kinds = (html: string, truncated = false) => analyseMarkup(html, truncated).problems.map((p) => `${p.kind}:${p.tag}:${p.selector}`);

describe('analyseMarkup', () => {
  it('reports a heading left open over a paragraph, with its line', () => {
    const result = analyseMarkup(page('\n<h2 id="t">Title<p>Text</p><h3>Next</h3>'));
    assert.deepEqual(result.problems.map((p) => [p.kind, p.tag, p.selector, p.swallowed.join(), p.line]), [['unclosed', 'h2', '#t', 'p', 2]]);
  });
  it('reports a link left open that the parser copies into the blocks after it', () => {
    const [problem] = analyseMarkup(page('<div id="box"><p><a href="/m">Menu</p><h4>Cakes</h4><p>Lemon</p></div>')).problems;
    assert.equal(problem.kind, 'unclosed');
    assert.equal(problem.copies, 2);
    assert.deepEqual(problem.swallowed, ['h4', 'p']);
    assert.equal(problem.selector, '#box > p:nth-of-type(1) > a');
  });
  it('reports a landmark that swallows main, and a textarea that swallows the page', () => {
    assert.deepEqual(kinds(page('<nav id="n"><a href="/">Home</a><main><h1>Hi</h1></main>')), ['unclosed:nav:#n']);
    assert.deepEqual(kinds(page('<textarea id="t">abc<p>rest</p>')), ['unclosed-raw-text:textarea:#t']);
  });
  it('leaves harmless omissions alone: optional end tags, list items, a div closed by body, stray span and p end tags', () => {
    assert.deepEqual(kinds(page('<ul><li><a href="/1">One</a><li><a href="/2">Two</a></ul><p>Para<p>Para<table><tr><td>1<td>2</table>')), []);
    assert.deepEqual(kinds(page('<div><p>text')), []);
    assert.deepEqual(kinds(page('<div>pearls</span></div><div>x</p></div>')), []);
  });
  it('reports stray end tags of structural elements and heading level mismatches', () => {
    assert.deepEqual(kinds(page('<h3 id="h">Prices</h4>')), ['stray-end-tag:h4:#h']);
    assert.equal(analyseMarkup(page('<h3 id="h">Prices</h4>')).problems[0].openTag, 'h3');
    assert.deepEqual(kinds(page('<div id="d"><a href="/1">one <a href="/2">two</a></a></div>')), ['stray-end-tag:a:#d']);
  });
  it('ignores end-tag look-alikes in scripts, comments, attributes and SVG', () => {
    assert.deepEqual(kinds(page('<script>var s = "</div></a></ul>";</script><!-- </ul> --><p title="</a>">x</p><svg><a><text>x</text></a></svg>')), []);
  });
  it('reports a duplicate accessibility attribute with both values, not a duplicate class or an identical repeat', () => {
    const [problem] = analyseMarkup(page('<img id="i" src="x" alt="" alt="Logo"><p class="a" class="b">x</p><img src="y" alt="A" alt="A">')).problems;
    assert.deepEqual([problem.kind, problem.attribute, problem.kept, problem.dropped, problem.selector], ['duplicate-attribute', 'alt', '', 'Logo', '#i']);
    assert.equal(analyseMarkup(page('<img id="i" src="x" alt="" alt="Logo"><p class="a" class="b">x</p>')).problems.length, 1);
  });
  it('does not report elements still open at the end of a truncated source', () => {
    assert.deepEqual(kinds(page('<h2 id="t">Title<p>Text').replace('</body></html>', ''), true), []);
  });
  it('counts past the listing cap', () => {
    const many = Array.from({ length: 70 }, (_, i) => `<h3 id="h${i}">T</h4>`).join('');
    const result = analyseMarkup(page(many));
    assert.equal(result.problems.length, 60);
    assert.equal(result.counts['stray-end-tag'], 70);
  });
});

describe('scanGif', () => {
  it('reads frames, loop count and duration', () => {
    assert.deepEqual(scanGif(gifBytes({ frames: 4, loop: 0, delayCs: 20 })), { frames: 4, loopCount: 0, durationMs: 800, complete: true });
    assert.deepEqual(scanGif(gifBytes({ frames: 3, delayCs: 50 })), { frames: 3, loopCount: null, durationMs: 1500, complete: true });
    assert.deepEqual(scanGif(gifBytes({ frames: 2, loop: 3, delayCs: 0 })), { frames: 2, loopCount: 3, durationMs: 200, complete: true });
  });
  it('counts what it can of a cut file and rejects what is not a GIF', () => {
    const bytes = gifBytes({ frames: 5, loop: 0 });
    const cut = scanGif(new Uint8Array(bytes.subarray(0, bytes.length - 40)));
    assert.equal(cut?.complete, false);
    assert.ok((cut?.frames ?? 0) >= 2);
    assert.equal(scanGif(new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n0000000000000'))), null);
  });
});
