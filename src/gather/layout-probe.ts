// The in-page half of the reflow and text gatherers (clipped text, wide elements) and the fresh page they share.
import type { Page } from 'puppeteer';
import type { Box } from '../model/finding.js';
import type { GatherContext } from './gatherer.js';
import { DESKTOP_VIEWPORT } from '../browser/viewport.js';
import { freshDesktopPage } from './interaction-page.js';

/** An element whose overflow: hidden / clip cuts off some of its text. */
export interface ClippedText {
  selector: string;
  snippet: string;
  /** Document coordinates at the desktop viewport before any change, where known. */
  box: Box | null;
  axis: 'x' | 'y' | 'both';
  /** How far the content reaches past the box, in CSS px. */
  hiddenPx: number;
  /** Start of the text that is cut off. */
  hiddenText: string;
  /** text-overflow: ellipsis: the author chose to truncate; a person should judge the loss. */
  ellipsis: boolean;
}

/** An element whose right edge lies past the viewport's, making the page wider than the screen. */
export interface WideElement {
  selector: string;
  snippet: string;
  tag: string;
  /** Right edge in CSS px at the narrow viewport. */
  right: number;
  width: number;
  hasText: boolean;
  /** Tables, code, images, maps, video: content WCAG 1.4.10 lets scroll in two dimensions. */
  twoDimensional: boolean;
  /** Box at the desktop viewport, to show it on the screenshot. */
  box: Box | null;
}

export interface LayoutProbe {
  /** Elements whose text is clipped now and was not at the baseline. */
  newlyClipped(): ClippedText[];
  /** Records which elements clip text now, as the state to compare later ones with. */
  takeBaseline(): number;
  hasBaseline(): boolean;
  /** Horizontal overflow of the document at the current viewport. */
  horizontal(): { viewportWidth: number; scrollWidth: number; scrollable: boolean; wide: WideElement[] };
  /** Boxes, at the current viewport, of the elements last reported by horizontal(). */
  wideBoxes(): (Box | null)[];
  applyTextSpacing(): void;
  removeTextSpacing(): void;
  /** Doubles every element's font size (and px line heights); returns how many elements changed. */
  enlargeText(factor: number): number;
  restoreText(): void;
}

declare global {
  interface Window {
    __wmLayout?: LayoutProbe;
  }
}

/** Runs inside the page; uses only `window.__welcomemat` from outside. */
export function installLayoutProbe(limits: { maxScan: number; tolerance: number; maxReported: number }): void {
  if (window.__wmLayout) return;
  const helpers = window.__welcomemat!;
  const TOL = limits.tolerance;
  let baseline: Set<Element> | null = null;
  const baselineBoxes = new Map<Element, { box: ReturnType<typeof helpers.box>; snippet: string }>();
  let lastWide: Element[] = [];
  const textEdits: [HTMLElement, string, string, string, string][] = [];

  const elements = (): Element[] => {
    const all = document.getElementsByTagName('*');
    const out: Element[] = [];
    for (let i = 0; i < all.length && out.length < limits.maxScan; i++) out.push(all[i]);
    return out;
  };

  const clips = (value: string) => value === 'hidden' || value === 'clip';
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

  /** The clipped-text fact for one element, or null when no visible text is cut off. */
  const clippedFact = (element: Element): (Omit<ClippedText, 'box'> & { element: Element }) | null => {
    if (element === document.documentElement || element === document.body) return null;
    const style = getComputedStyle(element);
    const clipX = clips(style.overflowX);
    const clipY = clips(style.overflowY);
    if (!clipX && !clipY) return null;
    const over = {
      x: clipX && element.scrollWidth > element.clientWidth + TOL,
      y: clipY && element.scrollHeight > element.clientHeight + TOL,
    };
    if (!over.x && !over.y) return null;
    const rect = element.getBoundingClientRect();
    // Visually hidden text (the sr-only pattern: 1 px box, clip) is meant to be cut off.
    if (rect.width <= 2 || rect.height <= 2) return null;
    if ((style.clip !== 'auto' && style.clip !== '') || style.clipPath !== 'none') return null;
    if (!helpers.isVisible(element) || element.closest('[aria-hidden="true"], [inert]')) return null;
    const inner = {
      left: rect.left + element.clientLeft,
      top: rect.top + element.clientTop,
      right: rect.left + element.clientLeft + element.clientWidth,
      bottom: rect.top + element.clientTop + element.clientHeight,
    };
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let hiddenText = '';
    let hiddenPx = 0;
    // 200 text nodes is far more than any box that clips text holds; it bounds the work on odd pages.
    for (let node = walker.nextNode(), n = 0; node && n < 200; node = walker.nextNode(), n++) {
      const text = node.textContent ?? '';
      if (!text.trim() || !node.parentElement || !helpers.isVisible(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of Array.from(range.getClientRects())) {
        if (line.width === 0 || line.height === 0) continue;
        const pastX = over.x ? Math.max(line.right - inner.right, inner.left - line.left) : 0;
        const pastY = over.y ? Math.max(line.bottom - inner.bottom, inner.top - line.top) : 0;
        // A line counts as cut off when more than the tolerance (and a third of a glyph box) is outside.
        const past = Math.max(pastX, pastY);
        if (past > TOL && past > (pastY > pastX ? line.height : 1) / 3) {
          hiddenPx = Math.max(hiddenPx, Math.round(past));
          if (!hiddenText) hiddenText = flat(text).slice(0, 60);
        }
      }
    }
    if (!hiddenText) return null;
    return {
      element,
      selector: helpers.selector(element),
      snippet: helpers.snippet(element),
      axis: over.x && over.y ? 'both' : over.x ? 'x' : 'y',
      hiddenPx,
      hiddenText,
      ellipsis: style.textOverflow === 'ellipsis',
    };
  };

  const clippedNow = () => {
    const found = elements().map(clippedFact).filter((fact) => fact !== null);
    // Keep the innermost clipping box: an outer one clips the same text again.
    return found.filter((fact) => !found.some((other) => other !== fact && fact.element.contains(other.element)));
  };

  const takeBaseline = (): number => {
    const now = clippedNow();
    baseline = new Set(now.map((fact) => fact.element));
    for (const element of elements()) {
      const style = getComputedStyle(element);
      if (clips(style.overflowX) || clips(style.overflowY)) baselineBoxes.set(element, { box: helpers.box(element), snippet: helpers.snippet(element) });
    }
    return baseline.size;
  };

  const newlyClipped = (): ClippedText[] =>
    clippedNow()
      .filter((fact) => !baseline?.has(fact.element))
      .slice(0, limits.maxReported)
      .map(({ element, ...fact }) => {
        // Box and markup as they were before the change: that is what the screenshot and the author see.
        const before = baselineBoxes.get(element);
        return { ...fact, snippet: before?.snippet ?? fact.snippet, box: before?.box ?? null };
      });

  const TWO_D = new Set(['table', 'pre', 'code', 'img', 'svg', 'canvas', 'video', 'iframe', 'object', 'embed', 'map', 'picture']);

  const horizontal = () => {
    const root = document.documentElement;
    const viewportWidth = root.clientWidth;
    const scrollWidth = root.scrollWidth;
    const startX = scrollX;
    scrollTo(100_000, scrollY);
    const scrollable = scrollX > TOL;
    scrollTo(startX, scrollY);
    lastWide = [];
    const wide: WideElement[] = [];
    if (scrollWidth <= viewportWidth + TOL) return { viewportWidth, scrollWidth, scrollable, wide };
    const offenders = new Set<Element>();
    const all = elements();
    for (const element of all) {
      if (element === root || element === document.body) continue;
      const rect = element.getBoundingClientRect();
      if (rect.right + scrollX <= viewportWidth + TOL || rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.position === 'fixed' || !helpers.isVisible(element)) continue;
      // Inside its own horizontal scroller or clipped by an ancestor: it does not widen the page.
      let contained = false;
      for (let node = element.parentElement; node && node !== document.body && node !== root; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX !== 'visible') {
          contained = true;
          break;
        }
      }
      if (!contained) offenders.add(element);
    }
    for (const element of offenders) {
      if (element.parentElement && offenders.has(element.parentElement)) continue;
      const rect = element.getBoundingClientRect();
      const hasText = flat((element as HTMLElement).innerText ?? element.textContent ?? '').length > 0;
      lastWide.push(element);
      wide.push({
        selector: helpers.selector(element),
        snippet: helpers.snippet(element),
        tag: element.localName,
        right: Math.round(rect.right + scrollX),
        width: Math.round(rect.width),
        hasText,
        twoDimensional: TWO_D.has(element.localName) || !!element.closest('table, pre, [role="application"], [role="grid"]'),
        box: null,
      });
    }
    const order = wide.map((fact, i) => [fact, lastWide[i]] as const).sort((a, b) => b[0].right - a[0].right).slice(0, limits.maxReported);
    lastWide = order.map(([, element]) => element);
    return { viewportWidth, scrollWidth, scrollable, wide: order.map(([fact]) => fact) };
  };

  const wideBoxes = () => lastWide.map((element) => helpers.box(element));

  const SPACING_ID = '__welcomemat-text-spacing';
  const applyTextSpacing = () => {
    if (document.getElementById(SPACING_ID)) return;
    const style = document.createElement('style');
    style.id = SPACING_ID;
    // The WCAG 1.4.12 values, as in the well-known text-spacing bookmarklet.
    style.textContent =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    document.head.appendChild(style);
  };
  const removeTextSpacing = () => document.getElementById(SPACING_ID)?.remove();

  const enlargeText = (factor: number): number => {
    const targets = elements().filter((element): element is HTMLElement => element instanceof HTMLElement);
    // Read every size first: setting a parent's size must not compound into its children's.
    const sizes = targets.map((element) => {
      const style = getComputedStyle(element);
      return [parseFloat(style.fontSize), style.lineHeight] as const;
    });
    targets.forEach((element, i) => {
      const [size, lineHeight] = sizes[i];
      if (!(size > 0)) return;
      textEdits.push([
        element,
        element.style.getPropertyValue('font-size'),
        element.style.getPropertyPriority('font-size'),
        element.style.getPropertyValue('line-height'),
        element.style.getPropertyPriority('line-height'),
      ]);
      element.style.setProperty('font-size', `${size * factor}px`, 'important');
      // A px line height does not follow the font size; text-only zoom scales it too.
      if (lineHeight.endsWith('px')) element.style.setProperty('line-height', `${parseFloat(lineHeight) * factor}px`, 'important');
    });
    return textEdits.length;
  };
  const restoreText = () => {
    for (const [element, size, sizePriority, lineHeight, lineHeightPriority] of textEdits.splice(0)) {
      element.style.setProperty('font-size', size, sizePriority);
      element.style.setProperty('line-height', lineHeight, lineHeightPriority);
    }
  };

  window.__wmLayout = {
    newlyClipped,
    takeBaseline,
    hasBaseline: () => baseline !== null,
    horizontal,
    wideBoxes,
    applyTextSpacing,
    removeTextSpacing,
    enlargeText,
    restoreText,
  };
}

/** Elements scanned per measurement; bounds the time on huge DOMs. */
const MAX_SCAN = 8_000;
/** Sub-pixel layout and rounding make 1–2 px differences meaningless; 3 px is a real overflow. */
const TOLERANCE_PX = 3;
/** Enough examples to act on; more are the same template repeated. */
const MAX_REPORTED = 20;

interface SharedLayoutPage {
  page: Promise<Page>;
  /** True while a gatherer is using it; left true when one failed or timed out mid-way. */
  busy: boolean;
}

/** One fresh page per audited page, shared by reflow, text resize and text spacing, each restoring it after use. */
const sharedPages = new WeakMap<GatherContext['openFreshPage'], SharedLayoutPage>();

/**
 * Runs `work` on the layout page shared by the layout gatherers of this audited page.
 * A gatherer that did not finish leaves the page in an unknown state; the next one
 * then opens a new page.
 */
export async function withLayoutPage<T>(context: GatherContext, work: (page: Page) => Promise<T>): Promise<T> {
  let shared = sharedPages.get(context.openFreshPage);
  if (!shared || shared.busy) {
    const page = (async () => {
      const fresh = await freshDesktopPage(context);
      await fresh.evaluate(installLayoutProbe, { maxScan: MAX_SCAN, tolerance: TOLERANCE_PX, maxReported: MAX_REPORTED });
      return fresh;
    })();
    shared = { page, busy: false };
    sharedPages.set(context.openFreshPage, shared);
  }
  shared.busy = true;
  const page = await shared.page;
  const result = await work(page);
  shared.busy = false;
  return result;
}

/** Makes sure the baseline (clipped text at the desktop viewport, untouched) has been recorded. */
export async function ensureBaseline(page: Page): Promise<void> {
  const viewport = page.viewport();
  if (!viewport || viewport.width !== DESKTOP_VIEWPORT.width) await page.setViewport({ ...DESKTOP_VIEWPORT });
  await page.evaluate(() => {
    if (!window.__wmLayout!.hasBaseline()) window.__wmLayout!.takeBaseline();
  });
}
