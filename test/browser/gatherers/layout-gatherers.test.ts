// Lays fixture pages out at 320 px, with doubled text and with WCAG text spacing in Chromium, and checks the artifacts.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { isArtifactFailure, type ArtifactFailure, type PageArtifacts } from '../../../src/gather/artifacts.js';
import { reflowGatherer } from '../../../src/gather/reflow-gatherer.js';
import { textResizeGatherer } from '../../../src/gather/text-resize-gatherer.js';
import { textSpacingGatherer } from '../../../src/gather/text-spacing-gatherer.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/interaction/', import.meta.url));

describe('reflow, text resize and text spacing gatherers', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;
  const results = new Map<string, PageArtifacts>();

  const gather = async (name: string): Promise<PageArtifacts> => {
    const cached = results.get(name);
    if (cached) return cached;
    const { artifacts, errors } = await browser.gather(`${site.url}/${name}`, [reflowGatherer, textSpacingGatherer, textResizeGatherer]);
    assert.deepEqual(errors, []);
    if (process.env.WELCOMEMAT_DEBUG) console.log(name, JSON.stringify(artifacts, null, 1));
    results.set(name, artifacts);
    return artifacts;
  };
  const value = <T>(artifact: T | undefined): Exclude<T, ArtifactFailure> => {
    assert.ok(artifact !== undefined && !isArtifactFailure(artifact));
    return artifact as Exclude<T, ArtifactFailure>;
  };

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    browser = await FixtureBrowser.start();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds sideways scrolling at 320 px and the element causing it, not the code box that scrolls on its own', async () => {
    const reflow = value((await gather('reflow-overflows.html')).reflow);
    assert.equal(reflow.scrollable, true);
    assert.deepEqual(reflow.wide.map((w) => w.selector), ['div:nth-of-type(1)']);
    assert.ok(reflow.wide[0].snippet.includes('menu-board'));
    assert.ok(reflow.wide[0].box && reflow.wide[0].box.width === 960, 'box at the desktop width');
  });

  it('finds text cut off at 320 px that fit at the desktop width', async () => {
    const reflow = value((await gather('reflow-overflows.html')).reflow);
    assert.equal(reflow.clipped.length, 1);
    assert.ok(reflow.clipped[0].snippet.includes('class="promo"'));
  });

  it('passes a layout that reflows, with a table and code in their own scrollers and screen-reader-only text', async () => {
    const reflow = value((await gather('reflow-ok.html')).reflow);
    assert.equal(reflow.scrollable, false);
    assert.deepEqual(reflow.wide, []);
    assert.deepEqual(reflow.clipped, []);
  });

  it('finds text clipped by a fixed-height box at 200 % text and with text spacing', async () => {
    const artifacts = await gather('text-clips.html');
    assert.deepEqual(value(artifacts.textResize).clipped.map((c) => c.selector), ['div']);
    assert.deepEqual(value(artifacts.textSpacing).clipped.map((c) => c.selector), ['div']);
  });

  it('passes a box that grows with its text', async () => {
    const artifacts = await gather('text-grows.html');
    assert.deepEqual(value(artifacts.textResize).clipped, []);
    assert.deepEqual(value(artifacts.textSpacing).clipped, []);
    assert.deepEqual(value(artifacts.reflow).wide, []);
  });
});
