// A crawl that meets linked PDFs: found by extension, by content type and by their bytes, audited beside the pages (never in a tab), listed with the pages and link texts that lead to them, grouped into fixes across documents; each hostile document ends with its own reason and the crawl goes on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../../src/index.js';
import type { Report } from '../../../src/index.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { validateReport } from '../../../src/report/schema.js';
import { renderers } from '../../../src/report/renderers/index.js';
import { page, sendHtml } from '../../helpers/html.js';
import { printedFixtures } from '../../helpers/pdf-fixtures.js';
import { decompressionBomb, encryptedPdf, javascriptPdf, PERMISSION } from '../../helpers/raw-pdf.js';

/** Over the 256 MB buffer limit of the reader. */
const BOMB_INFLATED_BYTES = 512 * 1024 * 1024;
/** A size limit small enough to pass with a made-up Content-Length. */
const MAX_BYTES = 5 * 1024 * 1024;
/** Short fetch limit so the never-ending response ends quickly. */
const FETCH_TIMEOUT_MS = 2_000;

describe('a crawl with linked documents', () => {
  let site: SiteServer;
  let report: Report;
  const served = new Map<string, { type: string; body: Buffer; headers?: Record<string, string> }>();

  before(async () => {
    const printed = await printedFixtures();
    const pdf = 'application/pdf';
    served.set('/good.pdf', { type: pdf, body: printed.good });
    served.set('/untagged.pdf', { type: pdf, body: printed.untagged });
    served.set('/untagged-copy.pdf', { type: pdf, body: printed.untagged });
    // A PDF behind a URL without an extension: known by its content type.
    served.set('/price-list', { type: pdf, body: printed.good });
    // A download with a generic type: the bytes tell it is a PDF.
    served.set('/get-form', { type: 'application/octet-stream', body: printed.untagged, headers: { 'content-disposition': 'attachment; filename="form.pdf"' } });
    // A download that is no PDF stays a skipped URL.
    served.set('/backup', { type: 'application/octet-stream', body: Buffer.from('not a document at all'), headers: { 'content-disposition': 'attachment' } });
    served.set('/wrong-type.pdf', { type: 'text/plain', body: printed.good });
    served.set('/really-html.pdf', { type: 'text/html', body: Buffer.from(page('Menu', '<p>The menu is on the wall.</p>')) });
    served.set('/corrupt.pdf', { type: pdf, body: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)), Buffer.from('\n%%EOF\n')]) });
    served.set('/truncated.pdf', { type: pdf, body: printed.good.subarray(0, Math.floor(printed.good.length / 2)) });
    served.set('/password.pdf', { type: pdf, body: encryptedPdf({ userPassword: 'open sesame', permissions: PERMISSION.print, lines: ['Staff rota.'] }) });
    served.set('/bomb.pdf', { type: pdf, body: await decompressionBomb(BOMB_INFLATED_BYTES) });
    const links = [
      ['/good.pdf', 'Spring menu (PDF)'],
      ['/untagged.pdf', 'Lunch menu'],
      ['/untagged-copy.pdf', 'Lunch menu again'],
      ['/price-list', 'Prices'],
      ['/get-form', 'Order form'],
      ['/backup', 'Backup'],
      ['/wrong-type.pdf', 'Wine list'],
      ['/really-html.pdf', 'Old menu'],
      ['/corrupt.pdf', 'Broken'],
      ['/truncated.pdf', 'Half'],
      ['/password.pdf', 'Locked'],
      ['/bomb.pdf', 'Bomb'],
      ['/scripted.pdf', 'Scripted'],
      ['/huge.pdf', 'Huge'],
      ['/never-ending.pdf', 'Endless'],
      ['/loop.pdf', 'Loop'],
      ['/private/rota.pdf', 'Rota'],
      ['/good.pdf#page=2', 'Spring menu, page 2'],
      ['/about', 'About'],
    ];
    site = await startSiteServer({
      routes: {
        '/': (_req, res) => sendHtml(res, page('Home', `<ul>${links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('')}</ul>`)),
        '/about': (_req, res) => sendHtml(res, page('About', '<p>We bake. <a href="/good.pdf">Our menu <strong>&lt;script&gt;</strong></a></p>')),
        '/scripted.pdf': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end(javascriptPdf(`${site.url}/javascript-ran`));
        },
        '/huge.pdf': (_req, res) => {
          // Says it is larger than the limit; the reader must not wait for it.
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(MAX_BYTES * 4) });
          res.write('%PDF-1.7\n');
        },
        '/never-ending.pdf': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.write('%PDF-1.7\n');
          const timer = setInterval(() => res.write(' '), 50);
          res.on('close', () => clearInterval(timer));
        },
        '/loop.pdf': (_req, res) => {
          res.writeHead(302, { location: '/loop.pdf' });
          res.end();
        },
        '/robots.txt': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('User-agent: *\nDisallow: /private/\n');
        },
        ...Object.fromEntries(
          [...served].map(([path, { type, body, headers }]) => [
            path,
            (_req: unknown, res: import('node:http').ServerResponse) => {
              res.writeHead(200, { 'content-type': type, ...headers });
              res.end(body);
            },
          ]),
        ),
      },
    });
    report = await audit({
      urls: [`${site.url}/`],
      concurrency: 1,
      useSitemaps: false,
      documentLimits: { maxBytes: MAX_BYTES, fetchTimeoutMs: FETCH_TIMEOUT_MS },
    });
    if (process.env.DUMP_REPORT) console.log(JSON.stringify({ pages: report.pages.map((p) => [p.url, p.timing]), documents: report.documents?.map((d) => [d.url, d.durationMs, d.error?.code]), durationMs: report.durationMs }));
  });

  after(async () => {
    await site?.close();
  });

  const path = (url: string) => new URL(url).pathname;
  const documentAt = (suffix: string) => report.documents?.find((document) => path(document.url) === suffix);

  it('audits the HTML pages in their slots, and no document in a tab', () => {
    assert.deepEqual(report.pages.filter((p) => !p.error).map((p) => path(p.finalUrl)).sort(), ['/', '/about']);
    // The two URLs without .pdf were opened as pages before they showed what they are; no .pdf URL was.
    assert.equal(report.pages.length, 2);
  });

  it('finds PDFs by extension, by content type and by their bytes, each once', () => {
    assert.equal(documentAt('/good.pdf')?.error, undefined);
    assert.equal(documentAt('/price-list')?.error, undefined, 'served as application/pdf without .pdf');
    assert.equal(documentAt('/get-form')?.sniffed, true, 'a generic download whose bytes are a PDF');
    assert.equal(documentAt('/wrong-type.pdf')?.sniffed, true);
    assert.equal(report.documents?.filter((document) => path(document.url) === '/good.pdf').length, 1, 'the #page=2 link is the same file');
    assert.equal(documentAt('/backup'), undefined, 'a download that is no PDF is not a document');
    assert.equal(report.skipped.find((entry) => path(entry.url) === '/backup')?.reason, 'not-html');
    assert.equal(report.skipped.find((entry) => path(entry.url) === '/good.pdf'), undefined, 'an audited PDF is not listed as not audited');
  });

  it('lists each document with the pages and link texts that lead to it, its size, page count and producer', () => {
    const good = documentAt('/good.pdf')!;
    assert.deepEqual(
      good.linkedFrom?.map((link) => [path(link.url), link.text]),
      [
        ['/', 'Spring menu (PDF)'],
        ['/', 'Spring menu, page 2'],
        ['/about', 'Our menu <script>'],
      ],
    );
    assert.equal(good.pageCount, 12);
    assert.ok(good.bytes > 1000);
    assert.match(good.producer, /Skia|Chrom/i);
    assert.equal(good.violations, 0);
    const priceList = documentAt('/price-list')!;
    assert.deepEqual(priceList.linkedFrom, [{ url: `${site.url}/`, text: 'Prices' }]);
  });

  it('groups one fix across documents', () => {
    const fix = report.fixes.find((candidate) => candidate.ruleId === 'pdf-not-tagged');
    assert.ok(fix, 'a fix for untagged PDFs');
    // The printed copies, the download, and the hand-made scripted file: none has tags.
    assert.deepEqual(fix.pages.map(path).sort(), ['/get-form', '/scripted.pdf', '/untagged-copy.pdf', '/untagged.pdf']);
    assert.equal(fix.scope, 'content');
    assert.match(fix.effort, /4 documents/);
    assert.equal(documentAt('/untagged.pdf')?.violations, report.findings.filter((finding) => path(finding.url) === '/untagged.pdf' && finding.kind === 'violation').length);
  });

  it('ends every hostile document with its reason, and the crawl goes on', () => {
    const reasons = Object.fromEntries(
      ['/really-html.pdf', '/corrupt.pdf', '/truncated.pdf', '/password.pdf', '/bomb.pdf', '/huge.pdf', '/never-ending.pdf', '/loop.pdf'].map((suffix) => [suffix, documentAt(suffix)?.error?.code]),
    );
    assert.deepEqual(reasons, {
      '/really-html.pdf': 'not-a-pdf',
      '/corrupt.pdf': 'corrupt',
      '/truncated.pdf': 'truncated',
      '/password.pdf': 'password-protected',
      '/bomb.pdf': 'too-much-memory',
      '/huge.pdf': 'too-large',
      '/never-ending.pdf': 'fetch-timeout',
      '/loop.pdf': 'redirect-loop',
    });
    for (const suffix of Object.keys(reasons)) {
      const document = documentAt(suffix)!;
      assert.equal(document.outcomes.notRun[0]?.gatherer, 'pdf', `${suffix}: its checks did not run, with the reason`);
    }
    assert.equal(report.complete, true);
  });

  it('never runs the JavaScript inside a PDF', () => {
    const scripted = documentAt('/scripted.pdf')!;
    assert.equal(scripted.error, undefined);
    assert.ok(!site.requests.includes('/javascript-ran'));
  });

  it('obeys robots.txt for documents', () => {
    assert.equal(documentAt('/private/rota.pdf'), undefined);
    assert.equal(report.skippedDocuments?.find((entry) => path(entry.url) === '/private/rota.pdf')?.reason, 'robots-disallowed');
    assert.ok(!site.requests.includes('/private/rota.pdf'));
  });

  it('writes a report that matches the schema, with the document rules in the rule list', async () => {
    const validation = await validateReport(report);
    assert.deepEqual(validation.errors, []);
    assert.ok(report.rules?.some((rule) => rule.id === 'pdf-not-tagged' && rule.scope === 'document' && !rule.off));
  });

  it('shows documents in HTML, Markdown, CSV and SARIF, escaping what the document and links say', async () => {
    for (const name of ['html', 'md', 'csv', 'sarif'] as const) {
      const renderer = renderers[name];
      assert.ok(renderer, name);
      const context = { outDir: '/nonexistent', locale: 'en' };
      const files = renderer.renderFiles ? await renderer.renderFiles(report, context) : [{ fileName: renderer.fileName, contents: await renderer.render(report, context) }];
      const text = files.map((file) => String(file.contents)).join('\n');
      // Markdown escapes the dot like any other site text.
      assert.ok(text.includes(name === 'md' ? 'untagged\\.pdf' : 'untagged.pdf'), `${name} names the documents`);
      if (name === 'html') assert.ok(!text.includes('Our menu <script>'), 'link text escaped in HTML');
    }
  });
});
