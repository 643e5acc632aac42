// Generates a deterministic small-business site of N pages and serves it on 127.0.0.1 for the benchmark.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startSiteServer, type RouteHandler, type SiteServer } from '../src/demo/site-server.js';

export interface GeneratedSite {
  server: SiteServer;
  /** Start page, `http://127.0.0.1:PORT/`. */
  startUrl: string;
  /** Every page URL, start page first; exactly `pageCount` of them. */
  pageUrls: string[];
}

/** Fixed seed: the same N always gives byte-identical pages, so runs compare. */
const SEED = 0x5eed_0001;

/** mulberry32: a tiny, well-distributed PRNG; enough for picking words. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = ['services', 'products', 'news', 'guides', 'team'] as const;
const WORDS = (
  'fresh bread bakery oven sourdough rye flour butter morning order delivery catering wedding cake pastry coffee ' +
  'kettle tea local family recipe season harvest market weekend opening hours booking custom gift allergy gluten ' +
  'vegan sugar crust croissant bagel baguette loaf slice cream chocolate berry lemon almond honey oat seed garden'
).split(' ');

/** 12 photos: enough variety that the browser cache is exercised, small enough to stay cheap. */
const PHOTO_COUNT = 12;
/** 1×1 transparent PNG (67 bytes): a real PNG decode per page without weight. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function photoSvg(index: number): string {
  const hue = (index * 37) % 360; // 37° steps spread 12 hues round the colour wheel
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200"><rect width="320" height="200" fill="hsl(${hue},60%,70%)"/><circle cx="160" cy="100" r="60" fill="hsl(${(hue + 180) % 360},50%,50%)"/></svg>`;
}

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#6b3e26"/><text x="60" y="26" font-size="16" text-anchor="middle" fill="#fff">Crumb</text></svg>';

const SITE_CSS = `body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.5}
header,footer{background:#f6efe6;padding:1rem}nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0}
main{max-width:60rem;margin:auto;padding:1rem}.gallery{display:flex;flex-wrap:wrap;gap:.5rem}.gallery img{max-width:100%;height:auto}
.muted{color:#aaa}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
.menu-toggle{display:none}@media (max-width:40rem){.menu-toggle{display:block}}`;

/** A small menu toggle, as most small-business themes ship. */
const SITE_JS = `document.addEventListener('DOMContentLoaded',function(){var b=document.querySelector('.menu-toggle');var n=document.querySelector('nav ul');if(b&&n)b.addEventListener('click',function(){n.hidden=!n.hidden;b.setAttribute('aria-expanded',String(!n.hidden));});});`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function pagePath(index: number): string {
  if (index === 0) return '/';
  const section = SECTIONS[index % SECTIONS.length];
  return `/${section}/${WORDS[index % WORDS.length]}-${index}`;
}

function sentence(random: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]);
  const text = picked.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  // 3 to 6 sentences of 8 to 20 words: ordinary marketing copy.
  const count = 3 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(random, 8 + Math.floor(random() * 13))).join(' ');
}

/** Up to 8 links in the header: the pages a real site puts in its main navigation. */
function navLinks(pageCount: number): string {
  const names = ['Home', 'Services', 'Products', 'News', 'Guides', 'Our team', 'About us', 'Contact'];
  return names
    .slice(0, Math.min(names.length, pageCount))
    .map((name, index) => `<li><a href="${pagePath(index)}">${name}</a></li>`)
    .join('');
}

function contactForm(index: number): string {
  // Every other form has an unlabelled field and a forced gender choice: findings to report.
  const sloppy = index % 2 === 0;
  return `<h2>Ask us anything</h2>
<form action="/thanks" method="post">
  <p><label for="name-${index}">Your name</label> <input id="name-${index}" name="name" autocomplete="name" required></p>
  <p><label for="email-${index}">Email</label> <input id="email-${index}" name="email" type="email" ${sloppy ? '' : 'autocomplete="email"'}></p>
  <p>${sloppy ? '<input name="phone" placeholder="Phone (123) 456-7890" pattern="\\(\\d{3}\\) \\d{3}-\\d{4}">' : '<label for="phone-' + index + '">Phone</label> <input id="phone-' + index + '" name="phone" type="tel" autocomplete="tel">'}</p>
  <fieldset><legend>Gender</legend>
    <label><input type="radio" name="gender" value="f"> Female</label> <label><input type="radio" name="gender" value="m"> Male</label>
    ${sloppy ? '' : '<label><input type="radio" name="gender" value="x"> Another</label> <label><input type="radio" name="gender" value="-"> Prefer not to say</label>'}
  </fieldset>
  <p><label for="message-${index}">Message</label><br><textarea id="message-${index}" name="message" rows="4"></textarea></p>
  <p><button type="submit">Send</button></p>
</form>`;
}

function priceTable(random: () => number): string {
  const rows = Array.from({ length: 6 }, () => {
    const item = sentence(random, 2).slice(0, -1);
    const price = (2 + random() * 30).toFixed(2); // £2 to £32: bakery prices
    return `<tr><td>${escapeHtml(item)}</td><td>£${price}</td></tr>`;
  }).join('');
  return `<h2>Prices</h2><table><caption>Today's prices</caption><thead><tr><th scope="col">Item</th><th scope="col">Price</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Questions and answers in <details>: one page in ten carries an accordion of its own, as real
 * sites' FAQ and product pages do, nested in content blocks as a page builder nests them (below
 * the depth the layout signature reads, so only the widget-aware sampling tells these pages apart).
 */
function faq(random: () => number): string {
  const items = Array.from({ length: 3 }, () => `<details><summary>${escapeHtml(sentence(random, 5).slice(0, -1))}?</summary><p>${escapeHtml(paragraph(random))}</p></details>`).join('\n');
  return `<section class="faq"><div class="block"><div class="block-body">\n<h2>Questions</h2>\n${items}\n</div></div></section>`;
}

function renderPage(index: number, pageCount: number): string {
  const random = prng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const title = index === 0 ? 'Crumb & Kettle — bakery and café' : `${sentence(random, 3).slice(0, -1)} — Crumb & Kettle`;
  // Links down a binary tree plus the next page: every page is reachable within log2(N) clicks.
  const related = [2 * index + 1, 2 * index + 2, index + 1].filter((target) => target > 0 && target < pageCount);
  const photos = Array.from({ length: 4 }, (_, k) => {
    const photo = (index + k * 5) % PHOTO_COUNT; // 5 is coprime with 12, so the four differ
    // One page in six has a photo without alt text; one in four a file-name alt.
    const alt = index % 6 === 0 && k === 0 ? '' : index % 4 === 0 && k === 1 ? ` alt="photo-${photo}.svg"` : ` alt="${escapeHtml(sentence(random, 4).slice(0, -1))}"`;
    return `<img src="/img/photo-${photo}.svg" width="320" height="200"${alt}>`;
  }).join('');
  const paragraphs = Array.from({ length: 3 + (index % 3) }, () => `<p>${escapeHtml(paragraph(random))}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/site.css">
<link rel="icon" href="/img/icon.png">
<script src="/site.js" defer></script>
</head>
<body>
<a href="#main" class="skip">Skip to content</a>
<header>
  <a href="/"><img src="/img/logo.svg" alt="Crumb &amp; Kettle home" width="120" height="40"></a>
  <button class="menu-toggle" aria-expanded="true">Menu</button>
  <nav aria-label="Main"><ul>${navLinks(pageCount)}</ul></nav>
</header>
<main id="main">
<h1>${escapeHtml(title.split(' — ')[0])}</h1>
${paragraphs}
<div class="gallery">${photos}</div>
${index % 4 === 2 ? priceTable(random) : ''}
${index % 5 === 3 ? contactForm(index) : ''}
${index % 10 === 7 ? faq(random) : ''}
<h2>Read next</h2>
<ul>${related.map((target) => `<li><a href="${pagePath(target)}">${escapeHtml(sentence(random, 4).slice(0, -1))}</a></li>`).join('')}</ul>
${index % 7 === 1 ? '<p class="muted">Prices include VAT. Offers while stocks last.</p>' : ''}
</main>
<footer>
  <p>Crumb &amp; Kettle, 12 Mill Lane. Call <a href="tel:+441234567890">01234 567890</a> or <a href="mailto:hello@crumb.example">email us</a>.</p>
  <p><a href="${pagePath(Math.min(1, pageCount - 1))}">Privacy</a> · <a href="${pagePath(Math.min(2, pageCount - 1))}">Accessibility</a></p>
</footer>
</body>
</html>`;
}

function send(body: string | Buffer, contentType: string): RouteHandler {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'max-age=3600' });
    res.end(body);
  };
}

/**
 * Starts a server for a generated site of `pageCount` pages; pages are rendered once, up front.
 * `documents` (path → PDF bytes) are served too, and every page links to each of them in its footer.
 */
export async function startGeneratedSite(pageCount: number, documents: Record<string, Buffer> = {}): Promise<GeneratedSite> {
  const routes: Record<string, RouteHandler> = {};
  const paths: string[] = [];
  const documentLinks = Object.keys(documents)
    .map((path, index) => `<a href="${path}">Document ${index + 1} (PDF)</a>`)
    .join(' ');
  for (let index = 0; index < pageCount; index++) {
    const path = pagePath(index);
    paths.push(path);
    const html = renderPage(index, pageCount);
    routes[path] = send(documentLinks ? html.replace('</body>', `<p>${documentLinks}</p>\n</body>`) : html, 'text/html; charset=utf-8');
  }
  for (const [path, bytes] of Object.entries(documents)) routes[path] = send(bytes, 'application/pdf');
  routes['/site.css'] = send(SITE_CSS, 'text/css; charset=utf-8');
  routes['/site.js'] = send(SITE_JS, 'text/javascript; charset=utf-8');
  routes['/img/logo.svg'] = send(LOGO_SVG, 'image/svg+xml');
  routes['/img/icon.png'] = send(TINY_PNG, 'image/png');
  for (let photo = 0; photo < PHOTO_COUNT; photo++) routes[`/img/photo-${photo}.svg`] = send(photoSvg(photo), 'image/svg+xml');
  routes['/thanks'] = send('<!doctype html><html lang="en"><title>Thanks</title><p>Thanks!</p></html>', 'text/html; charset=utf-8');
  // The origin is only known once listening, so sitemap and robots are built per request.
  routes['/sitemap.xml'] = (req, res) => {
    const origin = `http://${req.headers.host}`;
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('\n')}\n</urlset>\n`;
    send(body, 'application/xml; charset=utf-8')(req, res);
  };
  routes['/robots.txt'] = (req, res) => send(`User-agent: *\nAllow: /\nSitemap: http://${req.headers.host}/sitemap.xml\n`, 'text/plain; charset=utf-8')(req, res);
  const server = await startSiteServer({ routes });
  return { server, startUrl: `${server.url}/`, pageUrls: paths.map((p) => `${server.url}${p}`) };
}
