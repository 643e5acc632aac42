// The in-page half of the keyboard walk: reads focus facts after each real key press, in one round trip per step.
import type { Box } from '../model/finding.js';

/** Why a focused element counts as obscured, and by what. */
export interface ObscuredFact {
  /** Selector of the fixed or sticky element on top. */
  by: string;
  /** all: every sampled point of the element is covered (WCAG 2.4.11); partly: some are. */
  covered: 'all' | 'partly';
}

/** Facts about one focused element, read right after the key press that focused it. */
export interface StopFacts {
  selector: string;
  tag: string;
  /** Explicit role, or the implicit one for common elements, or the tag name. */
  role: string;
  /** An approximate accessible name (aria-label, labelledby, label, text, alt, title), at most 80 characters. */
  name: string;
  snippet: string;
  /** Document coordinates at the desktop viewport. */
  box: Box | null;
  inMain: boolean;
  /** The tabindex attribute as written, parsed; null when absent. */
  tabIndex: number | null;
  /** Computed properties that differ focused versus unfocused; null when no unfocused snapshot exists. */
  styleChanges: string[] | null;
  /** Same tag, classes and role: elements that very likely share focus styles. */
  styleSignature: string;
  /** Padded clip for a pixel comparison, in document coordinates, when the element is fully in the viewport. */
  clip: Box | null;
  /**
   * Indicator properties (outline, box-shadow, border, background…) that a :focus,
   * :focus-visible or :focus-within rule matching this element declares with a visible
   * value, from the page's readable style sheets; empty when none does.
   */
  focusRule: string[];
  /** True when those rules draw on an ancestor (:focus-within on a field's wrapper), outside the element's own box. */
  focusRuleOnAncestor: boolean;
  obscured: ObscuredFact | null;
  /** True for an iframe: focus has moved into a frame whose insides this walk cannot follow (another origin). */
  isFrame: boolean;
  /** True for an element inside a same-origin frame: the walk follows focus into it; its selector goes through the frame. */
  inFrame?: boolean;
}

export interface StepResult {
  state: 'element' | 'body';
  /** Index in the walk where this element was first focused, or -1 when new. */
  seenAt: number;
  stop: StopFacts | null;
  /** Where the previously focused element now is: needed for its "unfocused" screenshot. */
  previousClipInView: boolean;
}

export interface ControlFact {
  selector: string;
  snippet: string;
  box: Box | null;
  role: string;
  /** What makes it look like a control. */
  evidence: { widgetRole: boolean; onclick: boolean; pointer: boolean };
  name: string;
}

export interface PositiveTabindexFact {
  selector: string;
  snippet: string;
  box: Box | null;
  tabIndex: number;
}

export interface InitFacts {
  hasMain: boolean;
  /** Fixed or sticky elements that are visible and at least a little big; focus can hide under these. */
  overlays: number;
  unfocusableControls: ControlFact[];
  positiveTabindex: PositiveTabindexFact[];
}

export interface SkipProbe {
  /** Selector of the target, where it exists. */
  targetSelector: string | null;
  href: string;
}

export interface KeyboardProbe {
  init(): InitFacts;
  step(record: boolean): StepResult;
  /** Where focus is now, as an index of the walk (-1: an element not seen yet, -2: body). */
  where(): number;
  /** Where focus is now and whether a fixed or sticky element hides it. */
  obscuredNow(): { at: number; obscured: ObscuredFact | null };
  skipCandidate(index: number): SkipProbe | null;
  focusSkipLink(index: number): boolean;
  /** Whether focus is now in or after the skip link's target. */
  landedInTarget(index: number, allowFollowing: boolean): { moved: boolean; landedOn: string };
}

declare global {
  interface Window {
    __wmKeyboard?: KeyboardProbe;
  }
}

/**
 * Installs `window.__wmKeyboard`. Runs inside the page (serialised by puppeteer), so it
 * uses nothing from outside its own body except `window.__welcomemat`.
 */
export function installKeyboardProbe(limits: { maxControls: number; maxScan: number; clipPadding: number; maxClipPadding: number; maxFocusRules: number }): void {
  if (window.__wmKeyboard) return;
  const helpers = window.__welcomemat!;
  const seen: Element[] = [];
  const focusedStyle = new Map<Element, string[]>();
  const unfocusedStyle = new Map<Element, string[]>();
  const overlays: Element[] = [];

  // Properties a focus indicator can change on the element or its ::before/::after.
  const OWN_PROPS = [
    'outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
    'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
    'border-top-width', 'border-bottom-width', 'border-top-style', 'border-bottom-style',
    'background-color', 'background-image', 'color', 'text-decoration-line', 'text-decoration-color',
    'opacity', 'transform', 'filter', 'font-weight', 'top', 'left', 'clip', 'clip-path', 'width', 'height',
  ];
  const PSEUDO_PROPS = ['content', 'background-color', 'box-shadow', 'border-bottom-color', 'border-bottom-width', 'outline-style', 'opacity', 'transform', 'width', 'height'];

  const styleOf = (element: Element): string[] => {
    const own = getComputedStyle(element);
    const values = OWN_PROPS.map((prop) => own.getPropertyValue(prop));
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      for (const prop of PSEUDO_PROPS) values.push(style.getPropertyValue(prop));
    }
    return values;
  };
  const propNames = [...OWN_PROPS, ...['::before', '::after'].flatMap((pseudo) => PSEUDO_PROPS.map((prop) => `${pseudo} ${prop}`))];

  const transparent = (color: string) => color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);

  /** A declared value that draws nothing: none, zero, transparent, or a keyword that only resets. */
  const nothing = (value: string) => value === '' || /^(none|hidden|0|0px|transparent|initial|inherit|unset|revert|revert-layer)$/i.test(value) || /rgba\([^)]*,\s*0\)$/i.test(value);
  /** Whether every length in a shadow is zero (a shadow that draws nothing). */
  const zeroShadow = (value: string) => (value.match(/-?\d*\.?\d+(px|em|rem)?/g) ?? []).every((n) => parseFloat(n) === 0);
  /**
   * The indicators a focus rule's declarations draw: outline, box-shadow, border,
   * background, underline. Colour alone is left out: a text colour change is weak
   * evidence, and computed styles catch a real one anyway.
   */
  const indicatorsOf = (style: CSSStyleDeclaration): string[] => {
    const found: string[] = [];
    const get = (name: string) => style.getPropertyValue(name).trim();
    const outlineStyle = get('outline-style');
    if ((outlineStyle && !nothing(outlineStyle)) || (!outlineStyle && (get('outline-width') || get('outline-color')) && !nothing(get('outline-width')) && !nothing(get('outline-color')))) found.push('outline');
    const shadow = get('box-shadow');
    if (shadow && !nothing(shadow) && !zeroShadow(shadow)) found.push('box-shadow');
    const sides = ['top', 'right', 'bottom', 'left'];
    if (sides.some((side) => (get(`border-${side}-style`) && !nothing(get(`border-${side}-style`))) || (get(`border-${side}-color`) && !nothing(get(`border-${side}-color`))))) found.push('border');
    if ((get('background-color') && !nothing(get('background-color'))) || (get('background-image') && !nothing(get('background-image')))) found.push('background');
    const underline = get('text-decoration-line');
    if (underline && !nothing(underline)) found.push('text-decoration');
    return found;
  };
  /** Rules of the page's readable style sheets whose selector mentions focus, read once. */
  let focusRules: CSSStyleRule[] | null = null;
  const collectFocusRules = (): CSSStyleRule[] => {
    const found: CSSStyleRule[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (found.length >= limits.maxFocusRules) return;
        if (rule instanceof CSSStyleRule) {
          if (rule.selectorText.includes(':focus')) found.push(rule);
          if (rule.cssRules?.length) walk(rule.cssRules);
        } else if (rule instanceof CSSMediaRule) {
          if (matchMedia(rule.conditionText).matches) walk(rule.cssRules);
        } else if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) {
          walk((rule as CSSGroupingRule).cssRules);
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        if (!sheet.disabled) walk(sheet.cssRules);
      } catch {
        // A cross-origin sheet cannot be read; computed styles and pixels still judge its elements.
      }
    }
    return found;
  };
  /** Whether the indicator a rule declares is really drawn on `target` now (a later rule may have taken it away). */
  const drawn = (target: Element, indicator: string): boolean => {
    const style = getComputedStyle(target);
    if (indicator === 'outline') return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    if (indicator === 'box-shadow') return style.boxShadow !== 'none';
    return true;
  };
  /** The indicators that :focus rules matching the (focused) element draw, on it or (for :focus-within) on an ancestor. */
  const focusRuleProps = (element: Element): { props: string[]; onAncestor: boolean } => {
    focusRules ??= collectFocusRules();
    const props = new Set<string>();
    let onAncestor = false;
    for (const rule of focusRules) {
      for (const part of rule.selectorText.split(',')) {
        if (!part.includes(':focus')) continue;
        let target: Element | null = null;
        try {
          // A :focus-within rule draws on an ancestor (a field's wrapper): that shows focus too.
          target = part.includes(':focus-within') ? element.closest(part) : element.matches(part) ? element : null;
        } catch {
          target = null;
        }
        if (!target) continue;
        for (const indicator of indicatorsOf(rule.style)) {
          if (!drawn(target, indicator)) continue;
          props.add(indicator);
          if (target !== element) onAncestor = true;
        }
      }
    }
    return { props: [...props].sort(), onAncestor };
  };

  /** Finishes running transitions and finite animations, so a focus style that fades in is measured as it ends. */
  const finishMotion = () => {
    for (const animation of document.getAnimations()) {
      if (animation.playState !== 'running') continue;
      if (animation.effect?.getComputedTiming().endTime === Infinity) continue;
      try {
        animation.finish();
      } catch {
        // Left as it is.
      }
    }
  };
  /** Differences that can show focus: an outline or shadow that vanishes on focus shows nothing. */
  const changes = (before: string[], after: string[]): string[] => {
    const changed: string[] = [];
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      const name = propNames[i];
      if (name.startsWith('outline') && !name.startsWith('::')) {
        const style = after[OWN_PROPS.indexOf('outline-style')];
        const width = parseFloat(after[OWN_PROPS.indexOf('outline-width')]);
        if (style === 'none' || !(width > 0) || transparent(after[OWN_PROPS.indexOf('outline-color')])) continue;
      }
      if (name === 'box-shadow' && after[i] === 'none') continue;
      changed.push(name);
    }
    return changed;
  };

  /** The focused element, through shadow roots and into same-origin frames (a cross-origin frame stops at its element). */
  const deepActive = (): Element | null => {
    let active: Element | null = document.activeElement;
    for (;;) {
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      if (!active || (active.localName !== 'iframe' && active.localName !== 'frame')) return active;
      let inner: Element | null = null;
      try {
        inner = (active as HTMLIFrameElement).contentDocument?.activeElement ?? null;
      } catch {
        inner = null;
      }
      if (!inner || inner === inner.ownerDocument.body || inner === inner.ownerDocument.documentElement) return active;
      active = inner;
    }
  };
  /** A selector inside a frame's own document: an id, else nth-of-type steps up to one. */
  const localPath = (element: Element): string => {
    const steps: string[] = [];
    for (let node: Element | null = element; node && node !== node.ownerDocument.documentElement; node = node.parentElement) {
      if (node.id) {
        steps.unshift(`#${CSS.escape(node.id)}`);
        break;
      }
      const same = node.parentElement ? Array.from(node.parentElement.children).filter((c) => c.localName === node!.localName) : [node];
      steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
    }
    return steps.join(' > ');
  };
  /**
   * Facts about a stop inside a same-origin frame: where it is (the path goes through the frame
   * element, `iframe#booking >>> #name`) and what it is. Its focus style is not compared (no
   * unfocused snapshot of the frame's elements), so its visibility stays unknown.
   */
  const frameStop = (active: Element): StopFacts => {
    const frames: Element[] = [];
    for (let doc: Document | null = active.ownerDocument; doc && doc !== document; doc = doc.defaultView?.frameElement?.ownerDocument ?? null) {
      const frame = doc.defaultView?.frameElement;
      if (!frame) break;
      frames.unshift(frame);
    }
    const top = frames[0];
    const path = [top ? helpers.selector(top) : 'iframe', ...frames.slice(1).map(localPath), localPath(active)];
    let x = 0;
    let y = 0;
    for (const frame of frames) {
      const rect = frame.getBoundingClientRect();
      x += rect.left;
      y += rect.top;
    }
    const rect = active.getBoundingClientRect();
    const tabindexAttr = active.getAttribute('tabindex');
    const parsed = tabindexAttr === null ? NaN : parseInt(tabindexAttr, 10);
    return {
      selector: path.join(' >>> '),
      tag: active.localName,
      role: implicitRole(active),
      name: accessibleName(active),
      snippet: helpers.snippet(active),
      box: rect.width > 0 || rect.height > 0 ? { x: Math.round(x + rect.left + scrollX), y: Math.round(y + rect.top + scrollY), width: Math.round(rect.width), height: Math.round(rect.height) } : null,
      inMain: !!top?.closest('main, [role="main"]'),
      tabIndex: Number.isNaN(parsed) ? null : parsed,
      styleChanges: null,
      styleSignature: signature(active),
      clip: null,
      focusRule: [],
      focusRuleOnAncestor: false,
      obscured: null,
      isFrame: false,
      inFrame: true,
    };
  };

  const NATIVE_FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
  const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'slider', 'spinbutton', 'combobox', 'textbox', 'searchbox', 'treeitem']);
  // Children of these composites are reached with arrow keys (roving tabindex), not Tab.
  const COMPOSITES = '[role=tablist], [role=listbox], [role=menu], [role=menubar], [role=tree], [role=treegrid], [role=grid], [role=radiogroup], [role=toolbar], [aria-activedescendant]';

  const implicitRole = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit.trim().split(/\s+/)[0];
    const tag = element.localName;
    if (tag === 'a' || tag === 'area') return element.hasAttribute('href') ? 'link' : tag;
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'select') return 'combobox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'input') {
      const type = (element as HTMLInputElement).type;
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'range') return 'slider';
      return 'textbox';
    }
    return tag;
  };

  const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  // 80 characters names an element; more is page content, not a name.
  const accessibleName = (element: Element): string => {
    const label = flat(element.getAttribute('aria-label'));
    if (label) return label.slice(0, 80);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = flat(labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      if (text) return text.slice(0, 80);
    }
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length) return flat(labels[0].textContent).slice(0, 80);
    const text = flat((element as HTMLElement).innerText ?? element.textContent);
    if (text) return text.slice(0, 80);
    const img = element.querySelector('img[alt]');
    if (img) return flat(img.getAttribute('alt')).slice(0, 80);
    return flat(element.getAttribute('title') || element.getAttribute('placeholder') || (element as HTMLInputElement).value || '').slice(0, 80);
  };

  const signature = (element: Element) => `${element.localName}.${Array.from(element.classList).sort().join('.')}[${element.getAttribute('role') ?? ''}]`;

  const viewportRect = (element: Element) => element.getBoundingClientRect();
  const fullyInView = (rect: DOMRect) => rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight;

  const clipFor = (element: Element): { x: number; y: number; width: number; height: number } | null => {
    const rect = viewportRect(element);
    // The clip reaches past the box by the focused outline's width and offset, so an outline drawn away from the box is in it.
    const style = getComputedStyle(element);
    const outlineReach = style.outlineStyle === 'none' ? 0 : (parseFloat(style.outlineWidth) || 0) + Math.max(0, parseFloat(style.outlineOffset) || 0);
    const pad = Math.min(limits.maxClipPadding, Math.max(limits.clipPadding, Math.ceil(outlineReach) + 1));
    const padded = { left: rect.left - pad, top: rect.top - pad, right: rect.right + pad, bottom: rect.bottom + pad };
    if (rect.width === 0 || rect.height === 0) return null;
    if (padded.left < 0 || padded.top < 0 || padded.right > innerWidth || padded.bottom > innerHeight) return null;
    return { x: Math.floor(padded.left + scrollX), y: Math.floor(padded.top + scrollY), width: Math.ceil(padded.right - padded.left), height: Math.ceil(padded.bottom - padded.top) };
  };

  const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
  const fixedAncestor = (element: Element | null): Element | null => {
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      if (position === 'fixed' || position === 'sticky') return node;
    }
    return null;
  };

  const obscuredBy = (element: Element): { by: string; covered: 'all' | 'partly' } | null => {
    if (overlays.length === 0 || element.ownerDocument !== document) return null;
    const rect = viewportRect(element);
    // 2 px inside the edges: a point on the edge often hits the neighbour because of rounding.
    const inset = 2;
    const points = [
      [rect.left + rect.width / 2, rect.top + rect.height / 2],
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    if (points.length === 0) return null;
    let covered = 0;
    let by: Element | null = null;
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || related(hit, element)) continue;
      const cover = fixedAncestor(hit);
      if (!cover || cover.contains(element)) continue;
      covered++;
      by = cover;
    }
    if (!by) return null;
    return { by: helpers.selector(by), covered: covered === points.length ? 'all' : 'partly' };
  };

  const init = (): InitFacts => {
    const controls: ControlFact[] = [];
    const positive: PositiveTabindexFact[] = [];
    const all = document.body ? document.body.getElementsByTagName('*') : ([] as unknown as HTMLCollectionOf<Element>);
    const count = Math.min(all.length, limits.maxScan);
    for (let i = 0; i < count; i++) {
      const element = all[i];
      const style = getComputedStyle(element);
      if ((style.position === 'fixed' || style.position === 'sticky') && helpers.isVisible(element)) {
        const rect = element.getBoundingClientRect();
        // Smaller than 20×20 px cannot hide a focused control.
        if (rect.width >= 20 && rect.height >= 20) overlays.push(element);
      }
      const tabindexAttr = element.getAttribute('tabindex');
      if (tabindexAttr !== null && parseInt(tabindexAttr, 10) > 0 && helpers.isVisible(element)) {
        positive.push({ selector: helpers.selector(element), snippet: helpers.snippet(element), box: helpers.box(element), tabIndex: parseInt(tabindexAttr, 10) });
      }
      if ((element as HTMLElement).tabIndex >= 0 && helpers.isVisible(element)) unfocusedStyle.set(element, styleOf(element));

      if (controls.length >= limits.maxControls) continue;
      const role = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0];
      const widgetRole = WIDGET_ROLES.has(role);
      const onclick = element.hasAttribute('onclick');
      const parentCursor = element.parentElement ? getComputedStyle(element.parentElement).cursor : 'auto';
      const pointer = style.cursor === 'pointer' && parentCursor !== 'pointer';
      if (!widgetRole && !onclick && !pointer) continue;
      if ((element as HTMLElement).tabIndex >= 0 || element.matches(NATIVE_FOCUSABLE)) continue;
      if (['label', 'option', 'optgroup', 'html', 'body'].includes(element.localName)) continue;
      if (element.closest(`${NATIVE_FOCUSABLE}, label, [tabindex]:not([tabindex^="-"]), [aria-hidden="true"], [inert], [aria-disabled="true"], [disabled]`)) continue;
      if (element.querySelector(`${NATIVE_FOCUSABLE}, [tabindex]:not([tabindex^="-"])`)) continue;
      const composite = element.parentElement?.closest(COMPOSITES);
      if (composite && (composite.hasAttribute('aria-activedescendant') || composite.querySelector('[tabindex="0"]'))) continue;
      if (!helpers.isVisible(element)) continue;
      const rect = element.getBoundingClientRect();
      // Under 8×8 px is decoration (a dot, a divider), not something people aim at.
      if (rect.width < 8 || rect.height < 8) continue;
      controls.push({ selector: helpers.selector(element), snippet: helpers.snippet(element), box: helpers.box(element), role: role || element.localName, evidence: { widgetRole, onclick, pointer }, name: accessibleName(element) });
    }
    return {
      hasMain: !!document.querySelector('main, [role="main"]'),
      overlays: overlays.length,
      unfocusableControls: controls,
      positiveTabindex: positive,
    };
  };

  const step = (record: boolean): StepResult => {
    const previous = seen[seen.length - 1];
    const previousClipInView = !!previous && previous.ownerDocument === document && fullyInView(viewportRect(previous));
    const active = deepActive();
    if (!active || active === document.body || active === document.documentElement) {
      return { state: 'body', seenAt: -1, stop: null, previousClipInView };
    }
    const seenAt = seen.indexOf(active);
    if (seenAt >= 0 || !record) return { state: 'element', seenAt, stop: null, previousClipInView };
    seen.push(active);
    if (active.ownerDocument !== document) return { state: 'element', seenAt: -1, stop: frameStop(active), previousClipInView };
    finishMotion();
    const focused = styleOf(active);
    focusedStyle.set(active, focused);
    const before = unfocusedStyle.get(active);
    const tabindexAttr = active.getAttribute('tabindex');
    const parsed = tabindexAttr === null ? NaN : parseInt(tabindexAttr, 10);
    const stop: StopFacts = {
      selector: helpers.selector(active),
      tag: active.localName,
      role: implicitRole(active),
      name: accessibleName(active),
      snippet: helpers.snippet(active),
      box: helpers.box(active),
      inMain: !!active.closest('main, [role="main"]'),
      tabIndex: Number.isNaN(parsed) ? null : parsed,
      styleChanges: before ? changes(before, focused) : null,
      styleSignature: signature(active),
      clip: clipFor(active),
      ...(() => {
        const rule = focusRuleProps(active);
        return { focusRule: rule.props, focusRuleOnAncestor: rule.onAncestor };
      })(),
      obscured: obscuredBy(active),
      isFrame: active.localName === 'iframe' || active.localName === 'frame',
    };
    return { state: 'element', seenAt: -1, stop, previousClipInView };
  };

  const where = (): number => {
    const active = deepActive();
    if (!active || active === document.body || active === document.documentElement) return -2;
    return seen.indexOf(active);
  };

  const obscuredNow = () => {
    const at = where();
    const active = deepActive();
    return { at, obscured: at >= 0 && active ? obscuredBy(active) : null };
  };

  const targetOf = (index: number): { link: HTMLAnchorElement; target: Element | null; href: string } | null => {
    const link = seen[index];
    if (!link || link.localName !== 'a') return null;
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#') || href.length < 2) return null;
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Keep the raw fragment: browsers do the same when it does not decode.
    }
    const target = document.getElementById(id) ?? document.getElementsByName(id)[0] ?? null;
    return { link: link as HTMLAnchorElement, target, href };
  };

  const skipCandidate = (index: number): SkipProbe | null => {
    const found = targetOf(index);
    if (!found) return null;
    const name = accessibleName(found.link);
    const looksLikeSkip = /skip|jump|main|content|navigation|saltar|aller|passer|inhalt|springen|vai|salta|contenu|contenido/i.test(name);
    const targetIsMain = !!found.target && !!(found.target.closest('main, [role="main"]') || found.target.querySelector('main, [role="main"]'));
    if (!looksLikeSkip && !targetIsMain) return null;
    return { targetSelector: found.target ? helpers.selector(found.target) : null, href: found.href };
  };

  const focusSkipLink = (index: number): boolean => {
    const link = seen[index] as HTMLElement | undefined;
    if (!link) return false;
    link.focus();
    return deepActive() === link;
  };

  const landedInTarget = (index: number, allowFollowing: boolean): { moved: boolean; landedOn: string } => {
    const found = targetOf(index);
    const active = deepActive();
    const landedOn = active && active !== document.body ? helpers.selector(active) : 'body';
    if (!found || !found.target || !active || active === document.body) return { moved: false, landedOn };
    if (active === found.link) return { moved: false, landedOn };
    const inside = found.target === active || found.target.contains(active);
    const following = allowFollowing && !!(found.target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { moved: inside || following, landedOn };
  };

  window.__wmKeyboard = { init, step, where, obscuredNow, skipCandidate, focusSkipLink, landedInTarget };
}
