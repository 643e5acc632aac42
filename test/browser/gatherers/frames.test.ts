// axe and the keyboard walk inside frames: same-origin frames are checked with the page (selectors go through the frame), cross-origin ones are named as not run.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { axeGatherer } from '../../../src/gather/axe-gatherer.js';
import { keyboardGatherer } from '../../../src/gather/keyboard-gatherer.js';
import { axeFindings, axeOutcomes } from '../../../src/checks/axe-findings.js';
import { isArtifactFailure, type AxeArtifact } from '../../../src/gather/artifacts.js';
import type { KeyboardArtifact } from '../../../src/gather/keyboard-gatherer.js';
import { emptyOutcomes } from '../../../src/model/outcome.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';

const root = fileURLToPath(new URL('../../../../test/fixtures/frames/', import.meta.url));

describe('frames', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;
  let axe: AxeArtifact;
  let keyboard: KeyboardArtifact;

  before(async () => {
    site = await startSiteServer({ root });
    browser = await FixtureBrowser.start();
    const { artifacts, errors } = await browser.gather(`${site.url}/page.html`, [axeGatherer, keyboardGatherer]);
    assert.deepEqual(errors, []);
    assert.ok(artifacts.axe && !isArtifactFailure(artifacts.axe));
    assert.ok(artifacts.keyboard && !isArtifactFailure(artifacts.keyboard));
    axe = artifacts.axe;
    keyboard = artifacts.keyboard;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('axe checks a same-origin frame with the page, and the finding names the frame and the element', () => {
    const { findings } = axeFindings(axe, `${site.url}/page.html`);
    const label = findings.find((f) => f.ruleId === 'label');
    assert.ok(label, `a label finding; got ${findings.map((f) => `${f.ruleId} ${f.selector}`).join(', ')}`);
    assert.equal(label.selector, '#booking >>> #guests');
    assert.deepEqual(axe.frames?.map((frame) => `${frame.path.join(' >>> ')} ${frame.checked} ${frame.reason ?? ''}`), ['#booking true ', '#map false cross-origin']);
  });

  it('a cross-origin frame is never a silent pass: the rules that found nothing are not run for it', () => {
    const outcomes = emptyOutcomes();
    axeOutcomes(axe, outcomes);
    const entry = outcomes.notRun.find((e) => e.reason === 'cross-origin-frame');
    assert.ok(entry, 'a cross-origin-frame entry');
    assert.match(entry.detail ?? '', /localhost:\d+\/map\.html/);
    assert.ok(entry.rules.includes('image-alt'), 'image-alt did not look inside the map');
    assert.ok(!entry.rules.includes('label'), 'a rule that failed stays failed');
  });

  it('the keyboard walk follows focus into a same-origin frame and names its stops through the frame', () => {
    const selectors = keyboard.stops.map((stop) => stop.selector);
    assert.ok(selectors.includes('#booking >>> #guests'), selectors.join(', '));
    assert.ok(selectors.includes('#booking >>> #book'), selectors.join(', '));
    const inner = keyboard.stops.find((stop) => stop.selector === '#booking >>> #guests')!;
    assert.equal(inner.inFrame, true);
    assert.equal(inner.inMain, true);
    assert.ok(inner.box && inner.box.width > 0);
    const names = keyboard.stops.map((stop) => stop.name);
    assert.ok(names.indexOf('After the frames') > selectors.indexOf('#booking >>> #book'), `the walk goes on after the frames: ${names.join(', ')}`);
  });
});
