// The crawl's side of linked documents: PDFs found by link (.pdf) or served by a URL the pages link to (content type) go to the document auditor, beside the pages, within robots.txt and the per-site limit.
import type { ResolvedOptions } from '../config/options.js';
import { createDocumentAuditor, type DocumentAuditorSnapshot } from '../documents/document-auditor.js';
import { isPdfContentType } from '../documents/sniff.js';
import type { DocumentLink, DocumentResult, SkippedDocument } from '../model/document.js';
import type { PageTask } from '../model/page-task.js';
import type { SkippedUrl } from '../model/report.js';
import type { RobotsRules } from './robots.js';

/** What the page runner says about a target that is no page: "not a web page (application/pdf)" or "download (Content-Disposition: attachment, …)". */
const SERVED_TYPE = /\(([a-z0-9.+-]+\/[a-z0-9.+-]+)\)$|attachment, ([a-z0-9.+-]+\/[a-z0-9.+-]+)\)$/i;

/** Content types a PDF may hide behind: generic binary, or a download with no type; the bytes decide. */
const MAYBE_PDF_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download', 'application/x-download']);

/** The documents' part of the crawl state: the auditor's snapshot, and the generic downloads being tried as documents. */
export interface CrawlDocumentsSnapshot extends DocumentAuditorSnapshot {
  maybe: SkippedUrl[];
}

export interface CrawlDocumentsResults {
  documents: DocumentResult[];
  skipped: SkippedDocument[];
  /** Downloads that were tried as documents and are no PDF: listed as skipped URLs, as before. */
  notDocuments: SkippedUrl[];
}

/** Whether a target the page runner turned away is worth reading as a PDF: declared PDF (sure), or a generic download (maybe). */
export function documentVerdict(skipped: SkippedUrl): 'pdf' | 'maybe' | 'no' {
  if (skipped.reason !== 'not-html') return 'no';
  const match = SERVED_TYPE.exec(skipped.detail);
  const type = (match?.[1] ?? match?.[2] ?? '').toLowerCase();
  if (type && isPdfContentType(type)) return 'pdf';
  if (MAYBE_PDF_TYPES.has(type) || (!type && /attachment/i.test(skipped.detail))) return 'maybe';
  return 'no';
}

/** The keys that were set (a Partial<DocumentLimits> with no undefined values). */
function definedOnly<T extends object>(values: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]-?: Exclude<T[K], undefined> };
}

export function crawlDocuments(options: ResolvedOptions, robotsFor: (origin: string) => Promise<RobotsRules>) {
  const auditor = createDocumentAuditor({
    maxDocuments: options.maxDocuments,
    options,
    ...(options.documentLimits ? { limits: definedOnly(options.documentLimits) } : {}),
    ...(options.auth?.headers && Object.keys(options.auth.headers).length > 0 ? { headers: options.auth.headers } : {}),
  });
  /** robots.txt answers still awaited; results() waits for them. */
  const pending = new Set<Promise<void>>();
  /** Generic downloads tried as documents, with the skipped entry they had. */
  const maybe = new Map<string, SkippedUrl>();
  let stopped = false;

  const hand = (url: string, link: DocumentLink | undefined) => {
    const check = robotsFor(new URL(url).origin).then((rules) => {
      if (stopped && !auditor.has(url)) return auditor.refuse(url, 'stopped', link);
      if (rules.isAllowed(url)) auditor.add(url, link);
      else auditor.refuse(url, 'robots-disallowed', link);
    });
    pending.add(check);
    void check.finally(() => pending.delete(check));
  };

  return {
    /** The frontier found a link to a .pdf in scope (each time a page links to it). */
    found(url: string, from: string | undefined, text: string | undefined): void {
      hand(url, from ? { url: from, text: text ?? '' } : undefined);
    },

    /**
     * A page task turned out to be no page. True when it was handed to the documents (a PDF by
     * its content type, or a generic download whose bytes will tell); false leaves it skipped.
     */
    servedDocument(task: PageTask, skipped: SkippedUrl): boolean {
      const verdict = documentVerdict(skipped);
      if (verdict === 'no') return false;
      if (verdict === 'maybe') maybe.set(task.url, skipped);
      // The page runner already obeyed robots.txt for this URL.
      hand(task.url, task.from ? { url: task.from, text: task.linkText ?? '' } : undefined);
      return true;
    },

    stop(): void {
      stopped = true;
      auditor.stop();
    },

    /** For the crawl state. A document whose robots.txt answer is still awaited is not in it (found again on the page, after a resume, only if that page is audited again). */
    snapshot(): CrawlDocumentsSnapshot {
      return { ...auditor.snapshot(), maybe: [...maybe.values()] };
    },

    /** Takes up a saved crawl's documents: those read are kept, those waiting are read. */
    restore(saved: CrawlDocumentsSnapshot): void {
      for (const entry of saved.maybe) maybe.set(entry.url, entry);
      auditor.restore(saved);
    },

    async results(): Promise<CrawlDocumentsResults> {
      while (pending.size > 0) await Promise.all([...pending]);
      const { documents, skipped } = await auditor.results();
      const notDocuments: SkippedUrl[] = [];
      const kept = documents.filter((document) => {
        const entry = maybe.get(document.url);
        if (entry && document.error?.code === 'not-a-pdf') {
          notDocuments.push(entry);
          return false;
        }
        return true;
      });
      return { documents: kept, skipped, notDocuments };
    },
  };
}

export type CrawlDocuments = ReturnType<typeof crawlDocuments>;
