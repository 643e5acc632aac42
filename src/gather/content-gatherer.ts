// Collects the page's content facts (text by block with its language, images, icons, links, help and media) in one round trip.
import type { Gatherer } from './gatherer.js';
import type { Box } from '../model/finding.js';

/** A block of text (paragraph, list item, cell...) with the language it is declared in. */
export interface TextBlock {
  selector: string;
  snippet: string;
  /** Text of the block, minus descendants that declare a language of their own. */
  text: string;
  /** The nearest `lang` value, as written ('' when none). */
  lang: string;
  /** True when the language comes from <html> (no element in between sets one). */
  inheritsPageLang: boolean;
  inMain: boolean;
  tag: string;
}

export interface LangAttributeFact {
  selector: string;
  snippet: string;
  value: string;
  attribute: 'lang' | 'xml:lang';
  /** The element holds text a visitor can see or hear (not empty, not hidden); always true for <html>. */
  carriesText: boolean;
}

export interface AbbreviationFact {
  text: string;
  title: string;
}

export interface ImageFact {
  selector: string;
  snippet: string;
  tag: 'img' | 'input' | 'area';
  /** Null when the attribute is absent. */
  alt: string | null;
  src: string;
  role: string;
  ariaLabel: string;
  /** aria-hidden on the image or an ancestor. */
  hidden: boolean;
  visible: boolean;
  width: number;
  height: number;
  inMain: boolean;
  /** The link the image sits in, if any. */
  linkHref: string;
  /** Text of that link other than the image's own alt. */
  linkText: string;
  /** Other images in the same link. */
  linkImageCount: number;
  captionText: string;
  /** Text right before and after the image, inside its parent. */
  adjacentText: string;
  /** The title attribute ('' when absent): the tooltip mouse users see. */
  title: string;
  /**
   * The link, button or figure whose only content is this image (no other text, image
   * or name of its own), '' when none: there the image is what the control or figure says.
   */
  soleContentOf: '' | 'link' | 'button' | 'figure';
  box: Box | null;
}

export interface GraphicFact {
  selector: string;
  snippet: string;
  kind: 'svg' | 'icon-font';
  /** Text alternative on the graphic itself (title, aria-label, aria-labelledby, role=img + name). */
  name: string;
  role: string;
  hidden: boolean;
  visible: boolean;
  width: number;
  height: number;
  /** Inside a link or button. */
  inControl: boolean;
  /** The control's text and names other than this graphic (empty when the graphic is its only content). */
  controlOtherName: string;
  box: Box | null;
}

/** A link or control that may be a language switcher option. */
export interface SwitcherOption {
  selector: string;
  snippet: string;
  tag: string;
  role: string;
  text: string;
  lang: string;
  hreflang: string;
  href: string;
  /** A real link, button, option or form control, or has tabindex ≥ 0. */
  keyboardOperable: boolean;
  /** Text is (or contains) flag emoji or an image whose src/alt/class says flag. */
  hasFlag: boolean;
  /** Accessible text other than flags (aria-label, alt, title, text). */
  nameWithoutFlags: string;
  visible: boolean;
  /** Why it was taken as a switcher option. */
  reason: 'hreflang' | 'language-name' | 'language-container' | 'flag';
}

export interface HelpLinkFact {
  kind: 'contact-page' | 'help-page' | 'tel' | 'mailto' | 'sms' | 'chat';
  href: string;
  text: string;
  selector: string;
  /** Landmark the link sits in: header, nav, footer, aside, main or other. */
  region: string;
  /** Position among the page's help links in DOM order, for relative-order comparisons. */
  domIndex: number;
}

export interface ContactFacts {
  helpLinks: HelpLinkFact[];
  /** Forms with a free-text box (textarea) or an email field: a way to write to the business. */
  contactForms: number;
  /** Phone numbers and email addresses written as text, not links. */
  phonesInText: number;
  emailsInText: number;
  /** Links whose text or URL says accessibility statement/accessibility. */
  accessibilityLinks: { href: string; text: string; selector: string }[];
}

export interface MediaFact {
  selector: string;
  snippet: string;
  tag: 'video' | 'audio' | 'iframe';
  src: string;
  autoplay: boolean;
  muted: boolean;
  controls: boolean;
  loop: boolean;
  tracks: { kind: string; srclang: string; label: string }[];
  /** A link or text near the player says transcript. */
  transcriptNearby: boolean;
  /** iframe from a known video host, whose captions cannot be seen from outside. */
  embeddedPlayer: boolean;
  visible: boolean;
  box: Box | null;
}

export interface ContentArtifact {
  htmlLang: string;
  /** Text of the blocks that inherit the page language, capped; what the page's own language is judged on. */
  mainText: string;
  blocks: TextBlock[];
  langAttributes: LangAttributeFact[];
  headings: { level: number; text: string }[];
  abbreviations: AbbreviationFact[];
  images: ImageFact[];
  graphics: GraphicFact[];
  /** <link rel=alternate hreflang>, resolved. */
  alternates: { hreflang: string; href: string }[];
  switcherOptions: SwitcherOption[];
  contact: ContactFacts;
  media: MediaFact[];
  /** Visible text of alt attributes and main text, for wording checks: alt texts only (text is in blocks). */
  altTexts: { selector: string; alt: string }[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    content: ContentArtifact;
  }
}

/** Caps keep the artifact small on huge pages; a check needs a sample, not every node. */
export const CONTENT_LIMITS = {
  /** 400 blocks covers a long article; more adds time, not findings. */
  blocks: 400,
  /** A block's text is cut here: language detection and readability need a sample. */
  blockChars: 1_500,
  /** 20,000 characters is enough for detection and a reading-level estimate. */
  mainTextChars: 20_000,
  images: 300,
  graphics: 300,
  langAttributes: 200,
  abbreviations: 200,
  switcherOptions: 60,
  helpLinks: 100,
  media: 50,
};

/** Language codes whose names (in each other's language) mark a link as a language option. */
const SWITCHER_LANGUAGE_CODES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'tr', 'ru', 'uk', 'ar', 'he', 'fa', 'ur', 'hi', 'bn', 'pa', 'ta', 'zh', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'tl', 'sw', 'cy', 'ga', 'ca', 'eu', 'gl', 'hr', 'sr', 'sl', 'lt', 'lv', 'et', 'so', 'am', 'yo'];

/** Every name of those languages in each of them ("Spanish", "español", "Spanisch"...), computed once in Node, not per page. */
const LANGUAGE_NAMES: string[] = (() => {
  const names = new Set<string>();
  for (const display of SWITCHER_LANGUAGE_CODES) {
    const inLanguage = new Intl.DisplayNames([display], { type: 'language' });
    for (const code of SWITCHER_LANGUAGE_CODES) names.add((inLanguage.of(code) ?? '').toLocaleLowerCase());
  }
  names.delete('');
  return [...names];
})();

type Limits = typeof CONTENT_LIMITS & { languageNames: string[]; languageCodes: string[] };

/** Runs inside the page; relies only on `window.__welcomemat` helpers. */
function collectContent(limits: Limits): ContentArtifact {
  const helpers = window.__welcomemat!;
  const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const html = document.documentElement;
  const htmlLang = html.getAttribute('lang') ?? html.getAttribute('xml:lang') ?? '';
  const main = document.querySelector('main, [role="main"]');
  const inMain = (el: Element) => (main ? main.contains(el) : !el.closest('header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"]'));
  const visible = (el: Element): boolean => {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    return check ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : helpers.isVisible(el);
  };
  const langHost = (el: Element): Element | null => el.closest('[lang], [xml\\:lang]');
  const langOf = (el: Element): string => {
    const host = langHost(el);
    return host ? (host.getAttribute('lang') ?? host.getAttribute('xml:lang') ?? '') : '';
  };
  const hiddenFromAT = (el: Element) => !!el.closest('[aria-hidden="true"]');
  const sizeOf = (el: Element) => {
    const rect = el.getBoundingClientRect();
    return { width: Math.round(rect.width), height: Math.round(rect.height) };
  };
  const byIds = (ids: string | null) =>
    squash(
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent ?? '' : ''))
        .join(' '),
    );

  // Text blocks: leaf-most block elements, text split by declared language.
  const BLOCK_SELECTOR = 'p, li, blockquote, dd, dt, td, th, figcaption, caption, h1, h2, h3, h4, h5, h6, summary, legend, label, pre, address';
  const blocks: TextBlock[] = [];
  const mainParts: string[] = [];
  let mainLength = 0;
  for (const el of Array.from(document.body?.querySelectorAll(BLOCK_SELECTOR) ?? [])) {
    if (blocks.length >= limits.blocks) break;
    if (el.querySelector(BLOCK_SELECTOR) && el.localName !== 'li' && el.localName !== 'td' && el.localName !== 'dd') continue;
    if (el.closest('script, style, noscript, template, [hidden]')) continue;
    const host = langHost(el);
    // Collect text nodes that share the block's language; skip nested blocks (counted on their own) and other-language spans.
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && text.length < limits.blockChars; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript')) continue;
      if (langHost(parent) !== host) continue;
      const nested = parent.closest(BLOCK_SELECTOR);
      if (nested && nested !== el) continue;
      text += node.nodeValue ?? '';
    }
    text = squash(text).slice(0, limits.blockChars);
    if (text.length < 2 || !visible(el)) continue;
    const lang = langOf(el);
    const inheritsPageLang = !host || host === html;
    const heading = /^h[1-6]$/.test(el.localName);
    blocks.push({ selector: helpers.selector(el), snippet: helpers.snippet(el, 160), text, lang, inheritsPageLang, inMain: inMain(el), tag: el.localName });
    if (inheritsPageLang && !heading && mainLength < limits.mainTextChars && inMain(el)) {
      mainParts.push(text);
      mainLength += text.length + 1;
    }
  }

  const langAttributes: LangAttributeFact[] = [];
  for (const el of Array.from(document.querySelectorAll('[lang], [xml\\:lang]'))) {
    if (langAttributes.length >= limits.langAttributes) break;
    for (const attribute of ['lang', 'xml:lang'] as const) {
      const value = el.getAttribute(attribute);
      if (value === null) continue;
      const carriesText = el === html || (squash(el.textContent).length > 0 && helpers.isVisible(el) && !el.closest('[aria-hidden="true"], [inert]'));
      langAttributes.push({ selector: el === html ? 'html' : helpers.selector(el), snippet: helpers.snippet(el, 120), value, attribute, carriesText });
    }
  }

  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .slice(0, 100)
    .map((h) => ({ level: Number(h.localName[1]), text: squash(h.textContent).slice(0, 200) }));

  const abbreviations: AbbreviationFact[] = Array.from(document.querySelectorAll('abbr, acronym'))
    .slice(0, limits.abbreviations)
    .map((a) => ({ text: squash(a.textContent), title: squash(a.getAttribute('title')) }));

  // Images.
  const images: ImageFact[] = [];
  const altTexts: { selector: string; alt: string }[] = [];
  for (const el of Array.from(document.querySelectorAll('img, input[type="image"], area[href]'))) {
    if (images.length >= limits.images) break;
    const tag = el.localName as ImageFact['tag'];
    const alt = el.getAttribute('alt');
    const link = el.closest('a[href]') as HTMLAnchorElement | null;
    let linkText = '';
    let linkImageCount = 0;
    if (link) {
      linkText = squash(
        Array.from(link.childNodes)
          .map((n) => (n === el ? '' : n.nodeType === Node.ELEMENT_NODE ? ((n as Element).contains(el) ? '' : (n as HTMLElement).innerText ?? n.textContent) : n.textContent))
          .join(' '),
      );
      linkImageCount = link.querySelectorAll('img').length - 1;
    }
    const figure = el.closest('figure');
    const caption = squash(figure?.querySelector('figcaption')?.textContent);
    const parent = el.parentElement;
    let adjacent = '';
    for (const sibling of [el.previousSibling, el.nextSibling]) {
      if (sibling) adjacent += ' ' + squash(sibling.textContent).slice(0, 200);
    }
    if (!adjacent.trim() && parent && parent !== link && parent.children.length === 1) adjacent = squash(parent.textContent);
    // Whose only content this image is: nothing else to read in the link, button or figure.
    const button = el.closest('button, [role="button"]');
    const ownName = (host: Element) => squash(host.getAttribute('aria-label')) || byIds(host.getAttribute('aria-labelledby'));
    let soleContentOf: ImageFact['soleContentOf'] = '';
    if (link && !linkText && linkImageCount === 0 && !ownName(link)) soleContentOf = 'link';
    else if (button && !squash(button.textContent) && button.querySelectorAll('img, svg').length === 1 && !ownName(button)) soleContentOf = 'button';
    else if (figure && !squash(figure.textContent) && figure.querySelectorAll('img, svg, video, canvas').length === 1 && !ownName(figure)) soleContentOf = 'figure';
    const size = sizeOf(el);
    const selector = helpers.selector(el);
    const fact: ImageFact = {
      selector,
      snippet: helpers.snippet(el),
      tag,
      alt,
      src: tag === 'area' ? (el as HTMLAreaElement).href : ((el as HTMLImageElement).currentSrc || (el as HTMLImageElement).src || ''),
      role: el.getAttribute('role') ?? '',
      ariaLabel: squash(el.getAttribute('aria-label')) || byIds(el.getAttribute('aria-labelledby')),
      hidden: hiddenFromAT(el),
      visible: visible(el),
      width: size.width,
      height: size.height,
      inMain: inMain(el),
      linkHref: link?.href ?? '',
      linkText: linkText.slice(0, 200),
      linkImageCount,
      captionText: caption.slice(0, 300),
      adjacentText: squash(adjacent).slice(0, 300),
      title: squash(el.getAttribute('title')).slice(0, 300),
      soleContentOf,
      box: helpers.box(el),
    };
    images.push(fact);
    if (alt && alt.trim()) altTexts.push({ selector, alt: squash(alt) });
  }

  // SVG and icon fonts.
  const graphics: GraphicFact[] = [];
  const controlOf = (el: Element) => el.closest('a[href], button, [role="button"], [role="link"]');
  const controlOtherName = (control: Element | null, graphic: Element): string => {
    if (!control) return '';
    const own = squash(control.getAttribute('aria-label')) || byIds(control.getAttribute('aria-labelledby')) || squash(control.getAttribute('title'));
    if (own) return own;
    let text = '';
    const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (graphic.contains(node)) continue;
      const parent = node.parentElement;
      if (parent && (parent.closest('[aria-hidden="true"]') || !visibleText(parent))) continue;
      text += node.nodeValue ?? '';
    }
    const imgAlts = Array.from(control.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt') ?? '');
    const svgNames = Array.from(control.querySelectorAll('svg'))
      .filter((s) => s !== graphic)
      .map((s) => squash(s.getAttribute('aria-label')) || squash(s.querySelector('title')?.textContent));
    return squash([text, ...imgAlts, ...svgNames].join(' '));
  };
  // Text a screen reader reads: not in a visually-hidden-by-display element. Visually hidden (sr-only) text counts.
  function visibleText(el: Element): boolean {
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden';
  }
  for (const svg of Array.from(document.querySelectorAll('svg'))) {
    if (graphics.length >= limits.graphics) break;
    if (svg.parentElement?.closest('svg')) continue;
    const size = sizeOf(svg);
    const control = controlOf(svg);
    graphics.push({
      selector: helpers.selector(svg),
      snippet: helpers.snippet(svg, 160),
      kind: 'svg',
      name:
        squash(svg.getAttribute('aria-label')) ||
        byIds(svg.getAttribute('aria-labelledby')) ||
        squash(svg.querySelector(':scope > title')?.textContent) ||
        squash(svg.getAttribute('title')),
      role: svg.getAttribute('role') ?? '',
      hidden: hiddenFromAT(svg),
      visible: visible(svg),
      width: size.width,
      height: size.height,
      inControl: !!control,
      controlOtherName: controlOtherName(control, svg).slice(0, 200),
      box: helpers.box(svg),
    });
  }
  // Icon fonts: empty <i>/<span> with an icon class whose glyph comes from ::before.
  const ICON_CLASS = /(^|\s)(fa[srlbd]?|fa-[\w-]+|icon|icon-[\w-]+|glyphicon|material-icons|material-symbols-[\w-]+|bi|bi-[\w-]+|ti|ti-[\w-]+)(\s|$)/;
  for (const el of Array.from(document.querySelectorAll('i[class], span[class]'))) {
    if (graphics.length >= limits.graphics) break;
    if (!ICON_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const ligature = /material-(icons|symbols)/.test(el.getAttribute('class') ?? '');
    if (!ligature && squash(el.textContent)) continue;
    if (!ligature) {
      const content = getComputedStyle(el, '::before').content;
      if (!content || content === 'none' || content === 'normal' || content === '""') continue;
    }
    const size = sizeOf(el);
    const control = controlOf(el);
    graphics.push({
      selector: helpers.selector(el),
      snippet: helpers.snippet(el, 160),
      kind: 'icon-font',
      name: squash(el.getAttribute('aria-label')) || byIds(el.getAttribute('aria-labelledby')) || squash(el.getAttribute('title')),
      role: el.getAttribute('role') ?? '',
      hidden: hiddenFromAT(el),
      visible: visible(el),
      width: size.width,
      height: size.height,
      inControl: !!control,
      controlOtherName: controlOtherName(control, el).slice(0, 200),
      box: helpers.box(el),
    });
  }

  const alternates = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="alternate" i][hreflang]')).map((l) => ({
    hreflang: l.getAttribute('hreflang') ?? '',
    href: l.href,
  }));

  // Language switcher candidates.
  const FLAG = /[\u{1F1E6}-\u{1F1FF}]{2}|\u{1F3F4}/u;
  const LANG_CONTAINER = /(^|[\s_-])(lang|language|languages|locale|i18n|translat\w*)([\s_-]|$)/i;
  const switcherOptions: SwitcherOption[] = [];
  const languageNames = new Set<string>(limits.languageNames);
  const codes = limits.languageCodes;
  const isLanguageName = (text: string) => {
    const plain = text.replace(FLAG, '').replace(/[()|/·•,]/g, ' ').trim().toLocaleLowerCase();
    if (!plain) return false;
    if (languageNames.has(plain)) return true;
    return /^[a-z]{2}(-[a-z]{2})?$/i.test(plain) && codes.includes(plain.slice(0, 2).toLowerCase()) && plain === plain.toUpperCase().toLowerCase();
  };
  const seenSwitchers = new Set<Element>();
  /**
   * A language menu is a small block of its own. Sites put "lang-es" or "translatepress-es"
   * classes on <html>, <body> or the whole layout; every short link there is ordinary
   * navigation ("Inicio", "Servicios"), not a language option.
   */
  const LANGUAGE_MENU_MAX_CONTROLS = 12;
  const smallLanguageContainer = (container: Element) =>
    !['html', 'body', 'main', 'header', 'footer'].includes(container.localName) &&
    container.querySelectorAll('a[href], button, [role="button"], [role="link"], [role="menuitem"], option').length <= LANGUAGE_MENU_MAX_CONTROLS;
  const containerOf = new Map<Element, Element>();
  /** The element of each switcher option, in the same order. */
  const switcherElements: Element[] = [];
  const controls = Array.from(document.querySelectorAll('a, button, [role="button"], [role="link"], [role="menuitem"], [role="option"], option, [onclick], [tabindex]'));
  for (const el of controls) {
    if (switcherOptions.length >= limits.switcherOptions) break;
    if (seenSwitchers.has(el) || el.closest('main p')) continue;
    const text = squash((el as HTMLElement).innerText ?? el.textContent).slice(0, 80);
    const flagImage = el.querySelector('img[src*="flag" i], img[alt*="flag" i], img[class*="flag" i], [class*="flag" i]');
    const hasFlag = FLAG.test(text) || !!flagImage || /(^|\s|-)flag/i.test(el.getAttribute('class') ?? '');
    const hreflang = el.getAttribute('hreflang') ?? '';
    let reason: SwitcherOption['reason'] | null = null;
    const container = el.closest('[class*="lang" i], [id*="lang" i], [class*="locale" i], [aria-label*="lang" i]');
    if (hreflang && text.length <= 40) reason = 'hreflang';
    else if (text.length <= 40 && isLanguageName(text)) reason = 'language-name';
    else if (hasFlag && text.replace(FLAG, '').trim().length <= 20) reason = 'flag';
    else if (
      text.length <= 20 &&
      container &&
      smallLanguageContainer(container) &&
      LANG_CONTAINER.test([container.getAttribute('class') ?? '', container.id, container.getAttribute('aria-label') ?? ''].join(' '))
    ) reason = 'language-container';
    if (!reason) continue;
    if (reason === 'language-container') containerOf.set(el, container!);
    // An in-text link with hreflang to a page in another language is content, not a switcher, unless it names a language.
    if (reason === 'hreflang' && !isLanguageName(text) && !hasFlag) continue;
    seenSwitchers.add(el);
    switcherElements.push(el);
    const tag = el.localName;
    const role = el.getAttribute('role') ?? '';
    const tabindex = el.getAttribute('tabindex');
    const keyboardOperable =
      (tag === 'a' && el.hasAttribute('href')) || tag === 'button' || tag === 'option' || (tabindex !== null && Number(tabindex) >= 0);
    const altNames = flagImage ? squash(flagImage.getAttribute('alt')) : '';
    const nameWithoutFlags = squash(
      [squash(el.getAttribute('aria-label')), squash(el.getAttribute('title')), text.replace(new RegExp(FLAG.source, 'gu'), ''), /flag/i.test(altNames) ? '' : altNames].join(' '),
    );
    switcherOptions.push({
      selector: helpers.selector(el),
      snippet: helpers.snippet(el, 200),
      tag,
      role,
      text,
      lang: el.getAttribute('lang') ?? '',
      hreflang,
      href: (el as HTMLAnchorElement).href ?? '',
      keyboardOperable,
      hasFlag,
      nameWithoutFlags,
      visible: tag === 'option' ? visible(el.closest('select') ?? el) : visible(el),
      reason,
    });
  }

  // An option taken only for sitting in a "lang" container counts when that container also holds a clear language option.
  const strongContainers = new Set<Element>();
  switcherOptions.forEach((option, i) => {
    if (option.reason === 'language-container') return;
    const element = switcherElements[i];
    for (const container of new Set(containerOf.values())) if (container.contains(element)) strongContainers.add(container);
  });
  for (let i = switcherOptions.length - 1; i >= 0; i--) {
    if (switcherOptions[i].reason !== 'language-container') continue;
    const container = containerOf.get(switcherElements[i]);
    if (!container || !strongContainers.has(container)) {
      switcherOptions.splice(i, 1);
      switcherElements.splice(i, 1);
    }
  }

  // Ways to get help.
  const regionOf = (el: Element) => {
    const landmark = el.closest('header, footer, nav, aside, main, [role="banner"], [role="contentinfo"], [role="navigation"], [role="complementary"], [role="main"]');
    if (!landmark) return 'other';
    const role = landmark.getAttribute('role');
    const map: Record<string, string> = { banner: 'header', contentinfo: 'footer', navigation: 'nav', complementary: 'aside', main: 'main' };
    const name = role && map[role] ? map[role] : landmark.localName;
    // A <header>/<footer> inside an article or section is not the page's banner or footer.
    if ((name === 'header' || name === 'footer') && !role && landmark.parentElement?.closest('article, section, main, aside, nav')) return 'main';
    return name;
  };
  const helpLinks: HelpLinkFact[] = [];
  const accessibilityLinks: ContactFacts['accessibilityLinks'] = [];
  const CONTACT = /\b(contact|get in touch|kontakt|contacto|cont[aá]ctenos|contactez|contatti|contato|impressum|reach us|write to us|talk to us|call us|email us)\b/i;
  const HELP = /\b(help|support|faq|faqs|frequently asked|customer service|ayuda|aide|hilfe|assistance)\b/i;
  const CHAT = /\b(live chat|chat with us|whatsapp|messenger)\b/i;
  const A11Y = /(accessibility|accesibilidad|accessibilit[ée]|barrierefrei|toegankelijkheid|accessibilità|a11y)/i;
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    const text = squash(a.innerText ?? a.textContent).slice(0, 120) || squash(a.getAttribute('aria-label'));
    let kind: HelpLinkFact['kind'] | null = null;
    if (/^tel:/i.test(href)) kind = 'tel';
    else if (/^mailto:/i.test(href)) kind = 'mailto';
    else if (/^sms:/i.test(href)) kind = 'sms';
    else if (CHAT.test(text) || /wa\.me\/|whatsapp\.com|m\.me\//i.test(href)) kind = 'chat';
    else if (CONTACT.test(text) || /\/contact/i.test(href)) kind = 'contact-page';
    else if (HELP.test(text) || /\/(help|support|faq)/i.test(href)) kind = 'help-page';
    if (A11Y.test(text) || /accessib/i.test(href)) accessibilityLinks.push({ href: a.href, text, selector: helpers.selector(a) });
    if (!kind || helpLinks.length >= limits.helpLinks) continue;
    helpLinks.push({ kind, href: kind === 'tel' || kind === 'mailto' || kind === 'sms' ? href.trim() : a.href, text, selector: helpers.selector(a), region: regionOf(a), domIndex: helpLinks.length });
  }
  const contactForms = Array.from(document.forms).filter((f) => f.querySelector('textarea, input[type="email"]')).length;
  const bodyText = document.body?.innerText ?? '';
  const linkedText = Array.from(document.querySelectorAll('a[href^="tel:" i], a[href^="mailto:" i]'))
    .map((a) => a.textContent ?? '')
    .join(' ');
  const unlinked = bodyText.length > 200_000 ? bodyText.slice(0, 200_000) : bodyText;
  // Phone numbers: 8+ digits with optional +, spaces, dots, dashes, brackets.
  const phones = (unlinked.match(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{6,}\d/g) ?? []).filter((p) => p.replace(/\D/g, '').length >= 8 && !linkedText.includes(p.trim()));
  const emails = (unlinked.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).filter((e) => !linkedText.includes(e));

  // Media.
  const media: MediaFact[] = [];
  const TRANSCRIPT = /(transcript|transcripci[oó]n|transcription|transkript|texto completo|read the text)/i;
  // "Nearby": the player's wrapper (when it holds little else) and the two elements after it or the one before.
  const nearbyTranscript = (el: Element): boolean => {
    if (el.getAttribute('aria-describedby') && TRANSCRIPT.test(byIds(el.getAttribute('aria-describedby')))) return true;
    const around = (node: Element | null): Element[] =>
      node ? [node.previousElementSibling, node.nextElementSibling, node.nextElementSibling?.nextElementSibling ?? null].filter((n): n is Element => !!n) : [];
    const parent = el.parentElement;
    const smallWrapper = parent && parent !== document.body && parent.children.length <= 3 && !parent.matches('main, [role="main"], body');
    const candidates = [...around(el), ...(smallWrapper ? [parent, ...around(parent)] : [])];
    return candidates.some(
      (n) => n !== el && (TRANSCRIPT.test(n.getAttribute('href') ?? '') || Array.from(n.querySelectorAll('a, summary, button, h2, h3, h4')).concat(n).some((m) => TRANSCRIPT.test(m.textContent ?? '') && m.textContent!.length < 300)),
    );
  };
  const PLAYER_HOST = /(youtube(-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|wistia\.(com|net)|soundcloud\.com|spotify\.com|podbean\.com|anchor\.fm)/i;
  for (const el of Array.from(document.querySelectorAll('video, audio, iframe[src]'))) {
    if (media.length >= limits.media) break;
    const tag = el.localName as MediaFact['tag'];
    const src = tag === 'iframe' ? (el as HTMLIFrameElement).src : (el as HTMLMediaElement).currentSrc || el.getAttribute('src') || el.querySelector('source')?.getAttribute('src') || '';
    if (tag === 'iframe' && !PLAYER_HOST.test(src)) continue;
    const m = el as HTMLMediaElement;
    const autoplayParam = tag === 'iframe' && /[?&]autoplay=1/.test(src);
    media.push({
      selector: helpers.selector(el),
      snippet: helpers.snippet(el),
      tag,
      src,
      autoplay: tag === 'iframe' ? autoplayParam : m.autoplay,
      muted: tag === 'iframe' ? /[?&](mute|muted)=1/.test(src) : m.muted || m.hasAttribute('muted') || m.volume === 0,
      controls: tag === 'iframe' ? true : m.controls,
      loop: tag === 'iframe' ? false : m.loop,
      tracks: Array.from(el.querySelectorAll('track')).map((t) => ({ kind: t.getAttribute('kind') || 'subtitles', srclang: t.getAttribute('srclang') ?? '', label: t.getAttribute('label') ?? '' })),
      transcriptNearby: nearbyTranscript(el),
      embeddedPlayer: tag === 'iframe',
      visible: visible(el),
      box: helpers.box(el),
    });
  }

  return {
    htmlLang,
    mainText: mainParts.join('\n').slice(0, limits.mainTextChars),
    blocks,
    langAttributes,
    headings,
    abbreviations,
    images,
    graphics,
    alternates,
    switcherOptions,
    contact: { helpLinks, contactForms, phonesInText: phones.length, emailsInText: emails.length, accessibilityLinks: accessibilityLinks.slice(0, 20) },
    media,
    altTexts,
  };
}

export const contentGatherer: Gatherer<'content'> = {
  artifact: 'content',
  phase: 'static',
  // One DOM walk with capped lists; a heavy page takes well under a second, 10 s allows a slow machine.
  budgetMs: () => 10_000,
  async gather({ page }) {
    return page.evaluate(collectContent, { ...CONTENT_LIMITS, languageNames: LANGUAGE_NAMES, languageCodes: SWITCHER_LANGUAGE_CODES });
  },
};
