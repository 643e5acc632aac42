// Unit tests of the JSON and HTML renderers and the renderer lookup, on synthetic reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { WelcomematError } from '../../../src/errors.js';
import { getRenderer, renderers } from '../../../src/report/renderers/index.js';
import { safeHref } from '../../../src/report/renderers/html.js';
import { HOSTILE, makeSampleReport } from '../../helpers/sample-report.js';

const context = { outDir: '/tmp/welcomemat-test' };

async function renderHtml(options: Parameters<typeof makeSampleReport>[0] = {}): Promise<string> {
  return String(await renderers.html.render(makeSampleReport(options), context));
}

describe('getRenderer', () => {
  it('finds html and json by name, case-insensitively', () => {
    assert.equal(getRenderer('html').fileName, 'index.html');
    assert.equal(getRenderer('JSON').fileName, 'report.json');
  });

  it('names the known formats when the format is unknown', () => {
    assert.throws(
      () => getRenderer('pdfx'),
      (error: unknown) =>
        error instanceof WelcomematError && error.code === 'BAD_OPTIONS' && error.message === 'report format must be one of html, json, csv, sarif, junit, md, pdf, conformance, statement, acr, got "pdfx"',
    );
    // Object.prototype keys are not renderers.
    assert.throws(() => getRenderer('constructor'), WelcomematError);
  });
});

describe('json renderer', () => {
  it('round-trips the report exactly', async () => {
    const report = makeSampleReport({ hostile: true });
    const text = String(await renderers.json.render(report, context));
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(report)));
    assert.match(text, /\n {2}"schemaVersion"/, 'pretty-printed');
  });
});

describe('safeHref', () => {
  it('allows only http and https', () => {
    assert.equal(safeHref('https://example.com/a b'), 'https://example.com/a%20b');
    assert.equal(safeHref('http://example.com/'), 'http://example.com/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative', '', 'mailto:a@b.c', 42, undefined]) {
      assert.equal(safeHref(bad), '#', String(bad));
    }
  });
});

describe('html renderer', () => {
  it('renders the sections in order, with one h1', async () => {
    const html = await renderHtml();
    const order = ['id="summary"', 'id="fixes"', 'id="pages"', 'id="not-audited"', 'id="check-errors"', 'id="about"'];
    const positions = order.map((marker) => html.indexOf(marker));
    assert.ok(positions.every((position) => position > 0), `all sections present: ${positions.join(',')}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'sections in order');
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /people who are blind and use screen readers/);
    assert.match(html, /people who read another language/);
    assert.match(html, /One change in the shared layout — affects \d+ page/);
    assert.match(html, /href="https:\/\/www\.w3\.org\/WAI\/WCAG22\/Understanding\/non-text-content\.html"/);
    assert.match(html, /manual|Testing with disabled people/);
    assert.doesNotMatch(html, /Partial report/);
  });

  it('shows a partial-report banner with the reason', async () => {
    const html = await renderHtml({ partial: true });
    assert.match(html, /Partial report/);
    assert.match(html, /The time budget of 15 minutes ran out/);
  });

  it('has a restrictive CSP whose script hash matches the inline script', async () => {
    const html = await renderHtml();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'CSP meta present');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    assert.equal(scripts.length, 1, 'exactly one inline script');
    const hash = createHash('sha256').update(scripts[0]).digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), 'script hash in CSP');
    // Self-contained: no external stylesheets, scripts or images.
    assert.doesNotMatch(html, /<link\b|<script\s+src|<img\b/);
  });

  it('escapes hostile site data and never links to javascript: URLs', async () => {
    const html = await renderHtml({ hostile: true });
    assert.ok(!html.includes(HOSTILE.script), 'no raw <script>alert');
    assert.ok(!html.includes('<script>alert'), 'no raw <script>alert');
    assert.ok(!html.includes('<script>window.__pwned'), 'no raw pwned script');
    assert.ok(!html.includes('<img src=x'), 'no raw img');
    assert.ok(!html.includes('<svg'), 'no raw svg');
    assert.doesNotMatch(html, /\sonerror=/i);
    assert.doesNotMatch(html, /\sonload=/i);
    assert.doesNotMatch(html, /href="\s*javascript:/i);
    assert.doesNotMatch(html, /href="(?!https?:\/\/|#|screenshots\/)/, 'every href is http(s), an anchor or a screenshot');
    // The text is still there, escaped, so the owner sees what the page contains.
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('javascript:alert(1)'), 'hostile URL shown as text');
    // Exactly one <script> element (ours) and one </style>.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.equal(html.match(/<\/style>/g)?.length, 1);
    assert.equal(html.match(/<\/title>/g)?.length, 1);
  });

  it('caps per-page examples at three per rule and counts the rest', async () => {
    const html = await renderHtml({ pages: 3, findingsPerPage: 40 });
    assert.match(html, /…and \d+ more places? on this page\./);
    const firstPage = html.slice(html.indexOf('id="page-1"'), html.indexOf('id="page-2"'));
    // 40 findings over 8 rules: 5 each, of which 3 shown.
    assert.equal(firstPage.match(/<pre class="snippet">/g)?.length, 8 * 3);
  });

  it('renders a report with nothing in it', async () => {
    const report = makeSampleReport({ pages: 0 });
    const html = String(await renderers.html.render(report, context));
    assert.match(html, /found nothing to fix/);
    assert.match(html, /No pages were audited/);
  });

  it('renders a big report quickly (timing printed, not asserted)', async (t) => {
    const report = makeSampleReport({ pages: 1000, findingsPerPage: 20 });
    assert.equal(report.findings.length, 1000 * 20 - 143 * 20, '1000 pages, 20k findings less failed pages');
    await renderers.html.render(makeSampleReport({ pages: 1 }), context); // warm the template cache
    const started = performance.now();
    const html = String(await renderers.html.render(report, context));
    const elapsed = performance.now() - started;
    t.diagnostic(`rendered ${report.pages.length} pages / ${report.findings.length} findings in ${elapsed.toFixed(0)} ms, ${(html.length / 1e6).toFixed(1)} MB`);
    console.log(`# html render: ${report.findings.length} findings in ${elapsed.toFixed(0)} ms, ${(html.length / 1e6).toFixed(1)} MB`);
    // A generous bound only to catch accidental quadratic work, not a benchmark.
    assert.ok(elapsed < 20_000, `render took ${elapsed} ms`);
  });
});
