// The arrival-layer checks on hand-made artifacts: each layer judged once, on the page where it was audited; a sign-up pop-up counted over pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SitePage, SiteCheck } from '../../../src/checks/check.js';
import { englishMessage } from '../../../src/checks/run-checks.js';
import arrivalFocus from '../../../src/checks/arrival-focus.js';
import arrivalHidesPage from '../../../src/checks/arrival-hides-page.js';
import arrivalKeyboard from '../../../src/checks/arrival-keyboard.js';
import arrivalLanguage from '../../../src/checks/arrival-language.js';
import arrivalName from '../../../src/checks/arrival-name.js';
import arrivalPopup from '../../../src/checks/arrival-popup.js';
import consentRefuseEqual from '../../../src/checks/consent-refuse-equal.js';
import type { ArrivalControl, ArrivalLayer } from '../../../src/gather/arrival-layer.js';
import { controlPurpose, layerWording, wordingLanguage } from '../../../src/gather/arrival-words.js';

const control = (text: string, extra: Partial<ArrivalControl> = {}): ArrivalControl => ({
  selector: `#${text.toLowerCase().replace(/\W+/g, '-')}`,
  handle: '[data-welcomemat-control="0-0"]',
  text,
  purpose: controlPurpose(text),
  focusable: true,
  area: 4000,
  fontSize: 16,
  filled: true,
  ...extra,
});

const layer = (extra: Partial<ArrivalLayer> = {}): ArrivalLayer => ({
  kind: 'consent',
  selector: '#banner',
  handle: '[data-welcomemat-layer="0"]',
  snippet: '<div id="banner">',
  platform: '',
  text: 'We use cookies.',
  position: 'fixed',
  covers: 0.2,
  blocking: false,
  role: 'region',
  ariaModal: false,
  nativeModal: false,
  name: 'Cookies',
  ownLang: '',
  hasEmailField: false,
  controls: [control('Reject all'), control('Accept all')],
  focusInside: false,
  tabsToReach: 0,
  pageHidden: false,
  wordingLang: 'en',
  audited: true,
  dismissal: { by: 'refuse', byKeyboard: true, mouseOnly: false, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: false },
  ...extra,
});

const site = (...layersPerPage: ArrivalLayer[][]): SitePage<'arrival'>[] =>
  layersPerPage.map((layers, i) => ({ url: `https://x.test/${i}`, finalUrl: `https://x.test/${i}`, status: 200, artifacts: { arrival: { pageLang: 'en', layers } } }));

const run = (check: SiteCheck<'arrival'>, pages: SitePage<'arrival'>[]) =>
  check.evaluate(pages, { startUrls: ['https://x.test/0'], settings: {}, auditedUrls: new Set() }).map((r) => `${r.kind} ${r.url} ${r.selector ?? ''} ${englishMessage(check, r.message)}`);

describe('arrival words', () => {
  it('tells refusing, closing, settings and accepting apart in seven languages', () => {
    const cases: [string, string][] = [
      ['Reject All', 'refuse'], ['Only necessary cookies', 'refuse'], ['Accept only necessary', 'refuse'], ['Use necessary cookies only', 'refuse'], ['Rechazar todas', 'refuse'], ['Nur notwendige', 'refuse'],
      ['Tout refuser', 'refuse'], ['Rifiuta', 'refuse'], ['Alleen noodzakelijke', 'refuse'], ['Rejeitar', 'refuse'],
      ['×', 'close'], ['Close', 'close'], ['Cerrar', 'close'], ['Schließen', 'close'], ['No thanks', 'close'],
      ['Cookie Settings', 'settings'], ['Einstellungen', 'settings'], ['Personnaliser', 'settings'],
      ['Accept All Cookies', 'accept'], ['Aceptar', 'accept'], ['Alle akzeptieren', 'accept'], ['Accepter', 'accept'], ['Accetta tutto', 'accept'], ['Akkoord', 'accept'], ['Aceitar', 'accept'],
      ['Subscribe', 'subscribe'], ['Privacy policy', 'other'],
    ];
    for (const [text, purpose] of cases) assert.equal(controlPurpose(text), purpose, text);
  });

  it('reads the language of a banner text, and leaves a short or mixed one unknown', () => {
    assert.equal(wordingLanguage('We use cookies to make this site work and to understand how you use it.'), 'en');
    assert.equal(wordingLanguage('Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad.'), 'es');
    assert.equal(wordingLanguage('Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Website zu ermöglichen und für die Statistik.'), 'de');
    assert.equal(wordingLanguage('Nous utilisons des cookies pour améliorer votre expérience et mesurer la fréquentation de notre site.'), 'fr');
    assert.equal(wordingLanguage('Accept all cookies'), '');
    assert.deepEqual(layerWording('Join our newsletter and get 10% off'), { consent: 0, newsletter: 3 });
  });
});

describe('arrival checks', () => {
  it('judge each layer once, on the page where it was audited', () => {
    const bad = layer({ name: '', role: 'dialog', wordingLang: 'de' });
    const pages = site([bad], [{ ...bad, audited: false }], []);
    assert.deepEqual(run(arrivalName, pages), ['violation https://x.test/0 #banner The consent banner is a dialog without a name: screen readers announce "dialog" and nothing else.']);
    assert.deepEqual(run(arrivalLanguage, pages), ['violation https://x.test/0 #banner The consent banner is written in German on a page in English, and is not marked with its language.']);
    assert.deepEqual(run(arrivalLanguage, site([{ ...bad, ownLang: 'de' }])).map((r) => r.split(' ')[0]), ['needs-review']);
    assert.deepEqual(run(arrivalName, site([layer({ name: '', role: '' })])).map((r) => r.split(' ')[0]), ['needs-review']);
  });

  it('consent-refuse-equal: no refusal on the banner, a refusal drawn as text, one a little smaller, and an equal pair', () => {
    assert.deepEqual(run(consentRefuseEqual, site([layer({ controls: [control('Settings'), control('Accept all')] })])), [
      'violation https://x.test/0 #banner The consent banner offers "Accept all" but no way to refuse on the banner itself: refusing takes extra steps.',
    ]);
    assert.deepEqual(run(consentRefuseEqual, site([layer({ controls: [control('Reject all', { filled: false }), control('Accept all')] })])).map((r) => r.split(' ')[0]), ['violation']);
    assert.deepEqual(run(consentRefuseEqual, site([layer({ controls: [control('Reject all', { area: 3000 }), control('Accept all')] })])).map((r) => r.split(' ')[0]), ['needs-review']);
    assert.deepEqual(run(consentRefuseEqual, site([layer()])), []);
  });

  it('arrival-keyboard and arrival-focus: a fake button, a mouse-only close, a trap, focus far behind a wall, focus left on the closed layer', () => {
    const fake = layer({ controls: [control('Reject all', { focusable: false }), control('Accept all')], dismissal: { by: 'refuse', byKeyboard: false, mouseOnly: false, focusLeftInLayer: true, focusInvisible: true, pageStillHidden: false } });
    assert.deepEqual(run(arrivalKeyboard, site([fake])), ['violation https://x.test/0 #reject-all The button "Reject all" in the consent banner cannot be reached with the Tab key: it is not a real button or link.']);
    const mouse = layer({ dismissal: { by: 'refuse', byKeyboard: false, mouseOnly: true, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: false } });
    assert.match(run(arrivalKeyboard, site([mouse]))[0], /Pressing Enter on "Reject all" does not close/);
    const trap = layer({ kind: 'newsletter', focusStaysInside: true, dismissal: { by: 'hidden', byKeyboard: false, mouseOnly: false, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: false } });
    assert.match(run(arrivalKeyboard, site([trap]))[0], /Focus cannot leave the sign-up pop-up/);
    assert.deepEqual(run(arrivalFocus, site([layer({ blocking: true, tabsToReach: 30 })])).map((r) => r.split(' ')[0]), ['violation']);
    assert.deepEqual(run(arrivalFocus, site([layer({ blocking: true, tabsToReach: 5 })])).map((r) => r.split(' ')[0]), ['needs-review']);
    assert.deepEqual(run(arrivalFocus, site([layer({ blocking: true, tabsToReach: 0 })])), []);
    assert.deepEqual(run(arrivalFocus, site([fake])), ['violation https://x.test/0 #banner After the consent banner closes, focus stays on it although it can no longer be seen.']);
  });

  it('arrival-hides-page: hiding the page is allowed to a proper modal only, and never after closing', () => {
    assert.equal(run(arrivalHidesPage, site([layer({ pageHidden: true })])).length, 1);
    assert.deepEqual(run(arrivalHidesPage, site([layer({ pageHidden: true, role: 'dialog', ariaModal: true, focusInside: true })])), []);
    const left = layer({ dismissal: { by: 'refuse', byKeyboard: true, mouseOnly: false, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: true } });
    assert.match(run(arrivalHidesPage, site([left]))[0], /stays hidden from screen readers/);
  });

  it('arrival-popup: one finding with the pages it was met on; a violation when no key closes it', () => {
    const popup = layer({ kind: 'newsletter', controls: [control('×'), control('Subscribe')] });
    assert.deepEqual(run(arrivalPopup, site([popup], [{ ...popup, audited: false }], [])), [
      'needs-review https://x.test/0 #banner A sign-up pop-up interrupts visitors on arrival (2 of 3 pages audited). Check whether it is needed there.',
    ]);
    const stuck = { ...popup, dismissal: { by: 'hidden' as const, byKeyboard: false, mouseOnly: false, focusLeftInLayer: false, focusInvisible: false, pageStillHidden: false } };
    assert.match(run(arrivalPopup, site([stuck]))[0], /^violation .* cannot be closed from the keyboard\.$/);
    assert.deepEqual(run(arrivalPopup, site([[layer()]].flat())), []);
  });
});
