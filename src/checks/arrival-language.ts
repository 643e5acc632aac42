// Site check: a consent banner or pop-up speaks the page's language, or says which language it speaks (WCAG 3.1.2); judged once, where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];

export default defineSiteCheck({
  meta: {
    id: 'arrival-language',
    title: 'Consent banners and pop-ups are in the page\'s language',
    family: 'arrival',
    affects: ['other-language', 'blind', 'cognitive'],
    wcag: ['3.1.2'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'Visitors are asked to agree to something in a banner they may not be able to read: a consent platform left in English on a Spanish site asks for consent in a language the visitor did not choose. Screen readers also read it with the page\'s pronunciation, which makes it hard to understand.',
    howToFix: 'Set the consent platform\'s language to the page\'s (most platforms follow <html lang> or have a language setting). Where another language is meant, mark it with lang on the banner.',
    example: '<html lang="es"> … <div id="cookie-banner">Usamos cookies… <button>Rechazar todas</button></div>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts.html',
    messages: {
      consent: 'The consent banner',
      newsletter: 'The sign-up pop-up',
      unmarked: '{what} is written in {found:language} on a page in {page:language}, and is not marked with its language.',
      marked: '{what} is written in {found:language} (and marked so) on a page in {page:language}: visitors who read the page\'s language may not understand what they are asked to agree to.',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages)) {
      const page = pages.find((p) => p.finalUrl === url)!.artifacts.arrival.pageLang;
      if (!layer.wordingLang || !page || primary(page) === layer.wordingLang) continue;
      const what = message(layer.kind);
      const marked = primary(layer.ownLang) === layer.wordingLang;
      results.push({
        kind: marked ? 'needs-review' : 'violation',
        url,
        selector: layer.selector,
        snippet: layer.snippet,
        message: message(marked ? 'marked' : 'unmarked', { what, found: layer.wordingLang, page: primary(page) }),
      });
    }
    return results;
  },
});
