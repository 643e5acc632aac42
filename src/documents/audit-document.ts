// Audits one linked document: fetch (no browser), read in a bounded worker, run the document checks; always a serialisable DocumentResult, never a throw.
import type { DocumentCheck } from '../checks/check.js';
import { documentChecks } from '../checks/document-checks.js';
import type { DocumentResult } from '../model/document.js';
import { emptyOutcomes } from '../model/outcome.js';
import { fetchDocument } from './fetch-document.js';
import { resolveDocumentLimits, type DocumentLimits } from './limits.js';
import { readPdf, type ReadStats } from './read-pdf.js';
import { runDocumentChecks, unreadOutcomes, type DocumentCheckOptions } from './run-document-checks.js';

/** The crawl's user-agent token (USER_AGENT_TOKEN in src/crawl/crawl-site.ts, which documents may not import; a test keeps them equal). */
export const DOCUMENT_USER_AGENT = 'welcomemat';

export interface AuditDocumentOptions {
  limits?: Partial<DocumentLimits>;
  /** The audit's auth headers and cookies; sent to the document's origin only. */
  headers?: Record<string, string>;
  /** The run's check switches and settings (`checks`, `disabledFamilies` of ResolvedOptions). */
  options: DocumentCheckOptions;
  userAgent?: string;
  /** Defaults to every document check. */
  checks?: readonly DocumentCheck[];
  /** Receives what reading cost (for the benchmark). */
  onReadStats?: (stats: ReadStats) => void;
}

export async function auditDocument(url: string, { limits: partialLimits, headers, options, userAgent = DOCUMENT_USER_AGENT, checks = documentChecks, onReadStats }: AuditDocumentOptions): Promise<DocumentResult> {
  const started = performance.now();
  const limits = resolveDocumentLimits(partialLimits);
  const elapsed = () => Math.round(performance.now() - started);
  const fetched = await fetchDocument(url, { userAgent, headers, maxBytes: limits.maxBytes, timeoutMs: limits.fetchTimeoutMs, maxRedirects: limits.maxRedirects });
  const base = {
    url,
    finalUrl: fetched.finalUrl,
    status: fetched.status,
    contentType: fetched.contentType,
    sniffed: fetched.ok ? fetched.sniffed : false,
    bytes: fetched.ok ? fetched.bytes.byteLength : fetched.received,
    pageCount: null,
    pagesRead: null,
    producer: '',
    title: '',
    language: '',
    tagged: null,
    warnings: [],
    findings: [],
    outcomes: emptyOutcomes(),
  } satisfies Omit<DocumentResult, 'durationMs'>;
  if (!fetched.ok) return { ...base, outcomes: unreadOutcomes(checks, fetched.error, options), error: fetched.error, durationMs: elapsed() };

  const read = await readPdf(fetched.bytes, limits);
  onReadStats?.(read.stats);
  if (!read.ok) return { ...base, outcomes: unreadOutcomes(checks, read.error, options), error: read.error, durationMs: elapsed() };

  const pdf = read.artifact;
  const { findings, outcomes } = runDocumentChecks(checks, pdf, fetched.finalUrl, options);
  return {
    ...base,
    pageCount: pdf.pageCount,
    pagesRead: pdf.pagesRead,
    producer: pdf.producer,
    title: pdf.title,
    language: pdf.language,
    tagged: pdf.marked === true && pdf.hasStructTree,
    warnings: pdf.warnings,
    findings,
    outcomes,
    durationMs: elapsed(),
  };
}
