// Builders for hand-made content and forms artifacts, so check unit tests state only what matters.
import type { ContentArtifact, ImageFact, SwitcherOption, TextBlock } from '../../../src/gather/content-gatherer.js';
import type { FieldFact, FormsArtifact } from '../../../src/gather/forms-gatherer.js';
import type { SitePage } from '../../../src/checks/check.js';

export function content(overrides: Partial<ContentArtifact> = {}): ContentArtifact {
  return {
    htmlLang: 'en',
    mainText: '',
    blocks: [],
    langAttributes: [],
    headings: [],
    abbreviations: [],
    images: [],
    graphics: [],
    alternates: [],
    switcherOptions: [],
    contact: { helpLinks: [], contactForms: 0, phonesInText: 0, emailsInText: 0, accessibilityLinks: [] },
    media: [],
    altTexts: [],
    ...overrides,
  };
}

export function block(text: string, overrides: Partial<TextBlock> = {}): TextBlock {
  return { selector: `#b${Math.abs(hash(text))}`, snippet: '<p>', text, lang: 'en', inheritsPageLang: true, inMain: true, tag: 'p', ...overrides };
}

export function image(overrides: Partial<ImageFact> = {}): ImageFact {
  return {
    selector: '#img',
    snippet: '<img>',
    tag: 'img',
    alt: 'A round sourdough loaf with a floury crust',
    src: 'http://127.0.0.1/images/loaf.jpg',
    role: '',
    ariaLabel: '',
    hidden: false,
    visible: true,
    width: 320,
    height: 200,
    inMain: true,
    linkHref: '',
    linkText: '',
    linkImageCount: 0,
    captionText: '',
    adjacentText: '',
    title: '',
    soleContentOf: '',
    box: null,
    ...overrides,
  };
}

export function option(overrides: Partial<SwitcherOption> = {}): SwitcherOption {
  return {
    selector: '#lang',
    snippet: '<a>',
    tag: 'a',
    role: '',
    text: 'Español',
    lang: 'es',
    hreflang: 'es',
    href: 'http://127.0.0.1/es/',
    keyboardOperable: true,
    hasFlag: false,
    nameWithoutFlags: 'Español',
    visible: true,
    reason: 'hreflang',
    ...overrides,
  };
}

export function forms(overrides: Partial<FormsArtifact> = {}): FormsArtifact {
  return { forms: [{ selector: 'form', explainsAsterisk: true }], fields: [], choiceGroups: [], captchas: [], ...overrides };
}

export function field(overrides: Partial<FieldFact> = {}): FieldFact {
  return {
    selector: '#f',
    snippet: '<input>',
    tag: 'input',
    type: 'text',
    name: '',
    id: '',
    label: '',
    placeholder: '',
    autocomplete: '',
    required: false,
    pattern: '',
    maxLength: -1,
    options: [],
    asterisk: false,
    visible: true,
    tries: [],
    triedAs: '',
    formIndex: 0,
    ...overrides,
  };
}

export function sitePage(url: string, c: ContentArtifact): SitePage<'content'> {
  return { url, finalUrl: url, status: 200, artifacts: { content: c } };
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

export const ctx = { url: 'http://127.0.0.1/', settings: {} };
