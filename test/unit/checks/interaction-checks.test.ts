// Unit tests for the keyboard, zoom and motion checks' pure evaluate, with hand-made artifacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, PageCheck } from '../../../src/checks/check.js';
import carouselAutoAdvance from '../../../src/checks/carousel-auto-advance.js';
import focusNotVisible from '../../../src/checks/focus-not-visible.js';
import focusObscured from '../../../src/checks/focus-obscured.js';
import focusOrder from '../../../src/checks/focus-order.js';
import keyboardTrap from '../../../src/checks/keyboard-trap.js';
import mediaStartsWithSound from '../../../src/checks/media-starts-with-sound.js';
import motionIgnoresReducedMotion from '../../../src/checks/motion-ignores-reduced-motion.js';
import notKeyboardFocusable from '../../../src/checks/not-keyboard-focusable.js';
import positiveTabindex from '../../../src/checks/positive-tabindex.js';
import reflowContentClipped from '../../../src/checks/reflow-content-clipped.js';
import reflowHorizontalScroll from '../../../src/checks/reflow-horizontal-scroll.js';
import skipLink from '../../../src/checks/skip-link.js';
import textResizeClipped from '../../../src/checks/text-resize-clipped.js';
import textSpacingClipped from '../../../src/checks/text-spacing-clipped.js';
import { interactionChecks } from '../../../src/checks/sets/interaction-checks.js';
import type { FocusStop, KeyboardArtifact } from '../../../src/gather/keyboard-gatherer.js';
import type { ClippedText, ReflowArtifact, WideElement } from '../../../src/gather/reflow-gatherer.js';
import type { MediaFact, MotionArtifact, RunningAnimation } from '../../../src/gather/motion-gatherer.js';
import { englishMessage } from '../../../src/checks/run-checks.js';

const run = (check: PageCheck, artifacts: object): CheckResult[] => check.evaluate(artifacts as never, { url: 'https://example.test/', settings: {} });
const kinds = (results: CheckResult[]) => results.map((r) => `${r.kind}:${r.selector ?? ''}`);

function stop(over: Partial<FocusStop> = {}): FocusStop {
  return {
    index: 0, selector: 'a', tag: 'a', role: 'link', name: 'Link', snippet: '<a>', box: { x: 0, y: 0, width: 50, height: 20 }, inMain: true, tabIndex: null,
    styleChanges: [], styleSignature: 'a.[]', focusRule: [], focusRuleOnAncestor: false, obscured: null, isFrame: false, focusVisible: 'visible', focusEvidence: 'style', ...over,
  };
}
function keyboard(over: Partial<KeyboardArtifact> = {}): { keyboard: KeyboardArtifact } {
  return {
    keyboard: {
      viewport: { width: 1280, height: 900 }, stops: [], stoppedBecause: 'end', traps: [], skipLink: null, hasMain: true, stopsBeforeMain: 0,
      unfocusableControls: [], positiveTabindex: [], backwardPass: false, ...over,
    },
  };
}
const clipped = (over: Partial<ClippedText> = {}): ClippedText => ({ selector: '.box', snippet: '<div class="box">', box: null, axis: 'y', hiddenPx: 40, hiddenText: 'Leek soup', ellipsis: false, ...over });
const wide = (over: Partial<WideElement> = {}): WideElement => ({ selector: '.board', snippet: '<div class="board">', tag: 'div', right: 968, width: 960, hasText: true, twoDimensional: false, box: null, ...over });
function reflow(over: Partial<ReflowArtifact> = {}): { reflow: ReflowArtifact } {
  return { reflow: { viewportWidth: 320, scrollWidth: 320, scrollable: false, wide: [], clipped: [], ...over } };
}
const animation = (over: Partial<RunningAnimation> = {}): RunningAnimation => ({
  selector: '.badge', snippet: '<p class="badge">', box: null, type: 'css-animation', name: 'bounce', properties: ['transform'], moves: true, infinite: true, durationMs: 1200, totalMs: null, ...over,
});
const media = (over: Partial<MediaFact> = {}): MediaFact => ({
  selector: 'audio', snippet: '<audio>', box: null, tag: 'audio', autoplayAttribute: false, paused: true, muted: false, volume: 1, durationS: 60,
  playingWithSound: false, triedWithSound: false, loadError: false, scriptPlayedUnmuted: false, ...over,
});
function motion(over: Partial<MotionArtifact> = {}): { motion: MotionArtifact } {
  return { motion: { reducedMotion: true, animations: [], carousels: [], media: [], ...over } };
}

describe('interaction checks metadata', () => {
  it('has unique ids in the keyboard, zoom or motion family, each with WCAG criteria and texts', () => {
    const ids = interactionChecks.map((check) => check.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const check of interactionChecks) {
      assert.ok(['keyboard', 'zoom', 'motion'].includes(check.meta.family), check.meta.id);
      assert.ok(check.meta.wcag.length > 0 && check.meta.whyItMatters && check.meta.howToFix && check.meta.example && check.meta.helpUrl.startsWith('https://'), check.meta.id);
    }
  });
});

describe('keyboard-trap', () => {
  it('flags a cycle nothing leaves, asks for review inside a dialog, passes one Escape frees', () => {
    const stops = [stop({ selector: '#email' }), stop({ selector: '#close' })];
    const trap = { cycle: ['#email', '#close'], startIndex: 0, escapedBy: null, inDialog: false, snippet: '<input>' };
    assert.deepEqual(kinds(run(keyboardTrap, keyboard({ stops, traps: [trap] }))), ['violation:#email']);
    assert.deepEqual(kinds(run(keyboardTrap, keyboard({ stops, traps: [{ ...trap, inDialog: true }] }))), ['needs-review:#email']);
    assert.deepEqual(run(keyboardTrap, keyboard({ stops, traps: [{ ...trap, escapedBy: 'escape' }] })), []);
  });
});

describe('focus-not-visible', () => {
  it('flags only stops judged not visible', () => {
    const stops = [stop({ selector: '#a', focusVisible: 'not-visible', focusEvidence: 'pixels' }), stop({ selector: '#b' }), stop({ selector: '#c', focusVisible: 'unknown', focusEvidence: 'none' })];
    assert.deepEqual(kinds(run(focusNotVisible, keyboard({ stops }))), ['violation:#a']);
  });
  it('asks for review, never a violation, when a :focus rule and the pixels disagree', () => {
    const stops = [stop({ selector: '#d', focusVisible: 'disputed', focusEvidence: 'pixels', focusRule: ['outline'] }), stop({ selector: '#e', focusVisible: 'visible', focusEvidence: 'focus-rule', focusRule: ['box-shadow'] })];
    assert.deepEqual(kinds(run(focusNotVisible, keyboard({ stops }))), ['needs-review:#d']);
  });
});

describe('focus-obscured', () => {
  it('flags a stop entirely covered, not one partly covered', () => {
    const stops = [stop({ selector: '#a', obscured: { by: 'header', covered: 'all' } }), stop({ selector: '#b', obscured: { by: 'header', covered: 'partly' } })];
    assert.deepEqual(kinds(run(focusObscured, keyboard({ stops }))), ['violation:#a']);
  });
});

describe('not-keyboard-focusable', () => {
  it('is sure about a widget role or a handler with a pointer, asks about a pointer alone', () => {
    const control = (selector: string, evidence: { widgetRole: boolean; onclick: boolean; pointer: boolean }) => ({ selector, snippet: '<div>', box: null, role: 'div', evidence, name: 'Reserve' });
    const results = run(
      notKeyboardFocusable,
      keyboard({
        unfocusableControls: [
          control('#role', { widgetRole: true, onclick: false, pointer: false }),
          control('#both', { widgetRole: false, onclick: true, pointer: true }),
          control('#pointer', { widgetRole: false, onclick: false, pointer: true }),
        ],
      }),
    );
    assert.deepEqual(kinds(results), ['violation:#role', 'violation:#both', 'needs-review:#pointer']);
  });
});

describe('positive-tabindex', () => {
  it('asks for review of each positive tabindex and says where it lands', () => {
    const results = run(positiveTabindex, keyboard({ stops: [stop({ selector: '#p', tabIndex: 3 })], positiveTabindex: [{ selector: '#p', snippet: '<a>', box: null, tabIndex: 3 }] }));
    assert.deepEqual(kinds(results), ['needs-review:#p']);
    assert.match(englishMessage(positiveTabindex, results[0].message), /Tab stop 1/);
  });
});

describe('focus-order', () => {
  it('asks about a big jump back up the same column, not a move to the next column', () => {
    const sameColumn = [stop({ selector: '#low', box: { x: 0, y: 600, width: 200, height: 20 } }), stop({ selector: '#high', box: { x: 10, y: 100, width: 200, height: 20 } })];
    assert.deepEqual(kinds(run(focusOrder, keyboard({ stops: sameColumn }))), ['needs-review:#high']);
    const nextColumn = [stop({ selector: '#low', box: { x: 0, y: 600, width: 200, height: 20 } }), stop({ selector: '#top', box: { x: 400, y: 100, width: 200, height: 20 } })];
    assert.deepEqual(run(focusOrder, keyboard({ stops: nextColumn })), []);
  });
});

describe('skip-link', () => {
  const link = { selector: '.skip', snippet: '<a>', href: '#main', position: 0, targetSelector: '#main', focusMoved: true, landedOn: '#main', box: null };
  it('passes a working skip link', () => assert.deepEqual(run(skipLink, keyboard({ skipLink: link })), []));
  it('flags a missing target and a link that does not move focus', () => {
    assert.deepEqual(kinds(run(skipLink, keyboard({ skipLink: { ...link, targetSelector: null, focusMoved: false } }))), ['violation:.skip']);
    assert.deepEqual(kinds(run(skipLink, keyboard({ skipLink: { ...link, focusMoved: false, landedOn: 'nav a' } }))), ['violation:.skip']);
  });
  it('asks for review only when many stops come before the main content', () => {
    assert.deepEqual(kinds(run(skipLink, keyboard({ stopsBeforeMain: 12 }))), ['needs-review:']);
    assert.deepEqual(run(skipLink, keyboard({ stopsBeforeMain: 3 })), []);
  });
});

describe('reflow-horizontal-scroll', () => {
  it('flags a text element that makes the page scroll, asks about a table', () => {
    const results = run(reflowHorizontalScroll, reflow({ scrollable: true, scrollWidth: 968, wide: [wide(), wide({ selector: 'table', tag: 'table', twoDimensional: true })] }));
    assert.deepEqual(kinds(results), ['violation:.board', 'needs-review:table']);
  });
  it('passes a page that does not scroll', () => assert.deepEqual(run(reflowHorizontalScroll, reflow()), []));
});

describe('reflow-content-clipped', () => {
  it('flags clipped text and content past the edge of a page that cannot scroll', () => {
    const results = run(reflowContentClipped, reflow({ clipped: [clipped()], wide: [wide()], scrollable: false, scrollWidth: 968 }));
    assert.deepEqual(kinds(results), ['violation:.box', 'violation:.board']);
  });
  it('asks about an ellipsis, and leaves a scrollable page to reflow-horizontal-scroll', () => {
    const results = run(reflowContentClipped, reflow({ clipped: [clipped({ ellipsis: true })], wide: [wide()], scrollable: true }));
    assert.deepEqual(kinds(results), ['needs-review:.box']);
  });
});

describe('text-resize-clipped and text-spacing-clipped', () => {
  it('flag newly clipped text and pass when there is none', () => {
    assert.deepEqual(kinds(run(textResizeClipped, { textResize: { method: 'x', factor: 2, clipped: [clipped()] } })), ['violation:.box']);
    assert.deepEqual(run(textResizeClipped, { textResize: { method: 'x', factor: 2, clipped: [] } }), []);
    assert.deepEqual(kinds(run(textSpacingClipped, { textSpacing: { clipped: [clipped()] } })), ['violation:.box']);
    assert.deepEqual(run(textSpacingClipped, { textSpacing: { clipped: [] } }), []);
  });
});

describe('motion-ignores-reduced-motion', () => {
  it('flags endless movement, asks about long movement, ignores fades and short motion', () => {
    const results = run(
      motionIgnoresReducedMotion,
      motion({
        animations: [
          animation(),
          animation({ selector: '.long', infinite: false, totalMs: 8000 }),
          animation({ selector: '.fade', properties: ['opacity'], moves: false }),
          animation({ selector: '.short', infinite: false, totalMs: 300 }),
        ],
      }),
    );
    assert.deepEqual(kinds(results), ['violation:.badge', 'needs-review:.long']);
  });
});

describe('carousel-auto-advance', () => {
  it('asks about a self-advancing carousel without a pause control only', () => {
    const carousel = { selector: '.carousel', snippet: '<section>', box: null, advanced: true, hasPauseControl: false, timersFired: 1 };
    assert.deepEqual(
      kinds(run(carouselAutoAdvance, motion({ carousels: [carousel, { ...carousel, selector: '.paused', hasPauseControl: true }, { ...carousel, selector: '.still', advanced: false }] }))),
      ['needs-review:.carousel'],
    );
  });
});

describe('media-starts-with-sound', () => {
  it('flags media playing with sound, asks about a script blocked from it, ignores short, muted and attribute-only media', () => {
    const results = run(
      mediaStartsWithSound,
      motion({
        media: [
          media({ selector: '#playing', playingWithSound: true, paused: false }),
          media({ selector: '#script', scriptPlayedUnmuted: true, triedWithSound: true }),
          media({ selector: '#short', playingWithSound: true, durationS: 2 }),
          media({ selector: '#attribute', autoplayAttribute: true, triedWithSound: true }),
          media({ selector: '#muted', muted: true }),
        ],
      }),
    );
    assert.deepEqual(kinds(results), ['violation:#playing', 'needs-review:#script']);
  });
});
