// Unit tests for the alt-text quality checks on hand-made image facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fileName from '../../../src/checks/alt-text-file-name.js';
import generic from '../../../src/checks/alt-text-generic.js';
import prefix from '../../../src/checks/alt-text-redundant-prefix.js';
import tooLong from '../../../src/checks/alt-text-too-long.js';
import duplicate from '../../../src/checks/alt-text-duplicate.js';
import repeats from '../../../src/checks/alt-text-repeats-context.js';
import linked from '../../../src/checks/linked-image-alt-purpose.js';
import emptyAlt from '../../../src/checks/informative-image-empty-alt.js';
import graphic from '../../../src/checks/graphic-text-alternative.js';
import type { GraphicFact, ImageFact } from '../../../src/gather/content-gatherer.js';
import { content, ctx, image } from './make-artifacts.js';

function flagged(check: { evaluate: (a: never, c: typeof ctx) => { selector?: string; kind: string }[] }, images: ImageFact[], settings = {}) {
  return check.evaluate({ content: content({ images }) } as never, { ...ctx, settings }).map((r) => `${r.kind}:${r.selector}`);
}

describe('alt-text-file-name', () => {
  it('flags file names, camera names and URLs; passes descriptions', () => {
    const images = ['IMG_2041.jpg', 'DSC_0042', 'https://cdn.example.com/a.png', 'hero_banner_02', 'A shop window'].map((alt, i) =>
      image({ selector: `#i${i}`, alt, src: i === 3 ? 'http://127.0.0.1/hero_banner_02.jpg' : 'http://127.0.0.1/x.jpg' }),
    );
    assert.deepEqual(flagged(fileName, images), ['violation:#i0', 'violation:#i1', 'violation:#i2', 'violation:#i3']);
  });
  it('ignores hidden and presentational images', () => {
    assert.deepEqual(flagged(fileName, [image({ alt: 'IMG_1.jpg', hidden: true }), image({ alt: 'IMG_1.jpg', role: 'presentation' })]), []);
  });
});

describe('alt-text-generic', () => {
  it('flags generic words, passes real text and allowed words', () => {
    const images = ['image', 'Logo', 'spacer', 'Crumb & Kettle logo', 'A loaf'].map((alt, i) => image({ selector: `#i${i}`, alt }));
    assert.deepEqual(flagged(generic, images), ['violation:#i0', 'violation:#i1', 'violation:#i2']);
    assert.deepEqual(flagged(generic, [image({ alt: 'banner' })], { allow: ['banner'] }), []);
  });
});

describe('alt-text-redundant-prefix', () => {
  it('flags "Image of…" and "Photo: …", not "Photographer at work"', () => {
    const images = ['Image of our team', 'Photo: the ovens', 'Photographer at work', 'image'].map((alt, i) => image({ selector: `#i${i}`, alt }));
    assert.deepEqual(flagged(prefix, images), ['violation:#i0', 'violation:#i1']);
  });
});

describe('alt-text-too-long', () => {
  it('flags alt over the limit as needs-review; the limit is configurable', () => {
    const long = image({ alt: 'x '.repeat(150) });
    assert.deepEqual(flagged(tooLong, [long, image()]), ['needs-review:#img']);
    assert.deepEqual(flagged(tooLong, [long], { maxChars: 1000 }), []);
  });
});

describe('alt-text-duplicate', () => {
  it('flags the same alt on different images, not a repeated logo or images linking to one place', () => {
    const cakes = ['lemon', 'carrot', 'chocolate'].map((k) => image({ selector: `#${k}`, alt: 'Cake', src: `http://127.0.0.1/${k}.jpg` }));
    assert.deepEqual(flagged(duplicate, cakes), ['needs-review:#carrot', 'needs-review:#chocolate']);
    const logos = [image({ selector: '#a', alt: 'Home', src: 'http://127.0.0.1/logo.svg' }), image({ selector: '#b', alt: 'Home', src: 'http://127.0.0.1/logo.svg' })];
    assert.deepEqual(flagged(duplicate, logos), []);
  });
});

describe('alt-text-repeats-context', () => {
  it('flags alt equal to link text or caption, not different text', () => {
    const images = [
      image({ selector: '#link', alt: 'Our menu', linkHref: 'http://127.0.0.1/menu', linkText: 'Our menu' }),
      image({ selector: '#cap', alt: 'The two deck ovens', captionText: 'The two deck ovens.' }),
      image({ selector: '#ok', alt: 'Loaves on a rack', captionText: 'Our ovens at dawn' }),
    ];
    assert.deepEqual(flagged(repeats, images), ['violation:#link', 'violation:#cap']);
  });
});

describe('linked-image-alt-purpose', () => {
  it('flags a descriptive alt as the only content of a link elsewhere; passes purpose-naming alts and home links', () => {
    const images = [
      image({ selector: '#bad', alt: 'Flour and a rolling pin on a wooden table', linkHref: 'http://127.0.0.1/events.html' }),
      image({ selector: '#good', alt: 'Bread workshops and events', linkHref: 'http://127.0.0.1/events.html' }),
      image({ selector: '#home', alt: 'A loaf on a table', linkHref: 'http://127.0.0.1/' }),
      image({ selector: '#texted', alt: 'A loaf on a table', linkHref: 'http://127.0.0.1/shop', linkText: 'Shop' }),
    ];
    assert.deepEqual(flagged(linked, images), ['needs-review:#bad']);
  });
});

describe('informative-image-empty-alt', () => {
  it('flags a large main-content image with alt="", not small, captioned or non-main ones', () => {
    const images = [
      image({ selector: '#big', alt: '', width: 720, height: 260 }),
      image({ selector: '#small', alt: '', width: 40, height: 40 }),
      image({ selector: '#caption', alt: '', width: 720, height: 260, captionText: 'The four steps' }),
      image({ selector: '#footer', alt: '', width: 720, height: 260, inMain: false }),
      image({ selector: '#missing', alt: null, width: 720, height: 260 }),
    ];
    assert.deepEqual(flagged(emptyAlt, images), ['needs-review:#big']);
  });
});

describe('graphic-text-alternative', () => {
  const g = (overrides: Partial<GraphicFact>): GraphicFact => ({
    selector: '#g', snippet: '<svg>', kind: 'svg', name: '', role: '', hidden: false, visible: true, width: 20, height: 20, inControl: false, controlOtherName: '', box: null, ...overrides,
  });
  it('flags an unnamed icon that is a control\'s only content; passes named controls, hidden decoration', () => {
    const graphics = [
      g({ selector: '#share', inControl: true }),
      g({ selector: '#font', kind: 'icon-font', inControl: true, hidden: true }),
      g({ selector: '#named', inControl: true, controlOtherName: 'Copy link', hidden: true }),
      g({ selector: '#deco', hidden: true }),
      g({ selector: '#big', width: 200, height: 100 }),
      g({ selector: '#titled', width: 200, height: 100, name: 'Map' }),
    ];
    const results = graphic.evaluate({ content: content({ graphics }) }, ctx).map((r) => `${r.kind}:${r.selector}`);
    assert.deepEqual(results, ['violation:#share', 'violation:#font', 'needs-review:#big']);
  });
});
