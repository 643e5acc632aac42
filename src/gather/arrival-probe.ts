// In-page code that finds the layer a page shows on arrival (consent banner, newsletter pop-up) and reads what a keyboard or screen-reader user meets in it.

/** A consent platform, by the ids and classes of its banner and the address of its script. */
export interface ConsentPlatform {
  name: string;
  /** Selectors of the platform's banner or dialog, outermost first. */
  selectors: string[];
  /** A piece of the platform's script URL. */
  script: string;
}

/** The common consent management platforms on European small-business sites. */
export const CONSENT_PLATFORMS: ConsentPlatform[] = [
  { name: 'OneTrust', selectors: ['#onetrust-banner-sdk', '#onetrust-pc-sdk'], script: 'cookielaw.org' },
  { name: 'Cookiebot', selectors: ['#CybotCookiebotDialog'], script: 'cookiebot.com' },
  { name: 'Didomi', selectors: ['#didomi-popup', '#didomi-notice', '.didomi-popup-container'], script: 'didomi' },
  { name: 'Usercentrics', selectors: ['#uc-banner', '#usercentrics-cmp-ui', '#usercentrics-root'], script: 'usercentrics' },
  { name: 'CookieYes', selectors: ['.cky-consent-container', '#cookie-law-info-bar'], script: 'cookieyes' },
  { name: 'Complianz', selectors: ['.cmplz-cookiebanner', '#cmplz-cookiebanner-container'], script: 'complianz' },
  { name: 'Borlabs', selectors: ['#BorlabsCookieBox', '#BorlabsCookieWidget'], script: 'borlabs' },
  { name: 'Klaro', selectors: ['.klaro .cookie-modal', '.klaro .cookie-notice', '#klaro'], script: 'klaro' },
  { name: 'Osano', selectors: ['.osano-cm-dialog', '.osano-cm-window'], script: 'osano' },
  { name: 'Quantcast', selectors: ['#qc-cmp2-ui', '.qc-cmp2-container'], script: 'quantcast' },
  { name: 'iubenda', selectors: ['#iubenda-cs-banner'], script: 'iubenda' },
  { name: 'TrustArc', selectors: ['#truste-consent-track', '#consent_blackbar'], script: 'trustarc' },
  { name: 'Axeptio', selectors: ['#axeptio_overlay'], script: 'axeptio' },
  { name: 'tarteaucitron', selectors: ['#tarteaucitronRoot'], script: 'tarteaucitron' },
  { name: 'Cookie Notice', selectors: ['#cookie-notice'], script: 'cookie-notice' },
];

/** Every platform's banner selectors, as one selector list. */
export const PLATFORM_SELECTORS = CONSENT_PLATFORMS.flatMap((p) => p.selectors).join(', ');
/** Every platform's script address piece. */
export const PLATFORM_SCRIPTS = CONSENT_PLATFORMS.map((p) => p.script);

/** Runs inside the page: it loads a consent platform's script (a piece of its address in `scripts`) whose banner (`selectors`) is not drawn yet. */
export function consentPlatformPending(selectors: string, scripts: string[]): boolean {
  return !document.querySelector(selectors) && Array.from(document.scripts).some((s) => scripts.some((part) => s.src.toLowerCase().includes(part)));
}

/** One button or link in a layer, as the probe reads it. */
export interface RawControl {
  selector: string;
  /** A selector that stays true while the page changes around it (a data attribute the probe sets), for acting on the control. */
  handle: string;
  text: string;
  tag: string;
  role: string;
  /** Reachable with Tab: a native control or tabindex ≥ 0, not disabled. */
  focusable: boolean;
  /** Width × height in CSS pixels. */
  area: number;
  fontSize: number;
  /** A background colour of its own, different from the layer's: drawn as a button, not as text. */
  filled: boolean;
}

/** A layer over the page at load, as the probe reads it. */
export interface RawLayer {
  selector: string;
  /** A selector that stays true while the page changes around it (a data attribute the probe sets), for acting on the layer. */
  handle: string;
  snippet: string;
  /** The consent platform whose markup it is, or '' for a home-made one. */
  platform: string;
  /** Its visible text, at most 1,000 characters. */
  text: string;
  position: string;
  /** Share of the viewport the layer (with its backdrop) covers, 0–1. */
  covers: number;
  /** Behind it the page cannot be used: a backdrop over the viewport, aria-modal, a modal <dialog>, or scrolling switched off. */
  blocking: boolean;
  role: string;
  ariaModal: boolean;
  /** A <dialog> opened with showModal(). */
  nativeModal: boolean;
  /** Its accessible name (aria-labelledby, aria-label, title), '' when none. */
  name: string;
  /** The lang attribute on the layer or an element between it and <body>, '' when it inherits the page's. */
  ownLang: string;
  hasEmailField: boolean;
  controls: RawControl[];
  /** Focus is inside the layer when the page has loaded. */
  focusInside: boolean;
  /** Tab presses from the top of the page to its first focusable control; -1 when none is focusable. */
  tabsToReach: number;
  /** The page's main content is aria-hidden or inert while the layer is open. */
  pageHidden: boolean;
}

export interface RawArrival {
  pageLang: string;
  layers: RawLayer[];
}

/**
 * Runs inside the page (serialised by puppeteer): finds at most one consent layer and one
 * other arrival layer, by platform markup first, then by any fixed or sticky layer, dialog or
 * modal over the viewport whose text carries consent or newsletter wording.
 */
export function probeArrival(platforms: ConsentPlatform[], consentPattern: string, newsletterPattern: string): RawArrival {
  const helpers = window.__welcomemat!;
  const consentRe = new RegExp(consentPattern, 'i');
  const newsletterRe = new RegExp(newsletterPattern, 'i');
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el: Element) => {
    if (!helpers.isVisible(el)) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  };
  const positionOf = (el: Element): { root: Element; position: string } | null => {
    let node: Element | null = el;
    let found: { root: Element; position: string } | null = null;
    while (node && node !== document.body && node !== document.documentElement) {
      const position = getComputedStyle(node).position;
      if (position === 'fixed' || position === 'sticky') found = { root: node, position };
      node = node.parentElement;
    }
    return found;
  };
  const isModalDialog = (el: Element) => el.localName === 'dialog' && (el as HTMLDialogElement).open && el.matches(':modal');
  const candidates: { el: Element; platform: string }[] = [];
  const seen = new Set<Element>();
  const add = (el: Element, platform: string) => {
    if (seen.has(el)) return;
    for (const other of seen) if (other.contains(el)) return;
    seen.add(el);
    candidates.push({ el, platform });
  };
  for (const platform of platforms) {
    for (const selector of platform.selectors) {
      const el = document.querySelector(selector);
      if (el && visible(el)) {
        add(el, platform.name);
        break;
      }
    }
  }
  for (const el of Array.from(document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]'))) {
    if (visible(el)) add(el, '');
  }
  // What lies on top at a grid of points over the viewport, plus the top and bottom strips where banners sit.
  const points: [number, number][] = [];
  for (const fx of [0.1, 0.3, 0.5, 0.7, 0.9]) for (const fy of [0.02, 0.25, 0.5, 0.75, 0.98]) points.push([fx * vw, fy * vh]);
  for (const fx of [0.1, 0.5, 0.9]) points.push([fx * vw, vh - 40]);
  for (const [x, y] of points) {
    const hit = document.elementFromPoint(x, y);
    if (!hit) continue;
    const fixed = positionOf(hit);
    if (fixed && visible(fixed.root)) add(fixed.root, '');
  }
  const layers: RawLayer[] = [];
  // Most pages have nothing on top: they need none of the measuring below (every focusable
  // element's box, the page's scroll lock), which is most of this probe's cost.
  if (candidates.length === 0) return { pageLang: document.documentElement.getAttribute('lang') ?? '', layers };
  let consentFound = false;
  let otherFound = false;
  const focusables = Array.from(
    document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex], summary, iframe'),
  ).filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && visible(el));
  const scrollLocked = ['hidden', 'clip'].includes(getComputedStyle(document.body).overflowY) || ['hidden', 'clip'].includes(getComputedStyle(document.documentElement).overflowY);
  const main = document.querySelector('main, [role="main"]') ?? document.querySelector('h1');
  for (const { el, platform } of candidates) {
    const text = clean((el as HTMLElement).innerText).slice(0, 1000);
    const consent = platform !== '' || consentRe.test(text);
    const newsletter = !consent && newsletterRe.test(text) && (!!el.querySelector('input[type="email"], input[name*="mail" i]') || /%|€|\$|£/.test(text));
    if (consent ? consentFound : !newsletter || otherFound) continue;
    // A site header or navigation bar that happens to stick is not an arrival layer.
    if (!consent && (el.localName === 'header' || el.localName === 'nav' || el.querySelector('nav'))) continue;
    if (consent) consentFound = true;
    else otherFound = true;
    const rect = el.getBoundingClientRect();
    const area = (r: DOMRect) => Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    let covers = area(rect) / (vw * vh);
    // A backdrop is a fixed element of (nearly) the whole viewport, under the layer or around it.
    const backdropAt = document.elementsFromPoint(vw * 0.02, vh * 0.5).find((hit) => {
      if (el.contains(hit) && hit !== el) return false;
      // Its own backdrop only: around it, or right beside it; another layer's backdrop is that layer's.
      const emptySibling = (hit.nextElementSibling === el || hit.previousElementSibling === el) && hit.children.length === 0;
      if (!(hit === el || hit.contains(el) || emptySibling)) return false;
      const style = getComputedStyle(hit);
      const r = hit.getBoundingClientRect();
      return style.position === 'fixed' && area(r) >= 0.9 * vw * vh;
    });
    if (backdropAt) covers = Math.max(covers, 1);
    const ariaModal = el.getAttribute('aria-modal') === 'true' || !!el.querySelector('[aria-modal="true"]');
    const dialog = el.matches('[role="dialog"], [role="alertdialog"], dialog') ? el : el.querySelector('[role="dialog"], [role="alertdialog"], dialog');
    const nativeModal = isModalDialog(el) || !!(dialog && isModalDialog(dialog));
    const named = dialog ?? el;
    const labelledBy = clean(
      (named.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent ?? '' : ''))
        .join(' '),
    );
    const name = labelledBy || clean(named.getAttribute('aria-label')) || clean(named.getAttribute('title'));
    let ownLang = '';
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      if (node.hasAttribute('lang')) {
        ownLang = node.getAttribute('lang') ?? '';
        break;
      }
    }
    const layerBg = getComputedStyle(el).backgroundColor;
    const controls: RawControl[] = [];
    const controlSelector = 'button, a[href], input[type="button"], input[type="submit"], [role="button"], [onclick]';
    // Home-made "buttons": a div or span that shows a hand pointer or is classed as a button, with a short label.
    const lookalikes = Array.from(el.querySelectorAll<HTMLElement>('div, span, li, p, label')).filter((node) => {
      if (node.closest(controlSelector) || node.querySelector(controlSelector) || node.querySelector('div, p, li')) return false;
      const label = clean(node.innerText);
      return label.length > 0 && label.length <= 40 && (getComputedStyle(node).cursor === 'pointer' || /\b(btn|button|close)\b/i.test(node.className));
    });
    const controlElements = [...Array.from(el.querySelectorAll<HTMLElement>(controlSelector)), ...lookalikes];
    const layerIndex = layers.length;
    el.setAttribute('data-welcomemat-layer', String(layerIndex));
    for (const control of controlElements) {
      if (!visible(control) || controls.length >= 12) continue;
      control.setAttribute('data-welcomemat-control', `${layerIndex}-${controls.length}`);
      const style = getComputedStyle(control);
      const bg = style.backgroundColor;
      const transparent = bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg);
      const r = control.getBoundingClientRect();
      const native = control.matches('button, a[href], input');
      controls.push({
        selector: helpers.selector(control),
        handle: `[data-welcomemat-control="${layerIndex}-${controls.length}"]`,
        text: clean(control.getAttribute('aria-label') || control.innerText || (control as HTMLInputElement).value || control.getAttribute('title')).slice(0, 80),
        tag: control.localName,
        role: control.getAttribute('role') ?? '',
        focusable: (native || control.hasAttribute('tabindex')) && control.tabIndex >= 0 && !(control as HTMLButtonElement).disabled,
        area: Math.round(r.width * r.height),
        fontSize: parseFloat(style.fontSize) || 0,
        filled: !transparent && bg !== layerBg,
      });
    }
    const firstInside = focusables.findIndex((f) => el.contains(f));
    let pageHidden = false;
    if (main && !el.contains(main)) {
      for (let node: Element | null = main; node && node !== document.documentElement; node = node.parentElement) {
        if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert')) {
          if (!node.contains(el)) pageHidden = true;
          break;
        }
      }
    }
    layers.push({
      selector: helpers.selector(el),
      handle: `[data-welcomemat-layer="${layerIndex}"]`,
      snippet: helpers.snippet(el),
      platform,
      text,
      position: getComputedStyle(el).position,
      covers: Math.round(Math.min(1, covers) * 100) / 100,
      // Half the viewport hidden behind a layer leaves too little of the page to use.
      blocking: !!backdropAt || ariaModal || nativeModal || scrollLocked || covers >= 0.5,
      role: (dialog ?? el).getAttribute('role') ?? (dialog?.localName === 'dialog' ? 'dialog' : ''),
      ariaModal,
      nativeModal,
      name,
      ownLang,
      hasEmailField: !!el.querySelector('input[type="email"], input[name*="mail" i]'),
      controls,
      focusInside: !!document.activeElement && document.activeElement !== document.body && el.contains(document.activeElement),
      tabsToReach: firstInside,
      pageHidden,
    });
  }
  return { pageLang: document.documentElement.getAttribute('lang') ?? '', layers };
}

/** Runs inside the page: whether the layer at `selector` is gone (removed or no longer visible). */
export function layerGone(selector: string): boolean {
  const el = document.querySelector(selector);
  if (!el || !el.isConnected) return true;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return true;
  }
  const rect = el.getBoundingClientRect();
  return rect.width <= 1 || rect.height <= 1 || rect.bottom <= 0 || rect.top >= window.innerHeight;
}

/** Runs inside the page after the layer closed: where focus went, and whether the page is still hidden from assistive technology. */
export function afterDismissal(selector: string): { focusLeftInLayer: boolean; focusInvisible: boolean; pageStillHidden: boolean } {
  const el = document.querySelector(selector);
  const active = document.activeElement;
  const onPage = !!active && active !== document.body && active !== document.documentElement;
  const focusLeftInLayer = onPage && !!el && el.contains(active);
  const focusInvisible = onPage && !!active && !window.__welcomemat!.isVisible(active);
  let pageStillHidden = false;
  const main = document.querySelector('main, [role="main"]') ?? document.querySelector('h1');
  for (let node: Element | null = main; node && node !== document.documentElement; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert')) {
      pageStillHidden = true;
      break;
    }
  }
  return { focusLeftInLayer, focusInvisible, pageStillHidden };
}

/** Runs inside the page: hides a layer that has no way to close it, and gives the page back its scrolling and its place in the accessibility tree. */
export function hideLayer(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.style.setProperty('display', 'none', 'important');
  for (const node of [document.documentElement, document.body]) {
    if (['hidden', 'clip'].includes(getComputedStyle(node).overflowY)) node.style.setProperty('overflow', 'auto', 'important');
  }
  for (const hidden of Array.from(document.querySelectorAll('body > [aria-hidden="true"], body > [inert]'))) {
    hidden.removeAttribute('aria-hidden');
    hidden.removeAttribute('inert');
  }
}
