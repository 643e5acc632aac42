// Site check: a consent banner or pop-up says what it is to screen readers: a dialog with a name, or a named region (WCAG 4.1.2); judged once, where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

export default defineSiteCheck({
  meta: {
    id: 'arrival-name',
    title: 'Consent banners and pop-ups have a name',
    family: 'arrival',
    affects: ['blind'],
    wcag: ['4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader announces a dialog by its name ("Cookie settings, dialog"). Without one, a blind visitor lands in a box of buttons without knowing what they are agreeing to or closing.',
    howToFix: 'Give the dialog or region a name: aria-labelledby pointing at its heading, or aria-label.',
    example: '<div role="dialog" aria-modal="true" aria-labelledby="cookie-title"><h2 id="cookie-title">Cookies on this site</h2>…</div>',
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      consent: 'The consent banner',
      newsletter: 'The sign-up pop-up',
      dialogUnnamed: '{what} is a dialog without a name: screen readers announce "dialog" and nothing else.',
      unnamed: '{what} has no role and no name: screen readers read it as part of the page, without saying what it is. Check that it is announced for what it is (a named dialog or region).',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages)) {
      if (layer.name) continue;
      const what = message(layer.kind);
      const dialog = layer.role === 'dialog' || layer.role === 'alertdialog' || layer.ariaModal || layer.nativeModal;
      results.push({ kind: dialog ? 'violation' : 'needs-review', url, selector: layer.selector, snippet: layer.snippet, message: message(dialog ? 'dialogUnnamed' : 'unnamed', { what }) });
    }
    return results;
  },
});
