// Builders for hand-made content and forms artifacts, so check unit tests state only what matters.
import type { ContentArtifact, ImageFact, SwitcherOption, TextBlock } from '../../../src/gather/content-gatherer.js';
import type { FieldFact, FormsArtifact } from '../../../src/gather/forms-gatherer.js';
import type { SitePage } from '../../../src/checks/check.js';
import type { StructureArtifact, StructureLink, TableFact } from '../../../src/gather/structure-gatherer.js';

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
    disabled: false,
    hiddenFromAssistiveTech: false,
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

/** An empty structure artifact with the given lists filled in. */
export function structure(overrides: Partial<StructureArtifact> = {}): StructureArtifact {
  return {
    links: [],
    linkCount: overrides.links?.length ?? 0,
    tables: [],
    blocks: [],
    smallText: [],
    headingLike: [],
    lineGroups: [],
    generated: [],
    hidden: [],
    fieldsets: [],
    obsolete: [],
    direction: [],
    pageDirection: 'ltr',
    animatedImages: [],
    imagePixels: [],
    ...overrides,
  };
}

export function link(overrides: Partial<StructureLink> = {}): StructureLink {
  return {
    selector: '#a',
    snippet: '<a>',
    box: null,
    href: 'http://127.0.0.1/menu.html',
    name: 'Our winter menu',
    text: 'Our winter menu',
    title: '',
    target: '',
    description: '',
    hiddenText: '',
    context: '',
    after: '',
    sameAsPrevious: false,
    previousSelector: '',
    pairHasImage: false,
    pairDistance: 0,
    transcriptNearby: false,
    look: null,
    skippable: false,
    visible: true,
    ...overrides,
  };
}

export function table(overrides: Partial<TableFact> = {}): TableFact {
  return {
    selector: '#t',
    snippet: '<table>',
    box: null,
    role: '',
    rows: 3,
    rowWidths: [3, 3, 3],
    rowStarts: ['0,1,2', '0,1,2', '0,1,2'],
    headerCells: 3,
    dataCells: 6,
    headerRows: 1,
    maxRowHeaders: 0,
    rowsWithTwoRowHeaders: 0,
    headersAfterData: 0,
    scoped: 0,
    withHeadersAttribute: 0,
    caption: 'Bread sold',
    summary: '',
    ariaName: '',
    nestedIn: '',
    outerHasDataMarkup: false,
    layoutSigns: [],
    visible: true,
    ...overrides,
  };
}
