// Linked documents in the report formats: each format lists them, and everything that comes from a document or a link (title, producer, link text, the reader's message) stays inert text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report, ReportDocument } from '../../../src/model/report.js';
import { emptyOutcomes } from '../../../src/model/outcome.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { documentsCsv, notCheckedCsv } from '../../../src/report/renderers/csv.js';
import { renderSarif } from '../../../src/report/renderers/sarif.js';
import { validateReport } from '../../../src/report/schema.js';
import { HOSTILE, makeSampleReport } from '../../helpers/sample-report.js';

const origin = 'https://www.crumb-and-kettle.example';

function document(overrides: Partial<ReportDocument>): ReportDocument {
  return {
    url: `${origin}/menu.pdf`,
    finalUrl: `${origin}/menu.pdf`,
    status: 200,
    contentType: 'application/pdf',
    sniffed: false,
    bytes: 48_213,
    pageCount: 2,
    pagesRead: 2,
    producer: `Exporter ${HOSTILE.script}`,
    title: `Menu ${HOSTILE.pwnedImg}`,
    language: '',
    tagged: false,
    outcomes: { ...emptyOutcomes(), failed: ['pdf-not-tagged'] },
    warnings: [],
    durationMs: 310,
    linkedFrom: [{ url: `${origin}/menu`, text: `Menu ${HOSTILE.pwnedScript} ${HOSTILE.markdown}` }],
    violations: 1,
    needsReview: 0,
    ...overrides,
  };
}

function reportWithDocuments(): Report {
  const report = makeSampleReport({ pages: 2, findingsPerPage: 1 });
  const locked = document({
    url: `${origin}/locked.pdf`,
    finalUrl: `${origin}/locked.pdf`,
    pageCount: null,
    pagesRead: null,
    tagged: null,
    producer: '',
    title: '',
    violations: 0,
    outcomes: { ...emptyOutcomes(), notRun: [{ reason: 'gatherer-failed', rules: ['pdf-not-tagged'], gatherer: 'pdf', detail: `password-protected: ${HOSTILE.breakout}` }] },
    error: { code: 'password-protected', message: `needs a password ${HOSTILE.breakout}` },
  });
  return {
    ...report,
    documents: [document({}), locked],
    skippedDocuments: [{ url: `${origin}/rota.pdf`, reason: 'robots-disallowed', linkedFrom: [] }],
  };
}

describe('documents in the report formats', () => {
  const report = reportWithDocuments();

  it('is a valid report.json', async () => {
    assert.deepEqual((await validateReport(report)).errors, []);
  });

  it('HTML: a documents section with the reason, the manual steps once, and nothing from a document as markup', async () => {
    const html = await renderHtml(report, { outDir: '/tmp' });
    assert.match(html, /id="documents"/);
    assert.match(html, /it needs a password to open/);
    assert.equal(html.match(/Reading order:/g)?.length, 1);
    for (const value of [HOSTILE.script, HOSTILE.pwnedImg, HOSTILE.pwnedScript, HOSTILE.breakout]) assert.ok(!html.includes(value), `escaped: ${value}`);
  });

  it('Markdown: a line per document, escaped', () => {
    const md = renderMarkdown(report);
    assert.match(md, /## Linked documents/);
    assert.match(md, /locked\\\.pdf/);
    assert.ok(!md.includes('<script>') && !md.includes('](javascript:'));
  });

  it('CSV: documents.csv with every document and the skipped one; not-checked.csv names the unread document', () => {
    const csv = documentsCsv(report);
    assert.equal(csv.trim().split('\r\n').length, 4);
    assert.match(csv, /password-protected/);
    assert.match(csv, /robots-disallowed/);
    assert.match(notCheckedCsv(report), /locked\.pdf,pdf-not-tagged,welcomemat,gatherer-failed,pdf/);
  });

  it('SARIF: the documents as artifacts, what did not run as notifications', () => {
    const sarif = renderSarif(report) as { runs: { artifacts?: { location: { uri: string } }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    assert.deepEqual(sarif.runs[0].artifacts?.map((artifact) => artifact.location.uri), [`${origin}/menu.pdf`, `${origin}/locked.pdf`]);
    assert.ok(sarif.runs[0].invocations[0].toolExecutionNotifications.some((note) => note.message.text.includes('locked.pdf')));
  });
});
