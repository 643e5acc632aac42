// Site check: a consent banner or arrival pop-up can be reached, used and closed with the keyboard (WCAG 2.1.1, 2.1.2); judged once, on the page where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

export default defineSiteCheck({
  meta: {
    id: 'arrival-keyboard',
    title: 'Consent banners and pop-ups work with the keyboard',
    family: 'arrival',
    affects: ['keyboard', 'motor', 'blind'],
    wcag: ['2.1.1', '2.1.2'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'The banner or pop-up shown on arrival stands between every visitor and the whole site. When its buttons cannot be reached or pressed with the keyboard, people who use a keyboard, a switch or a screen reader cannot refuse, accept or close it, and cannot use the site behind it.',
    howToFix:
      'Use real <button> elements for every choice in the banner, make sure Enter and Space press them, and let Escape close a pop-up. Do not build buttons from <div> or <span> with a click handler only.',
    example: '<button type="button" id="reject-all">Reject all</button> <button type="button" id="accept-all">Accept all</button>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/keyboard.html',
    messages: {
      consent: 'the consent banner',
      newsletter: 'the sign-up pop-up',
      notFocusable: 'The button "{text}" in {what} cannot be reached with the Tab key: it is not a real button or link.',
      mouseOnly: 'Pressing Enter on "{text}" does not close {what}; only a mouse click does.',
      trapped: 'Focus cannot leave {what} with Tab, and neither its buttons nor Escape close it from the keyboard: keyboard users are stuck on it.',
      noKeyboardWay: 'Nothing in {what} can be reached with the keyboard, and Escape does not close it.',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages)) {
      const what = message(layer.kind);
      for (const control of layer.controls) {
        // Links and buttons for the choices; "other" controls (policy links) are not what closes the layer.
        if (control.focusable || control.purpose === 'other' || control.purpose === 'subscribe') continue;
        results.push({ kind: 'violation', url, selector: control.selector, message: message('notFocusable', { text: control.text, what }) });
      }
      const dismissal = layer.dismissal;
      if (dismissal?.mouseOnly) {
        const pressed = layer.controls.find((c) => c.purpose === dismissal.by);
        results.push({ kind: 'violation', url, selector: pressed?.selector ?? layer.selector, message: message('mouseOnly', { text: pressed?.text ?? '', what }) });
      }
      const keyboardClosed = dismissal ? dismissal.byKeyboard : true;
      if (!keyboardClosed && layer.focusStaysInside) {
        results.push({ kind: 'violation', url, selector: layer.selector, snippet: layer.snippet, message: message('trapped', { what }) });
      } else if (!keyboardClosed && !dismissal?.mouseOnly && !layer.controls.some((c) => c.focusable)) {
        results.push({ kind: 'violation', url, selector: layer.selector, snippet: layer.snippet, message: message('noKeyboardWay', { what }) });
      }
    }
    return results;
  },
});
