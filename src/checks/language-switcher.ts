// Site check: a multilingual site has a visible, keyboard-operable language switcher on every page, with options in their own language.
import { defineSiteCheck, message } from './check.js';
import type { CheckMessage, CheckResult } from './check.js';
import type { SwitcherOption } from '../gather/content-gatherer.js';
import { siteLanguages } from './util/site-languages.js';
import { normalise, urlKey } from './util/text.js';
import { languageName, primarySubtag } from '../language/detect-language.js';

/** The language an option leads to: its lang, its hreflang, the alternate its link points at, or the language its text names. */
function targetLanguage(option: SwitcherOption, alternates: { hreflang: string; href: string }[], known: Set<string>): string {
  if (option.lang) return primarySubtag(option.lang);
  if (option.hreflang) return primarySubtag(option.hreflang);
  const viaAlternate = alternates.find((a) => option.href && urlKey(a.href) === urlKey(option.href) && a.hreflang.toLowerCase() !== 'x-default');
  if (viaAlternate) return primarySubtag(viaAlternate.hreflang);
  const name = normalise(option.nameWithoutFlags);
  if (/^[a-z]{2,3}$/.test(name)) return name;
  for (const code of known) {
    if (normalise(languageName(code, code)) === name || normalise(languageName(code, 'en')) === name) return code;
  }
  return '';
}

/** A language's own name, capitalised as in a menu: "español" → "Español". */
function ownName(code: string): string {
  const name = languageName(code, code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

function problemsOf(option: SwitcherOption, target: string, pageLang: string): { problems: CheckMessage[]; serious: boolean } {
  const problems: CheckMessage[] = [];
  let serious = false;
  const name = option.nameWithoutFlags.trim();
  if (!name) {
    problems.push(message('problem.flagOnly'));
    serious = true;
  } else if (/^[a-z]{2,3}([-_][a-z]{2})?$/i.test(name)) {
    problems.push(target ? message('problem.codeOnlyWrite', { code: name, name: ownName(target) }) : message('problem.codeOnly', { code: name }));
    serious = true;
  } else if (target) {
    const autonym = normalise(languageName(target, target));
    if (autonym && autonym !== target && !normalise(name).includes(autonym)) {
      problems.push(message('problem.notOwnLanguage', { text: name, name: ownName(target) }));
      serious = true;
    }
  }
  if (target && pageLang && target !== pageLang && !option.lang) problems.push(message('problem.noLang', { lang: target }));
  if (!option.lang && !option.hreflang) problems.push(message('problem.noLangOrHreflang'));
  if (!option.keyboardOperable) {
    problems.push(message('problem.notKeyboard'));
    serious = true;
  }
  return { problems, serious };
}

export default defineSiteCheck({
  meta: {
    id: 'language-switcher',
    title: 'Every page has a usable language switcher',
    family: 'language-options',
    affects: ['other-language', 'blind', 'keyboard'],
    wcag: ['3.1.2', '2.1.1'],
    level: 'AA',
    impact: 'serious',
    whyItMatters:
      'Someone who does not read the current language must be able to find their own. That only works if the switcher is on every page, names each language in that language ("Español", not "Spanish" or a flag), and works by keyboard and screen reader.',
    howToFix: 'Put a switcher in the header of every page, as real links, with each option written in its own language and marked with lang and hreflang.',
    example: '<nav aria-label="Language">\n  <a href="/es/" hreflang="es" lang="es">Español</a>\n  <a href="/fr/" hreflang="fr" lang="fr">Français</a>\n</nav>',
    helpUrl: 'https://www.w3.org/International/questions/qa-navigation-select',
    messages: {
      hidden: 'The site is offered in several languages, but this page\'s language options are hidden until something is opened; check that a visible, labelled control opens them.',
      missing: 'The site is offered in {languages}, but this page has no visible language switcher.',
      language: '{code:language}',
      option: 'Language option "{text}": {problems}.',
      'problem.flagOnly': 'it shows only a flag, and flags stand for countries, not languages',
      'problem.codeOnly': 'its text is only the code "{code}"',
      'problem.codeOnlyWrite': 'its text is only the code "{code}"; write "{name}"',
      'problem.notOwnLanguage': 'it is written "{text}" rather than in its own language ("{name}")',
      'problem.noLang': 'it has no lang="{lang}", so screen readers read it in the page\'s language',
      'problem.noLangOrHreflang': 'it has neither lang nor hreflang',
      'problem.notKeyboard': 'it is not a link or button, so it cannot be used by keyboard',
    },
  },
  requires: ['content'],
  evaluate(pages) {
    const languages = siteLanguages(pages);
    if (languages.size < 2) return [];
    const results: CheckResult[] = [];
    for (const page of pages) {
      const content = page.artifacts.content;
      const pageLang = primarySubtag(content.htmlLang);
      const visible = content.switcherOptions.filter((o) => o.visible);
      if (visible.length === 0) {
        const hidden = content.switcherOptions.length > 0;
        results.push({
          kind: hidden ? 'needs-review' : 'violation',
          url: page.finalUrl,
          message: hidden ? message('hidden') : message('missing', { languages: [...languages].map((code) => message('language', { code })) }),
          causeKey: 'language-switcher:missing',
        });
        continue;
      }
      for (const option of visible) {
        const target = targetLanguage(option, content.alternates, languages);
        const { problems, serious } = problemsOf(option, target, pageLang);
        if (problems.length === 0) continue;
        results.push({
          kind: serious ? 'violation' : 'needs-review',
          impact: serious ? undefined : 'minor',
          url: page.finalUrl,
          selector: option.selector,
          snippet: option.snippet,
          message: message('option', { text: option.text, problems }),
          causeKey: `language-switcher:${option.snippet}`,
        });
      }
    }
    return results;
  },
});
