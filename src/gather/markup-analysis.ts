// Parses the HTML a server sent with parse5 and lists the markup errors that change what assistive technology is told: unclosed elements that swallow content, stray end tags of structural elements, duplicate attributes that matter.
import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface MarkupProblem {
  /**
   * unclosed: an element with no end tag that the parser stretched over content it should not hold.
   * stray-end-tag: an end tag with no element of that name open (the browser ignored it, or it closed another element).
   * duplicate-attribute: the same attribute twice with different values (the browser keeps the first).
   * unclosed-raw-text: a script, style, textarea or title never closed, so the rest of the page became its text.
   */
  kind: 'unclosed' | 'stray-end-tag' | 'duplicate-attribute' | 'unclosed-raw-text';
  /** The element's tag, or the end tag's name. */
  tag: string;
  /** stray-end-tag: the element open where the end tag stood. */
  openTag: string;
  /** unclosed: tags of the elements it swallowed (first few); for a link the parser copied, the elements the copies went into. */
  swallowed: string[];
  /** unclosed: how many copies of the element the parser made (a link left open is reopened in the blocks that follow). */
  copies: number;
  /** duplicate-attribute: its name, and the value kept and the one dropped. */
  attribute: string;
  kept: string;
  dropped: string;
  /** Where in the source (1-based). */
  line: number;
  column: number;
  /** A selector for the element in the parsed page (#id where it has one). */
  selector: string;
  /** The source around the problem. */
  snippet: string;
}

/** Problems listed per page; past that they are counted only. */
export const MAX_MARKUP_PROBLEMS = 60;

/** Void elements have no end tag; these have an optional one (HTML "optional tags"), so a missing end tag is no error. */
const NO_END_TAG = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound',
  'html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp',
]);

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const LANDMARKS = ['main', 'nav', 'header', 'footer', 'aside'];
/** Block content: a link, button, label or heading that holds one was stretched over more than its own text. */
const BLOCKS = new Set(['p', 'div', 'ul', 'ol', 'dl', 'table', 'form', 'fieldset', 'section', 'article', 'blockquote', 'figure', 'details', 'pre', 'address', 'hr', ...HEADINGS, ...LANDMARKS]);
const CONTROLS = new Set(['a', 'button', 'input', 'select', 'textarea']);
/** Phrasing elements whose name or role screen readers announce: swallowing blocks changes what they say. */
const NAMING = new Set(['a', 'button', 'label', 'summary', 'legend', 'figcaption', 'q', 'abbr', ...HEADINGS]);
/** Regions and structures: swallowing a landmark or a twin of itself changes the page's outline. */
const CONTAINERS = new Set(['nav', 'header', 'footer', 'aside', 'main', 'section', 'article', 'form', 'fieldset', 'table', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'details']);
/** End tags whose element carries structure or a name for assistive technology; a stray one of these means the structure is not what was written. */
const STRUCTURAL_END_TAGS = new Set([
  'a', 'button', 'label', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'form', 'fieldset', 'legend', 'select',
  'option', 'textarea', 'nav', 'main', 'header', 'footer', 'section', 'article', 'aside', 'figure', 'figcaption', 'details', 'summary', 'blockquote', 'q', 'abbr', ...HEADINGS,
]);
/** Attributes that give a name, role, relation or language: a dropped second value may be the one the author meant. */
const AT_ATTRIBUTE = /^(aria-[a-z]+|role|alt|title|id|for|lang|dir|headers|scope|tabindex|href|type|label|value|placeholder|hidden|required|summary|accesskey)$/;
/** Elements whose content is text up to their end tag: left open, they take in the rest of the page. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Parse errors where a raw-text element ran to the end of the file. */
const RAW_TEXT_EOF = new Set(['eof-in-element-that-can-contain-only-text', 'eof-in-script-html-comment-like-text']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return (node as DefaultTreeAdapterMap['template']).content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function descendants(element: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (isElement(child)) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(element);
  return out;
}

/** Elements an unclosed element holds that it should not, by kind (see the sets above). */
function swallowedBy(element: Element): string[] {
  const tag = element.tagName;
  const inside = descendants(element);
  let found: Element[] = [];
  if (tag === 'label') {
    const fields = inside.filter((e) => ['input', 'select', 'textarea'].includes(e.tagName) && attr(e, 'type') !== 'hidden');
    found = [...(fields.length >= 2 ? fields.slice(1) : []), ...inside.filter((e) => BLOCKS.has(e.tagName))];
  } else if (tag === 'a' || tag === 'button') {
    found = inside.filter((e) => BLOCKS.has(e.tagName) || CONTROLS.has(e.tagName));
  } else if (NAMING.has(tag)) {
    found = inside.filter((e) => BLOCKS.has(e.tagName));
  } else if (CONTAINERS.has(tag)) {
    found = inside.filter((e) => e.tagName === 'main' || e.tagName === tag || (tag === 'main' && (e.tagName === 'footer' || e.tagName === 'nav')));
  }
  return [...new Set(found.map((e) => e.tagName))].slice(0, 5);
}

/** A CSS selector for an element of the parsed tree: its id, or a path of tags from the nearest ancestor with one. */
function selectorOf(element: Element, idCounts: Map<string, number>): string {
  const parts: string[] = [];
  let node: Element | null = element;
  while (node && node.tagName !== 'html') {
    const id = attr(node, 'id');
    if (id && idCounts.get(id) === 1 && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`#${id}`);
      return parts.join(' > ');
    }
    const parent: Node | null = node.parentNode;
    let part = node.tagName;
    if (parent) {
      const same = childrenOf(parent).filter((c): c is Element => isElement(c) && c.tagName === node!.tagName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
    }
    parts.unshift(part);
    node = parent && isElement(parent) ? parent : null;
  }
  return ['html', ...parts].join(' > ');
}

/** Up to 120 characters of the source from `offset`, on one line. */
function excerpt(html: string, offset: number): string {
  const text = html.slice(offset, offset + 120).replace(/\s+/g, ' ');
  return offset + 120 < html.length ? `${text}…` : text;
}

function lineAndColumn(html: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < html.length; i++) {
    if (html.charCodeAt(i) === 10) {
      line += 1;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

export interface MarkupAnalysis {
  problems: MarkupProblem[];
  /** Problems of each kind, including those past MAX_MARKUP_PROBLEMS. */
  counts: Record<MarkupProblem['kind'], number>;
}

/**
 * Lists the markup problems in `html`. `truncated`: the source was cut, so elements still
 * open at its end are not reported (their end tags may be in the part not read).
 */
export function analyseMarkup(html: string, truncated = false): MarkupAnalysis {
  const errors: ParserError[] = [];
  const document = parse(html, { sourceCodeLocationInfo: true, onParseError: (error) => errors.push(error) });
  const elements: Element[] = [];
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (isElement(child)) {
        elements.push(child);
        walk(child);
      }
    }
  };
  walk(document);
  const idCounts = new Map<string, number>();
  for (const element of elements) {
    const id = attr(element, 'id');
    if (id) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
  }
  const counts: MarkupAnalysis['counts'] = { unclosed: 0, 'stray-end-tag': 0, 'duplicate-attribute': 0, 'unclosed-raw-text': 0 };
  const problems: MarkupProblem[] = [];
  const add = (problem: Omit<MarkupProblem, 'line' | 'column' | 'snippet' | 'openTag' | 'swallowed' | 'copies' | 'attribute' | 'kept' | 'dropped'> & Partial<MarkupProblem>, offset: number) => {
    counts[problem.kind] += 1;
    if (problems.length >= MAX_MARKUP_PROBLEMS) return;
    problems.push({ openTag: '', swallowed: [], copies: 0, attribute: '', kept: '', dropped: '', ...lineAndColumn(html, offset), snippet: excerpt(html, offset), ...problem });
  };
  /** The innermost element whose source range holds `offset`. */
  const elementAt = (offset: number): Element | undefined => {
    let best: Element | undefined;
    for (const element of elements) {
      const location = element.sourceCodeLocation;
      if (location && location.startOffset <= offset && offset < location.endOffset) best = element;
    }
    return best;
  };

  // Raw-text elements (and duplicate attributes) come from parse5's own error list.
  for (const error of errors) {
    if (RAW_TEXT_EOF.has(error.code)) {
      // The raw-text element left open is the last one without an end tag.
      const element = elements.filter((e) => RAW_TEXT.has(e.tagName) && e.sourceCodeLocation?.startTag && !e.sourceCodeLocation.endTag).at(-1);
      if (!truncated && element) add({ kind: 'unclosed-raw-text', tag: element.tagName, selector: selectorOf(element, idCounts) }, element.sourceCodeLocation?.startOffset ?? error.startOffset);
    } else if (error.code === 'duplicate-attribute') {
      // The error sits at the end of the second name; read the name back and its value forward.
      const before = html.slice(Math.max(0, error.startOffset - 64), error.startOffset);
      const name = (before.match(/([^\s"'>/=]+)\s*$/)?.[1] ?? '').toLowerCase();
      if (!AT_ATTRIBUTE.test(name)) continue;
      const value = html.slice(error.startOffset, error.startOffset + 400).match(/^\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]*))/);
      const dropped = value ? (value[2] ?? value[3] ?? value[4] ?? '') : '';
      const element = elementAt(error.startOffset);
      if (!element) continue;
      const kept = attr(element, name) ?? '';
      if (kept.trim() === dropped.trim()) continue;
      add({ kind: 'duplicate-attribute', tag: element.tagName, attribute: name, kept: kept.slice(0, 100), dropped: dropped.slice(0, 100), selector: selectorOf(element, idCounts) }, element.sourceCodeLocation?.startOffset ?? error.startOffset);
    }
  }

  // Unclosed elements: a start tag, no end tag, an end tag that is required, and content swallowed.
  // The parser reopens a link left open in each block that follows: the copies share the original's start tag.
  const byStartTag = new Map<number, Element[]>();
  for (const element of elements) {
    const start = element.sourceCodeLocation?.startTag?.startOffset;
    if (start !== undefined) byStartTag.set(start, [...(byStartTag.get(start) ?? []), element]);
  }
  for (const [start, [element, ...copies]] of byStartTag) {
    const location = element.sourceCodeLocation;
    if (!location || location.endTag || NO_END_TAG.has(element.tagName) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (truncated && location.endOffset >= html.length) continue;
    const intoParents = element.tagName === 'a' ? copies.map((copy) => (copy.parentNode && isElement(copy.parentNode) ? copy.parentNode.tagName : '')).filter(Boolean) : [];
    const swallowed = [...new Set([...intoParents, ...swallowedBy(element)])].slice(0, 5);
    if (swallowed.length === 0) continue;
    add({ kind: 'unclosed', tag: element.tagName, swallowed, copies: intoParents.length, selector: selectorOf(element, idCounts) }, start);
  }

  // Stray end tags: end tags in the source that closed no element of their name.
  const matched = new Set<number>();
  const skipped: [number, number][] = [];
  const note = (node: Node) => {
    for (const child of childrenOf(node)) {
      const location = (child as { sourceCodeLocation?: DefaultTreeAdapterMap['element']['sourceCodeLocation'] }).sourceCodeLocation;
      if (location) {
        if (child.nodeName === '#comment' || child.nodeName === '#documentType') skipped.push([location.startOffset, location.endOffset]);
        if (isElement(child)) {
          if (location.endTag) matched.add(location.endTag.startOffset);
          if (location.startTag) skipped.push([location.startTag.startOffset, location.startTag.endOffset]);
          // Text-only elements hold end-tag look-alikes that are text.
          if (RAW_TEXT.has(child.tagName)) {
            skipped.push([location.startTag?.endOffset ?? location.startOffset, location.endTag?.startOffset ?? location.endOffset]);
          }
        }
      }
      note(child);
    }
  };
  note(document);
  const inSkipped = (offset: number) => skipped.some(([start, end]) => offset >= start && offset < end);
  for (const match of html.matchAll(/<\/([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g)) {
    const offset = match.index ?? 0;
    if (matched.has(offset)) continue;
    const tag = match[1].toLowerCase();
    // Checked in this order because inSkipped walks every start tag: only unmatched structural end tags get that far.
    if (!STRUCTURAL_END_TAGS.has(tag) || inSkipped(offset)) continue;
    // The element this end tag closed by mistake (it ends right here with no end tag of its own), else the one it stands in.
    const open = elements.find((e) => e.sourceCodeLocation?.endOffset === offset && !e.sourceCodeLocation.endTag && !NO_END_TAG.has(e.tagName)) ?? elementAt(offset);
    // Inside foreign content (SVG, MathML) end tags follow XML rules; leave them alone.
    if (open && open.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    add({ kind: 'stray-end-tag', tag, openTag: open?.tagName ?? '', selector: open ? selectorOf(open, idCounts) : 'html' }, offset);
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, counts };
}
