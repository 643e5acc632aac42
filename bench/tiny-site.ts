// Generates N one-component pages (a button, a field, an image, a table...) behind an index page, for the fixed cost per page: `npm run bench -- --site tiny`.
import { startSiteServer, type RouteHandler } from '../src/demo/site-server.js';
import type { GeneratedSite } from './generate-site.js';

/** One small component each, as in a component library's test pages; some fail a check, most pass. */
const COMPONENTS: ((index: number) => string)[] = [
  (i) => `<button type="button">Save draft ${i}</button>`,
  (i) => `<label for="f${i}">Email</label> <input id="f${i}" type="email" autocomplete="email">`,
  (i) => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo ${i}" width="40" height="40">`,
  (i) => `<a href="/">Back to the index (${i})</a>`,
  (i) => `<table><caption>Prices ${i}</caption><tr><th scope="col">Item</th><th scope="col">Price</th></tr><tr><td>Bread</td><td>3</td></tr></table>`,
  (i) => `<details><summary>More about ${i}</summary><p>Opening hours are 8 to 5.</p></details>`,
  (i) => `<nav aria-label="Steps ${i}"><ol><li><a href="/">Cart</a></li><li><a href="/" aria-current="page">Pay</a></li></ol></nav>`,
  (i) => `<fieldset><legend>Size ${i}</legend><label><input type="radio" name="s${i}"> Small</label> <label><input type="radio" name="s${i}"> Large</label></fieldset>`,
  (i) => `<p>Read <a href="/">the guide ${i}</a> before ordering.</p>`,
  (i) => `<div role="img" aria-label="Rating ${i}: 4 of 5">★★★★☆</div>`,
];

const pagePath = (index: number) => (index === 0 ? '/' : `/c/${index}.html`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function send(body: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
}

/** The index page (page 0) links every component page; `pageCount` pages in all. */
export async function startTinySite(pageCount: number): Promise<GeneratedSite> {
  const routes: Record<string, RouteHandler> = {};
  const paths = Array.from({ length: pageCount }, (_, index) => pagePath(index));
  routes['/'] = send(page('Components', `<ul>${paths.slice(1).map((p, i) => `<li><a href="${p}">Component ${i + 1}</a></li>`).join('')}</ul>`));
  for (let index = 1; index < pageCount; index++) routes[pagePath(index)] = send(page(`Component ${index}`, COMPONENTS[index % COMPONENTS.length](index)));
  routes['/robots.txt'] = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('User-agent: *\nAllow: /\n');
  };
  const server = await startSiteServer({ routes });
  return { server, startUrl: `${server.url}/`, pageUrls: paths.map((p) => `${server.url}${p}`) };
}
