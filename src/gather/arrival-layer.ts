// The layer a page shows on arrival (consent banner, newsletter pop-up): found, audited once per run as a keyboard and screen-reader user meets it, then closed the way a careful visitor would (refuse first, close otherwise).
import type { BrowserContext, Cookie, Page } from 'puppeteer';
import { evaluateTogether, inPage } from '../browser/evaluate-together.js';
import { afterDismissal, CONSENT_PLATFORMS, consentPlatformPending, hideLayer, layerGone, PLATFORM_SCRIPTS, PLATFORM_SELECTORS, probeArrival, type RawArrival, type RawLayer } from './arrival-probe.js';
import { CONSENT_PATTERN, controlPurpose, NEWSLETTER_PATTERN, wordingLanguage, type ControlPurpose } from './arrival-words.js';
import type { ScrollFacts } from './lazy-scroll.js';

/** One button or link in an arrival layer and what it does. */
export interface ArrivalControl {
  selector: string;
  /** A selector for acting on it during the visit (a data attribute the probe set). */
  handle: string;
  text: string;
  purpose: ControlPurpose;
  /** Reachable with Tab: a native control or tabindex ≥ 0, not disabled. */
  focusable: boolean;
  /** Width × height in CSS pixels. */
  area: number;
  fontSize: number;
  /** Drawn as a button (a background of its own), not as text. */
  filled: boolean;
}

/** How the layer was closed, and what closing it left behind. */
export interface ArrivalDismissal {
  /** refuse/close: its button, pressed with Enter (or clicked when Enter did nothing); escape: the Escape key; hidden: nothing closed it, so welcomemat hid it. */
  by: 'refuse' | 'close' | 'escape' | 'hidden';
  /** The layer closed from the keyboard (Enter on its button, or Escape). */
  byKeyboard: boolean;
  /** Only a mouse click on the button closed it: Enter on the focused button did nothing. */
  mouseOnly: boolean;
  /** Focus stayed on an element inside the closed layer. */
  focusLeftInLayer: boolean;
  /** Focus stayed on an element nobody can see. */
  focusInvisible: boolean;
  /** The page's main content was still aria-hidden or inert after the layer closed. */
  pageStillHidden: boolean;
}

/** A layer over the page at load that asks for consent or for a sign-up. */
export interface ArrivalLayer extends Omit<RawLayer, 'controls'> {
  kind: 'consent' | 'newsletter';
  /** The language its text is written in ('' when too short or mixed to tell). */
  wordingLang: string;
  controls: ArrivalControl[];
  /**
   * Audited in full on this page: the first page of the run the layer was met on. Elsewhere it
   * is only closed, and the keyboard facts below stay unmeasured.
   */
  audited: boolean;
  /** Tab presses from its first control never took focus out of it (a modal's focus trap; a keyboard trap when no key closes it). Measured where audited. */
  focusStaysInside?: boolean;
  /** How it was closed; absent when the audit keeps layers in place (keepBanner). */
  dismissal?: ArrivalDismissal;
}

export interface ArrivalArtifact {
  /** The page's <html lang>, as written. */
  pageLang: string;
  layers: ArrivalLayer[];
  /** How the page was scrolled through for lazy content (src/gather/lazy-scroll.ts); absent when it was not. */
  scroll?: ScrollFacts;
}

declare module './artifacts.js' {
  interface ArtifactMap {
    arrival: ArrivalArtifact;
  }
}

/** How long a layer may take to go once its button is pressed: banners fade out in a few hundred ms. */
const CLOSE_WAIT_MS = 1_500;
/** How long to wait for a consent platform whose script is on the page to draw its banner. */
const PLATFORM_WAIT_MS = 1_500;

/**
 * What the run remembers between pages: which layers were already audited (so a banner is
 * audited once, not on every page) and the cookies refusing set (given to every new browser
 * context, so the refusal holds for the rest of the site, as it would for a visitor).
 */
export class ArrivalMemory {
  private readonly audited = new Set<string>();
  private cookies: Cookie[] = [];
  private readonly seeded = new WeakSet<BrowserContext>();

  /** True the first time a layer with this key is met: this page audits it. */
  claimAudit(key: string): boolean {
    if (this.audited.has(key)) return false;
    this.audited.add(key);
    return true;
  }

  /** Gives a new context the consent cookies set so far; once per context. */
  async seed(context: BrowserContext): Promise<void> {
    if (this.seeded.has(context) || this.cookies.length === 0) return;
    this.seeded.add(context);
    await context.setCookie(...this.cookies).catch(() => undefined);
  }

  remember(context: BrowserContext, cookies: Cookie[]): void {
    this.seeded.add(context);
    const key = (c: Cookie) => `${c.name}|${c.domain}|${c.path}`;
    const kept = new Map(this.cookies.map((c) => [key(c), c]));
    for (const cookie of cookies) kept.set(key(cookie), cookie);
    this.cookies = [...kept.values()];
  }
}

function layerKey(layer: RawLayer, kind: string): string {
  // Its platform and opening words: positional selectors differ between page templates, the banner does not.
  return `${kind}|${layer.platform}|${layer.text.slice(0, 80)}`;
}

/**
 * The in-page reads that look for arrival layers once the page has loaded, to be run in one
 * round trip with the step's other reads (src/page/arrival-step.ts); needs the page helpers.
 */
export function lookForLayers() {
  return {
    platformPending: inPage(consentPlatformPending, PLATFORM_SELECTORS, PLATFORM_SCRIPTS),
    layers: probeLayers(),
  };
}

function probeLayers() {
  return inPage(probeArrival, CONSENT_PLATFORMS, CONSENT_PATTERN, NEWSLETTER_PATTERN);
}

/** What `lookForLayers` read. */
export interface FirstLook {
  /** A consent platform's script is on the page and its banner not drawn yet. */
  platformPending: boolean;
  layers: RawArrival;
}

async function waitGone(page: Page, selector: string): Promise<boolean> {
  return page
    .waitForFunction(layerGone, { polling: 'raf', timeout: CLOSE_WAIT_MS }, selector)
    .then(() => true)
    .catch(() => false);
}

/** Presses Tab from the layer's first control, once more than it has controls: does focus ever leave it? */
async function focusStaysInside(page: Page, layer: ArrivalLayer): Promise<boolean | undefined> {
  const first = layer.controls.find((c) => c.focusable);
  if (!first) return undefined;
  // Enough presses to pass every control once and come back round: a trap keeps focus inside.
  const presses = layer.controls.length + 2;
  await page.focus(first.handle).catch(() => undefined);
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate((sel: string) => {
      const el = document.querySelector(sel);
      const active = document.activeElement;
      return !!el && !!active && active !== document.body && el.contains(active);
    }, layer.handle);
    if (!inside) return false;
  }
  return true;
}

/** Closes the layer as a careful visitor would: its refuse (consent) or close button, by keyboard first; Escape; a click; else hides it. */
async function dismiss(page: Page, layer: ArrivalLayer): Promise<ArrivalDismissal> {
  const order: ControlPurpose[] = layer.kind === 'consent' ? ['refuse', 'close'] : ['close', 'refuse'];
  let target: ArrivalControl | undefined;
  for (const purpose of order) target ??= layer.controls.find((c) => c.purpose === purpose);
  const result: ArrivalDismissal = { by: 'hidden', byKeyboard: false, mouseOnly: false, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: false };
  let gone = false;
  if (target?.focusable) {
    await page.focus(target.handle).catch(() => undefined);
    await page.keyboard.press('Enter');
    gone = await waitGone(page, layer.handle);
    if (gone) Object.assign(result, { by: target.purpose, byKeyboard: true });
  }
  if (!gone) {
    // Escape from inside the layer: what a keyboard user tries when no button answers.
    const inside = layer.controls.find((c) => c.focusable);
    if (inside) await page.focus(inside.handle).catch(() => undefined);
    await page.keyboard.press('Escape');
    gone = await waitGone(page, layer.handle);
    if (gone) Object.assign(result, { by: 'escape', byKeyboard: true });
  }
  if (!gone && target) {
    await page.click(target.handle).catch(() => undefined);
    gone = await waitGone(page, layer.handle);
    // "Only a mouse click" is said of a button that takes focus but ignores Enter; one that cannot take focus is its own finding.
    if (gone) Object.assign(result, { by: target.purpose, mouseOnly: target.focusable });
  }
  if (gone) Object.assign(result, await page.evaluate(afterDismissal, layer.handle));
  else await page.evaluate(hideLayer, layer.handle);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  return result;
}

/**
 * Finds the page's arrival layers, audits each the first time the run meets it, and (unless
 * `keep`) closes them so the page's own findings are about the page. `look`: what
 * `lookForLayers` read after load. Needs the page helpers.
 */
export async function handleArrival(page: Page, memory: ArrivalMemory, keep: boolean, look: FirstLook): Promise<ArrivalArtifact> {
  let raw = look.layers;
  if (look.platformPending) {
    // The platform's script draws its banner after load: wait for it a little, then look again.
    await page.waitForSelector(PLATFORM_SELECTORS, { visible: true, timeout: PLATFORM_WAIT_MS }).catch(() => undefined);
    raw = (await evaluateTogether(page, { layers: probeLayers() })).layers;
  }
  const layers: ArrivalLayer[] = [];
  for (const found of raw.layers) {
    const kind: ArrivalLayer['kind'] = found.platform !== '' || new RegExp(CONSENT_PATTERN, 'i').test(found.text) ? 'consent' : 'newsletter';
    const layer: ArrivalLayer = {
      ...found,
      kind,
      wordingLang: wordingLanguage(found.text),
      controls: found.controls.map((c) => ({ ...c, purpose: controlPurpose(c.text) })),
      audited: memory.claimAudit(layerKey(found, kind)),
    };
    layers.push(layer);
  }
  const context = page.browserContext();
  for (const layer of layers) {
    if (layer.audited) {
      const stays = await focusStaysInside(page, layer);
      if (stays !== undefined) layer.focusStaysInside = stays;
    }
    if (keep) continue;
    const before = await context.cookies().catch(() => [] as Cookie[]);
    layer.dismissal = await dismiss(page, layer);
    const after = await context.cookies().catch(() => [] as Cookie[]);
    const known = new Set(before.map((c) => `${c.name}|${c.domain}|${c.path}|${c.value}`));
    const set = after.filter((c) => !known.has(`${c.name}|${c.domain}|${c.path}|${c.value}`));
    if (set.length > 0) memory.remember(context, set);
  }
  if (keep && layers.length > 0) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  return { pageLang: raw.pageLang, layers };
}
