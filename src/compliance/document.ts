// A small document model (headings, paragraphs, lists, tables; fixed text, site text, blanks, links) and its HTML and Markdown writers, which escape every string.

/**
 * Inline content. A plain string is the document's own (translated) text; `site` is text
 * from the audited site (or the owner's verdict file); `blank` is a place the owner must fill.
 * Every kind is escaped by both writers; site text is also kept from forming Markdown syntax.
 */
export type Inline =
  | string
  | { site: string }
  | { blank: string; label: string }
  | { link: string; text: Inline[] }
  | { strong: Inline[] }
  | { code: string };

export type Block =
  | { h: 1 | 2 | 3; text: Inline[]; id?: string }
  | { p: Inline[]; className?: string }
  | { ul: Inline[][] }
  | { table: Table }
  | { html: 'filter21' };

export interface Table {
  caption: Inline[];
  head: Inline[][];
  /** The first cell of each row is its header. */
  rows: { cells: Inline[][]; className?: string }[];
}

export interface Doc {
  lang: string;
  title: string;
  blocks: Block[];
  /** Shown in the HTML head only. */
  description?: string;
}

// ---------- HTML ----------

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
}

/** Control characters and lone surrogates from a site would make the file invalid; they become U+FFFD. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Only http(s) URLs (and in-document or relative report paths we make) become links. */
export function safeUrl(value: string): string | undefined {
  if (/^#[A-Za-z0-9_.-]+$/.test(value) || /^[a-z0-9-]+\.html(#[A-Za-z0-9_.-]+)?$/.test(value)) return value;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function blankId(id: string): string {
  return `blank-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(clean(part));
      if ('site' in part) return `<span class="site">${escapeHtml(clean(part.site))}</span>`;
      if ('blank' in part) return `<mark class="blank" id="${escapeHtml(blankId(part.blank))}">${escapeHtml(clean(part.label))}</mark>`;
      if ('link' in part) {
        const href = safeUrl(part.link);
        return href ? `<a href="${escapeHtml(href)}">${inlineHtml(part.text)}</a>` : inlineHtml(part.text);
      }
      if ('strong' in part) return `<strong>${inlineHtml(part.strong)}</strong>`;
      return `<code>${escapeHtml(clean(part.code))}</code>`;
    })
    .join('');
}

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --fail: #a4000f; --review: #7a4b00; --ok: #1d5e20; --mark: #fff3b0; --link: #0b57a4; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.2; } h2 { margin-top: 2rem; border-bottom: 2px solid var(--line); } h3 { margin-top: 1.5rem; }
a { color: var(--link); } a:focus-visible, input:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
td ul, th ul { margin: 0; padding-left: 1.1rem; }
.site { font-style: italic; }
mark.blank { background: var(--mark); color: var(--ink); border: 1px dashed #8a6d00; padding: 0 .2rem; font-weight: 600; }
.fails { color: var(--fail); font-weight: 600; } .needs-review { color: var(--review); font-weight: 600; } .verdict { color: var(--ok); font-weight: 600; }
p.notice { border-left: 4px solid var(--review); padding: .5rem .75rem; background: #fff8e6; }
.filter { margin: 1rem 0; }
body:has(#only21:checked) tr.wcag22-only { display: none; }
@media print { body { max-width: none; } a { color: inherit; } }
`;

function blockHtml(block: Block): string {
  if ('h' in block) return `<h${block.h}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${inlineHtml(block.text)}</h${block.h}>`;
  if ('p' in block) return `<p${block.className ? ` class="${escapeHtml(block.className)}"` : ''}>${inlineHtml(block.p)}</p>`;
  if ('ul' in block) return `<ul>\n${block.ul.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
  if ('html' in block) return '';
  const table = block.table;
  const head = `<thead><tr>${table.head.map((cell) => `<th scope="col">${inlineHtml(cell)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row) => `<tr${row.className ? ` class="${escapeHtml(row.className)}"` : ''}>${row.cells.map((cell, i) => (i === 0 ? `<th scope="row">${inlineHtml(cell)}</th>` : `<td>${cellHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<caption>${inlineHtml(table.caption)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A cell's lines (separated by "\n" strings) become a list when there are several. */
function cellHtml(cell: Inline[]): string {
  const lines = splitLines(cell);
  return lines.length > 1 ? `<ul>${lines.map((line) => `<li>${inlineHtml(line)}</li>`).join('')}</ul>` : inlineHtml(lines[0] ?? []);
}

function splitLines(cell: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const part of cell) {
    if (part === '\n') lines.push([]);
    else lines[lines.length - 1].push(part);
  }
  return lines.filter((line) => line.length > 0);
}

/** A whole HTML page: self-contained, no scripts, a strict Content-Security-Policy. `extra` is markup we build (the WCAG 2.1 filter). */
export function toHtml(doc: Doc, extra: { filter21?: string } = {}): string {
  const csp = ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
  const body = doc.blocks.map((block) => ('html' in block ? (extra.filter21 ?? '') : blockHtml(block))).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(clean(doc.title))}</title>
${doc.description ? `<meta name="description" content="${escapeHtml(clean(doc.description))}">\n` : ''}<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

// ---------- Markdown ----------

/** Our own text: characters that would start Markdown or HTML are escaped; line breaks are spaces. */
function mdOwn(value: string): string {
  return clean(value)
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/&/g, '&amp;');
}

/** Site text: as inert as Markdown allows; every punctuation mark that could form syntax is escaped. */
export function mdSite(value: string): string {
  return clean(value)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~:"'=^$])/g, '\\$1');
}

/** A URL inside <…>: spaces, angle brackets and line breaks percent-encoded, so it cannot end early. */
function mdUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

function inlineMd(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part === '\n' ? '; ' : mdOwn(part);
      if ('site' in part) return mdSite(part.site);
      if ('blank' in part) return `**${mdOwn(part.label)}**`;
      if ('link' in part) {
        const href = safeUrl(part.link);
        return href && !href.startsWith('#') ? `[${inlineMd(part.text)}](<${mdUrl(href)}>)` : inlineMd(part.text);
      }
      if ('strong' in part) return `**${inlineMd(part.strong)}**`;
      return `\`${clean(part.code).replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
    })
    .join('')
    .trim();
}

/** Markdown: headings, paragraphs, lists and pipe tables. Line starts that could open a block are escaped. */
export function toMarkdown(doc: Doc): string {
  const lines: string[] = [];
  const para = (text: string) => text.replace(/^(\d+)\./, '$1\\.').replace(/^([#>+=-])/, '\\$1');
  for (const block of doc.blocks) {
    if ('h' in block) lines.push(`${'#'.repeat(block.h)} ${inlineMd(block.text)}`, '');
    else if ('p' in block) lines.push(para(inlineMd(block.p)), '');
    else if ('ul' in block) lines.push(...block.ul.map((item) => `- ${inlineMd(item)}`), '');
    else if ('table' in block) {
      const table = block.table;
      lines.push(`**${inlineMd(table.caption)}**`, '');
      lines.push(`| ${table.head.map(inlineMd).join(' | ')} |`, `|${table.head.map(() => '---').join('|')}|`);
      for (const row of table.rows) lines.push(`| ${row.cells.map((cell) => inlineMd(cell) || ' ').join(' | ')} |`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}
