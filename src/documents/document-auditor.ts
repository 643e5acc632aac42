// Collects the documents a crawl finds (deduplicated, capped, with the pages that link to them) and audits them beside the pages, one at a time by default.
import pLimit from 'p-limit';
import type { DocumentLink, DocumentResult, SkippedDocument } from '../model/document.js';
import { auditDocument, type AuditDocumentOptions } from './audit-document.js';

/** Links kept per document: enough to find the pages to fix, small enough for a report with a site-wide footer link. */
export const MAX_LINKS_PER_DOCUMENT = 20;

export interface DocumentAuditorOptions extends Omit<AuditDocumentOptions, 'onReadStats'> {
  /** Documents audited at most per site (the default is 50); later ones are listed as skipped. */
  maxDocuments: number;
  /**
   * Documents read at once. 1 by default: each read may use up to the documented memory
   * limit (src/documents/limits.ts), and documents must not take the pages' CPU.
   */
  concurrency?: number;
}

export interface DocumentAuditorResults {
  /** In the order the documents were found. */
  documents: DocumentResult[];
  skipped: SkippedDocument[];
}

export type AddOutcome = 'queued' | 'already-known' | 'over-limit';

/**
 * What the auditor knew at one moment, for the crawl state (src/crawl/crawl-state.ts): a
 * resumed crawl keeps the documents already read and reads the ones still waiting.
 */
export interface DocumentAuditorSnapshot {
  /** Read to the end (with or without an error), with the pages that link to them. */
  done: DocumentResult[];
  /** Queued or being read at that moment: read again after a resume. */
  waiting: { url: string; linkedFrom: DocumentLink[] }[];
  /** Found and not to be read (limit, robots.txt). */
  skipped: SkippedDocument[];
}

/** The key a document is known by: its URL without the fragment (#page=3 is the same file). */
function documentKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function addLink(links: DocumentLink[], link: DocumentLink | undefined): void {
  if (!link || links.length >= MAX_LINKS_PER_DOCUMENT) return;
  if (links.some((known) => known.url === link.url && known.text === link.text)) return;
  links.push({ url: link.url, text: link.text.replace(/\s+/g, ' ').trim() });
}

/**
 * `add` a document URL whenever a page links to it (or a navigation turns out to be one);
 * audits start at once in the background, within the concurrency; `results` waits for them.
 */
export function createDocumentAuditor(options: DocumentAuditorOptions) {
  const { maxDocuments, concurrency = 1, ...auditOptions } = options;
  const slots = pLimit(concurrency);
  const audited = new Map<string, { links: DocumentLink[]; result: Promise<DocumentResult | null> }>();
  /** The audited ones whose reading has ended, known at once (a snapshot cannot wait for promises). */
  const finished = new Map<string, DocumentResult>();
  const skipped = new Map<string, SkippedDocument>();
  let stopped = false;

  const queue = (key: string, links: DocumentLink[]) => {
    // A document still waiting for the reader when the crawl stops is not read (null): it is listed as skipped.
    const result = slots(() => (stopped ? null : auditDocument(key, auditOptions)));
    // A rejection is seen by results(), which awaits the same promise; none is left unhandled here.
    result.then((done) => done && finished.set(key, done)).catch(() => undefined);
    audited.set(key, { links, result });
  };

  return {
    add(url: string, link?: DocumentLink): AddOutcome {
      const key = documentKey(url);
      const known = audited.get(key);
      if (known) {
        addLink(known.links, link);
        return 'already-known';
      }
      if (audited.size >= maxDocuments) {
        const entry = skipped.get(key) ?? { url: key, reason: 'max-documents' as const, linkedFrom: [] };
        addLink(entry.linkedFrom, link);
        skipped.set(key, entry);
        return 'over-limit';
      }
      const links: DocumentLink[] = [];
      addLink(links, link);
      queue(key, links);
      return 'queued';
    },

    /** Lists a document found but not to be read (robots.txt forbids it), with the page linking to it. */
    refuse(url: string, reason: SkippedDocument['reason'], link?: DocumentLink): void {
      const key = documentKey(url);
      if (audited.has(key)) return;
      const entry = skipped.get(key) ?? { url: key, reason, linkedFrom: [] };
      addLink(entry.linkedFrom, link);
      skipped.set(key, entry);
    },

    /** Whether the document is queued or audited. */
    has(url: string): boolean {
      return audited.has(documentKey(url));
    },

    /** No more documents start; those being read finish (within their own limits). */
    stop(): void {
      stopped = true;
    },

    snapshot(): DocumentAuditorSnapshot {
      const done: DocumentResult[] = [];
      const waiting: DocumentAuditorSnapshot['waiting'] = [];
      for (const [url, { links }] of audited) {
        const result = finished.get(url);
        if (result) done.push({ ...result, linkedFrom: [...links] });
        else waiting.push({ url, linkedFrom: [...links] });
      }
      return { done, waiting, skipped: [...skipped.values()].map((entry) => ({ ...entry, linkedFrom: [...entry.linkedFrom] })) };
    },

    /** Takes up a saved snapshot before anything is added: read ones are kept as they were, waiting ones queued again. */
    restore(saved: DocumentAuditorSnapshot): void {
      for (const result of saved.done) {
        const key = documentKey(result.url);
        finished.set(key, result);
        audited.set(key, { links: [...(result.linkedFrom ?? [])], result: Promise.resolve(result) });
      }
      for (const { url, linkedFrom } of saved.waiting) {
        const key = documentKey(url);
        if (!audited.has(key)) queue(key, [...linkedFrom]);
      }
      for (const entry of saved.skipped) skipped.set(documentKey(entry.url), { ...entry, linkedFrom: [...entry.linkedFrom] });
    },

    /** How many documents are queued or audited. */
    get count(): number {
      return audited.size;
    },

    async results(): Promise<DocumentAuditorResults> {
      const documents: DocumentResult[] = [];
      const notRead: SkippedDocument[] = [];
      for (const [url, { links, result }] of audited) {
        const done = await result;
        if (done) documents.push({ ...done, linkedFrom: links });
        else notRead.push({ url, reason: 'stopped', linkedFrom: links });
      }
      return { documents, skipped: [...notRead, ...skipped.values()] };
    },
  };
}

export type DocumentAuditor = ReturnType<typeof createDocumentAuditor>;
