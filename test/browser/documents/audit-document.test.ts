// auditDocument end to end on documents served from 127.0.0.1: every document check fails on one fixture and passes on another; hostile documents end with their exact reason; PDF JavaScript never runs.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { auditDocument, type AuditDocumentOptions } from '../../../src/documents/audit-document.js';
import { documentChecks } from '../../../src/checks/document-checks.js';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../src/documents/limits.js';
import { readPdf, type ReadStats } from '../../../src/documents/read-pdf.js';
import type { DocumentResult } from '../../../src/model/document.js';
import { outcomeIn, type RuleOutcome } from '../../../src/model/outcome.js';
import { chromiumFixtures, formPdf, scannedPdf, untitledPdf } from '../../helpers/pdf-fixtures.js';
import { decompressionBomb, encryptedPdf, javascriptPdf, PERMISSION, unmappedGlyphsPdf } from '../../helpers/raw-pdf.js';
import { launchTestBrowser } from '../../helpers/test-browser.js';

/** Over the default 256 MB buffer limit; about 2.3 MB of file. */
const BOMB_INFLATED_BYTES = 512 * 1024 * 1024;

const documents = new Map<string, { type: string; body: Buffer }>();
const requested: string[] = [];
let server: http.Server;
let origin = '';

before(async () => {
  server = http.createServer((request, response) => {
    requested.push(request.url ?? '');
    const document = documents.get(request.url ?? '');
    if (request.url === '/loop') {
      response.writeHead(302, { location: '/loop' });
      response.end();
      return;
    }
    if (request.url === '/never-ending.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.write('%PDF-1.7\n');
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (!document) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': document.type });
    response.end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await launchTestBrowser();
  try {
    const printed = await chromiumFixtures(browser);
    documents.set('/good.pdf', { type: 'application/pdf', body: printed.good });
    documents.set('/untagged.pdf', { type: 'application/pdf', body: printed.untagged });
    documents.set('/bad-tagged.pdf', { type: 'application/pdf', body: printed.badTagged });
    // Half of a real file: it has no end-of-file marker and its cross-reference table is gone.
    documents.set('/truncated.pdf', { type: 'application/pdf', body: printed.good.subarray(0, Math.floor(printed.good.length / 2)) });
    documents.set('/good-as-html', { type: 'text/html', body: printed.good });
  } finally {
    await browser.close();
  }
  documents.set('/scan.pdf', { type: 'application/pdf', body: await scannedPdf() });
  documents.set('/untitled.pdf', { type: 'application/pdf', body: await untitledPdf() });
  documents.set('/form-unnamed.pdf', { type: 'application/pdf', body: await formPdf(false) });
  documents.set('/form-named.pdf', { type: 'application/pdf', body: await formPdf(true) });
  documents.set('/glyphs.pdf', { type: 'application/pdf', body: unmappedGlyphsPdf(200) });
  const lines = ['Staff rota and opening hours for the spring.'];
  documents.set('/locked.pdf', { type: 'application/pdf', body: encryptedPdf({ permissions: PERMISSION.print, lines }) });
  documents.set('/locked-but-readable.pdf', { type: 'application/pdf', body: encryptedPdf({ permissions: PERMISSION.print | PERMISSION.accessibility, lines }) });
  documents.set('/password.pdf', { type: 'application/pdf', body: encryptedPdf({ userPassword: 'open sesame', permissions: PERMISSION.print, lines }) });
  documents.set('/corrupt.pdf', { type: 'application/pdf', body: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)), Buffer.from('\n%%EOF\n')]) });
  documents.set('/bomb.pdf', { type: 'application/pdf', body: await decompressionBomb(BOMB_INFLATED_BYTES) });
  documents.set('/scripted.pdf', { type: 'application/pdf', body: javascriptPdf(`${origin}/javascript-ran`) });
  documents.set('/page.pdf', { type: 'application/pdf', body: Buffer.from('<!doctype html><html><head><title>Menu</title></head><body>Our menu is on the wall.</body></html>') });
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const OPTIONS = { checks: {}, disabledFamilies: [] };
const results = new Map<string, Promise<DocumentResult>>();
/** One audit per served document and limits, shared by the tests that look at it. */
function audit(path: string, extra: Partial<AuditDocumentOptions> = {}): Promise<DocumentResult> {
  const key = `${path} ${JSON.stringify(extra.limits ?? {})}`;
  if (!results.has(key)) results.set(key, auditDocument(`${origin}${path}`, { options: OPTIONS, ...extra }));
  return results.get(key)!;
}

async function outcome(path: string, ruleId: string): Promise<RuleOutcome> {
  const result = await audit(path);
  assert.equal(result.error, undefined, `${path}: ${result.error?.code} ${result.error?.message}`);
  return outcomeIn(result.outcomes, ruleId).outcome;
}

/** Per check: a served document that must fail (or need review) and one that must pass. */
const CASES: { rule: string; fails: string[]; passes: string; failsAs?: RuleOutcome }[] = [
  { rule: 'pdf-not-tagged', fails: ['/untagged.pdf', '/scan.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-no-real-text', fails: ['/scan.pdf', '/glyphs.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-no-title', fails: ['/untitled.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-language-missing', fails: ['/untagged.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-language-matches-content', fails: ['/bad-tagged.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-form-field-unnamed', fails: ['/form-unnamed.pdf'], passes: '/form-named.pdf' },
  { rule: 'pdf-figure-alt-missing', fails: ['/bad-tagged.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-bookmarks-missing', fails: ['/bad-tagged.pdf', '/untagged.pdf'], passes: '/good.pdf' },
  { rule: 'pdf-headings-missing', fails: ['/bad-tagged.pdf'], passes: '/good.pdf', failsAs: 'needs-review' },
  { rule: 'pdf-security-blocks-assistive-tech', fails: ['/locked.pdf'], passes: '/locked-but-readable.pdf' },
];

describe('document checks on served PDFs', () => {
  it('has a failing and a passing document for every check', () => {
    assert.deepEqual(CASES.map((c) => c.rule).sort(), documentChecks.map((check) => check.meta.id).sort());
  });

  for (const { rule, fails, passes, failsAs = 'failed' } of CASES) {
    it(`${rule}: ${fails.join(', ')} ${failsAs === 'failed' ? 'fail' : 'need review'}; ${passes} passes`, async () => {
      for (const path of fails) assert.equal(await outcome(path, rule), failsAs, path);
      assert.equal(await outcome(passes, rule), 'passed', passes);
    });
  }

  it('describes a well-made Chromium PDF fully, with no finding', async () => {
    const result = await audit('/good.pdf');
    assert.deepEqual(
      { status: result.status, pageCount: result.pageCount, pagesRead: result.pagesRead, title: result.title, language: result.language, tagged: result.tagged, sniffed: result.sniffed, findings: result.findings, warnings: result.warnings },
      { status: 200, pageCount: 12, pagesRead: 12, title: 'Spring menu', language: 'en', tagged: true, sniffed: false, findings: [], warnings: [] },
    );
    assert.match(result.producer, /Skia/);
    assert.equal(result.bytes, documents.get('/good.pdf')!.body.length);
    // The serialisable shape phase 2 stores in the report.
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  });

  it('words findings from the check messages, on the document URL', async () => {
    const result = await audit('/bad-tagged.pdf');
    const figure = result.findings.find((finding) => finding.ruleId === 'pdf-figure-alt-missing')!;
    assert.equal(figure.message, 'A figure has no alternative text (page 1).');
    assert.equal(figure.url, `${origin}/bad-tagged.pdf`);
    assert.deepEqual(figure.messageRef, { id: 'pdf-figure-alt-missing.missing', params: { count: 1, pages: '1' } });
  });

  it('says when the page budget stopped short of the last page', async () => {
    const result = await audit('/good.pdf', { limits: { maxPages: 5 } });
    assert.equal(result.pagesRead, 5);
    assert.deepEqual(result.warnings, ['only the first 5 of 12 pages were read']);
  });

  it('reads a PDF served as text/html, and says it was recognised by its bytes', async () => {
    const result = await audit('/good-as-html');
    assert.equal(result.error, undefined);
    assert.equal(result.sniffed, true);
    assert.equal(result.contentType, 'text/html');
    assert.equal(result.pageCount, 12);
  });
});

describe('hostile documents end with one reason each', () => {
  const REASONS: [path: string, code: string, message: string | RegExp][] = [
    ['/password.pdf', 'password-protected', 'the PDF needs a password to open'],
    ['/corrupt.pdf', 'corrupt', 'pdf.js could not read it: Invalid PDF structure.'],
    ['/truncated.pdf', 'truncated', 'the file ends before its end-of-file marker and could not be read (pdf.js could not read it: Invalid PDF structure.)'],
    ['/bomb.pdf', 'too-much-memory', 'reading needed more than 256 MB of buffers (a decompression bomb or a pathological file); the reader was stopped'],
    ['/page.pdf', 'not-a-pdf', 'served as application/pdf, but the bytes are an HTML page, not a PDF'],
    ['/loop', 'redirect-loop', /^redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop was already visited$/],
    ['/nowhere.pdf', 'http-error', 'HTTP 404'],
  ];
  for (const [path, code, message] of REASONS) {
    it(`${path}: ${code}`, async () => {
      const result = await audit(path);
      assert.equal(result.error?.code, code);
      if (typeof message === 'string') assert.equal(result.error?.message, message);
      else assert.match(result.error?.message ?? '', message);
      assert.deepEqual(result.findings, []);
      assert.equal(result.outcomes.notRun[0]?.reason, 'gatherer-failed');
      assert.equal(result.outcomes.notRun[0]?.rules.length, documentChecks.length);
    });
  }

  it('cuts a never-ending response at the fetch time limit', async () => {
    const result = await audit('/never-ending.pdf', { limits: { fetchTimeoutMs: 1000 } });
    assert.deepEqual(result.error, { code: 'fetch-timeout', message: 'no complete answer within 1000 ms' });
    assert.equal(result.outcomes.notRun[0]?.reason, 'gatherer-timed-out');
  });

  it('stops a reader that passes the time limit or the heap limit', async () => {
    const slow = await audit('/good.pdf', { limits: { readTimeoutMs: 1 } });
    assert.deepEqual(slow.error, { code: 'read-timeout', message: 'reading did not finish within 1 ms; the reader was stopped' });
    const small = await audit('/good.pdf', { limits: { maxHeapMb: 4 } });
    assert.deepEqual(small.error, { code: 'too-much-memory', message: 'reading needed more than the 4 MB heap limit; the reader was stopped' });
  });

  it('stays within the buffer limit on a decompression bomb', async () => {
    let stats: ReadStats | undefined;
    await auditDocument(`${origin}/bomb.pdf`, { options: OPTIONS, onReadStats: (s) => (stats = s) });
    assert.ok(stats);
    // The watchdog polls every 25 ms; a doubling buffer may overshoot the limit once before it is seen.
    assert.ok(stats.peakBufferMb < DEFAULT_DOCUMENT_LIMITS.maxBufferMb * 2.5, `peak buffers ${stats.peakBufferMb} MB`);
  });
});

describe('what the reader never does', () => {
  it('never runs a PDF\'s JavaScript, though it notices it', async () => {
    const result = await audit('/scripted.pdf');
    assert.equal(result.error, undefined);
    const read = await readPdf(documents.get('/scripted.pdf')!.body, DEFAULT_DOCUMENT_LIMITS);
    assert.ok(read.ok && read.artifact.hasJavaScript);
    // Give any stray script time to call home: nothing may ever ask for the beacon.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(requested.filter((url) => url.startsWith('/javascript-ran')), []);
  });

  it('never loads native code: pdf.js\'s request for @napi-rs/canvas is refused', async () => {
    const read = await readPdf(documents.get('/good.pdf')!.body, DEFAULT_DOCUMENT_LIMITS);
    assert.ok(read.ok);
    assert.deepEqual(read.stats.blockedModules, ['@napi-rs/canvas']);
  });
});
