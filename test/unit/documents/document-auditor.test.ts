// The document auditor: each document audited once (fragments ignored), the linking pages and texts gathered, the per-site cap, one document at a time.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createDocumentAuditor, MAX_LINKS_PER_DOCUMENT } from '../../../src/documents/document-auditor.js';
import { plainPdf } from '../../helpers/raw-pdf.js';

let server: http.Server;
let origin = '';
const requests: string[] = [];
let open = 0;
let mostOpen = 0;

before(async () => {
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    // A short delay so overlapping fetches would show.
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end(plainPdf([`Document ${request.url}`], { title: `Document ${request.url}` }));
      open -= 1;
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createDocumentAuditor', () => {
  it('audits each document once, one at a time, keeps who links to it, and lists those over the cap', async () => {
    const auditor = createDocumentAuditor({ maxDocuments: 2, options: { checks: {}, disabledFamilies: [] } });
    assert.equal(auditor.add(`${origin}/a.pdf`, { url: `${origin}/`, text: 'Lunch  menu' }), 'queued');
    assert.equal(auditor.add(`${origin}/a.pdf#page=2`, { url: `${origin}/about`, text: 'Menu (PDF)' }), 'already-known');
    assert.equal(auditor.add(`${origin}/a.pdf`, { url: `${origin}/`, text: 'Lunch menu' }), 'already-known');
    assert.equal(auditor.add(`${origin}/b.pdf`), 'queued');
    assert.equal(auditor.add(`${origin}/c.pdf`, { url: `${origin}/`, text: 'Prices' }), 'over-limit');
    assert.equal(auditor.count, 2);

    const { documents, skipped } = await auditor.results();
    assert.deepEqual(documents.map((document) => [document.url, document.title, document.error]), [
      [`${origin}/a.pdf`, 'Document /a.pdf', undefined],
      [`${origin}/b.pdf`, 'Document /b.pdf', undefined],
    ]);
    assert.deepEqual(documents[0].linkedFrom, [
      { url: `${origin}/`, text: 'Lunch menu' },
      { url: `${origin}/about`, text: 'Menu (PDF)' },
    ]);
    assert.deepEqual(documents[1].linkedFrom, []);
    assert.deepEqual(skipped, [{ url: `${origin}/c.pdf`, reason: 'max-documents', linkedFrom: [{ url: `${origin}/`, text: 'Prices' }] }]);
    assert.deepEqual(requests.sort(), ['/a.pdf', '/b.pdf']);
    assert.equal(mostOpen, 1);
  });

  it(`keeps at most ${MAX_LINKS_PER_DOCUMENT} linking pages per document`, async () => {
    const auditor = createDocumentAuditor({ maxDocuments: 1, options: { checks: {}, disabledFamilies: [] } });
    for (let i = 0; i < MAX_LINKS_PER_DOCUMENT + 5; i++) auditor.add(`${origin}/d.pdf`, { url: `${origin}/page-${i}`, text: 'Menu' });
    const { documents } = await auditor.results();
    assert.equal(documents[0].linkedFrom?.length, MAX_LINKS_PER_DOCUMENT);
  });
});
