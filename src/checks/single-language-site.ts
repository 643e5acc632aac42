// Site check: a site in one language only gets a note on who it leaves out (info, not a violation).
import { defineSiteCheck, message } from './check.js';
import { siteLanguages } from './util/site-languages.js';

export default defineSiteCheck({
  meta: {
    id: 'single-language-site',
    title: 'The site is offered in more than one language',
    family: 'language-options',
    affects: ['other-language'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'minor',
    whyItMatters:
      'A site in one language only leaves out local people who read another language better, and visitors from abroad. Even one translated page (how to find you, how to contact you) helps.',
    howToFix: 'Translate the key pages (opening hours, contact, prices) into the languages your customers speak, and link them with a language switcher and hreflang.',
    example: '<a href="/es/" hreflang="es" lang="es">Español</a>',
    helpUrl: 'https://www.w3.org/International/questions/qa-site-conneg',
    messages: {
      oneLanguage: 'Every page audited is in {language:language} only. People who read other languages better cannot use the site in their own.',
    },
  },
  requires: ['content'],
  evaluate(pages, { startUrls }) {
    const languages = siteLanguages(pages);
    if (languages.size !== 1 || pages.length === 0) return [];
    const [only] = [...languages];
    return [
      {
        kind: 'info',
        url: startUrls[0],
        message: message('oneLanguage', { language: only }),
      },
    ];
  },
});
