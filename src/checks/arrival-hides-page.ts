// Site check: a consent banner or pop-up hides the page from screen readers only while it is a proper modal dialog, and gives it back when it closes (WCAG 4.1.2, 1.3.1); judged once, where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

export default defineSiteCheck({
  meta: {
    id: 'arrival-hides-page',
    title: 'Consent banners and pop-ups do not hide the page from screen readers',
    family: 'arrival',
    affects: ['blind'],
    wcag: ['1.3.1', '4.1.2'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'Some banners set aria-hidden or inert on the rest of the page while they are open. Done by a proper modal dialog that takes focus, that is right; done by a banner that is not one, the screen reader finds an empty page. Left in place after the banner closes, the whole site stays silent for blind visitors.',
    howToFix:
      'Hide the page only from a real modal dialog (role="dialog", aria-modal="true", focus moved into it), or better use <dialog> with showModal(). Remove aria-hidden and inert from the page as soon as the banner closes.',
    example: "dialog.showModal(); … dialog.close(); // the browser hides and restores the page itself",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/',
    messages: {
      consent: 'the consent banner',
      newsletter: 'the sign-up pop-up',
      notModal: 'While {what} is open the page\'s content is hidden from screen readers (aria-hidden or inert), but the banner is not a proper modal dialog that takes focus.',
      stillHidden: 'After {what} closes, the page\'s content stays hidden from screen readers (aria-hidden or inert is left on it).',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages)) {
      const what = message(layer.kind);
      const at = { url, selector: layer.selector, snippet: layer.snippet };
      const properModal = (layer.nativeModal || (layer.ariaModal && (layer.role === 'dialog' || layer.role === 'alertdialog'))) && layer.focusInside;
      if (layer.pageHidden && !properModal) results.push({ kind: 'violation', ...at, message: message('notModal', { what }) });
      if (layer.dismissal?.pageStillHidden) results.push({ kind: 'violation', ...at, message: message('stillHidden', { what }) });
    }
    return results;
  },
});
