// The in-page half of the widget walk: finds dialogs, disclosures, menus, tabs, role=button, tooltips, accesskeys and live alerts, and reads what a key press did.
import type { Box } from '../model/finding.js';

/** The kinds of widget the walk tries, in the order it tries them. */
export type WidgetKind = 'dialog' | 'disclosure' | 'menu' | 'hover-menu' | 'tabs' | 'role-button' | 'tooltip';

/** One widget found in the page: where it is and what the walk needs to try it. */
export interface WidgetCandidate {
  kind: WidgetKind;
  /** Index in the probe's own list of candidates, for later calls. */
  index: number;
  selector: string;
  snippet: string;
  box: Box | null;
  name: string;
  /** The element's own tag and role: a native button behaves differently from a div with role=button. */
  tag: string;
  role: string;
  /** Whether the element can take focus (tabIndex >= 0 or natively focusable). */
  focusable: boolean;
}

/** Live regions whose text appeared and went again while the walk watched. */
export interface AlertSeen {
  selector: string;
  snippet: string;
  text: string;
  role: string;
  /** Milliseconds the text was shown; an upper bound when it was there before the probe started (counted from the page's start). */
  shownMs: number;
  /** True when the text was there before the probe started, so shownMs counts from the page's navigation start. */
  sinceLoad: boolean;
}

export interface AccesskeySeen {
  selector: string;
  snippet: string;
  box: Box | null;
  key: string;
  /** Other elements of the page with the same key. */
  sameKey: number;
}

/** What a key press did, read after it. */
export interface PressEffect {
  /** DOM mutations since the probe was armed (attributes, nodes, text). */
  mutations: number;
  /** Whether a click event reached the element (natively or from a script). */
  clicked: boolean;
  /** Whether a handler cancelled the key's default action (it handled the key). */
  prevented: boolean;
}

export interface WidgetProbe {
  candidates(): WidgetCandidate[];
  accesskeys(): AccesskeySeen[];
  /** Focuses a candidate by script; true when it has focus afterwards. */
  focus(index: number): boolean;
  /** Starts counting mutations, clicks and handled keys from now. */
  arm(index: number): void;
  effect(): PressEffect;
  /** A short string of the page's widget state (expanded, selected, open, hidden, dialogs): equal strings, same state. */
  fingerprint(): string;
  /** aria-expanded of the candidate ("true"/"false"/""), or details' open state. */
  expanded(index: number): string;
  /** Whether what the candidate controls (aria-controls, details, a menu next to it) is visible; null when it names nothing that exists. */
  controlledVisible(index: number): boolean | null;
  /** Selectors of the dialogs (and page-covering overlays) visible now. */
  openDialogs(): string[];
  /** Where focus is relative to an element: in it, on the body, or elsewhere. */
  focusIn(selector: string): 'in' | 'body' | 'out';
  /** Whether focus is on the candidate (or inside it). */
  focusOnCandidate(index: number): boolean;
  /** Focuses the first focusable element inside `selector`; false when it has none. */
  focusFirstIn(selector: string): boolean;
  /** Focusable elements inside `selector` (capped). */
  focusablesIn(selector: string): number;
  /** Focuses a close button of the dialog (by its name); false when there is none. */
  focusCloseButton(selector: string): boolean;
  /** Whether the candidate's tooltip (or the menu of a hover menu) is shown now. */
  popupShown(index: number): boolean;
  /** Centre of the candidate in viewport coordinates, scrolled into view first. */
  centre(index: number): { x: number; y: number } | null;
  /** Tabs: the selected (or first) tab is focused; returns its position and the count of tabs and of tabs in the Tab order. */
  focusTab(index: number): { at: number; tabs: number; tabbable: number } | null;
  /** Tabs: which tab of the list has focus now (-1: none) and which is selected. */
  tabState(index: number): { focused: number; selected: number };
  /** Hover menus: whether focus is now on one of the submenu's links. */
  focusInPopup(index: number): boolean;
  /** Live regions: starts watching their text (called first, so the whole walk is watched). */
  watchAlerts(): void;
  /** Live region texts that appeared and went, and how many are still shown and how old they are (ms). */
  alerts(): { gone: AlertSeen[]; shown: { since: number; sinceLoad: boolean }[] };
}

declare global {
  interface Window {
    __wmWidgets?: WidgetProbe;
  }
}

/**
 * Installs `window.__wmWidgets`. Runs inside the page (serialised by puppeteer), so it uses
 * nothing from outside its own body except `window.__welcomemat`.
 */
export function installWidgetProbe(limits: { perKind: Record<WidgetKind, number>; maxAccesskeys: number; maxLiveRegions: number }): void {
  if (window.__wmWidgets) return;
  const helpers = window.__welcomemat!;
  const list: { element: Element; kind: WidgetKind; popup: Element | null }[] = [];
  const NATIVE_FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
  const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
  const DIALOG_TRIGGER = '[aria-haspopup="dialog"], [data-toggle="modal"], [data-bs-toggle="modal"], [data-lightbox], [data-fancybox], a[rel^="lightbox"], [data-toggle="lightbox"], a.lightbox, a.glightbox';
  const LIVE = '[role="alert"], [role="status"], [aria-live="assertive"], [aria-live="polite"]';
  const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const focusable = (element: Element) => (element as HTMLElement).tabIndex >= 0 && !(element as HTMLButtonElement).disabled;
  const visible = (element: Element | null): boolean => {
    if (!element || !element.isConnected || !helpers.isVisible(element)) return false;
    const style = getComputedStyle(element);
    if (parseFloat(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  // 80 characters names an element; more is page content, not a name.
  const nameOf = (element: Element) => flat(element.getAttribute('aria-label') || (element as HTMLElement).innerText || element.getAttribute('title') || element.querySelector('img[alt]')?.getAttribute('alt')).slice(0, 80);
  const roleOf = (element: Element) => (element.getAttribute('role') ?? '').trim().split(/\s+/)[0];
  const byIds = (ids: string | null): Element[] => (ids ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)).filter((e): e is HTMLElement => !!e);
  const deepActive = (): Element | null => {
    let active: Element | null = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const taken = new Set<Element>();
  const add = (kind: WidgetKind, element: Element, popup: Element | null) => {
    if (taken.has(element)) return;
    if (list.filter((entry) => entry.kind === kind).length >= limits.perKind[kind]) return;
    if (!visible(element) || element.closest('[aria-hidden="true"], [inert], [disabled], [aria-disabled="true"]')) return;
    taken.add(element);
    list.push({ element, kind, popup });
  };
  const query = (selector: string): Element[] => {
    try {
      return Array.from(document.querySelectorAll(selector));
    } catch {
      return [];
    }
  };

  const findCandidates = () => {
    // Dialog triggers: named by aria-haspopup, a modal or lightbox library's attributes, or aria-controls pointing at a dialog.
    const groups = new Set<string>();
    for (const element of query(`${DIALOG_TRIGGER}, [aria-controls]`)) {
      const controlled = byIds(element.getAttribute('aria-controls'))[0] ?? null;
      const isTrigger = element.matches(DIALOG_TRIGGER) || !!controlled?.matches(DIALOG);
      if (!isTrigger) continue;
      // One trigger per lightbox gallery: the others open the same viewer.
      const group = element.getAttribute('data-lightbox') ?? element.getAttribute('data-fancybox') ?? element.getAttribute('rel') ?? '';
      if (group && groups.has(group)) continue;
      if (group) groups.add(group);
      add('dialog', element, controlled);
    }
    // Menus: a button that says it opens one (aria-haspopup) or controls a role=menu.
    for (const element of query('[aria-haspopup]:not([aria-haspopup="false"]):not([aria-haspopup="dialog"]), [aria-controls]')) {
      const controlled = byIds(element.getAttribute('aria-controls'))[0] ?? null;
      if (!element.hasAttribute('aria-haspopup') && !controlled?.matches('[role="menu"], [role="listbox"]')) continue;
      add('menu', element, controlled);
    }
    // Disclosures and accordions: aria-expanded on a button-like element, and <summary>; at most two per group (an accordion is one pattern).
    const perParent = new Map<Element | null, number>();
    for (const element of query('button[aria-expanded], [role="button"][aria-expanded], a[aria-expanded], details > summary')) {
      // An accordion's buttons share a grandparent (heading, then item or list); the page's own sections are no group.
      const grand = element.parentElement?.parentElement ?? null;
      const group = grand && !grand.matches('body, main, section, article, form, [role="main"]') ? grand : element;
      const seen = perParent.get(group) ?? 0;
      if (seen >= 2) continue;
      const popup = element.localName === 'summary' ? element.parentElement : (byIds(element.getAttribute('aria-controls'))[0] ?? null);
      const before = list.length;
      add('disclosure', element, popup);
      if (list.length > before) perParent.set(group, seen + 1);
    }
    // Drop-down navigation without ARIA: a list item whose nested list is hidden until hovered.
    for (const item of query('nav li')) {
      const sub = item.querySelector(':scope > ul, :scope > div > ul, :scope > div');
      const top = item.querySelector(':scope > a[href], :scope > button, :scope > span, :scope > div > a[href]');
      if (!sub || !top || visible(sub) || !sub.querySelector('a[href]') || top.hasAttribute('aria-expanded') || top.hasAttribute('aria-haspopup')) continue;
      add('hover-menu', item, sub);
    }
    for (const tablist of query('[role="tablist"]')) {
      if (tablist.querySelectorAll('[role="tab"]').length < 2) continue;
      add('tabs', tablist, null);
    }
    // role=button on an element that is not a button: what Enter and Space do is up to its scripts.
    for (const element of query('[role="button"]:not(button):not(input):not(summary)')) {
      if (!focusable(element)) continue;
      add('role-button', element, null);
    }
    const tips = new Set<Element>();
    // Tooltips: role=tooltip named by aria-describedby, a library's attribute, or a hidden tooltip element inside or right after the trigger.
    for (const element of query('[aria-describedby], [data-tooltip], [data-toggle="tooltip"], [data-bs-toggle="tooltip"], [data-tip]')) {
      const described = byIds(element.getAttribute('aria-describedby')).find((e) => e.matches('[role="tooltip"], .tooltip, .tooltiptext, .tooltip-text')) ?? null;
      if (element.hasAttribute('aria-describedby') && !described && !element.matches('[data-tooltip], [data-toggle="tooltip"], [data-bs-toggle="tooltip"], [data-tip]')) continue;
      if (described && visible(described)) continue;
      if (described) tips.add(described);
      add('tooltip', element, described);
    }
    for (const tip of query('[role="tooltip"], .tooltiptext, .tooltip-text')) {
      if (visible(tip) || tips.has(tip)) continue;
      const trigger = tip.parentElement && !tip.parentElement.matches('body, main, section, article') ? tip.parentElement : tip.previousElementSibling;
      if (trigger) add('tooltip', trigger, tip);
    }
  };

  // What a key press did: mutations, clicks on the element, cancelled keys.
  let mutations = 0;
  let clicked = false;
  let prevented = false;
  let armedOn: Element | null = null;
  new MutationObserver((records) => {
    mutations += records.length;
    onAlertMutation();
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('click', (event) => {
    if (armedOn && event.target instanceof Node && (armedOn === event.target || armedOn.contains(event.target))) clicked = true;
  }, true);
  // On window, in the bubbling phase: after the page's own handlers, so their preventDefault shows.
  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented && event.key !== 'Tab') prevented = true;
  });

  // Live regions: when their text shows and when it goes.
  const alertState = new Map<Element, { text: string; since: number; sinceLoad: boolean }>();
  const gone: AlertSeen[] = [];
  let watching = false;
  const regionText = (element: Element) => (visible(element) ? flat((element as HTMLElement).innerText) : '');
  const onAlertMutation = () => {
    if (!watching) return;
    const now = performance.now();
    const current = new Set(query(LIVE).slice(0, limits.maxLiveRegions));
    for (const [element, state] of alertState) {
      const text = current.has(element) ? regionText(element) : '';
      if (text === state.text) continue;
      if (state.text) {
        gone.push({ selector: element.isConnected ? helpers.selector(element) : '', snippet: helpers.snippet(element), text: state.text.slice(0, 120), role: roleOf(element) || `aria-live=${element.getAttribute('aria-live')}`, shownMs: Math.round(now - state.since), sinceLoad: state.sinceLoad });
      }
      if (text) alertState.set(element, { text, since: now, sinceLoad: false });
      else alertState.delete(element);
    }
    for (const element of current) {
      if (alertState.has(element)) continue;
      const text = regionText(element);
      if (text) alertState.set(element, { text, since: now, sinceLoad: false });
    }
  };

  const candidates = (): WidgetCandidate[] => {
    if (list.length === 0) findCandidates();
    return list.map(({ element, kind }, index) => ({
      kind,
      index,
      selector: helpers.selector(element),
      snippet: helpers.snippet(element),
      box: helpers.box(element),
      name: nameOf(element),
      tag: element.localName,
      role: roleOf(element),
      focusable: focusable(element) || element.matches(NATIVE_FOCUSABLE),
    }));
  };

  const accesskeys = (): AccesskeySeen[] => {
    const all = query('[accesskey]').filter((element) => flat(element.getAttribute('accesskey')));
    const count = new Map<string, number>();
    for (const element of all) {
      const key = flat(element.getAttribute('accesskey')).toLowerCase();
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return all.slice(0, limits.maxAccesskeys).map((element) => {
      const key = flat(element.getAttribute('accesskey')).toLowerCase();
      return { selector: helpers.selector(element), snippet: helpers.snippet(element), box: helpers.box(element), key, sameKey: (count.get(key) ?? 1) - 1 };
    });
  };

  const element = (index: number) => list[index]?.element ?? null;
  const find = (selector: string): Element | null => {
    try {
      return document.querySelector(selector);
    } catch {
      return null;
    }
  };
  const focusables = (root: Element) =>
    Array.from(root.querySelectorAll(`${NATIVE_FOCUSABLE}, [tabindex]`)).filter((e) => focusable(e) && visible(e)).slice(0, 50);

  const probe: WidgetProbe = {
    candidates,
    accesskeys,
    focus(index) {
      const target = element(index) as HTMLElement | null;
      if (!target) return false;
      target.scrollIntoView({ block: 'center' });
      target.focus();
      return deepActive() === target;
    },
    arm(index) {
      armedOn = element(index);
      mutations = 0;
      clicked = false;
      prevented = false;
    },
    effect: () => ({ mutations, clicked, prevented }),
    fingerprint() {
      const parts: string[] = [];
      for (const e of query('[aria-expanded], [aria-selected], [aria-pressed], details, dialog').slice(0, 400)) {
        parts.push(`${e.getAttribute('aria-expanded') ?? ''}${e.getAttribute('aria-selected') ?? ''}${e.getAttribute('aria-pressed') ?? ''}${(e as HTMLDetailsElement).open ? 'o' : ''}`);
      }
      return `${location.href}|${parts.join('')}|${probe.openDialogs().join(',')}|${document.body?.childElementCount ?? 0}`;
    },
    expanded(index) {
      const target = element(index);
      if (!target) return '';
      if (target.localName === 'summary') return (target.parentElement as HTMLDetailsElement | null)?.open ? 'true' : 'false';
      return target.getAttribute('aria-expanded') ?? '';
    },
    controlledVisible(index) {
      const entry = list[index];
      if (!entry) return null;
      if (entry.element.localName === 'summary') return (entry.element.parentElement as HTMLDetailsElement).open;
      const popup = entry.popup ?? byIds(entry.element.getAttribute('aria-controls'))[0] ?? null;
      return popup ? visible(popup) : null;
    },
    openDialogs() {
      const found: string[] = [];
      for (const dialog of query(DIALOG)) if (visible(dialog)) found.push(helpers.selector(dialog));
      // Lightboxes often have no role: a fixed layer covering at least 40 % of the viewport counts as one.
      for (const layer of query('body > *, body > * > *').slice(0, 300)) {
        if (getComputedStyle(layer).position !== 'fixed' || !visible(layer)) continue;
        const rect = layer.getBoundingClientRect();
        if (rect.width * rect.height >= 0.4 * innerWidth * innerHeight && !found.some((s) => find(s)?.contains(layer) || layer.contains(find(s)))) found.push(helpers.selector(layer));
      }
      return found;
    },
    focusIn(selector) {
      const active = deepActive();
      if (!active || active === document.body || active === document.documentElement) return 'body';
      const root = find(selector);
      return root && (root === active || root.contains(active)) ? 'in' : 'out';
    },
    focusOnCandidate(index) {
      const target = element(index);
      const active = deepActive();
      return !!target && !!active && (target === active || target.contains(active));
    },
    focusFirstIn(selector) {
      const root = find(selector);
      const first = root ? focusables(root)[0] : undefined;
      if (!first) return false;
      (first as HTMLElement).focus();
      return deepActive() === first;
    },
    focusablesIn(selector) {
      const root = find(selector);
      return root ? focusables(root).length : 0;
    },
    focusCloseButton(selector) {
      const root = find(selector);
      if (!root) return false;
      const close = focusables(root).find((e) => /close|dismiss|cerrar|fermer|schlie|chiudi|fechar|^\s*[×✕✖x]\s*$/i.test(`${e.getAttribute('aria-label') ?? ''} ${(e as HTMLElement).innerText ?? ''} ${e.getAttribute('title') ?? ''}`));
      if (!close) return false;
      (close as HTMLElement).focus();
      return deepActive() === close;
    },
    popupShown(index) {
      const entry = list[index];
      if (!entry) return false;
      if (entry.popup) return visible(entry.popup);
      // A tooltip drawn by CSS on ::before or ::after (data-tooltip): shown when it has content and is not hidden.
      for (const pseudo of ['::after', '::before']) {
        const style = getComputedStyle(entry.element, pseudo);
        if (style.content && style.content !== 'none' && style.content !== 'normal' && style.content !== '""' && style.display !== 'none' && style.visibility !== 'hidden' && parseFloat(style.opacity) > 0) return true;
      }
      return false;
    },
    centre(index) {
      const target = element(index);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const rect = target.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    },
    focusTab(index) {
      const tablist = element(index);
      if (!tablist) return null;
      const tabs = Array.from(tablist.querySelectorAll('[role="tab"]'));
      const selected = tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
      const at = selected >= 0 ? selected : 0;
      (tabs[at] as HTMLElement).focus();
      return { at, tabs: tabs.length, tabbable: tabs.filter(focusable).length };
    },
    tabState(index) {
      const tablist = element(index);
      const tabs = tablist ? Array.from(tablist.querySelectorAll('[role="tab"]')) : [];
      const active = deepActive();
      return { focused: tabs.findIndex((tab) => tab === active || tab.contains(active)), selected: tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true') };
    },
    focusInPopup(index) {
      const popup = list[index]?.popup;
      const active = deepActive();
      return !!popup && !!active && popup.contains(active);
    },
    watchAlerts() {
      if (watching) return;
      watching = true;
      // Text already shown was put there at some point since the page started: its age is at most performance.now().
      for (const region of query(LIVE).slice(0, limits.maxLiveRegions)) {
        const text = regionText(region);
        if (text) alertState.set(region, { text, since: 0, sinceLoad: true });
      }
    },
    alerts() {
      onAlertMutation();
      return { gone: [...gone], shown: [...alertState.values()].map((state) => ({ since: state.since, sinceLoad: state.sinceLoad })) };
    },
  };
  window.__wmWidgets = probe;
}
