// Loads the page with prefers-reduced-motion: reduce and records motion still running, self-advancing carousels and media playing sound.
import type { Box } from '../model/finding.js';
import type { Gatherer } from './gatherer.js';
import { withOwnPage } from './interaction-page.js';

export interface RunningAnimation {
  selector: string;
  snippet: string;
  box: Box | null;
  /** css-animation, css-transition or script (Web Animations API). */
  type: 'css-animation' | 'css-transition' | 'script';
  /** The @keyframes name for CSS animations. */
  name: string;
  /** Properties the keyframes change. */
  properties: string[];
  /** Whether the properties move things (transform, position, size, background position), not just fade or recolour. */
  moves: boolean;
  infinite: boolean;
  /** One iteration's duration in ms. */
  durationMs: number;
  /** All iterations together; null when infinite. */
  totalMs: number | null;
}

export interface CarouselFact {
  selector: string;
  snippet: string;
  box: Box | null;
  /** The region changed by itself after its timers fired (or while the page sat loaded). */
  advanced: boolean;
  /** A control named pause, stop or play in or next to the region. */
  hasPauseControl: boolean;
  /** Timers of carousel-like delay that fired during the sample. */
  timersFired: number;
}

export interface MediaFact {
  selector: string;
  snippet: string;
  box: Box | null;
  tag: 'video' | 'audio';
  autoplayAttribute: boolean;
  paused: boolean;
  muted: boolean;
  volume: number;
  /** Seconds; null when unknown or infinite (a stream). */
  durationS: number | null;
  /** Playing with sound right now: not paused, not muted, volume above zero. */
  playingWithSound: boolean;
  /**
   * Asked to play with sound on load (autoplay attribute or a script's play()), unmuted,
   * and loadable. The audit's browser blocks sound without a user gesture, as many
   * visitors' browsers do, but not all: some allow it on sites people visit often.
   */
  triedWithSound: boolean;
  /** The media failed to load (so it could not play at all). */
  loadError: boolean;
  /** A script called play() while the media was unmuted (rather than the autoplay attribute). */
  scriptPlayedUnmuted: boolean;
}

export interface MotionArtifact {
  reducedMotion: true;
  animations: RunningAnimation[];
  carousels: CarouselFact[];
  media: MediaFact[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    motion: MotionArtifact;
  }
}

/** One page load plus two in-page reads, no fixed waits: 4 s allows for a slow page load. */
export const MOTION_BUDGET_MS = 4_000;
/**
 * Carousel intervals are 2–10 s; a timer between 1 s and 20 s is a candidate. Shorter
 * ones are animation or polling ticks, longer ones are rare for slides.
 */
const CAROUSEL_TIMER_MIN_MS = 1_000;
const CAROUSEL_TIMER_MAX_MS = 20_000;
/** Enough to judge a page; a page with more carousels or animations repeats itself. */
const MAX_ITEMS = 20;

/**
 * Installed before any page script: records timers with carousel-like delays so the
 * gatherer can fire them once instead of waiting seconds for a slide to change. A
 * timer is a plain function of the page, so calling it early is what the page itself
 * would do later; it runs in a throwaway tab.
 */
function instrumentTimers(limits: { min: number; max: number }): void {
  type Timer = { callback: () => void; fired: boolean; cleared: boolean; repeat: boolean };
  const timers = new Map<number, Timer>();
  const originalSetTimeout = window.setTimeout.bind(window);
  const originalSetInterval = window.setInterval.bind(window);
  const originalClearTimeout = window.clearTimeout.bind(window);
  const originalClearInterval = window.clearInterval.bind(window);
  const remember = (id: number, handler: unknown, delay: unknown, repeat: boolean, args: unknown[]) => {
    const ms = Number(delay) || 0;
    if (typeof handler !== 'function' || ms < limits.min || ms > limits.max) return;
    const timer: Timer = { callback: () => (handler as (...a: unknown[]) => void)(...args), fired: false, cleared: false, repeat };
    timers.set(id, timer);
  };
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = originalSetTimeout(handler, delay, ...args) as unknown as number;
    remember(id, handler, delay, false, args);
    return id;
  }) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = originalSetInterval(handler, delay, ...args) as unknown as number;
    remember(id, handler, delay, true, args);
    return id;
  }) as typeof window.setInterval;
  window.clearTimeout = ((id?: number) => {
    const timer = id === undefined ? undefined : timers.get(id);
    if (timer) timer.cleared = true;
    originalClearTimeout(id);
  }) as typeof window.clearTimeout;
  window.clearInterval = ((id?: number) => {
    const timer = id === undefined ? undefined : timers.get(id);
    if (timer) timer.cleared = true;
    originalClearInterval(id);
  }) as typeof window.clearInterval;
  // Remember which media a script asked to play, and whether they were muted then.
  const played = new WeakMap<HTMLMediaElement, boolean>();
  (window as unknown as { __wmPlayed: WeakMap<HTMLMediaElement, boolean> }).__wmPlayed = played;
  const originalPlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
    played.set(this, this.muted || this.volume === 0);
    return originalPlay.call(this);
  };
  (window as unknown as { __wmFireTimers: () => number }).__wmFireTimers = () => {
    let fired = 0;
    // Snapshot first: callbacks that set new timeouts (a self-rescheduling slider) must not fire twice.
    for (const timer of [...timers.values()]) {
      if (timer.cleared || (timer.fired && !timer.repeat)) continue;
      timer.fired = true;
      fired++;
      try {
        timer.callback();
      } catch {
        // A page's own error; the sample goes on.
      }
    }
    return fired;
  };
}

/** Runs inside the page after load. */
function readMotion(maxItems: number): MotionArtifact {
  const helpers = window.__welcomemat!;
  const MOVING = /^(transform|translate|rotate|scale|left|top|right|bottom|margin|width|height|background-position|offset)/;
  const SPINNER = /spin|load|progress|busy/i;

  const animations: RunningAnimation[] = [];
  for (const animation of document.getAnimations()) {
    if (animations.length >= maxItems) break;
    if (animation.playState !== 'running') continue;
    const effect = animation.effect as KeyframeEffect | null;
    const target = effect?.target;
    if (!effect || !target || !helpers.isVisible(target)) continue;
    if (target.closest('[role="progressbar"], [aria-busy="true"]') || SPINNER.test(`${target.className} ${target.id}`)) continue;
    const timing = effect.getComputedTiming();
    const properties = [...new Set(effect.getKeyframes().flatMap((frame) => Object.keys(frame)))].filter(
      (key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key),
    );
    const durationMs = typeof timing.duration === 'number' ? timing.duration : 0;
    const infinite = timing.iterations === Infinity;
    const type = animation instanceof CSSAnimation ? 'css-animation' : animation instanceof CSSTransition ? 'css-transition' : 'script';
    animations.push({
      selector: helpers.selector(target),
      snippet: helpers.snippet(target),
      box: helpers.box(target),
      type,
      name: animation instanceof CSSAnimation ? animation.animationName : animation instanceof CSSTransition ? animation.transitionProperty : animation.id,
      properties: properties.map((key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
      moves: properties.some((key) => MOVING.test(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))),
      infinite,
      durationMs,
      totalMs: infinite ? null : durationMs * (timing.iterations ?? 1),
    });
  }

  const played = (window as unknown as { __wmPlayed?: WeakMap<HTMLMediaElement, boolean> }).__wmPlayed;
  const media: MediaFact[] = Array.from(document.querySelectorAll<HTMLMediaElement>('video, audio'))
    .slice(0, maxItems)
    .map((element) => ({
      selector: helpers.selector(element),
      snippet: helpers.snippet(element),
      box: helpers.box(element),
      tag: element.localName as 'video' | 'audio',
      autoplayAttribute: element.hasAttribute('autoplay'),
      paused: element.paused,
      muted: element.muted,
      volume: element.volume,
      durationS: Number.isFinite(element.duration) ? element.duration : null,
      playingWithSound: !element.paused && !element.ended && !element.muted && element.volume > 0,
      triedWithSound:
        (element.hasAttribute('autoplay') || played?.get(element) === false) &&
        !element.muted &&
        element.volume > 0 &&
        !element.error &&
        element.readyState >= HTMLMediaElement.HAVE_METADATA,
      loadError: !!element.error,
      scriptPlayedUnmuted: played?.get(element) === false,
    }));
  return { reducedMotion: true, animations, carousels: [], media };
}

/** Runs inside the page: finds carousel-like regions and records a signature of their state. */
function carouselSignatures(maxItems: number): { selector: string; snippet: string; box: Box | null; signature: string; hasPauseControl: boolean; animated: boolean }[] {
  const helpers = window.__welcomemat!;
  const REGION =
    '[aria-roledescription*="carousel" i], [aria-roledescription*="slide" i], [data-carousel], [class*="carousel" i], [class*="slider" i], [class*="slideshow" i], [class*="swiper" i], [class*="slick" i], [class*="splide" i], [class*="glide" i], [id*="carousel" i], [id*="slider" i], [class*="marquee" i], marquee';
  const candidates = Array.from(document.querySelectorAll(REGION)).filter((element) => helpers.isVisible(element));
  const outermost = candidates.filter((element) => !candidates.some((other) => other !== element && other.contains(element))).slice(0, maxItems);
  const PAUSE = /pause|stop|play|halt|anhalten|pausa|arr[êe]t|pauze/i;
  const nameOf = (element: Element) =>
    `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''} ${(element as HTMLElement).innerText ?? ''} ${element.className}`;
  const running = document.getAnimations().filter((animation) => animation.playState === 'running');
  return outermost.map((region) => {
    const parts: string[] = [];
    // 300 descendants describe any carousel's state; beyond that the signature only costs time.
    for (const element of Array.from(region.querySelectorAll('*')).slice(0, 300)) {
      parts.push(`${element.className}|${element.getAttribute('style') ?? ''}|${element.getAttribute('aria-hidden') ?? ''}|${(element as HTMLElement).hidden ? 1 : 0}|${element.getAttribute('aria-current') ?? ''}|${element.scrollLeft}`);
    }
    const scope = region.parentElement ?? region;
    const controls = Array.from(scope.querySelectorAll('button, [role="button"], a, input[type="button"], input[type="checkbox"]'));
    return {
      selector: helpers.selector(region),
      snippet: helpers.snippet(region),
      box: helpers.box(region),
      signature: `${region.scrollLeft}#${parts.join(';')}`,
      hasPauseControl: controls.some((control) => PAUSE.test(nameOf(control))),
      animated: running.some((animation) => {
        const target = (animation.effect as KeyframeEffect | null)?.target;
        return !!target && region.contains(target) && (animation.effect?.getComputedTiming().iterations ?? 1) === Infinity;
      }),
    };
  });
}

export const motionGatherer: Gatherer<'motion'> = {
  artifact: 'motion',
  phase: 'interactive',
  budgetMs: () => MOTION_BUDGET_MS,
  gather: (context) =>
    withOwnPage(
      context,
      async (page) => {
        await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
        await page.evaluateOnNewDocument(instrumentTimers, { min: CAROUSEL_TIMER_MIN_MS, max: CAROUSEL_TIMER_MAX_MS });
      },
      async (page) => {
        const artifact = await page.evaluate(readMotion, MAX_ITEMS);
        const before = await page.evaluate(carouselSignatures, MAX_ITEMS);
        if (before.length === 0) return artifact;
        const timersFired = await page.evaluate(() => (window as unknown as { __wmFireTimers?: () => number }).__wmFireTimers?.() ?? 0);
        // Two frames let the fired callbacks' DOM changes land before the second sample.
        await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
        const after = await page.evaluate(carouselSignatures, MAX_ITEMS);
        artifact.carousels = before.map((region) => {
          const later = after.find((other) => other.selector === region.selector);
          return {
            selector: region.selector,
            snippet: region.snippet,
            box: region.box,
            advanced: region.animated || (!!later && later.signature !== region.signature),
            hasPauseControl: region.hasPauseControl,
            timersFired,
          };
        });
        return artifact;
      },
    ),
};
