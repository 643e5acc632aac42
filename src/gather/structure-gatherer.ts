// Collects the page's structure facts (links, tables, typography, generated and hidden text, fieldsets, old markup, text direction, animated and text images) in two round trips.
import type { Gatherer } from './gatherer.js';
import type { Box } from '../model/finding.js';
import { scanGif, type GifScan } from './gif-scan.js';
import { GENERIC_LINK_TEXTS } from '../util/generic-link-texts.js';

/** A colour as computed by the browser: red, green, blue 0–255 and alpha 0–1. */
export type Rgba = [number, number, number, number];

/** How a link in running text looks next to the text around it. */
export interface LinkLook {
  colour: Rgba;
  textColour: Rgba;
  background: Rgba;
  textBackground: Rgba;
  /** What sets the link apart besides colour (underline, border, weight, style, icon…): the first found, or none. */
  cues: string[];
}

export interface StructureLink {
  selector: string;
  snippet: string;
  box: Box | null;
  href: string;
  /** What a screen reader announces (aria-labelledby, aria-label, text and image alts, title). */
  name: string;
  /** The text people see in the link. */
  text: string;
  title: string;
  target: string;
  /** Text of the elements named by aria-describedby. */
  description: string;
  /** Text inside the link hidden from everyone with display:none or visibility:hidden. */
  hiddenText: string;
  /** Text of the sentence, list item or cell around the link, without the link itself. */
  context: string;
  /** Text right after the link in the same block, where "(PDF, 2 MB)" usually sits. */
  after: string;
  /** The previous link in reading order goes to the same address with nothing but space between them. */
  sameAsPrevious: boolean;
  previousSelector: string;
  /** For such a pair: one of the two is a picture (an image or SVG, or no text at all). */
  pairHasImage: boolean;
  /** For such a pair: levels from the farther of the two up to the element holding both (1 = siblings). */
  pairDistance: number;
  /** For links to audio or video files: a transcript is named near the link. */
  transcriptNearby: boolean;
  /** Present for links inside running text (a block with text of its own). */
  look: LinkLook | null;
  /** Taken out of the tab order (tabindex=-1) or hidden from screen readers (aria-hidden). */
  skippable: boolean;
  visible: boolean;
}

export interface TableFact {
  selector: string;
  snippet: string;
  box: Box | null;
  role: string;
  /** Rows of the table itself (nested tables' rows are not counted). */
  rows: number;
  /** Grid columns covered by each row, spans included (first rows only, see STRUCTURE_LIMITS). */
  rowWidths: number[];
  /** Cell start columns of each row with two or more cells, as "0,1,3": rows of one grid share them. */
  rowStarts: string[];
  /** th cells, td cells. */
  headerCells: number;
  dataCells: number;
  /** Rows at the top made only of th cells. */
  headerRows: number;
  /** Leading th cells in the rows below the header rows: the most, and how many rows have two or more. */
  maxRowHeaders: number;
  rowsWithTwoRowHeaders: number;
  /** th cells that come after a td in their row. */
  headersAfterData: number;
  /** th cells with a scope attribute; td or th cells with a headers attribute. */
  scoped: number;
  withHeadersAttribute: number;
  caption: string;
  summary: string;
  /** aria-label or aria-labelledby text. */
  ariaName: string;
  /** The closest table this one sits in, and whether it sits in a header cell of it. */
  nestedIn: '' | 'table' | 'header-cell';
  /** The table it sits in has headers, a caption or a summary: a data table. */
  outerHasDataMarkup: boolean;
  /** Cells holding headings, form fields or nested tables: signs of a layout table. */
  layoutSigns: string[];
  visible: boolean;
}

export interface TextBlockLook {
  selector: string;
  snippet: string;
  box: Box | null;
  tag: string;
  /** The block's text, cut to STRUCTURE_LIMITS.sampleChars. */
  sample: string;
  chars: number;
  fontSizePx: number;
  textAlign: string;
  /** Rendered lines (height over line height). */
  lines: number;
  /** Characters per rendered line, on average. */
  charsPerLine: number;
}

export interface SmallText {
  selector: string;
  snippet: string;
  box: Box | null;
  sample: string;
  fontSizePx: number;
}

/** Short text styled bold or large, followed by ordinary text: it may be a heading in looks only. */
export interface HeadingLike {
  selector: string;
  snippet: string;
  box: Box | null;
  tag: string;
  text: string;
  fontSizePx: number;
  fontWeight: number;
  italic: boolean;
  /** The whole text is one <b>, <strong> or <font> child of a <p> or <div>. */
  viaChild: string;
  /** Tag, font size, weight and style of the text block that follows. */
  nextTag: string;
  nextFontSizePx: number;
  nextFontWeight: number;
  nextItalic: boolean;
  nextChars: number;
}

/** Lines of text that may be a list written by hand: lines split by <br>, or sibling paragraphs. */
export interface LineGroup {
  selector: string;
  snippet: string;
  box: Box | null;
  kind: 'br' | 'siblings';
  /** The first characters of each line. */
  lines: string[];
}

export interface GeneratedContent {
  selector: string;
  snippet: string;
  box: Box | null;
  pseudo: 'before' | 'after';
  /** The text the CSS content property inserts. */
  text: string;
  /** The element's own text, for context. */
  elementText: string;
  hiddenFromAT: boolean;
}

export interface HiddenText {
  selector: string;
  snippet: string;
  box: Box | null;
  text: string;
  how: 'display-none' | 'visibility-hidden';
  /** Why it looks meant for screen readers: its class says so, or it completes a link or button's text. */
  reason: 'screen-reader-class' | 'inside-control';
  /** The visible text of that link or button (for reason inside-control). */
  controlText: string;
}

export interface FieldsetFact {
  selector: string;
  snippet: string;
  box: Box | null;
  hasLegend: boolean;
  legendText: string;
  ariaName: string;
  role: string;
  controls: number;
  visible: boolean;
}

export interface ObsoleteElement {
  selector: string;
  snippet: string;
  box: Box | null;
  tag: string;
}

/** A block whose text direction may be wrong for its script. */
export interface DirectionFact {
  selector: string;
  snippet: string;
  box: Box | null;
  sample: string;
  lang: string;
  rtlLetters: number;
  ltrLetters: number;
  /** The computed direction of the block. */
  direction: 'ltr' | 'rtl';
  /** The dir value that applies (its own or an ancestor's), '' when none. */
  dir: string;
}

export interface AnimatedImage {
  selector: string;
  snippet: string;
  box: Box | null;
  src: string;
  width: number;
  height: number;
  /** A control near the image says pause, stop or play. */
  controlNearby: boolean;
  /** What its bytes say; null when they could not be read (another origin without CORS, an error). */
  scan: GifScan | null;
  error: string;
}

/** Colour statistics of a raster image, for spotting pictures of text. */
export interface ImagePixels {
  selector: string;
  snippet: string;
  box: Box | null;
  src: string;
  alt: string | null;
  width: number;
  height: number;
  /** Share of pixels in the two and four most common colours (colours bucketed to 3 bits a channel). */
  topTwoShare: number;
  topFourShare: number;
  /** Share of neighbouring pixel pairs with a sharp change in lightness: text has many. */
  edgeDensity: number;
  /** alt, src, class or id says logo (logotypes may be images of text). */
  logo: boolean;
}

export interface StructureArtifact {
  links: StructureLink[];
  /** All links on the page, for appliesTo; links beyond the cap are counted, not described. */
  linkCount: number;
  tables: TableFact[];
  blocks: TextBlockLook[];
  smallText: SmallText[];
  headingLike: HeadingLike[];
  lineGroups: LineGroup[];
  generated: GeneratedContent[];
  hidden: HiddenText[];
  fieldsets: FieldsetFact[];
  obsolete: ObsoleteElement[];
  direction: DirectionFact[];
  /** The page's own direction (computed on <html>). */
  pageDirection: 'ltr' | 'rtl';
  animatedImages: AnimatedImage[];
  imagePixels: ImagePixels[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    structure: StructureArtifact;
  }
}

/** Caps keep the walk bounded on huge pages; the checks need a sample, not every node. */
export const STRUCTURE_LIMITS = {
  /** Links looked at; 1,500 covers a long page with a mega-menu, past that the rest are counted only. */
  linksScanned: 1_500,
  /**
   * Links described in the artifact. Only links a link check may flag are kept (a stock
   * phrase or punctuation as name, a title, a target, a file, an adjacent twin, hidden
   * words, colour only), because each costs a unique selector, which on a wide page costs
   * milliseconds.
   */
  links: 150,
  tables: 40,
  /** Rows of a table whose grid is worked out; 200 rows show any pattern. */
  tableRows: 200,
  /** Blocks kept: the typography checks report ten of each pattern at most. */
  blocks: 40,
  /** Block elements looked at for typography; each costs a style and a layout read. */
  blocksScanned: 1_500,
  /** Only blocks with this much text get a line count: long lines and justification matter in paragraphs. */
  blockMinChars: 80,
  /** Blocks are kept when justified or when their lines pass WCAG 1.4.8's 80 characters (line-too-long flags from 100 by default). */
  longLineChars: 80,
  sampleChars: 120,
  /** Text below this size is recorded (the check decides what is too small). */
  smallTextBelowPx: 12,
  smallText: 30,
  headingLike: 40,
  lineGroups: 30,
  /** Elements whose ::before and ::after are read; each read costs a style computation. */
  generatedScanned: 4_000,
  generated: 40,
  hidden: 40,
  fieldsets: 40,
  obsolete: 30,
  direction: 30,
  /** GIFs fetched and scanned; the largest on the page first. */
  gifs: 4,
  /** Bytes read of each GIF: enough to reach the second frame of all but huge files. */
  gifBytes: 512 * 1024,
  gifTimeoutMs: 3_000,
  /** Raster images whose pixels are sampled; each costs one small canvas draw. */
  imagePixels: 20,
  /** Width the image is drawn at for sampling: big enough to keep the strokes of text sharp. */
  pixelSampleWidth: 200,
};

type Limits = typeof STRUCTURE_LIMITS & { genericLinkTexts: string[] };

/** Runs inside the page; relies only on `window.__welcomemat` helpers. */
function collectStructure(limits: Limits): Omit<StructureArtifact, 'animatedImages'> & { gifCandidates: Omit<AnimatedImage, 'scan' | 'error'>[] } {
  const helpers = window.__welcomemat!;
  const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const styleCache = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let style = styleCache.get(el);
    if (!style) {
      style = getComputedStyle(el);
      styleCache.set(el, style);
    }
    return style;
  };
  const visible = (el: Element): boolean => {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    return check ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : helpers.isVisible(el);
  };
  const locate = (el: Element, snippetLength = 200) => ({ selector: helpers.selector(el), snippet: helpers.snippet(el, snippetLength), box: helpers.box(el) });
  const byIds = (ids: string | null) =>
    squash(
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' '),
    );
  const hiddenFromAT = (el: Element) => !!el.closest('[aria-hidden="true"]');
  /** Hidden by its own style (display none, or visibility hidden under a visible parent): hidden on purpose, not inside a closed region. */
  const ownHiding = (el: Element): HiddenText['how'] | '' => {
    const style = styleOf(el);
    if (style.display === 'none') return 'display-none';
    if (style.visibility === 'hidden' && (!el.parentElement || styleOf(el.parentElement).visibility !== 'hidden')) return 'visibility-hidden';
    return '';
  };
  /** Text a screen reader reads inside `root`: skips aria-hidden and CSS-hidden parts, reads image alts. */
  const readableText = (root: Element): string => {
    let out = '';
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        out += node.nodeValue ?? '';
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = node as Element;
      if (el !== root && (el.getAttribute('aria-hidden') === 'true' || ownHiding(el))) return;
      if (el.localName === 'img' || (el.localName === 'input' && (el as HTMLInputElement).type === 'image')) out += ` ${el.getAttribute('alt') ?? ''} `;
      else if (el.localName === 'svg') out += ` ${squash(el.getAttribute('aria-label')) || squash(el.querySelector('title')?.textContent)} `;
      else if (el.localName !== 'script' && el.localName !== 'style') for (const child of Array.from(el.childNodes)) walk(child);
    };
    walk(root);
    return squash(out);
  };
  /** Text hidden with CSS inside `root` (not aria-hidden), for "Read more <span hidden>about X</span>". */
  const cssHiddenText = (root: Element): { text: string; el: Element | null; how: HiddenText['how'] | '' } => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.closest('[aria-hidden="true"]')) continue;
      const how = ownHiding(el);
      if (!how) continue;
      const text = squash(el.textContent);
      if (/[\p{L}\p{N}]{2}/u.test(text)) return { text: text.slice(0, 200), el, how };
    }
    return { text: '', el: null, how: '' };
  };
  const isInline = (el: Element) => styleOf(el).display.startsWith('inline') || styleOf(el).display === 'contents';
  const blockOf = (el: Element): Element | null => {
    let node = el.parentElement;
    while (node && node !== document.body && isInline(node)) node = node.parentElement;
    return node;
  };
  const parseColour = (value: string): Rgba => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts.length > 3 ? parts[3] : 1];
  };
  /** The first non-transparent background at or above `el`. */
  const backgroundOf = (el: Element): Rgba => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const colour = parseColour(styleOf(node).backgroundColor);
      if (colour[3] > 0) return colour;
    }
    return [255, 255, 255, 1];
  };
  const weightOf = (el: Element) => Number(styleOf(el).fontWeight) || 400;
  const sizeOf = (el: Element) => parseFloat(styleOf(el).fontSize) || 16;

  // Links.
  const FILE_OR_MEDIA = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|zip|epub|mp3|wav|m4a|ogg|oga|flac|aac|mp4|m4v|mov|webm|avi|wmv|mkv|ogv)$/i;
  const MEDIA = /\.(mp3|wav|m4a|ogg|oga|flac|aac|mp4|m4v|mov|webm|avi|wmv|mkv|ogv)$/i;
  const TRANSCRIPT = /(transcript|transcripci[oó]n|transcription|transkript|texto completo|read the text|text version)/i;
  const pathOf = (href: string) => {
    try {
      return new URL(href).pathname;
    } catch {
      return '';
    }
  };
  const transcriptNear = (link: Element): boolean => {
    const block = blockOf(link) ?? link.parentElement;
    // The link's block and the blocks just before and after it, unless those hold another media link (and so its transcript).
    const otherMedia = (n: Element) => Array.from(n.querySelectorAll('a[href]')).some((a) => a !== link && MEDIA.test(pathOf((a as HTMLAnchorElement).href)));
    const siblings = [block?.previousElementSibling, block?.nextElementSibling].filter((n): n is Element => !!n && !otherMedia(n));
    const around = [block, ...siblings].filter((n): n is Element => !!n);
    return around.some((n) => TRANSCRIPT.test(squash(n.textContent)) || Array.from(n.querySelectorAll('a[href]')).some((a) => a !== link && TRANSCRIPT.test(a.getAttribute('href') ?? '')));
  };
  /** A block's text without its links' text (worked out once per block; long blocks are cut). */
  const blockTexts = new Map<Element, string>();
  const textAround = (block: Element): string => {
    let text = blockTexts.get(block);
    if (text === undefined) {
      text = squash((block as HTMLElement).innerText ?? block.textContent).slice(0, 2_000);
      for (const link of Array.from(block.querySelectorAll('a[href]')).slice(0, 50)) text = text.replace(squash((link as HTMLElement).innerText ?? link.textContent), ' ');
      text = squash(text);
      blockTexts.set(block, text);
    }
    return text;
  };
  /** The same normalising as the checks' normalise(): lower case, no accents, no punctuation. */
  const normalise = (text: string) =>
    text
      .toLocaleLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const genericTexts = new Set(limits.genericLinkTexts);
  const anchors = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'));
  const links: StructureLink[] = [];
  let previous: HTMLAnchorElement | null = null;
  for (const a of anchors.slice(0, limits.linksScanned)) {
    const prior = previous;
    previous = a;
    if (links.length >= limits.links) break;
    const href = a.href;
    if (!href || /^(javascript|mailto|tel|sms):/i.test(href)) continue;
    const skippable = a.getAttribute('tabindex') === '-1' || hiddenFromAT(a);
    let sameAsPrevious = false;
    let pairHasImage = false;
    let pairDistance = 0;
    if (prior && prior.href === href && !skippable && prior.getAttribute('tabindex') !== '-1' && !hiddenFromAT(prior)) {
      const between = document.createRange();
      between.setStartAfter(prior);
      between.setEndBefore(a);
      // Nothing but white space between them (a card's image link and its title link): one destination, two stops.
      sameAsPrevious = between.collapsed || (squash(between.toString()) === '' && !between.cloneContents().querySelector('img, svg, input, button, select, textarea'));
      if (sameAsPrevious) {
        const pictured = (link: Element) => !!link.querySelector('img, svg, [role="img"]') || !squash((link as HTMLElement).innerText);
        pairHasImage = pictured(prior) || pictured(a);
        const holder = between.commonAncestorContainer;
        const depth = (node: Node) => {
          let levels = 0;
          for (let n: Node | null = node; n && n !== holder; n = n.parentNode) levels += 1;
          return levels;
        };
        pairDistance = Math.max(depth(prior), depth(a));
      }
    }
    const text = squash(a.innerText ?? a.textContent).slice(0, 200);
    const name = (squash(byIds(a.getAttribute('aria-labelledby'))) || squash(a.getAttribute('aria-label')) || readableText(a) || squash(a.getAttribute('title'))).slice(0, 200);
    const title = squash(a.getAttribute('title')).slice(0, 200);
    const target = a.getAttribute('target') ?? '';
    const hidden = cssHiddenText(a);
    const normalisedName = normalise(name);
    // A stock phrase or nothing but punctuation: what link-text-generic looks at.
    const generic = genericTexts.has(normalisedName) || (!!name && !normalisedName);
    const block = blockOf(a);
    const ownText = block ? textAround(block) : '';
    // Running text: the block has words of its own besides its links (a nav list item does not).
    const inText = /[\p{L}\p{N}]{2,}.*[\p{L}\p{N}]{2,}/u.test(ownText) && ownText.length >= 8;
    let look: LinkLook | null = null;
    if (inText && block && visible(a)) {
      const style = styleOf(a);
      const blockStyle = styleOf(block);
      // Cues in order of cost; the first found settles it (link-colour-only looks only at links with none).
      const decorated = (el: Element) => /underline|overline|line-through/.test(styleOf(el).textDecorationLine);
      const icon = (pseudo: string) => {
        const content = getComputedStyle(a, pseudo).content;
        return !!content && content !== 'none' && content !== 'normal' && content !== '""';
      };
      const border = (['Bottom', 'Top'] as const).some((side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== 'none' && parseColour(style[`border${side}Color`])[3] > 0);
      const tests: [string, () => boolean][] = [
        // An underline on the whole block marks no link.
        ['underline', () => !decorated(block) && (decorated(a) || Array.from(a.children).some((child) => decorated(child)))],
        ['border', () => border],
        ['weight', () => Math.abs(weightOf(a) - weightOf(block)) >= 300],
        ['style', () => style.fontStyle !== blockStyle.fontStyle],
        ['case', () => style.textTransform !== blockStyle.textTransform],
        ['font', () => style.fontFamily !== blockStyle.fontFamily],
        ['shadow', () => !!style.boxShadow && style.boxShadow !== 'none'],
        ['background-image', () => !!style.backgroundImage && style.backgroundImage !== 'none'],
        ['outline', () => parseColour(style.outlineColor)[3] > 0 && parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none'],
        ['icon', () => !!a.querySelector('img, svg') || icon('::before') || icon('::after')],
      ];
      const cue = tests.find(([, test]) => test());
      const cues = cue ? [cue[0]] : [];
      look = { colour: parseColour(style.color), textColour: parseColour(blockStyle.color), background: backgroundOf(a), textBackground: backgroundOf(block), cues };
    }
    const path = pathOf(href);
    const interesting =
      generic || !!target || !!title || FILE_OR_MEDIA.test(path) || (sameAsPrevious && pairHasImage) || !!hidden.text || (look !== null && look.cues.length === 0);
    if (!interesting) continue;
    // Text right after the link, up to the next element that is not inline.
    let after = '';
    for (let node = a.nextSibling; node && after.length < 80; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element)) break;
      after += node.textContent ?? '';
    }
    links.push({
      ...locate(a),
      href,
      name,
      text,
      title,
      target,
      description: byIds(a.getAttribute('aria-describedby')).slice(0, 200),
      hiddenText: hidden.text,
      context: ownText.slice(0, 200),
      after: squash(after).slice(0, 80),
      sameAsPrevious,
      previousSelector: sameAsPrevious && prior ? helpers.selector(prior) : '',
      pairHasImage,
      pairDistance,
      transcriptNearby: MEDIA.test(path) ? transcriptNear(a) : false,
      look,
      skippable,
      visible: visible(a),
    });
  }

  // Tables: their grid, headers and what they sit in.
  const tables: TableFact[] = [];
  for (const table of Array.from(document.querySelectorAll('table')).slice(0, limits.tables)) {
    const rowsOfTable = Array.from(table.rows);
    const grid: boolean[][] = [];
    const rowWidths: number[] = [];
    const rowStarts: string[] = [];
    let headerCells = 0;
    let dataCells = 0;
    let headerRows = 0;
    let headerRowsDone = false;
    let maxRowHeaders = 0;
    let rowsWithTwoRowHeaders = 0;
    let headersAfterData = 0;
    let scoped = 0;
    let withHeadersAttribute = 0;
    rowsOfTable.slice(0, limits.tableRows).forEach((row, r) => {
      grid[r] ??= [];
      const starts: number[] = [];
      let leadingHeaders = 0;
      let sawData = false;
      let allHeaders = row.cells.length > 0;
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        while (grid[r][column]) column += 1;
        starts.push(column);
        const colspan = Math.min(Math.max(cell.colSpan, 1), 1000);
        const rowspan = Math.min(Math.max(cell.rowSpan || 1, 1), 1000);
        for (let dr = 0; dr < rowspan && r + dr < limits.tableRows; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) grid[r + dr][column + dc] = true;
        }
        column += colspan;
        const isHeader = cell.localName === 'th';
        if (isHeader) {
          headerCells += 1;
          if (cell.hasAttribute('scope')) scoped += 1;
          if (sawData) headersAfterData += 1;
          else leadingHeaders += 1;
        } else {
          dataCells += 1;
          sawData = true;
          allHeaders = false;
        }
        if (cell.hasAttribute('headers')) withHeadersAttribute += 1;
      }
      if (!headerRowsDone && allHeaders) headerRows += 1;
      else {
        headerRowsDone = true;
        if (sawData) {
          maxRowHeaders = Math.max(maxRowHeaders, leadingHeaders);
          if (leadingHeaders >= 2) rowsWithTwoRowHeaders += 1;
        }
      }
      if (starts.length >= 2) rowStarts.push(starts.join(','));
    });
    grid.slice(0, Math.min(rowsOfTable.length, limits.tableRows)).forEach((cells) => rowWidths.push(cells.filter(Boolean).length));
    const outer = table.parentElement?.closest('table') ?? null;
    const inHeaderCell = !!table.parentElement?.closest('th') && !!outer && outer.contains(table.parentElement!.closest('th'));
    const layoutSigns: string[] = [];
    if (table.querySelector('table')) layoutSigns.push('nested-table');
    if (table.querySelector('h1, h2, h3, h4, h5, h6')) layoutSigns.push('headings');
    if (table.querySelector('input:not([type="hidden"]), select, textarea, button')) layoutSigns.push('form-fields');
    if (rowsOfTable.length <= 1) layoutSigns.push('one-row');
    tables.push({
      ...locate(table, 160),
      role: table.getAttribute('role') ?? '',
      rows: rowsOfTable.length,
      rowWidths,
      rowStarts,
      headerCells,
      dataCells,
      headerRows,
      maxRowHeaders,
      rowsWithTwoRowHeaders,
      headersAfterData,
      scoped,
      withHeadersAttribute,
      caption: squash(table.caption?.textContent).slice(0, 200),
      summary: squash(table.getAttribute('summary')).slice(0, 200),
      ariaName: squash(table.getAttribute('aria-label')) || byIds(table.getAttribute('aria-labelledby')),
      nestedIn: outer ? (inHeaderCell ? 'header-cell' : 'table') : '',
      outerHasDataMarkup: !!outer && (!!outer.querySelector(':scope > * > tr > th, :scope > tr > th, :scope > caption') || outer.hasAttribute('summary')),
      layoutSigns,
      visible: visible(table),
    });
  }

  // Text blocks: size, alignment, line length; small text; bold or big lines that may be headings.
  const BLOCKS = 'p, li, dd, td, th, blockquote, figcaption, div, address';
  const blocks: TextBlockLook[] = [];
  const smallText: SmallText[] = [];
  const headingLike: HeadingLike[] = [];
  const directText = (el: Element) =>
    squash(
      Array.from(el.childNodes)
        .map((n) => (n.nodeType === Node.TEXT_NODE ? n.nodeValue : n.nodeType === Node.ELEMENT_NODE && isInline(n as Element) ? (n as HTMLElement).innerText : ''))
        .join(' '),
    );
  const NOT_CONTENT = 'script, style, noscript, template, svg, [aria-hidden="true"]';
  for (const el of Array.from(document.body?.querySelectorAll(BLOCKS) ?? []).slice(0, limits.blocksScanned)) {
    if (blocks.length >= limits.blocks) break;
    if ((el.textContent ?? '').length < limits.blockMinChars || el.closest(NOT_CONTENT) || !visible(el)) continue;
    const text = directText(el);
    if (text.length < limits.blockMinChars) continue;
    const style = styleOf(el);
    const size = sizeOf(el);
    const lineHeight = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight) || size * 1.2;
    const rect = el.getBoundingClientRect();
    const padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    const lines = Math.max(1, Math.round((rect.height - padding) / lineHeight));
    // Only what text-justified or line-too-long may flag (each kept block costs a selector).
    if (lines < 2 || (!/^justify/.test(style.textAlign) && text.length / lines <= limits.longLineChars)) continue;
    blocks.push({ ...locate(el, 160), tag: el.localName, sample: text.slice(0, limits.sampleChars), chars: text.length, fontSizePx: Math.round(size * 10) / 10, textAlign: style.textAlign, lines, charsPerLine: Math.round(text.length / lines) });
  }
  // Small text: elements holding words directly, visible, and not clipped away as screen-reader-only text.
  for (const el of Array.from(document.body?.querySelectorAll('*') ?? []).slice(0, limits.generatedScanned)) {
    if (smallText.length >= limits.smallText) break;
    if (el.closest(NOT_CONTENT)) continue;
    const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && /[\p{L}\p{N}]{2,}/u.test(n.nodeValue ?? ''));
    if (!own) continue;
    const size = sizeOf(el);
    if (size >= limits.smallTextBelowPx) continue;
    const rect = el.getBoundingClientRect();
    // Screen-reader-only text is clipped to a 1 px box: nobody is meant to see it.
    if (rect.width <= 2 || rect.height <= 2 || !visible(el)) continue;
    const covered = smallText.some((s) => document.querySelector(s.selector)?.contains(el));
    if (covered) continue;
    smallText.push({ ...locate(el, 160), sample: squash(el.textContent).slice(0, limits.sampleChars), fontSizePx: Math.round(size * 10) / 10 });
  }
  // Heading look-alikes: short text, bold or bigger than the text that follows it.
  const HEADING_CANDIDATES = 'p, div, span, b, strong, font';
  for (const el of Array.from(document.body?.querySelectorAll(HEADING_CANDIDATES) ?? [])) {
    if (headingLike.length >= limits.headingLike) break;
    if (el.closest('h1, h2, h3, h4, h5, h6, [role="heading"], a, button, label, legend, caption, th, summary, dt, li, nav, header, footer, table, [role="navigation"], [role="banner"], [role="contentinfo"], ' + NOT_CONTENT)) continue;
    if (el.querySelector('p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, img, a, button, input, select, textarea')) continue;
    const text = squash(el.textContent);
    if (text.length < 2 || text.length > 80) continue;
    // The element must stand on its own line: a block, or the only content of one.
    let host: Element = el;
    let viaChild = '';
    if (isInline(el)) {
      const parent = el.parentElement;
      if (!parent || squash(parent.textContent) !== text || isInline(parent)) continue;
      if (!['p', 'div'].includes(parent.localName)) continue;
      host = parent;
      viaChild = el.localName;
    } else if (el.children.length === 1 && squash(el.children[0].textContent) === text && ['b', 'strong', 'font', 'span'].includes(el.children[0].localName)) {
      // Judged through its child (the loop reaches the child too).
      continue;
    }
    if (!visible(host)) continue;
    let next = host.nextElementSibling;
    while (next && (!visible(next) || !squash(next.textContent))) next = next.nextElementSibling;
    if (!next || !['p', 'div', 'ul', 'ol', 'dl', 'table', 'blockquote'].includes(next.localName) || next.matches('h1, h2, h3, h4, h5, h6, [role="heading"]')) continue;
    const nextText = squash(next.textContent);
    if (nextText.length < 20) continue;
    const sample = next.localName === 'p' || next.localName === 'div' ? next : (next.querySelector('li, td, dd, p') ?? next);
    // Only text that stands out: bold, or clearly bigger than what follows (the check applies its own thresholds).
    if (weightOf(el) < 600 && sizeOf(el) < sizeOf(sample) * 1.15) continue;
    headingLike.push({
      ...locate(host, 160),
      tag: host.localName,
      text: text.slice(0, 80),
      fontSizePx: Math.round(sizeOf(el) * 10) / 10,
      fontWeight: weightOf(el),
      italic: styleOf(el).fontStyle === 'italic',
      viaChild,
      nextTag: next.localName,
      nextFontSizePx: Math.round(sizeOf(sample) * 10) / 10,
      nextFontWeight: weightOf(sample),
      nextItalic: styleOf(sample).fontStyle === 'italic',
      nextChars: nextText.length,
    });
  }

  // Lists written as lines: blocks split by <br>, and runs of sibling paragraphs.
  const lineGroups: LineGroup[] = [];
  for (const el of Array.from(document.body?.querySelectorAll('p, div, td, dd, blockquote') ?? [])) {
    if (lineGroups.length >= limits.lineGroups) break;
    if (el.closest('ul, ol, ' + NOT_CONTENT) || el.querySelectorAll(':scope > br').length < 2 || !visible(el)) continue;
    const lines = ((el as HTMLElement).innerText ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 20).map((l) => l.slice(0, 24));
    if (lines.length >= 2) lineGroups.push({ ...locate(el, 160), kind: 'br', lines });
  }
  const seenParents = new Set<Element>();
  for (const p of Array.from(document.body?.querySelectorAll('p') ?? [])) {
    if (lineGroups.length >= limits.lineGroups) break;
    const parent = p.parentElement;
    if (!parent || seenParents.has(parent) || p.closest('ul, ol, ' + NOT_CONTENT)) continue;
    seenParents.add(parent);
    let run: Element[] = [];
    const flush = () => {
      if (run.length >= 3) lineGroups.push({ ...locate(run[0], 160), kind: 'siblings', lines: run.slice(0, 20).map((r) => squash(r.textContent).slice(0, 24)) });
      run = [];
    };
    for (const child of Array.from(parent.children)) {
      const t = squash(child.textContent);
      if ((child.localName === 'p' || child.localName === 'div') && /^([-–—•*·▪◦‣>+]|\d{1,2}[.)]|[a-z][.)])\s/.test(t)) run.push(child);
      else flush();
    }
    flush();
  }

  // Text inserted with ::before and ::after.
  const generated: GeneratedContent[] = [];
  const cssString = (content: string): string => {
    // Only literal strings; counters, attr() and images are left alone.
    const parts = content.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g);
    if (!parts || /(counter|attr|url)\(/.test(content)) return '';
    return parts
      .map((p) => p.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1'))
      .join('');
  };
  const all = Array.from(document.body?.querySelectorAll('*') ?? []).slice(0, limits.generatedScanned);
  for (const el of all) {
    if (generated.length >= limits.generated) break;
    if (el.closest('script, style, noscript, template, svg')) continue;
    for (const pseudo of ['before', 'after'] as const) {
      const style = getComputedStyle(el, `::${pseudo}`);
      const content = style.content;
      if (!content || content === 'none' || content === 'normal') continue;
      const text = squash(cssString(content));
      // Words or numbers (two letters or digits in a row); icon-font glyphs sit in the private use area and are graphics.
      if (!/[\p{L}\p{N}]{2}/u.test(text.replace(/[\uE000-\uF8FF]/g, '')) || style.display === 'none' || !visible(el)) continue;
      generated.push({ ...locate(el, 160), pseudo, text: text.slice(0, 120), elementText: squash(el.textContent).slice(0, 120), hiddenFromAT: hiddenFromAT(el) });
    }
  }

  // Text hidden from everyone that looks meant for screen readers.
  const hidden: HiddenText[] = [];
  const SR_CLASS = /(^|\s)(sr-only|sr-text|screen-reader-only|screen-reader-text|screenreader-only|screenreader|visually-hidden|visuallyhidden|vh|element-invisible|show-for-sr|u-hidden-visually|hidden-visually|offscreen|assistive-text|a11y-only)(\s|$)/i;
  for (const el of Array.from(document.body?.querySelectorAll('[class]') ?? [])) {
    if (hidden.length >= limits.hidden) break;
    if (!SR_CLASS.test(el.getAttribute('class') ?? '') || hiddenFromAT(el)) continue;
    const how = ownHiding(el);
    const text = squash(el.textContent);
    // Its container must be shown: text inside a closed menu or dialog is hidden with it, on purpose.
    if (!how || !/[\p{L}\p{N}]{2}/u.test(text) || (el.parentElement && !visible(el.parentElement))) continue;
    hidden.push({ ...locate(el, 160), text: text.slice(0, 120), how, reason: 'screen-reader-class', controlText: '' });
  }
  for (const control of Array.from(document.querySelectorAll('a[href], button')).slice(0, limits.linksScanned)) {
    if (hidden.length >= limits.hidden) break;
    if (hiddenFromAT(control) || !visible(control)) continue;
    const found = cssHiddenText(control);
    if (!found.el || !found.how || hidden.some((h) => h.selector === helpers.selector(found.el!))) continue;
    hidden.push({ ...locate(found.el, 160), text: found.text, how: found.how, reason: 'inside-control', controlText: squash((control as HTMLElement).innerText).slice(0, 120) });
  }

  // Fieldsets and their legends.
  const fieldsets: FieldsetFact[] = Array.from(document.querySelectorAll('fieldset'))
    .slice(0, limits.fieldsets)
    .map((fieldset) => {
      const legend = Array.from(fieldset.children).find((c) => c.localName === 'legend');
      return {
        ...locate(fieldset, 160),
        hasLegend: !!legend,
        legendText: legend ? readableText(legend).slice(0, 200) : '',
        ariaName: squash(fieldset.getAttribute('aria-label')) || byIds(fieldset.getAttribute('aria-labelledby')),
        role: fieldset.getAttribute('role') ?? '',
        controls: fieldset.querySelectorAll('input:not([type="hidden"]), select, textarea, button').length,
        visible: visible(fieldset),
      };
    });

  // Presentational elements HTML dropped long ago (blink and marquee are axe-core's).
  const obsolete: ObsoleteElement[] = Array.from(document.querySelectorAll('font, center, big, strike, tt, basefont, dir, nobr, spacer, xmp, listing, plaintext, applet'))
    .slice(0, limits.obsolete)
    .map((el) => ({ ...locate(el, 160), tag: el.localName }));

  // Text direction: right-to-left script shown left to right, or left-to-right text forced right to left.
  const RTL = /[\u0590-\u05FF\u0600-\u06FF\u0700-\u074F\u0750-\u077F\u0780-\u07BF\u07C0-\u07FF\u0800-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
  const direction: DirectionFact[] = [];
  for (const el of Array.from(document.body?.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, caption, label, legend, summary, address, div, span[lang], q[lang]') ?? [])) {
    if (direction.length >= limits.direction) break;
    if (el.closest(NOT_CONTENT)) continue;
    // Cheap first: right-to-left letters somewhere inside, or a dir attribute above.
    const raw = el.textContent ?? '';
    RTL.lastIndex = 0;
    if (!RTL.test(raw) && !el.closest('[dir]')) continue;
    const text = directText(el);
    if (text.length < 3) continue;
    const rtlLetters = (text.match(RTL) ?? []).length;
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    const ltrLetters = letters - rtlLetters;
    const dirHost = el.closest('[dir]');
    const dir = (dirHost?.getAttribute('dir') ?? '').toLowerCase();
    const computed = styleOf(el).direction === 'rtl' ? 'rtl' : 'ltr';
    const plaintext = styleOf(el).unicodeBidi === 'plaintext';
    const rtlShownLtr = rtlLetters >= 3 && rtlLetters >= ltrLetters && computed === 'ltr' && dir !== 'auto' && !plaintext;
    const ltrShownRtl = rtlLetters === 0 && ltrLetters >= 3 && computed === 'rtl' && dir === 'rtl' && !plaintext && dirHost === el;
    if (!rtlShownLtr && !ltrShownRtl) continue;
    // A nested block of the same kind is judged on its own.
    if (direction.some((d) => document.querySelector(d.selector)?.contains(el))) continue;
    const langHost = el.closest('[lang]');
    direction.push({ ...locate(el, 160), sample: text.slice(0, limits.sampleChars), lang: langHost?.getAttribute('lang') ?? '', rtlLetters, ltrLetters, direction: computed, dir });
  }

  // Animated image candidates: visible GIFs, biggest first; their bytes are read in a second round trip.
  const CONTROL_WORDS = /(pause|stop|play|detener|pausa|parar|reproducir|arr[eê]ter|anhalten)/i;
  const gifCandidates = Array.from(document.images)
    .filter((img) => /\.gif(\?|#|$)/i.test(img.currentSrc || img.src) && visible(img))
    .map((img) => ({ img, area: img.width * img.height }))
    .sort((x, y) => y.area - x.area)
    .slice(0, limits.gifs)
    .map(({ img }) => {
      // Its own wrapper: a figure, or a small parent that is not a whole section of the page.
      const parent = img.parentElement;
      const container = img.closest('figure') ?? (parent && parent.children.length <= 4 && !parent.matches('body, main, article, section, [role="main"]') ? parent : null);
      const controls = [
        ...(container ? Array.from(container.querySelectorAll('button, [role="button"], a[href]')) : []),
        ...[img.previousElementSibling, img.nextElementSibling].filter((n): n is Element => !!n && n.matches('button, [role="button"], a[href]')),
      ];
      const controlNearby = controls.some((c) => CONTROL_WORDS.test(`${squash(c.textContent)} ${c.getAttribute('aria-label') ?? ''} ${c.getAttribute('title') ?? ''}`));
      return { ...locate(img, 200), src: img.currentSrc || img.src, width: img.width, height: img.height, controlNearby };
    });

  // Pixels of raster images, to spot pictures of text.
  const imagePixels: ImagePixels[] = [];
  const canvas = document.createElement('canvas');
  const context2d = canvas.getContext('2d', { willReadFrequently: true });
  for (const img of Array.from(document.images)) {
    if (imagePixels.length >= limits.imagePixels || !context2d) break;
    const src = img.currentSrc || img.src;
    // Vector images stay sharp when zoomed, and flat illustrations cannot be told from text by colour counts.
    if (!src || /\.svg(\?|#|$)|^data:image\/svg/i.test(src) || !img.complete || img.naturalWidth < 60 || img.naturalHeight < 20) continue;
    if (img.width < 60 || img.height < 20 || !visible(img) || hiddenFromAT(img)) continue;
    const width = Math.min(limits.pixelSampleWidth, img.naturalWidth);
    const height = Math.max(1, Math.round((img.naturalHeight * width) / img.naturalWidth));
    canvas.width = width;
    canvas.height = height;
    let data: Uint8ClampedArray;
    try {
      context2d.clearRect(0, 0, width, height);
      context2d.drawImage(img, 0, 0, width, height);
      data = context2d.getImageData(0, 0, width, height).data;
    } catch {
      // Images from another origin without CORS cannot be read.
      continue;
    }
    const buckets = new Map<number, number>();
    const light: number[] = [];
    for (let p = 0; p < data.length; p += 4) {
      // Transparent pixels count as the page behind them: white.
      const alpha = data[p + 3] / 255;
      const r = data[p] * alpha + 255 * (1 - alpha);
      const g = data[p + 1] * alpha + 255 * (1 - alpha);
      const b = data[p + 2] * alpha + 255 * (1 - alpha);
      const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
      light.push((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255);
    }
    const counts = [...buckets.values()].sort((x, y) => y - x);
    const total = light.length;
    let edges = 0;
    let pairs = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 1; x < width; x++) {
        pairs += 1;
        // A jump of a third of the lightness range between neighbours: the edge of a letter stroke.
        if (Math.abs(light[y * width + x] - light[y * width + x - 1]) > 0.33) edges += 1;
      }
    }
    const round = (n: number) => Math.round(n * 1000) / 1000;
    const hints = `${img.getAttribute('alt') ?? ''} ${src} ${img.getAttribute('class') ?? ''} ${img.id}`;
    imagePixels.push({
      ...locate(img, 200),
      src,
      alt: img.getAttribute('alt'),
      width: img.width,
      height: img.height,
      topTwoShare: round(((counts[0] ?? 0) + (counts[1] ?? 0)) / total),
      topFourShare: round(counts.slice(0, 4).reduce((sum, n) => sum + n, 0) / total),
      edgeDensity: round(pairs ? edges / pairs : 0),
      logo: /logo|brand|wordmark/i.test(hints),
    });
  }

  return {
    links,
    linkCount: anchors.length,
    tables,
    blocks,
    smallText,
    headingLike,
    lineGroups,
    generated,
    hidden,
    fieldsets,
    obsolete,
    direction,
    pageDirection: styleOf(document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr',
    gifCandidates,
    imagePixels,
  };
}

/**
 * Runs inside the page: fetches each GIF (from the browser's cache where it can), reads at
 * most `maxBytes` of it and scans it with `scan` (scanGif, sent as source text).
 */
async function readGifs(urls: string[], maxBytes: number, timeoutMs: number, scan: (bytes: Uint8Array) => GifScan | null): Promise<{ scan: GifScan | null; error: string }[]> {
  return Promise.all(
    urls.map(async (url) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetch(url, { cache: 'force-cache', credentials: 'same-origin', signal: controller.signal });
        if (!response.ok || !response.body) return { scan: null, error: `HTTP ${response.status}` };
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        let size = 0;
        while (size < maxBytes) {
          const { done, value } = await reader.read();
          if (done || !value) break;
          chunks.push(value);
          size += value.length;
        }
        await reader.cancel().catch(() => undefined);
        const bytes = new Uint8Array(Math.min(size, maxBytes));
        let offset = 0;
        for (const chunk of chunks) {
          const part = chunk.subarray(0, Math.max(0, bytes.length - offset));
          bytes.set(part, offset);
          offset += part.length;
        }
        return { scan: scan(bytes), error: '' };
      } catch (error) {
        return { scan: null, error: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

export const structureGatherer: Gatherer<'structure'> = {
  artifact: 'structure',
  phase: 'static',
  // One capped DOM walk plus at most four small GIF reads (3 s each, in parallel); 15 s allows a slow machine.
  budgetMs: () => 15_000,
  async gather({ page }) {
    const { gifCandidates, ...facts } = await page.evaluate(collectStructure, { ...STRUCTURE_LIMITS, genericLinkTexts: [...GENERIC_LINK_TEXTS] });
    let animatedImages: AnimatedImage[] = [];
    if (gifCandidates.length > 0) {
      // scanGif goes in as source text so the page runs the same code the unit tests run.
      const expression = `(${readGifs.toString()})(${JSON.stringify(gifCandidates.map((g) => g.src))}, ${STRUCTURE_LIMITS.gifBytes}, ${STRUCTURE_LIMITS.gifTimeoutMs}, ${scanGif.toString()})`;
      const scans = (await page.evaluate(expression)) as { scan: GifScan | null; error: string }[];
      animatedImages = gifCandidates.map((candidate, i) => ({ ...candidate, scan: scans[i]?.scan ?? null, error: scans[i]?.error ?? '' }));
    }
    return { ...facts, animatedImages };
  },
};
