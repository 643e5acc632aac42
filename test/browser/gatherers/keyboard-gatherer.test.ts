// Walks fixture pages with real key presses in Chromium and checks what the keyboard artifact records.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { isArtifactFailure } from '../../../src/gather/artifacts.js';
import { keyboardGatherer, type KeyboardArtifact } from '../../../src/gather/keyboard-gatherer.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/interaction/', import.meta.url));

describe('keyboard gatherer', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;
  const walks = new Map<string, KeyboardArtifact>();

  const walk = async (name: string): Promise<KeyboardArtifact> => {
    const cached = walks.get(name);
    if (cached) return cached;
    const started = Date.now();
    const { artifacts, errors } = await browser.gather(`${site.url}/${name}`, [keyboardGatherer]);
    assert.deepEqual(errors, []);
    const artifact = artifacts.keyboard;
    assert.ok(artifact && !isArtifactFailure(artifact));
    if (process.env.WELCOMEMAT_DEBUG) console.log(name, Date.now() - started, 'ms', JSON.stringify(artifact, null, 1));
    walks.set(name, artifact);
    return artifact;
  };

  before(async () => {
    site = await startSiteServer({ root: fixtures });
    browser = await FixtureBrowser.start();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('records the Tab order with names, boxes and whether each stop is in main', async () => {
    const result = await walk('focus-clear.html');
    assert.equal(result.stoppedBecause, 'end');
    assert.deepEqual(result.stops.map((s) => s.name), ['First link', 'second link', 'Save', 'Underlined on focus']);
    assert.ok(result.stops.every((s) => s.inMain && s.box && s.box.width > 0));
  });

  it('sees clear focus styles as visible, by style or by pixels', async () => {
    const result = await walk('focus-clear.html');
    assert.deepEqual(result.stops.map((s) => s.focusVisible), ['visible', 'visible', 'visible', 'visible']);
  });

  it('sees removed focus styles as not visible, from identical pixels', async () => {
    const result = await walk('focus-removed.html');
    assert.deepEqual(result.stops.map((s) => s.focusVisible), ['not-visible', 'not-visible', 'not-visible']);
    assert.ok(result.stops.some((s) => s.focusEvidence === 'pixels'));
  });

  it('finds a modal that keeps focus whatever the key', async () => {
    const result = await walk('trap-modal.html');
    assert.equal(result.stoppedBecause, 'trap');
    assert.equal(result.traps.length, 1);
    assert.equal(result.traps[0].escapedBy, null);
    assert.deepEqual(result.traps[0].cycle, ['#email', '#join', '#close']);
  });

  it('lets a dialog that closes on Escape go, and walks on', async () => {
    const result = await walk('modal-returns.html');
    assert.equal(result.traps.length, 1);
    assert.equal(result.traps[0].escapedBy, 'escape');
    assert.equal(result.traps[0].inDialog, true);
    assert.equal(result.stoppedBecause, 'end');
  });

  it('activates a working skip link and sees focus move into main', async () => {
    const result = await walk('skip-working.html');
    assert.equal(result.skipLink?.position, 0);
    assert.equal(result.skipLink?.focusMoved, true);
  });

  it('sees a skip link whose target is missing as broken', async () => {
    const result = await walk('skip-broken.html');
    assert.equal(result.skipLink?.targetSelector, null);
    assert.equal(result.skipLink?.focusMoved, false);
  });

  it('lists things that act like controls but never take focus, and positive tabindex', async () => {
    const result = await walk('controls.html');
    const found = result.unfocusableControls.map((c) => (c.snippet.includes('fake-button') ? 'fake-button' : c.selector)).sort();
    assert.deepEqual(found, ['#role-button', 'fake-button']);
    assert.deepEqual(result.positiveTabindex.map((p) => p.tabIndex), [3]);
    assert.equal(result.stops[0].tabIndex, 3);
  });

  it('sees focus hidden under a sticky header, and not when scroll padding keeps it clear', async () => {
    const covered = await walk('sticky-covers.html');
    assert.equal(covered.backwardPass, true);
    assert.ok(covered.stops.some((s) => s.obscured?.covered === 'all'), 'some stop hidden under the header');
    const padded = await walk('sticky-padded.html');
    assert.ok(padded.stops.every((s) => s.obscured === null), 'no stop hidden');
  });
});
