// disabledGatherers switches any gatherer off, except the DOM snapshot the crawl cannot do without.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { isGathererOn } from '../../../src/gather/gatherer.js';
import { allGatherers } from '../../../src/gather/registry.js';

const byName = (name: string) => allGatherers.find((gatherer) => gatherer.artifact === name)!;

describe('isGathererOn', () => {
  it('switches off every listed gatherer but the DOM snapshot', () => {
    const names = allGatherers.map((gatherer) => gatherer.artifact);
    const options = resolveOptions({ urls: ['https://example.com/'], disabledGatherers: names, artifactsDir: '/tmp/shots' });
    assert.deepEqual(allGatherers.filter((gatherer) => isGathererOn(gatherer, options)).map((g) => g.artifact), ['dom']);
  });

  it('keeps gatherers on by default, the screenshot only with a folder to write to', () => {
    const without = resolveOptions({ urls: ['https://example.com/'] });
    assert.equal(isGathererOn(byName('keyboard'), without), true);
    assert.equal(isGathererOn(byName('screenshot'), without), false);
    const withFolder = resolveOptions({ urls: ['https://example.com/'], artifactsDir: '/tmp/shots' });
    assert.equal(isGathererOn(byName('screenshot'), withFolder), true);
  });
});
