// Which pages get the keyboard, zoom and motion gatherers: one per layout by default, all on request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InteractionSampler } from '../../../src/crawl/interaction-sampler.js';

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
