// Unit tests for the issue-12 checks of links, tables, typography, images, markup and text direction, on hand-made artifacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Check, CheckResult } from '../../../src/checks/check.js';
import { englishMessage } from '../../../src/checks/run-checks.js';
import linkTextGeneric from '../../../src/checks/link-text-generic.js';
import linkTitleRepeats from '../../../src/checks/link-title-repeats-text.js';
import linkNewWindow from '../../../src/checks/link-new-window-unannounced.js';
import linkFileType from '../../../src/checks/link-file-type-missing.js';
import linkMedia from '../../../src/checks/link-media-no-transcript.js';
import linkColour from '../../../src/checks/link-colour-only.js';
import linkAdjacent from '../../../src/checks/link-adjacent-same-destination.js';
import tableComplex from '../../../src/checks/table-complex-no-scope.js';
import tableCaption from '../../../src/checks/table-complex-caption.js';
import tableIrregular from '../../../src/checks/table-irregular-rows.js';
import tableNested from '../../../src/checks/table-nested.js';
import tableLayout from '../../../src/checks/table-layout-data-markup.js';
import textSmall from '../../../src/checks/text-too-small.js';
import textJustified from '../../../src/checks/text-justified.js';
import lineTooLong from '../../../src/checks/line-too-long.js';
import headingByFormatting from '../../../src/checks/heading-by-formatting.js';
import listAsText, { listRun } from '../../../src/checks/list-as-text.js';
import altTitle from '../../../src/checks/image-alt-title-differ.js';
import emptyAltTitle from '../../../src/checks/image-empty-alt-with-title.js';
import imageButton from '../../../src/checks/image-button-alt-generic.js';
import imageOfText from '../../../src/checks/image-of-text.js';
import animated from '../../../src/checks/animated-image-no-pause.js';
import emptyAlt from '../../../src/checks/informative-image-empty-alt.js';
import unclosed from '../../../src/checks/markup-unclosed-element.js';
import stray from '../../../src/checks/markup-stray-end-tag.js';
import duplicate from '../../../src/checks/markup-duplicate-attribute.js';
import generated from '../../../src/checks/css-generated-content.js';
import hiddenText from '../../../src/checks/hidden-text-meant-for-screen-readers.js';
import fieldsetLegend from '../../../src/checks/fieldset-legend.js';
import obsolete from '../../../src/checks/obsolete-presentational-element.js';
import direction from '../../../src/checks/text-direction-mismatch.js';
import type { HeadingLike, LinkLook, Rgba, StructureArtifact, TextBlockLook } from '../../../src/gather/structure-gatherer.js';
import type { SourceArtifact } from '../../../src/gather/source-gatherer.js';
import type { MarkupProblem } from '../../../src/gather/markup-analysis.js';
import type { DomSnapshot } from '../../../src/gather/artifacts.js';
import { content, ctx, image, link, structure, table } from './make-artifacts.js';

type AnyCheck = { evaluate: (artifacts: never, context: typeof ctx) => CheckResult[] };
const at = { box: null };

/** `kind:selector` of each result of `check` on a structure artifact (and a DOM snapshot for checks that want one). */
function run(check: AnyCheck, s: Partial<StructureArtifact>, settings = {}): string[] {
  const dom = { documentSize: { width: 1280, height: 2000 } } as DomSnapshot;
  return check.evaluate({ structure: structure(s), dom } as never, { ...ctx, settings }).map((r) => `${r.kind}:${r.selector}`);
}
function english(check: Check, s: Partial<StructureArtifact>): string[] {
  const dom = { documentSize: { width: 1280, height: 2000 } } as DomSnapshot;
  return check.evaluate({ structure: structure(s), dom } as never, ctx as never).map((r) => englishMessage(check, r.message));
}

describe('link-text-generic', () => {
  it('flags stock phrases in English and Spanish and a lone full stop; passes descriptive and labelled links', () => {
    const links = [
      link({ selector: '#a', name: 'Click here' }),
      link({ selector: '#b', name: 'Read more »' }),
      link({ selector: '#c', name: 'Leer más' }),
      link({ selector: '#d', name: '.' }),
      link({ selector: '#e', name: 'Our winter menu' }),
      link({ selector: '#f', name: 'Read more about our ovens' }),
      link({ selector: '#g', name: 'More', skippable: true }),
    ];
    assert.deepEqual(run(linkTextGeneric, { links }), ['needs-review:#a', 'needs-review:#b', 'needs-review:#c', 'needs-review:#d']);
    assert.deepEqual(run(linkTextGeneric, { links: [link({ name: 'Details' })] }, { allow: ['details'] }), []);
  });
  it('quotes the text around the link', () => {
    assert.match(english(linkTextGeneric, { links: [link({ name: 'here', context: 'Our menu is' })] })[0], /“here”.*“Our menu is”/);
  });
});

describe('link-title-repeats-text', () => {
  it('flags a title equal to the text, not one that adds something', () => {
    const links = [link({ selector: '#same', text: 'About us', name: 'About us', title: 'About us' }), link({ selector: '#more', text: 'About us', title: 'Our story since 1998' })];
    assert.deepEqual(run(linkTitleRepeats, { links }), ['violation:#same']);
  });
});

describe('link-new-window-unannounced', () => {
  it('flags target=_blank without a warning; passes warned links and same-window targets', () => {
    const links = [
      link({ selector: '#blank', target: '_blank' }),
      link({ selector: '#said', target: '_blank', name: 'Our supplier (opens in a new tab)' }),
      link({ selector: '#es', target: '_blank', name: 'Proveedor (se abre en una nueva ventana)' }),
      link({ selector: '#title', target: '_blank', title: 'External site' }),
      link({ selector: '#self', target: '_self' }),
    ];
    assert.deepEqual(run(linkNewWindow, { links }), ['needs-review:#blank']);
  });
});

describe('link-file-type-missing', () => {
  it('asks for the type, then the size; reads the text after the link; ignores web pages', () => {
    const links = [
      link({ selector: '#bare', href: 'http://127.0.0.1/a.pdf', name: 'Allergen guide' }),
      link({ selector: '#nosize', href: 'http://127.0.0.1/b.pdf', name: 'Menu (PDF)' }),
      link({ selector: '#after', href: 'http://127.0.0.1/c.pdf', name: 'Prices', after: '(PDF, 240 KB)' }),
      link({ selector: '#word', href: 'http://127.0.0.1/d.docx', name: 'Order form (Word, 1,2 MB)' }),
      link({ selector: '#page', href: 'http://127.0.0.1/e.html', name: 'Prices' }),
    ];
    assert.deepEqual(run(linkFileType, { links }), ['needs-review:#bare', 'needs-review:#nosize']);
    assert.match(english(linkFileType, { links: [links[1]] })[0], /PDF file and says so, but not how big/);
  });
});

describe('link-media-no-transcript', () => {
  it('flags audio and video file links with no transcript near them', () => {
    const links = [
      link({ selector: '#mp3', href: 'http://127.0.0.1/i.mp3' }),
      link({ selector: '#mov', href: 'http://127.0.0.1/t.mov', transcriptNearby: true }),
      link({ selector: '#mp4', href: 'http://127.0.0.1/v.MP4' }),
    ];
    assert.deepEqual(run(linkMedia, { links }), ['needs-review:#mp3', 'needs-review:#mp4']);
  });
});

describe('link-colour-only', () => {
  const black: Rgba = [34, 34, 34, 1];
  const white: Rgba = [255, 255, 255, 1];
  const look = (overrides: Partial<LinkLook>): LinkLook => ({ colour: [28, 111, 209, 1], textColour: black, background: white, textBackground: white, cues: [], ...overrides });
  it('flags same-look links and 3:1 colour-only links; leaves what axe-core fails, underlined links and unknown colours', () => {
    const links = [
      link({ selector: '#contrast', look: look({}) }),
      link({ selector: '#same', look: look({ colour: black }) }),
      link({ selector: '#axe', look: look({ colour: [6, 69, 173, 1] }) }),
      link({ selector: '#underlined', look: look({ cues: ['underline'] }) }),
      link({ selector: '#translucent', look: look({ colour: [28, 111, 209, 0.5] }) }),
      link({ selector: '#background', look: look({ colour: black, background: [0, 0, 0, 1] }) }),
      link({ selector: '#nav' }),
    ];
    assert.deepEqual(run(linkColour, { links }), ['needs-review:#contrast', 'needs-review:#same']);
  });
});

describe('link-adjacent-same-destination', () => {
  it('flags an image link and a text link to one place in one card; not far-apart or text-only pairs', () => {
    const links = [
      link({ selector: '#card', sameAsPrevious: true, pairHasImage: true, pairDistance: 2, previousSelector: '#img' }),
      link({ selector: '#home', sameAsPrevious: true, pairHasImage: true, pairDistance: 5 }),
      link({ selector: '#text', sameAsPrevious: true, pairHasImage: false, pairDistance: 1 }),
    ];
    assert.deepEqual(run(linkAdjacent, { links }), ['violation:#card']);
  });
});

describe('table checks', () => {
  it('table-complex-no-scope: two header rows or double row headers without scope; scoped or simple tables pass', () => {
    const tables = [
      table({ selector: '#rows', headerRows: 2 }),
      table({ selector: '#double', rowsWithTwoRowHeaders: 3, maxRowHeaders: 2 }),
      table({ selector: '#scoped', headerRows: 2, scoped: 5 }),
      table({ selector: '#headers', headersAfterData: 2, withHeadersAttribute: 4 }),
      table({ selector: '#simple' }),
      table({ selector: '#layout', role: 'presentation', headerRows: 2 }),
    ];
    assert.deepEqual(run(tableComplex, { tables }), ['needs-review:#rows', 'needs-review:#double']);
    assert.match(english(tableComplex, { tables: [tables[0]] })[0], /has 2 rows of column headers, but no header cell has a scope/);
  });
  it('table-complex-caption: two-way or multi-level tables without any name', () => {
    const tables = [
      table({ selector: '#two-way', caption: '', maxRowHeaders: 1 }),
      table({ selector: '#named', caption: '', maxRowHeaders: 1, ariaName: 'Deliveries' }),
      table({ selector: '#simple', caption: '' }),
    ];
    assert.deepEqual(run(tableCaption, { tables }), ['needs-review:#two-way']);
  });
  it('table-irregular-rows: short rows and shifting spans; a totals row is fine', () => {
    const tables = [
      table({ selector: '#ragged', rowWidths: [3, 3, 2, 1] }),
      table({ selector: '#shifting', rowWidths: [10, 10, 10, 10], rowStarts: ['0,1,8,9', '0,1', '0,1,5,6'] }),
      table({ selector: '#totals', rowWidths: [3, 3, 3, 3], rowStarts: ['0,1,2', '0,1,2', '0,1,2', '0,2'] }),
      table({ selector: '#layout', role: 'none', rowWidths: [3, 1] }),
    ];
    assert.deepEqual(run(tableIrregular, { tables }), ['needs-review:#ragged', 'needs-review:#shifting']);
  });
  it('table-nested: in a header cell is a violation, in a data table needs review, in a layout table passes', () => {
    const tables = [table({ selector: '#th', nestedIn: 'header-cell' }), table({ selector: '#td', nestedIn: 'table', outerHasDataMarkup: true }), table({ selector: '#layout', nestedIn: 'table' })];
    assert.deepEqual(run(tableNested, { tables }), ['violation:#th', 'needs-review:#td']);
  });
  it('table-layout-data-markup: a presentation table with header cells or a caption', () => {
    const tables = [table({ selector: '#bad', role: 'presentation' }), table({ selector: '#ok', role: 'presentation', headerCells: 0, caption: '' }), table({ selector: '#data' })];
    assert.deepEqual(run(tableLayout, { tables }), ['violation:#bad']);
    assert.match(english(tableLayout, { tables: [tables[0]] })[0], /role="presentation"\) but has 3 header cells and a caption/);
  });
});

describe('typography checks', () => {
  const block = (overrides: Partial<TextBlockLook>): TextBlockLook => ({ selector: '#p', snippet: '<p>', ...at, tag: 'p', sample: 'Text', chars: 300, fontSizePx: 16, textAlign: 'start', lines: 4, charsPerLine: 75, ...overrides });
  it('text-too-small: 10 px and under; settable', () => {
    const smallText = [8, 10, 11].map((size) => ({ selector: `#s${size}`, snippet: '', ...at, sample: 'Small print', fontSizePx: size }));
    assert.deepEqual(run(textSmall, { smallText }), ['needs-review:#s8', 'needs-review:#s10']);
    assert.deepEqual(run(textSmall, { smallText }, { maxPx: 8 }), ['needs-review:#s8']);
  });
  it('text-justified: justified blocks of two lines or more', () => {
    const blocks = [block({ selector: '#j', textAlign: 'justify' }), block({ selector: '#one', textAlign: 'justify', lines: 1 }), block({ selector: '#left' })];
    assert.deepEqual(run(textJustified, { blocks }), ['needs-review:#j']);
  });
  it('line-too-long: over 100 characters a line; settable', () => {
    const blocks = [block({ selector: '#wide', charsPerLine: 140 }), block({ selector: '#ok', charsPerLine: 95 }), block({ selector: '#short', charsPerLine: 140, lines: 1 })];
    assert.deepEqual(run(lineTooLong, { blocks }), ['needs-review:#wide']);
    assert.deepEqual(run(lineTooLong, { blocks }, { maxChars: 80 }), ['needs-review:#wide', 'needs-review:#ok']);
  });
  it('heading-by-formatting: big or bold short lines, in a div or a paragraph; not sentences or lead paragraphs', () => {
    const h = (overrides: Partial<HeadingLike>): HeadingLike => ({ selector: '#h', snippet: '', ...at, tag: 'div', text: 'Opening hours', fontSizePx: 24, fontWeight: 700, italic: false, viaChild: '', nextTag: 'p', nextFontSizePx: 16, nextFontWeight: 400, nextItalic: false, nextChars: 200, ...overrides });
    const headingLike = [
      h({ selector: '#div' }),
      h({ selector: '#bold-p', tag: 'p', fontSizePx: 16, viaChild: 'b' }),
      h({ selector: '#big-p', tag: 'p', fontWeight: 400 }),
      h({ selector: '#sentence', text: 'All our loaves are organic.', fontSizePx: 16 }),
      h({ selector: '#lead', fontSizePx: 18, fontWeight: 400 }),
    ];
    assert.deepEqual(run(headingByFormatting, { headingLike }), ['needs-review:#div', 'needs-review:#bold-p', 'needs-review:#big-p']);
  });
  it('list-as-text: three bullets or counting numbers in a row', () => {
    assert.deepEqual(listRun(['* a', '* b', '* c']), { items: 3, marker: '*' });
    assert.deepEqual(listRun(['1. a', '2. b', '3. c', 'Done']), { items: 3, marker: '1.' });
    assert.deepEqual(listRun(['1. a', '1. b']).items, 1);
    assert.deepEqual(listRun(['Crumb & Kettle', '12 Larder Lane', 'Oldtown']).items, 0);
    const lineGroups = [
      { selector: '#br', snippet: '', ...at, kind: 'br' as const, lines: ['• Rye', '• Spelt', '• Seeded'] },
      { selector: '#two', snippet: '', ...at, kind: 'br' as const, lines: ['- Yes', '- No'] },
    ];
    assert.deepEqual(run(listAsText, { lineGroups }), ['needs-review:#br']);
  });
});

describe('image checks', () => {
  const images = (list: Parameters<typeof image>[0][]) => ({ content: content({ images: list.map((i) => image(i)) }) });
  const runContent = (check: AnyCheck, c: ReturnType<typeof images>) => check.evaluate(c as never, ctx).map((r) => `${r.kind}:${r.selector}`);
  it('image-alt-title-differ and image-empty-alt-with-title', () => {
    const c = images([
      { selector: '#differ', alt: 'BBC', title: 'BBC homepage' },
      { selector: '#same', alt: 'Our shop', title: 'Our shop.' },
      { selector: '#empty', alt: '', title: 'Crumb & Kettle' },
      { selector: '#plain', alt: '' },
    ]);
    assert.deepEqual(runContent(altTitle, c), ['needs-review:#differ']);
    assert.deepEqual(runContent(emptyAltTitle, c), ['needs-review:#empty']);
  });
  it('image-button-alt-generic: meaningless names are violations, vague ones need review, alt-text-generic words are left to it', () => {
    const c = images([
      { selector: '#click', tag: 'input', alt: 'click' },
      { selector: '#submit', tag: 'input', alt: 'Submit' },
      { selector: '#button', tag: 'input', alt: 'button' },
      { selector: '#search', tag: 'input', alt: 'Search the menu' },
      { selector: '#img', tag: 'img', alt: 'click' },
    ]);
    assert.deepEqual(runContent(imageButton, c), ['violation:#click', 'needs-review:#submit']);
  });
  it('informative-image-empty-alt: a figure whose only content is an alt="" image, at any size', () => {
    const c = images([{ selector: '#fig', alt: '', width: 80, height: 60, soleContentOf: 'figure' }, { selector: '#link', alt: '', width: 80, height: 60, soleContentOf: 'link' }]);
    assert.deepEqual(runContent(emptyAlt, c), ['needs-review:#fig']);
  });
  it('image-of-text: two colours and many edges; not logos, photos or flat pictures', () => {
    const pixels = (selector: string, topTwoShare: number, edgeDensity: number, logo = false) => ({ selector, snippet: '', ...at, src: '', alt: 'x', width: 300, height: 80, topTwoShare, topFourShare: topTwoShare, edgeDensity, logo });
    const imagePixels = [pixels('#text', 0.87, 0.12), pixels('#logo', 0.87, 0.12, true), pixels('#photo', 0.1, 0.02), pixels('#flat', 0.9, 0.01)];
    assert.deepEqual(run(imageOfText, { imagePixels }), ['needs-review:#text']);
  });
  it('animated-image-no-pause: endless loops and long plays without a control; not short, still, small or unreadable GIFs', () => {
    const gif = (selector: string, scan: StructureArtifact['animatedImages'][number]['scan'], extra = {}) => ({ selector, snippet: '', ...at, src: '', width: 200, height: 150, controlNearby: false, scan, error: '', ...extra });
    const animatedImages = [
      gif('#forever', { frames: 4, loopCount: 0, durationMs: 800, complete: true }),
      gif('#long', { frames: 60, loopCount: null, durationMs: 6000, complete: true }),
      gif('#thrice', { frames: 10, loopCount: 2, durationMs: 2000, complete: true }),
      gif('#short', { frames: 3, loopCount: null, durationMs: 1500, complete: true }),
      gif('#still', { frames: 1, loopCount: 0, durationMs: 100, complete: true }),
      gif('#spinner', { frames: 8, loopCount: 0, durationMs: 800, complete: true }, { width: 32, height: 32 }),
      gif('#paused', { frames: 4, loopCount: 0, durationMs: 800, complete: true }, { controlNearby: true }),
      gif('#unread', null, { error: 'Failed to fetch' }),
    ];
    assert.deepEqual(run(animated, { animatedImages }), ['violation:#forever', 'violation:#long', 'violation:#thrice']);
  });
});

describe('markup checks', () => {
  const problem = (overrides: Partial<MarkupProblem>): MarkupProblem => ({ kind: 'unclosed', tag: 'h3', openTag: '', swallowed: [], copies: 0, attribute: '', kept: '', dropped: '', line: 3, column: 1, selector: '#x', snippet: '<h3>', ...overrides });
  const source = (problems: MarkupProblem[]): { source: SourceArtifact } => ({
    source: { contentType: 'text/html', via: 'response', chars: 100, truncated: false, problems, counts: { unclosed: 0, 'stray-end-tag': 0, 'duplicate-attribute': 0, 'unclosed-raw-text': 0 } },
  });
  const runSource = (check: AnyCheck, problems: MarkupProblem[]) => check.evaluate(source(problems) as never, ctx).map((r) => `${r.kind}:${r.selector}:${englishMessage(check as Check, r.message)}`);
  it('markup-unclosed-element words swallowed content, copied links and raw text', () => {
    const out = runSource(unclosed, [
      problem({ selector: '#h', swallowed: ['p'] }),
      problem({ selector: '#a', tag: 'a', swallowed: ['h4', 'p'], copies: 2 }),
      problem({ selector: '#t', kind: 'unclosed-raw-text', tag: 'textarea' }),
      problem({ selector: '#s', kind: 'stray-end-tag' }),
    ]);
    assert.equal(out.length, 3);
    assert.match(out[0], /^violation:#h:The <h3> that starts on line 3 is never closed, so the browser stretched it over the <p>/);
    assert.match(out[1], /copied it into 2 later places \(in <h4>, <p>\)/);
    assert.match(out[2], /rest of the page/);
  });
  it('markup-stray-end-tag tells a heading mismatch from other stray end tags', () => {
    const out = runSource(stray, [problem({ kind: 'stray-end-tag', tag: 'h4', openTag: 'h3' }), problem({ kind: 'stray-end-tag', tag: 'a', openTag: 'div' })]);
    assert.match(out[0], /^needs-review:#x:A heading opened as <h3> is closed with <\/h4>/);
    assert.match(out[1], /The end tag <\/a> on line 3 closes no open <a> \(it stands inside <div>\)/);
  });
  it('markup-duplicate-attribute names the kept and dropped values', () => {
    const out = runSource(duplicate, [problem({ kind: 'duplicate-attribute', tag: 'img', attribute: 'alt', kept: '', dropped: 'Logo' })]);
    assert.match(out[0], /^violation:#x:This <img> has alt twice \(line 3\): browsers use the first value, “”, and drop “Logo”/);
  });
  it('css-generated-content, hidden-text, fieldset-legend, obsolete elements', () => {
    const gen = [
      { selector: '#pizza', snippet: '', ...at, pseudo: 'after' as const, text: 'Pizza', elementText: 'My favourite food is', hiddenFromAT: false },
      { selector: '#hidden', snippet: '', ...at, pseudo: 'before' as const, text: 'New', elementText: '', hiddenFromAT: true },
    ];
    assert.deepEqual(run(generated, { generated: gen }), ['needs-review:#pizza']);
    const hidden = [
      { selector: '#sr', snippet: '', ...at, text: 'about cricket', how: 'display-none' as const, reason: 'screen-reader-class' as const, controlText: '' },
      { selector: '#more', snippet: '', ...at, text: 'about festivals', how: 'visibility-hidden' as const, reason: 'inside-control' as const, controlText: 'Read more' },
      { selector: '#wide', snippet: '', ...at, text: 'for desktop', how: 'display-none' as const, reason: 'inside-control' as const, controlText: 'Menu' },
    ];
    assert.deepEqual(run(hiddenText, { hidden }), ['violation:#sr', 'needs-review:#more']);
    const fs = (selector: string, extra: object) => ({ selector, snippet: '', ...at, hasLegend: true, legendText: 'Size', ariaName: '', role: '', controls: 2, visible: true, ...extra });
    const fieldsets = [fs('#none', { hasLegend: false, legendText: '' }), fs('#empty', { legendText: '' }), fs('#ok', {}), fs('#named', { hasLegend: false, ariaName: 'Size' }), fs('#layout', { hasLegend: false, role: 'presentation' })];
    assert.deepEqual(run(fieldsetLegend, { fieldsets }), ['needs-review:#none', 'violation:#empty']);
    assert.deepEqual(run(obsolete, { obsolete: [{ selector: '#c', snippet: '', ...at, tag: 'center' }] }), ['violation:#c']);
  });
});

describe('text-direction-mismatch', () => {
  it('flags right-to-left sentences shown left to right and English forced right to left; not a lone language name', () => {
    const fact = (selector: string, sample: string, dirn: 'ltr' | 'rtl', rtlLetters: number) => ({ selector, snippet: '', ...at, sample, lang: '', rtlLetters, ltrLetters: rtlLetters ? 0 : 20, direction: dirn, dir: '' });
    const facts = [fact('#ar', 'الإعفاء الإلكتروني من التأشيرة', 'ltr', 25), fact('#name', 'العربية', 'ltr', 7), fact('#en', 'Electronic visa waiver', 'rtl', 0)];
    assert.deepEqual(run(direction, { direction: facts }), ['violation:#ar', 'violation:#en']);
  });
});
