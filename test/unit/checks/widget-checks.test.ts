// Unit tests for the widget walk's checks (dialogs, disclosures, menus, tabs, role=button, tooltips, accesskey, alerts) with hand-made keyboard artifacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, PageCheck } from '../../../src/checks/check.js';
import accesskeyConflict from '../../../src/checks/accesskey-conflict.js';
import alertShortLived from '../../../src/checks/alert-short-lived.js';
import buttonRoleIgnoresSpace from '../../../src/checks/button-role-ignores-space.js';
import dialogEscapeDoesNotClose from '../../../src/checks/dialog-escape-does-not-close.js';
import dialogFocusEscapes from '../../../src/checks/dialog-focus-escapes.js';
import dialogFocusNotMoved from '../../../src/checks/dialog-focus-not-moved.js';
import dialogFocusNotReturned from '../../../src/checks/dialog-focus-not-returned.js';
import disclosureNotOperable from '../../../src/checks/disclosure-not-operable.js';
import disclosureStateNotUpdated from '../../../src/checks/disclosure-state-not-updated.js';
import menuItemsUnreachable from '../../../src/checks/menu-items-unreachable.js';
import tabsKeyboardUnreachable from '../../../src/checks/tabs-keyboard-unreachable.js';
import tooltipHoverOnly from '../../../src/checks/tooltip-hover-only.js';
import { englishMessage } from '../../../src/checks/run-checks.js';
import type { DialogFact, KeyboardArtifact, WidgetFacts } from '../../../src/gather/keyboard-gatherer.js';

const run = (check: PageCheck, artifacts: object): CheckResult[] => check.evaluate(artifacts as never, { url: 'https://example.test/', settings: {} });
const kinds = (results: CheckResult[]) => results.map((r) => `${r.kind}:${r.selector ?? ''}`);
const at = (selector: string) => ({ selector, snippet: `<x id="${selector.slice(1)}">`, box: null, name: selector.slice(1) });

function page(widgets: Partial<WidgetFacts> | null | undefined): { keyboard: KeyboardArtifact } {
  return {
    keyboard: {
      viewport: { width: 1280, height: 900 }, stops: [], stoppedBecause: 'end', traps: [], skipLink: null, hasMain: true, stopsBeforeMain: 0,
      unfocusableControls: [], positiveTabindex: [], backwardPass: false,
      ...(widgets === undefined ? {} : { widgets: widgets === null ? null : { dialogs: [], disclosures: [], menus: [], tabs: [], roleButtons: [], tooltips: [], accesskeys: [], alerts: [], untried: 0, reloads: 0, ...widgets } }),
    },
  };
}
const dialog = (selector: string, over: Partial<DialogFact>): DialogFact => ({ ...at(selector), dialog: '#d', modal: true, focusMovedIn: true, focusKept: true, closedBy: 'escape', focusReturned: 'trigger', ...over });

describe('widget checks', () => {
  it('read nothing from artifacts gathered before the widget walk, or from a trapped walk', () => {
    const checks = [accesskeyConflict, alertShortLived, buttonRoleIgnoresSpace, dialogEscapeDoesNotClose, dialogFocusEscapes, dialogFocusNotMoved, dialogFocusNotReturned, disclosureNotOperable, disclosureStateNotUpdated, menuItemsUnreachable, tabsKeyboardUnreachable, tooltipHoverOnly];
    for (const check of checks) {
      assert.deepEqual(run(check, page(undefined)), [], check.meta.id);
      assert.deepEqual(run(check, page(null)), [], check.meta.id);
      assert.equal(check.appliesTo?.(page(null) as never, { url: '', settings: {} }), false, check.meta.id);
    }
  });

  it('dialogs: focus not moved, escaping, Escape and focus return; unnamed overlays only for review', () => {
    const dialogs = [
      dialog('#good', {}),
      dialog('#bad', { focusMovedIn: false, focusKept: false, closedBy: 'close-button', focusReturned: 'body' }),
      dialog('#overlay', { modal: 'overlay', focusMovedIn: false, focusKept: false, closedBy: null, focusReturned: null }),
      dialog('#elsewhere', { focusReturned: 'elsewhere' }),
      dialog('#non-modal', { modal: false, focusKept: null }),
    ];
    assert.deepEqual(kinds(run(dialogFocusNotMoved, page({ dialogs }))), ['violation:#bad', 'needs-review:#overlay']);
    assert.deepEqual(kinds(run(dialogFocusEscapes, page({ dialogs }))), ['violation:#bad', 'needs-review:#overlay']);
    assert.deepEqual(kinds(run(dialogEscapeDoesNotClose, page({ dialogs }))), ['needs-review:#bad', 'needs-review:#overlay']);
    assert.deepEqual(kinds(run(dialogFocusNotReturned, page({ dialogs }))), ['violation:#bad', 'needs-review:#elsewhere']);
    assert.match(englishMessage(dialogFocusNotReturned, run(dialogFocusNotReturned, page({ dialogs }))[0].message), /falls to the page itself/);
  });

  it('disclosures: a stale aria-expanded is a violation; no response at all is for review', () => {
    const base = { stateOnEnter: true, stateOnSpace: true, contentOnEnter: true, contentOnSpace: true, actedOnEnter: true, actedOnSpace: true };
    const disclosures = [
      { ...at('#ok'), ...base },
      { ...at('#stale'), ...base, stateOnEnter: false, stateOnSpace: false },
      { ...at('#unknown-content'), ...base, stateOnEnter: false, stateOnSpace: false, contentOnEnter: null, contentOnSpace: null },
      { ...at('#dead'), stateOnEnter: false, stateOnSpace: false, contentOnEnter: false, contentOnSpace: false, actedOnEnter: false, actedOnSpace: false },
    ];
    assert.deepEqual(kinds(run(disclosureStateNotUpdated, page({ disclosures }))), ['violation:#stale']);
    assert.deepEqual(kinds(run(disclosureNotOperable, page({ disclosures }))), ['needs-review:#dead']);
  });

  it('role=button: Enter without Space is a violation; neither is for review unless it is a disclosure', () => {
    const roleButtons = [
      { ...at('#both'), tag: 'div', actedOnEnter: true, actedOnSpace: true },
      { ...at('#enter'), tag: 'a', actedOnEnter: true, actedOnSpace: false },
      { ...at('#none'), tag: 'div', actedOnEnter: false, actedOnSpace: false },
      { ...at('#dead'), tag: 'span', actedOnEnter: false, actedOnSpace: false },
    ];
    const disclosures = [{ ...at('#dead'), stateOnEnter: false, stateOnSpace: false, contentOnEnter: null, contentOnSpace: null, actedOnEnter: false, actedOnSpace: false }];
    assert.deepEqual(kinds(run(buttonRoleIgnoresSpace, page({ roleButtons, disclosures }))), ['violation:#enter', 'needs-review:#none']);
  });

  it('menus and tabs: hover-only and unreached items are violations; a popup that did not open is for review', () => {
    const menus = [
      { ...at('#hover'), pattern: 'hover' as const, openedByKeyboard: false, openedByHover: true, itemsReached: false, arrowsMove: null },
      { ...at('#focus-within'), pattern: 'hover' as const, openedByKeyboard: true, openedByHover: true, itemsReached: true, arrowsMove: null },
      { ...at('#never'), pattern: 'hover' as const, openedByKeyboard: false, openedByHover: false, itemsReached: false, arrowsMove: null },
      { ...at('#unreached'), pattern: 'aria' as const, openedByKeyboard: true, openedByHover: null, itemsReached: false, arrowsMove: null },
      { ...at('#closed'), pattern: 'aria' as const, openedByKeyboard: false, openedByHover: null, itemsReached: false, arrowsMove: null },
      { ...at('#no-arrows'), pattern: 'aria' as const, openedByKeyboard: true, openedByHover: null, itemsReached: true, arrowsMove: false },
    ];
    assert.deepEqual(kinds(run(menuItemsUnreachable, page({ menus }))), ['violation:#hover', 'violation:#unreached', 'needs-review:#closed', 'needs-review:#no-arrows']);
    const tabs = [
      { ...at('#stuck'), tabs: 3, tabbable: 1, arrowsMove: false },
      { ...at('#arrows'), tabs: 3, tabbable: 1, arrowsMove: true },
      { ...at('#all-tabbable'), tabs: 3, tabbable: 3, arrowsMove: false },
    ];
    assert.deepEqual(kinds(run(tabsKeyboardUnreachable, page({ tabs }))), ['violation:#stuck']);
  });

  it('tooltips: hover-only is a violation, Escape that does not hide is for review', () => {
    const tooltips = [
      { ...at('#hover'), focusable: true, shownOnHover: true, shownOnFocus: false, escapeHides: null },
      { ...at('#unfocusable'), focusable: false, shownOnHover: true, shownOnFocus: false, escapeHides: null },
      { ...at('#sticky'), focusable: true, shownOnHover: true, shownOnFocus: true, escapeHides: false },
      { ...at('#good'), focusable: true, shownOnHover: true, shownOnFocus: true, escapeHides: true },
    ];
    assert.deepEqual(kinds(run(tooltipHoverOnly, page({ tooltips }))), ['violation:#hover', 'violation:#unfocusable', 'needs-review:#sticky']);
  });

  it('accesskeys that clash with browser keys or each other, and short-lived alerts, are for review', () => {
    const accesskeys = [
      { ...at('#d'), key: 'd', sameKey: 0 },
      { ...at('#one'), key: '1', sameKey: 0 },
      { ...at('#two-a'), key: '2', sameKey: 1 },
    ];
    assert.deepEqual(kinds(run(accesskeyConflict, page({ accesskeys }))), ['needs-review:#d', 'needs-review:#two-a']);
    assert.match(englishMessage(accesskeyConflict, run(accesskeyConflict, page({ accesskeys }))[0].message), /address bar/);
    const alerts = [{ selector: '#toast', snippet: '<div role="alert">', text: 'Saved', role: 'alert', shownMs: 1500, sinceLoad: false }];
    const results = run(alertShortLived, page({ alerts }));
    assert.deepEqual(kinds(results), ['needs-review:#toast']);
    assert.match(englishMessage(alertShortLived, results[0].message), /"Saved" disappeared after 1.5 s/);
  });
});
