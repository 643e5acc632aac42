// Walks the page with real Tab and Shift+Tab presses in a fresh tab: focus order, visibility, traps, skip link.
import type { CDPSession, Page } from 'puppeteer';
import type { Box } from '../model/finding.js';
import { loadPage } from '../browser/load-page.js';
import type { GatherContext, Gatherer } from './gatherer.js';
import { freshDesktopPage } from './interaction-page.js';
import { ensurePageHelpers } from './page-helpers.js';
import { exerciseWidgets, installWidgets, type WidgetFacts } from './widget-walk.js';
import {
  installKeyboardProbe,
  type ControlFact,
  type PositiveTabindexFact,
  type StepResult,
  type StopFacts,
} from './keyboard-probe.js';

export type { ControlFact, ObscuredFact, PositiveTabindexFact } from './keyboard-probe.js';
export type { AccesskeySeen, AlertSeen, DialogFact, DisclosureFact, MenuFact, RoleButtonFact, TabsFact, TooltipFact, WidgetFacts } from './widget-walk.js';

/**
 * How the focus indicator was judged for one stop. disputed: a :focus rule draws an
 * indicator but the pixels did not change; a person must look.
 */
export type FocusVisibility = 'visible' | 'not-visible' | 'unknown' | 'disputed';

export interface FocusStop extends Omit<StopFacts, 'clip'> {
  index: number;
  focusVisible: FocusVisibility;
  /**
   * style: computed styles differ; focus-rule: a :focus/:focus-visible/:focus-within rule
   * matching the element draws an indicator (and no pixels contradict it); pixels: the
   * screenshots of the box differ (or are identical, for not-visible); like-checked: same
   * tag, classes and role as an element whose pixels were compared; none: nothing could be compared.
   */
  focusEvidence: 'style' | 'focus-rule' | 'pixels' | 'like-checked' | 'none';
}

export interface TrapFact {
  /** Selectors of the elements focus cycles through. */
  cycle: string[];
  /** Stop index where the cycle starts. */
  startIndex: number;
  /** How focus got out, or null when neither Shift+Tab nor Escape freed it. */
  escapedBy: 'shift-tab' | 'escape' | null;
  /** Whether the cycle sits inside a dialog (role=dialog/alertdialog or <dialog>). */
  inDialog: boolean;
  snippet: string;
}

export interface SkipLinkFact {
  selector: string;
  snippet: string;
  href: string;
  /** Its position in the Tab order, 0-based. */
  position: number;
  targetSelector: string | null;
  /** After Enter (and, if focus stayed put, one Tab): did focus reach the target or what follows it? null when not tried. */
  focusMoved: boolean | null;
  landedOn: string;
  box: Box | null;
}

export interface KeyboardArtifact {
  viewport: { width: number; height: number };
  stops: FocusStop[];
  /** end: focus left the page after the last stop; other values mean the walk is partial. */
  stoppedBecause: 'end' | 'max-stops' | 'time' | 'trap' | 'cycle';
  traps: TrapFact[];
  skipLink: SkipLinkFact | null;
  hasMain: boolean;
  /** Tab presses from the top of the page to the first stop inside main; null when none is. */
  stopsBeforeMain: number | null;
  unfocusableControls: ControlFact[];
  positiveTabindex: PositiveTabindexFact[];
  /** Whether a Shift+Tab pass looked for focus hidden under fixed or sticky elements. */
  backwardPass: boolean;
  /**
   * What the widgets did under the keyboard (dialogs, disclosures, menus, tabs, role=button,
   * tooltips), the page's accesskeys and its short-lived alerts. Null when the walk was caught
   * in a trap; absent in artifacts from before the widget walk.
   */
  widgets?: WidgetFacts | null;
}

declare module './artifacts.js' {
  interface ArtifactMap {
    keyboard: KeyboardArtifact;
  }
}

/**
 * 150 stops covers a full business page (header, nav, content, footer) twice over;
 * past that the walk is sampling a huge list of links and costs time for nothing new.
 */
export const MAX_STOPS = 150;
/** Base budget per page: 150 stops at ~25 ms each plus the checks, with room for slow pages, and the widget walk (the runner scales it to the page). */
export const KEYBOARD_BUDGET_MS = 12_000;
/** Kept for the widget walk out of the Tab walk's time when the page has widgets: about 0.5 s per widget for up to eight. */
const WIDGET_RESERVE_MS = 4_000;
/** The walk stops itself this long before the budget, so a long page returns a partial walk rather than a failure. */
const SELF_STOP_MARGIN_MS = 1_000;
/** Pixel comparisons cost two screenshots; 20 pairs is about 0.5 s and enough to judge a page's focus styles. */
const MAX_PIXEL_CHECKS = 20;
/** Elements that share tag, classes and role share focus styles; two samples of each are enough. */
const MAX_PIXEL_CHECKS_PER_SIGNATURE = 2;
/** Outlines are drawn outside the box (width + offset); 4 px around it catches the usual 1–3 px rings, more where the outline reaches further. */
const CLIP_PADDING = 4;
/** At most this far: a wider clip takes in neighbours whose own changes (a hover, a caret) would blur the comparison. */
const MAX_CLIP_PADDING = 16;
/** :focus rules read from the style sheets; a framework's thousands of rules are cut here to bound the time. */
const MAX_FOCUS_RULES = 500;
/** The skip link must be first or near first: within the first three stops (a cookie notice or logo may come first). */
const SKIP_LINK_MAX_POSITION = 2;
/** At most this many cycles are probed with Shift+Tab and Escape: each probe costs a few key presses. */
const MAX_TRAP_PROBES = 2;
/** Unfocusable control candidates kept per page; more are the same template repeated. */
const MAX_CONTROLS = 50;
/** Elements scanned for fixed overlays, controls and styles; larger DOMs are cut off here to bound the time. */
const MAX_SCAN = 6_000;

async function pressKey(session: CDPSession, key: 'Tab' | 'Escape' | 'Enter', shift = false): Promise<void> {
  const codes = { Tab: 9, Escape: 27, Enter: 13 } as const;
  const base = { key, code: key, windowsVirtualKeyCode: codes[key], modifiers: shift ? 8 : 0 };
  await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base, ...(key === 'Enter' ? { text: '\r' } : {}) });
  if (key === 'Enter') await session.send('Input.dispatchKeyEvent', { type: 'char', ...base, text: '\r' });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

async function shot(session: CDPSession, clip: Box): Promise<Buffer> {
  const { data } = await session.send('Page.captureScreenshot', {
    format: 'png',
    clip: { ...clip, scale: 1 },
    captureBeyondViewport: false,
    fromSurface: true,
  });
  return Buffer.from(data, 'base64');
}

const step = (page: Page, record = true) => page.evaluate((r) => window.__wmKeyboard!.step(r), record) as Promise<StepResult>;
const where = (page: Page) => page.evaluate(() => window.__wmKeyboard!.where());

interface PendingPixels {
  stopIndex: number;
  clip: Box;
  focused: Buffer;
}

/** Decides focus visibility for stops compared neither by style nor pixels, from look-alikes that were. */
function inferFromLookAlikes(stops: FocusStop[]): void {
  const bySignature = new Map<string, Set<FocusVisibility>>();
  for (const stop of stops) {
    if (stop.focusEvidence !== 'pixels') continue;
    const set = bySignature.get(stop.styleSignature) ?? new Set<FocusVisibility>();
    set.add(stop.focusVisible);
    bySignature.set(stop.styleSignature, set);
  }
  for (const stop of stops) {
    if (stop.focusEvidence !== 'none' || stop.styleChanges === null || stop.styleChanges.length > 0) continue;
    const results = bySignature.get(stop.styleSignature);
    // Only a unanimous verdict carries over; mixed results leave the stop unknown.
    if (results && results.size === 1) {
      stop.focusVisible = [...results][0];
      stop.focusEvidence = 'like-checked';
    }
  }
}

/**
 * Hides the text caret for the walk: a blinking caret makes a focused field's pixels differ
 * whatever its styles, and a caret is not a focus indicator (WCAG 2.4.13 says so outright).
 * A constructed style sheet, because the page's CSP may forbid inserted <style> elements.
 */
async function hideCaret(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('*, *::before, *::after { caret-color: transparent !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}

async function walk(page: Page, context: GatherContext, deadline: number): Promise<KeyboardArtifact> {
  const { signal } = context;
  await hideCaret(page).catch(() => undefined);
  // Installed first so live regions are watched during the whole walk.
  await installWidgets(page);
  const widgetCount = await page.evaluate(() => window.__wmWidgets!.candidates().length);
  const widgetDeadline = deadline;
  if (widgetCount > 0) deadline -= WIDGET_RESERVE_MS;
  await page.evaluate(installKeyboardProbe, { maxControls: MAX_CONTROLS, maxScan: MAX_SCAN, clipPadding: CLIP_PADDING, maxClipPadding: MAX_CLIP_PADDING, maxFocusRules: MAX_FOCUS_RULES });
  const facts = await page.evaluate(() => window.__wmKeyboard!.init());
  const session = await page.createCDPSession();
  const stops: FocusStop[] = [];
  const traps: TrapFact[] = [];
  let stoppedBecause: KeyboardArtifact['stoppedBecause'] = 'max-stops';
  let pending: PendingPixels | null = null;
  let pixelChecks = 0;
  const pixelChecksBySignature = new Map<string, number>();
  let probes = 0;
  let frameRepeats = 0;
  const outOfTime = () => signal.aborted || Date.now() > deadline;

  const settlePending = async (result: StepResult) => {
    if (!pending) return;
    const stop = stops[pending.stopIndex];
    if (result.previousClipInView) {
      const unfocused = await shot(session, pending.clip);
      const same = unfocused.equals(pending.focused);
      if (!same) {
        stop.focusVisible = 'visible';
        stop.focusEvidence = 'pixels';
      } else if (stop.focusRule.length > 0) {
        // The style sheet says an indicator is drawn, the pixels say nothing changed: never a violation.
        stop.focusVisible = 'disputed';
        stop.focusEvidence = 'pixels';
      } else {
        stop.focusVisible = 'not-visible';
        stop.focusEvidence = 'pixels';
      }
    }
    pending = null;
  };

  try {
    while (stops.length < MAX_STOPS) {
      if (outOfTime()) {
        stoppedBecause = 'time';
        break;
      }
      await pressKey(session, 'Tab');
      const result = await step(page);
      await settlePending(result);
      if (result.state === 'body') {
        // Focus left the document: the walk went past the last stop (or there is nothing to focus).
        stoppedBecause = 'end';
        break;
      }
      if (result.seenAt >= 0) {
        const last = stops[stops.length - 1];
        if (last?.isFrame && result.seenAt === stops.length - 1) {
          // Tab moves inside the frame while the outer document still reports the iframe; 30 presses is a big form.
          if (++frameRepeats > 30) break;
          continue;
        }
        // Focus came back to a stop without leaving the page: a script keeps it in a cycle.
        if (probes >= MAX_TRAP_PROBES) {
          stoppedBecause = 'cycle';
          break;
        }
        probes++;
        const trap = await probeTrap(page, session, stops, result.seenAt);
        traps.push(trap);
        if (trap.escapedBy === null) {
          stoppedBecause = 'trap';
          break;
        }
        if (trap.escapedBy === 'shift-tab') {
          // Forward Tab would only re-enter the cycle; the rest of the page is out of reach this way.
          stoppedBecause = 'cycle';
          break;
        }
        continue;
      }
      frameRepeats = 0;
      const facts = result.stop!;
      const { clip, ...rest } = facts;
      const stop: FocusStop = { ...rest, index: stops.length, focusVisible: 'unknown', focusEvidence: 'none' };
      if (facts.styleChanges && facts.styleChanges.length > 0) {
        stop.focusVisible = 'visible';
        stop.focusEvidence = 'style';
      } else if (facts.focusRule.length > 0) {
        // Visible unless the pixels, compared below where possible, say otherwise.
        stop.focusVisible = 'visible';
        stop.focusEvidence = 'focus-rule';
      }
      stops.push(stop);
      const sameLook = pixelChecksBySignature.get(facts.styleSignature) ?? 0;
      const styleUnchanged = !facts.styleChanges || facts.styleChanges.length === 0;
      // An indicator a :focus-within rule draws on a wrapper lies outside this element's box: its pixels cannot judge it.
      const pixelsCanJudge = !(facts.focusRule.length > 0 && facts.focusRuleOnAncestor);
      if (styleUnchanged && pixelsCanJudge && clip && pixelChecks < MAX_PIXEL_CHECKS && sameLook < MAX_PIXEL_CHECKS_PER_SIGNATURE) {
        pixelChecks++;
        pixelChecksBySignature.set(facts.styleSignature, sameLook + 1);
        pending = { stopIndex: stop.index, clip, focused: await shot(session, clip) };
      }
    }
    inferFromLookAlikes(stops);

    let backwardPass = false;
    if (facts.overlays > 0 && stoppedBecause === 'end' && stops.length > 1) {
      backwardPass = true;
      await backwardObscuredPass(page, session, stops, outOfTime);
    }

    // In a trap the Enter key could do anything; only say whether a skip link is there.
    const skipLink = await findSkipLink(page, session, stops, stoppedBecause !== 'trap' && !outOfTime());
    const firstInMain = stops.findIndex((stop) => stop.inMain);
    // A trapped walk leaves focus stuck: no key press after it would mean what it means on the page.
    const reload = async () => {
      const loaded = await loadPage(page, context.url, context.options);
      if (loaded.kind !== 'page') throw new Error(`the page did not load again: ${loaded.kind}`);
      await ensurePageHelpers(page);
      await hideCaret(page).catch(() => undefined);
      await installWidgets(page);
    };
    const widgets = stoppedBecause === 'trap' || signal.aborted ? null : await exerciseWidgets(page, session, widgetDeadline, reload);
    return {
      viewport: { width: page.viewport()?.width ?? 0, height: page.viewport()?.height ?? 0 },
      stops,
      stoppedBecause,
      traps,
      skipLink,
      hasMain: facts.hasMain,
      stopsBeforeMain: firstInMain >= 0 ? firstInMain : null,
      unfocusableControls: facts.unfocusableControls,
      positiveTabindex: facts.positiveTabindex,
      backwardPass,
      widgets,
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Focus came back to stop `startIndex`: try Shift+Tab and Escape to leave the cycle. */
async function probeTrap(page: Page, session: CDPSession, stops: FocusStop[], startIndex: number): Promise<TrapFact> {
  const cycleLength = stops.length - startIndex;
  const escaped = (position: number) => position === -2 || position === -1 || position < startIndex;
  const cycle = stops.slice(startIndex);
  const inDialog = await page.evaluate(
    (selectors) =>
      selectors.every((selector) => {
        try {
          return !!document.querySelector(selector)?.closest('dialog, [role="dialog"], [role="alertdialog"]');
        } catch {
          return false;
        }
      }),
    cycle.map((stop) => stop.selector),
  );
  const fact = (escapedBy: TrapFact['escapedBy']): TrapFact => ({
    cycle: cycle.map((stop) => stop.selector),
    startIndex,
    escapedBy,
    inDialog,
    snippet: cycle[0]?.snippet ?? '',
  });
  // One more than the cycle: enough Shift+Tabs to go all the way round it backwards.
  for (let i = 0; i <= cycleLength; i++) {
    await pressKey(session, 'Tab', true);
    if (escaped(await where(page))) return fact('shift-tab');
  }
  await pressKey(session, 'Escape');
  if (escaped(await where(page))) return fact('escape');
  // Escape may close the region without moving focus; one Tab then shows whether it is gone.
  await pressKey(session, 'Tab');
  if (escaped(await where(page))) return fact('escape');
  return fact(null);
}

/** Shift+Tab from the end back through the walk, looking only for focus hidden under fixed or sticky elements. */
async function backwardObscuredPass(page: Page, session: CDPSession, stops: FocusStop[], outOfTime: () => boolean): Promise<void> {
  // From "past the end", one Shift+Tab lands on the last stop; going up, the browser aligns each stop to the top edge.
  for (let i = 0; i < stops.length; i++) {
    if (outOfTime()) return;
    await pressKey(session, 'Tab', true);
    const found = await page.evaluate(() => window.__wmKeyboard!.obscuredNow());
    if (found.at < 0) return;
    const stop = stops[found.at];
    if (found.obscured && (!stop.obscured || (stop.obscured.covered === 'partly' && found.obscured.covered === 'all'))) stop.obscured = found.obscured;
  }
}

async function findSkipLink(page: Page, session: CDPSession, stops: FocusStop[], activate: boolean): Promise<SkipLinkFact | null> {
  for (let position = 0; position < Math.min(stops.length, SKIP_LINK_MAX_POSITION + 1); position++) {
    const candidate = await page.evaluate((index) => window.__wmKeyboard!.skipCandidate(index), position);
    if (!candidate) continue;
    const stop = stops[position];
    const fact: SkipLinkFact = {
      selector: stop.selector,
      snippet: stop.snippet,
      href: candidate.href,
      position,
      targetSelector: candidate.targetSelector,
      focusMoved: candidate.targetSelector === null ? false : null,
      landedOn: '',
      box: stop.box,
    };
    if (!activate || candidate.targetSelector === null) return fact;
    if (!(await page.evaluate((index) => window.__wmKeyboard!.focusSkipLink(index), position))) return fact;
    await pressKey(session, 'Enter');
    let landed = await page.evaluate((index) => window.__wmKeyboard!.landedInTarget(index, false), position);
    if (!landed.moved) {
      // Browsers move only the starting point of sequential navigation to a target that cannot take focus; Tab shows where it went.
      await pressKey(session, 'Tab');
      landed = await page.evaluate((index) => window.__wmKeyboard!.landedInTarget(index, true), position);
    }
    fact.focusMoved = landed.moved;
    fact.landedOn = landed.landedOn;
    return fact;
  }
  return null;
}

export const keyboardGatherer: Gatherer<'keyboard'> = {
  artifact: 'keyboard',
  phase: 'interactive',
  budgetMs: () => KEYBOARD_BUDGET_MS,
  async gather(context) {
    // The runner adapts the budget to the page; the walk stops itself a little before this attempt's end.
    const deadline = Date.now() + context.budgetMs - SELF_STOP_MARGIN_MS;
    const page = await freshDesktopPage(context);
    return walk(page, context, deadline);
  },
};
