// Unit tests for how the crawl meets documents: the frontier hands .pdf links (every one, with its text) to the documents instead of skipping them; a page task that served a PDF, or a generic download, is handed on by its content type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentVerdict } from '../../../src/crawl/crawl-documents.js';
import { Frontier } from '../../../src/crawl/frontier.js';
import { createScope } from '../../../src/crawl/scope.js';

const inScope = createScope({ startUrls: ['https://bakery.example/'], subdomains: false, pathPrefix: '', include: [], exclude: [] });

describe('the frontier and documents', () => {
  it('hands every link to an in-scope .pdf on, with its page and text, and never queues or skips it', () => {
    const handed: [string, string | undefined, string | undefined][] = [];
    const frontier = new Frontier({ maxDepth: 10, inScope, onDocument: (url, from, text) => void handed.push([url, from, text]) });
    frontier.offer('https://bakery.example/menu.pdf', 1, 'link', 'https://bakery.example/', 'Menu (PDF)');
    frontier.offer('https://bakery.example/menu.pdf', 1, 'link', 'https://bakery.example/about', 'Our menu');
    frontier.offer('https://elsewhere.example/menu.pdf', 1, 'link', 'https://bakery.example/', 'Their menu');
    assert.deepEqual(handed, [
      ['https://bakery.example/menu.pdf', 'https://bakery.example/', 'Menu (PDF)'],
      ['https://bakery.example/menu.pdf', 'https://bakery.example/about', 'Our menu'],
    ]);
    assert.equal(frontier.size, 0);
    assert.deepEqual(frontier.skipped.map((entry) => [entry.url, entry.reason]), [['https://elsewhere.example/menu.pdf', 'out-of-scope']]);
  });

  it('skips a .pdf as not HTML when documents are off, as before', () => {
    const frontier = new Frontier({ maxDepth: 10, inScope });
    frontier.offer('https://bakery.example/menu.pdf', 1, 'link', 'https://bakery.example/', 'Menu');
    assert.equal(frontier.skipped[0]?.reason, 'not-html');
  });

  it('keeps the link text on a queued page, so a URL that turns out to be a PDF is listed with it', () => {
    const frontier = new Frontier({ maxDepth: 10, inScope });
    frontier.offer('https://bakery.example/prices', 1, 'link', 'https://bakery.example/', '  Our\n prices ');
    assert.deepEqual(frontier.take(), { url: 'https://bakery.example/prices', depth: 1, foundBy: 'link', from: 'https://bakery.example/', linkText: 'Our prices' });
  });
});

describe('documentVerdict', () => {
  const skipped = (detail: string, reason: 'not-html' | 'max-depth' = 'not-html') => ({ url: 'https://bakery.example/x', reason, detail });
  it('is sure of a PDF content type, including as a download', () => {
    assert.equal(documentVerdict(skipped('not a web page (application/pdf)')), 'pdf');
    assert.equal(documentVerdict(skipped('download (Content-Disposition: attachment, application/x-pdf)')), 'pdf');
  });
  it('lets the bytes decide for a generic binary or an untyped download', () => {
    assert.equal(documentVerdict(skipped('not a web page (application/octet-stream)')), 'maybe');
    assert.equal(documentVerdict(skipped('download (Content-Disposition: attachment)')), 'maybe');
  });
  it('leaves images, other files and other reasons alone', () => {
    assert.equal(documentVerdict(skipped('not a web page (image/png)')), 'no');
    assert.equal(documentVerdict(skipped('download (Content-Disposition: attachment, application/zip)')), 'no');
    assert.equal(documentVerdict(skipped('not a web page (application/pdf)', 'max-depth')), 'no');
  });
});
