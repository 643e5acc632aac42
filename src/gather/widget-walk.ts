// Exercises the page's widgets with real key presses after the Tab walk: dialogs, disclosures, menus, tabs, role=button, tooltips; reads accesskeys and short-lived alerts; restores the page after each.
import type { CDPSession, Page } from 'puppeteer';
import type { Box } from '../model/finding.js';
import { installWidgetProbe, type AccesskeySeen, type AlertSeen, type PressEffect, type WidgetCandidate, type WidgetKind } from './widget-probe.js';

export type { AccesskeySeen, AlertSeen } from './widget-probe.js';

interface WidgetBase {
  selector: string;
  snippet: string;
  box: Box | null;
  name: string;
}

export interface DialogFact extends WidgetBase {
  /** Selector of the dialog that opened. */
  dialog: string;
  /** true: aria-modal or a modal <dialog>; false: a non-modal dialog; overlay: a page-covering layer with no dialog role (a lightbox). */
  modal: boolean | 'overlay';
  focusMovedIn: boolean;
  /** For modal dialogs and overlays: whether Tab stayed inside (leaving to the browser's own controls counts as inside); null when not tried. */
  focusKept: boolean | null;
  /** What closed it: Escape, its close button (Enter on it), or nothing the walk tried. */
  closedBy: 'escape' | 'close-button' | null;
  /** Where focus went when it closed; null when it did not close. */
  focusReturned: 'trigger' | 'body' | 'elsewhere' | null;
}

export interface DisclosureFact extends WidgetBase {
  /** Whether aria-expanded (or a details element's open state) changed on Enter, and on Space after it. */
  stateOnEnter: boolean;
  stateOnSpace: boolean;
  /** Whether what it controls appeared or went (null: it names nothing the walk could see). */
  contentOnEnter: boolean | null;
  contentOnSpace: boolean | null;
  /** Whether anything at all happened (mutations, a click, a handled key) on Enter, and on Space. */
  actedOnEnter: boolean;
  actedOnSpace: boolean;
}

export interface MenuFact extends WidgetBase {
  /** aria: a menu button (aria-haspopup or controls role=menu); hover: a navigation list item whose submenu is hidden. */
  pattern: 'aria' | 'hover';
  /** Whether the menu was shown by the keyboard (Enter or ArrowDown; for hover menus, focus or Enter on the top item). */
  openedByKeyboard: boolean;
  /** Hover menus: whether moving the mouse over it shows it. */
  openedByHover: boolean | null;
  /** Whether focus reached an item of the menu by keyboard (Enter, ArrowDown or Tab). */
  itemsReached: boolean;
  /** ARIA menus whose items took focus: whether ArrowDown moved between them; null when not tried. */
  arrowsMove: boolean | null;
}

export interface TabsFact extends WidgetBase {
  tabs: number;
  /** Tabs that Tab reaches (tabindex >= 0). */
  tabbable: number;
  /** Whether an arrow key moved focus to another tab. */
  arrowsMove: boolean;
}

export interface RoleButtonFact extends WidgetBase {
  tag: string;
  actedOnEnter: boolean;
  actedOnSpace: boolean;
}

export interface TooltipFact extends WidgetBase {
  focusable: boolean;
  shownOnHover: boolean;
  shownOnFocus: boolean;
  /** When shown on focus: whether Escape hid it (WCAG 1.4.13, dismissible); null when not tried. */
  escapeHides: boolean | null;
}

export interface WidgetFacts {
  dialogs: DialogFact[];
  disclosures: DisclosureFact[];
  menus: MenuFact[];
  tabs: TabsFact[];
  roleButtons: RoleButtonFact[];
  tooltips: TooltipFact[];
  accesskeys: AccesskeySeen[];
  /** Live region texts that appeared and went while the walk watched. */
  alerts: AlertSeen[];
  /** Widgets found but not tried: the time ran out, or the page could not be put back after one. */
  untried: number;
  /** How many times the page was reloaded to undo what a widget did. */
  reloads: number;
}

/** Widgets of each kind tried per page: two or three show a page's pattern; more repeat it at a cost. */
const PER_KIND: Record<WidgetKind, number> = { 'dialog': 4, 'disclosure': 4, 'menu': 2, 'hover-menu': 2, 'tabs': 2, 'role-button': 4, 'tooltip': 3 };
/** accesskeys read per page; more are the same scheme repeated. */
const MAX_ACCESSKEYS = 20;
/** Live regions watched per page; a page with more is a chat or a feed, not an alert. */
const MAX_LIVE_REGIONS = 50;
/** How long a widget's reaction is waited for: dialogs and menus often fade in over 150–300 ms. */
const REACTION_MS = 600;
/** Poll step while waiting for a reaction. */
const POLL_MS = 50;
/** Tab presses inside an open modal: enough to go round a sign-up form twice, few enough to stay fast. */
const MAX_TABS_IN_DIALOG = 12;
/** Reloads to undo a widget per page; past this the rest are left untried (a reload costs a page load). */
const MAX_RELOADS = 2;
/** Alert text gone within this long counts as short-lived: under 5 s is less than a slow reader or a screen reader user needs to read a sentence and act. */
export const SHORT_LIVED_ALERT_MS = 5_000;
/** At most this long is waited at the end of the walk for shown alert text to reach SHORT_LIVED_ALERT_MS of age. */
const MAX_ALERT_WAIT_MS = 3_000;

type Key = 'Tab' | 'Escape' | 'Enter' | 'Space' | 'ArrowDown' | 'ArrowUp' | 'ArrowRight' | 'ArrowLeft';
const KEY_CODES: Record<Key, number> = { Tab: 9, Escape: 27, Enter: 13, Space: 32, ArrowDown: 40, ArrowUp: 38, ArrowRight: 39, ArrowLeft: 37 };

async function press(session: CDPSession, key: Key, shift = false): Promise<void> {
  const base = { key: key === 'Space' ? ' ' : key, code: key, windowsVirtualKeyCode: KEY_CODES[key], modifiers: shift ? 8 : 0 };
  const text = key === 'Enter' ? '\r' : key === 'Space' ? ' ' : undefined;
  await session.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', ...base, ...(text ? { text } : {}) });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `test` until it is true or `ms` pass; returns its last answer. */
async function until(test: () => Promise<boolean>, ms = REACTION_MS): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await test()) return true;
    if (Date.now() >= end) return false;
    await sleep(POLL_MS);
  }
}

const acted = (effect: PressEffect) => effect.mutations > 0 || effect.clicked || effect.prevented;

/**
 * Tries each widget in a bounded budget. `reload` puts the page back as loaded (and the probe
 * is installed again), for a widget whose effect the walk could not undo by keys.
 */
export async function exerciseWidgets(page: Page, session: CDPSession, deadline: number, reload: () => Promise<void>): Promise<WidgetFacts> {
  const facts: WidgetFacts = { dialogs: [], disclosures: [], menus: [], tabs: [], roleButtons: [], tooltips: [], accesskeys: [], alerts: [], untried: 0, reloads: 0 };
  facts.accesskeys = await page.evaluate(() => window.__wmWidgets!.accesskeys());
  const candidates: WidgetCandidate[] = await page.evaluate(() => window.__wmWidgets!.candidates());
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (Date.now() > deadline) {
      facts.untried += candidates.length - i;
      break;
    }
    const before = await page.evaluate(() => window.__wmWidgets!.fingerprint());
    try {
      await tryWidget(page, session, candidate, facts);
    } catch {
      // A widget that breaks the walk (a navigation, a closed frame) is left out; the page is put back below.
    }
    const after = await page.evaluate(() => window.__wmWidgets!.fingerprint()).catch(() => '');
    if (after === before) continue;
    // Keys could not undo it: a fresh load is the only sure way back to the page as a visitor finds it.
    if (facts.reloads >= MAX_RELOADS || Date.now() > deadline) {
      facts.untried += candidates.length - i - 1;
      break;
    }
    facts.reloads++;
    await reload();
    const again: WidgetCandidate[] = await page.evaluate(() => window.__wmWidgets!.candidates());
    // The page must offer the same widgets in the same order, or later indexes would point elsewhere.
    if (again.length !== candidates.length || again.some((c, k) => c.selector !== candidates[k].selector)) {
      facts.untried += candidates.length - i - 1;
      break;
    }
  }
  facts.alerts = await shortLivedAlerts(page, deadline);
  return facts;
}

/** Installs the probe and starts watching live regions; call before the Tab walk so the whole walk is watched. */
export async function installWidgets(page: Page): Promise<void> {
  await page.evaluate(installWidgetProbe, { perKind: PER_KIND, maxAccesskeys: MAX_ACCESSKEYS, maxLiveRegions: MAX_LIVE_REGIONS });
  await page.evaluate(() => window.__wmWidgets!.watchAlerts());
}

/** Alerts gone within SHORT_LIVED_ALERT_MS; waits (within the budget) for young ones still shown to reach that age. */
async function shortLivedAlerts(page: Page, deadline: number): Promise<AlertSeen[]> {
  const read = () => page.evaluate(() => ({ ...window.__wmWidgets!.alerts(), now: performance.now() }));
  let state = await read();
  const youngest = Math.max(-Infinity, ...state.shown.map((s) => s.since));
  const wait = Math.min(MAX_ALERT_WAIT_MS, SHORT_LIVED_ALERT_MS - (state.now - youngest), deadline - Date.now());
  if (state.shown.length > 0 && wait > 0) {
    await sleep(wait);
    state = await read();
  }
  return state.gone.filter((alert) => alert.shownMs < SHORT_LIVED_ALERT_MS);
}

async function tryWidget(page: Page, session: CDPSession, c: WidgetCandidate, facts: WidgetFacts): Promise<void> {
  const base: WidgetBase = { selector: c.selector, snippet: c.snippet, box: c.box, name: c.name };
  const i = c.index;
  const focus = () => page.evaluate((index: number) => window.__wmWidgets!.focus(index), i);
  const arm = () => page.evaluate((index: number) => window.__wmWidgets!.arm(index), i);
  const effect = () => page.evaluate(() => window.__wmWidgets!.effect());
  const frames = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

  if (c.kind === 'dialog') {
    const openBefore: string[] = await page.evaluate(() => window.__wmWidgets!.openDialogs());
    if (!(await focus())) return;
    await press(session, 'Enter');
    let dialog = '';
    await until(async () => {
      const open: string[] = await page.evaluate(() => window.__wmWidgets!.openDialogs());
      dialog = open.find((s) => !openBefore.includes(s)) ?? '';
      return dialog !== '';
    });
    if (!dialog) return;
    const modal = await page.evaluate((selector) => {
      const d = document.querySelector(selector);
      if (!d) return 'overlay' as const;
      if (d.matches(':modal') || d.getAttribute('aria-modal') === 'true') return true;
      return d.matches('dialog, [role="dialog"], [role="alertdialog"]') ? false : ('overlay' as const);
    }, dialog);
    const where = () => page.evaluate((s: string) => window.__wmWidgets!.focusIn(s), dialog);
    const focusMovedIn = await until(async () => (await where()) === 'in', 400);
    let focusKept: boolean | null = null;
    if (modal !== false && (focusMovedIn || (await page.evaluate((s: string) => window.__wmWidgets!.focusFirstIn(s), dialog)))) {
      focusKept = true;
      const tabs = Math.min(MAX_TABS_IN_DIALOG, (await page.evaluate((s: string) => window.__wmWidgets!.focusablesIn(s), dialog)) + 2);
      for (let k = 0; k < tabs; k++) {
        await press(session, 'Tab');
        if ((await where()) === 'out') {
          focusKept = false;
          break;
        }
      }
      // Back inside for the Escape test, as a visitor would be.
      if (!focusKept) await page.evaluate((s: string) => window.__wmWidgets!.focusFirstIn(s), dialog);
    }
    const isClosed = async () => !(await page.evaluate(() => window.__wmWidgets!.openDialogs())).includes(dialog);
    await press(session, 'Escape');
    let closedBy: DialogFact['closedBy'] = (await until(isClosed, 500)) ? 'escape' : null;
    if (!closedBy && (await page.evaluate((s: string) => window.__wmWidgets!.focusCloseButton(s), dialog))) {
      await press(session, 'Enter');
      if (await until(isClosed, 500)) closedBy = 'close-button';
    }
    let focusReturned: DialogFact['focusReturned'] = null;
    if (closedBy) {
      const onTrigger = await until(() => page.evaluate((index: number) => window.__wmWidgets!.focusOnCandidate(index), i), 300);
      focusReturned = onTrigger ? 'trigger' : (await page.evaluate(() => !document.activeElement || document.activeElement === document.body)) ? 'body' : 'elsewhere';
    }
    facts.dialogs.push({ ...base, dialog, modal, focusMovedIn, focusKept, closedBy, focusReturned });
    return;
  }

  if (c.kind === 'disclosure') {
    if (!(await focus())) return;
    const state = () => page.evaluate((index: number) => window.__wmWidgets!.expanded(index), i);
    const content = () => page.evaluate((index: number) => window.__wmWidgets!.controlledVisible(index), i);
    const s0 = await state();
    const v0 = await content();
    await arm();
    await press(session, 'Enter');
    await until(async () => (await state()) !== s0, 300);
    await frames();
    const s1 = await state();
    const v1 = await content();
    const e1 = await effect();
    await focus();
    await arm();
    await press(session, 'Space');
    await until(async () => (await state()) !== s1, 300);
    await frames();
    const s2 = await state();
    const v2 = await content();
    const e2 = await effect();
    facts.disclosures.push({
      ...base,
      stateOnEnter: s1 !== s0,
      stateOnSpace: s2 !== s1,
      contentOnEnter: v0 === null || v1 === null ? null : v1 !== v0,
      contentOnSpace: v1 === null || v2 === null ? null : v2 !== v1,
      actedOnEnter: acted(e1),
      actedOnSpace: acted(e2),
    });
    if (c.role === 'button' && c.tag !== 'button') facts.roleButtons.push({ ...base, tag: c.tag, actedOnEnter: acted(e1), actedOnSpace: acted(e2) });
    // Put it back as found: one more press of the key that worked, when only one did.
    if (s2 !== s0) {
      await focus();
      await press(session, s1 !== s0 && s2 === s1 ? 'Enter' : 'Space');
      await until(async () => (await state()) === s0, 300);
    }
    return;
  }

  if (c.kind === 'menu') {
    if (!(await focus())) return;
    const shown = () => page.evaluate((index: number) => window.__wmWidgets!.controlledVisible(index), i);
    const inMenu = () => page.evaluate((index: number) => window.__wmWidgets!.focusInPopup(index), i);
    const expanded = () => page.evaluate((index: number) => window.__wmWidgets!.expanded(index), i);
    await press(session, 'Enter');
    let openedByKeyboard = await until(async () => (await shown()) === true || (await expanded()) === 'true', 400);
    if (!openedByKeyboard) {
      await focus();
      await press(session, 'ArrowDown');
      openedByKeyboard = await until(async () => (await shown()) === true || (await expanded()) === 'true', 400);
    }
    let itemsReached = openedByKeyboard && (await until(inMenu, 200));
    if (openedByKeyboard && !itemsReached) {
      await press(session, 'ArrowDown');
      itemsReached = await until(inMenu, 200);
    }
    if (openedByKeyboard && !itemsReached) {
      await press(session, 'Tab');
      itemsReached = await inMenu();
    }
    let arrowsMove: boolean | null = null;
    if (itemsReached) {
      const first = await page.evaluate(() => document.activeElement?.outerHTML ?? '');
      await press(session, 'ArrowDown');
      await frames();
      arrowsMove = (await inMenu()) && (await page.evaluate(() => document.activeElement?.outerHTML ?? '')) !== first;
    }
    facts.menus.push({ ...base, pattern: 'aria', openedByKeyboard, openedByHover: null, itemsReached, arrowsMove });
    await press(session, 'Escape');
    await frames();
    return;
  }

  if (c.kind === 'hover-menu') {
    const shown = () => page.evaluate((index: number) => window.__wmWidgets!.popupShown(index), i);
    const inMenu = () => page.evaluate((index: number) => window.__wmWidgets!.focusInPopup(index), i);
    // The top item of the list item takes focus first; a :focus-within menu opens on that alone.
    const topFocused = await page.evaluate((selector) => {
      const item = document.querySelector(selector);
      const top = item?.querySelector<HTMLElement>(':scope > a[href], :scope > button, :scope > div > a[href]');
      top?.focus();
      return !!top && document.activeElement === top;
    }, c.selector);
    let openedByKeyboard = false;
    let itemsReached = false;
    if (topFocused) {
      await frames();
      openedByKeyboard = await shown();
      await press(session, 'Tab');
      itemsReached = await until(inMenu, 200);
      if (!itemsReached) {
        await page.evaluate((selector) => document.querySelector(selector)?.querySelector<HTMLElement>(':scope > a[href], :scope > button, :scope > div > a[href]')?.focus(), c.selector);
        await press(session, 'ArrowDown');
        openedByKeyboard ||= await shown();
        itemsReached = await until(inMenu, 200);
      }
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const centre = await page.evaluate((index: number) => window.__wmWidgets!.centre(index), i);
    let openedByHover: boolean | null = null;
    if (centre) {
      await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: centre.x, y: centre.y });
      openedByHover = await until(shown, 400);
      // Away from the menu again: the top-left corner is where a page puts nothing that opens on hover.
      await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 0, y: 0 });
      await until(async () => !(await shown()), 400);
    }
    facts.menus.push({ ...base, pattern: 'hover', openedByKeyboard, openedByHover, itemsReached, arrowsMove: null });
    return;
  }

  if (c.kind === 'tabs') {
    const start = await page.evaluate((index: number) => window.__wmWidgets!.focusTab(index), i);
    if (!start) return;
    const state0 = await page.evaluate((index: number) => window.__wmWidgets!.tabState(index), i);
    let arrowsMove = false;
    for (const key of ['ArrowRight', 'ArrowDown'] as const) {
      await press(session, key);
      await frames();
      const now = await page.evaluate((index: number) => window.__wmWidgets!.tabState(index), i);
      if (now.focused >= 0 && now.focused !== state0.focused) {
        arrowsMove = true;
        break;
      }
    }
    facts.tabs.push({ ...base, tabs: start.tabs, tabbable: start.tabbable, arrowsMove });
    // Back to the tab that was selected: focus it and press Enter (selection follows focus in many tab lists, so this restores both).
    await page.evaluate((index: number) => window.__wmWidgets!.focusTab(index), i);
    const selectedNow = (await page.evaluate((index: number) => window.__wmWidgets!.tabState(index), i)).selected;
    if (selectedNow !== state0.selected) {
      await page.evaluate((selector, at) => (document.querySelector(selector)?.querySelectorAll<HTMLElement>('[role="tab"]')[at])?.click(), c.selector, state0.selected);
    }
    return;
  }

  if (c.kind === 'role-button') {
    if (!(await focus())) return;
    await arm();
    await press(session, 'Enter');
    await sleep(POLL_MS);
    await frames();
    const e1 = await effect();
    await focus();
    await arm();
    await press(session, 'Space');
    await sleep(POLL_MS);
    await frames();
    const e2 = await effect();
    facts.roleButtons.push({ ...base, tag: c.tag, actedOnEnter: acted(e1), actedOnSpace: acted(e2) });
    await press(session, 'Escape');
    return;
  }

  if (c.kind === 'tooltip') {
    const shown = () => page.evaluate((index: number) => window.__wmWidgets!.popupShown(index), i);
    if (await shown()) return;
    let shownOnFocus = false;
    let escapeHides: boolean | null = null;
    if (c.focusable && (await focus())) {
      shownOnFocus = await until(shown, 400);
      if (shownOnFocus) {
        await press(session, 'Escape');
        escapeHides = await until(async () => !(await shown()), 300);
      }
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await until(async () => !(await shown()), 300);
    }
    const centre = await page.evaluate((index: number) => window.__wmWidgets!.centre(index), i);
    let shownOnHover = false;
    if (centre) {
      await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: centre.x, y: centre.y });
      shownOnHover = await until(shown, 400);
      await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 0, y: 0 });
      await until(async () => !(await shown()), 400);
    }
    facts.tooltips.push({ ...base, focusable: c.focusable, shownOnHover, shownOnFocus, escapeHides });
  }
}
