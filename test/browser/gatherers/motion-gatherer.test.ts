// Loads fixture pages with reduced motion emulated in Chromium and checks animations, carousels and media.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { isArtifactFailure } from '../../../src/gather/artifacts.js';
import { motionGatherer, type MotionArtifact } from '../../../src/gather/motion-gatherer.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';
import { toneWav } from '../../helpers/tone-wav.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/interaction/', import.meta.url));

describe('motion gatherer', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;
  const results = new Map<string, MotionArtifact>();
  const gather = async (name: string): Promise<MotionArtifact> => {
    const cached = results.get(name);
    if (cached) return cached;
    const { artifacts, errors } = await browser.gather(`${site.url}/${name}`, [motionGatherer]);
    assert.deepEqual(errors, []);
    assert.ok(artifacts.motion && !isArtifactFailure(artifacts.motion));
    if (process.env.WELCOMEMAT_DEBUG) console.log(name, JSON.stringify(artifacts.motion, null, 1));
    results.set(name, artifacts.motion);
    return artifacts.motion;
  };

  before(async () => {
    const wav = toneWav(10);
    site = await startSiteServer({
      root: fixtures,
      routes: {
        '/tone.wav': (_req, res) => {
          res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
          res.end(wav);
        },
      },
    });
    browser = await FixtureBrowser.start();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds an endless moving animation that ignores reduced motion', async () => {
    const motion = await gather('motion-bad.html');
    const bounce = motion.animations.find((a) => a.name === 'bounce');
    assert.ok(bounce, 'bounce animation recorded');
    assert.equal(bounce.infinite, true);
    assert.equal(bounce.moves, true);
  });

  it('passes animations kept behind prefers-reduced-motion, short fades and spinners', async () => {
    const motion = await gather('motion-good.html');
    assert.deepEqual(motion.animations.filter((a) => a.infinite), []);
  });

  it('sees a carousel advance by itself with no pause control', async () => {
    const motion = await gather('motion-bad.html');
    assert.equal(motion.carousels.length, 1);
    assert.equal(motion.carousels[0].advanced, true);
    assert.equal(motion.carousels[0].hasPauseControl, false);
  });

  it('sees a pause control, and a carousel that stays still under reduced motion', async () => {
    const motion = await gather('motion-good.html');
    const [withPause, respectful] = motion.carousels;
    assert.equal(withPause.hasPauseControl, true);
    assert.equal(respectful.advanced, false);
  });

  it('finds media that tries to play sound on load, and not muted media or media with controls', async () => {
    const bad = await gather('motion-bad.html');
    // The audit's browser blocks sound without a gesture, so the attempt is what shows.
    assert.equal(bad.media[0].triedWithSound || bad.media[0].playingWithSound, true);
    assert.equal(bad.media[0].durationS, 10);
    const good = await gather('motion-good.html');
    assert.ok(good.media.every((m) => !m.playingWithSound && !m.triedWithSound));
  });
});
