// The crawl's claims: which pages get the keyboard, zoom and motion gatherers, and one audit per final URL (or per directory and its default document).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InteractionSampler } from '../../../src/crawl/interaction-sampler.js';
import { LocalClaims } from '../../../src/crawl/local-claims.js';
import { samplingSignature } from '../../../src/gather/dom-gatherer.js';

describe('InteractionSampler', () => {
  it('lets the first page of each layout through and names it for the others', () => {
    const sampler = new InteractionSampler({ interaction: { sampling: 'layout', maxPages: 25 } });
    assert.equal(sampler.claim('article', 'https://x/a'), null);
    assert.equal(sampler.claim('form', 'https://x/contact'), null);
    assert.deepEqual(sampler.claim('article', 'https://x/b'), { reason: 'same-layout', standIn: 'https://x/a' });
  });

  it('gives a page retried after a crash the same answer', () => {
    const sampler = new InteractionSampler({ interaction: { sampling: 'layout', maxPages: 25 } });
    assert.equal(sampler.claim('article', 'https://x/a'), null);
    assert.equal(sampler.claim('article', 'https://x/a'), null);
  });

  it('stops at the layout limit', () => {
    const sampler = new InteractionSampler({ interaction: { sampling: 'layout', maxPages: 1 } });
    assert.equal(sampler.claim('one', 'https://x/1'), null);
    assert.deepEqual(sampler.claim('two', 'https://x/2'), { reason: 'layout-limit', limit: 1 });
  });

  it('runs on every page when sampling is "all"', () => {
    const sampler = new InteractionSampler({ interaction: { sampling: 'all', maxPages: 0 } });
    assert.equal(sampler.claim('same', 'https://x/1'), null);
    assert.equal(sampler.claim('same', 'https://x/2'), null);
  });
});

describe('samplingSignature', () => {
  const sampler = () => new InteractionSampler({ interaction: { sampling: 'layout', maxPages: 25 } });
  const page = (widgets: string[]) => ({ layoutSignature: 'article', widgets });

  it('walks a page of a shared template whose content carries widgets of its own', () => {
    const s = sampler();
    assert.equal(s.claim(samplingSignature(page([]), 'layout'), 'https://x/a'), null);
    assert.equal(s.claim(samplingSignature(page(['disclosure']), 'layout'), 'https://x/faq'), null);
    assert.equal(s.claim(samplingSignature(page(['dialog', 'tooltip']), 'layout'), 'https://x/gallery'), null);
  });

  it('keeps sampling pages that carry the same widgets, however many', () => {
    const s = sampler();
    assert.equal(s.claim(samplingSignature(page(['disclosure']), 'layout'), 'https://x/faq'), null);
    assert.deepEqual(s.claim(samplingSignature(page(['disclosure']), 'layout'), 'https://x/faq-2'), { reason: 'same-layout', standIn: 'https://x/faq' });
  });

  it('compares layouts only under "template" sampling, and for snapshots from before widgets were recorded', () => {
    assert.equal(samplingSignature(page(['dialog']), 'template'), 'article');
    assert.equal(samplingSignature({ layoutSignature: 'article' }, 'layout'), 'article');
  });
});

describe('LocalClaims', () => {
  const claims = () => new LocalClaims(() => ({ inScope: true }), new InteractionSampler({ interaction: { sampling: 'layout', maxPages: 25 } }));
  const task = (url: string) => ({ url, depth: 1, foundBy: 'link' as const });

  it('audits a final URL once, and gives a retried task the same answer', async () => {
    const c = claims();
    assert.equal(await c.claimFinalUrl(task('https://x/a'), 'https://x/b'), null);
    assert.equal(await c.claimFinalUrl(task('https://x/a'), 'https://x/b'), null);
    assert.equal((await c.claimFinalUrl(task('https://x/c'), 'https://x/b'))?.reason, 'duplicate-final-url');
  });

  it('treats a directory and its default document with the same text as one page', async () => {
    const c = claims();
    assert.equal(await c.claimFinalUrl(task('https://x/shop/'), 'https://x/shop/', 'f1'), null);
    assert.match((await c.claimFinalUrl(task('https://x/shop/index.html'), 'https://x/shop/index.html', 'f1'))?.detail ?? '', /same page as https:\/\/x\/shop\//);
    assert.equal(await c.claimFinalUrl(task('https://x/shop/index.php'), 'https://x/shop/index.php', 'other text'), null, 'different text: another page');
    assert.equal(await c.claimFinalUrl(task('https://x/shop/index.html?p=2'), 'https://x/shop/index.html?p=2', 'f1'), null, 'another query: another page');
  });

  it('keeps its decisions across a saved crawl state', async () => {
    const c = claims();
    await c.claimFinalUrl(task('https://x/'), 'https://x/', 'home');
    const again = claims();
    again.restore(JSON.parse(JSON.stringify(c.snapshot())));
    assert.equal((await again.claimFinalUrl(task('https://x/index.html'), 'https://x/index.html', 'home'))?.reason, 'duplicate-final-url');
  });
});
