// The linked documents of a report in the report's language, for every renderer: one row per document, the documents not checked, and the manual steps said once.
import { documentManualSteps } from '../checks/document-checks.js';
import type { Report, ReportDocument } from '../model/report.js';
import type { Translator } from './i18n.js';

/** Link texts shown per document; the report.json keeps up to 20. */
export const LINKS_SHOWN = 3;

export interface DocumentRow {
  url: string;
  title: string;
  /** "“Menu” on https://…", the site's words: renderers escape them. */
  links: { url: string; text: string }[];
  moreLinks: number;
  size: string;
  pages: string;
  producer: string;
  tagged: string;
  /** "2 to fix, 1 to review", "nothing found…", or "Not checked: it needs a password to open". */
  result: string;
  /** failed (a violation), review, clean, unread. */
  state: 'failed' | 'review' | 'clean' | 'unread';
  /** The reader's own message when it could not be read (English, may quote the site). */
  detail: string;
}

export interface DocumentsView {
  summary: string;
  rows: DocumentRow[];
  skipped: { url: string; reason: string; links: { url: string; text: string }[] }[];
  manualTitle: string;
  manualSteps: string[];
}

/** Bytes as KB or MB, one decimal for MB. */
function sizeOf(bytes: number, tr: Translator): string {
  if (bytes >= 1024 * 1024) return `${tr.number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${tr.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function safe(tr: Translator, key: string, fallback: string, vars?: Record<string, string | number>): string {
  try {
    return tr.t(key, vars);
  } catch {
    return fallback;
  }
}

function rowOf(document: ReportDocument, tr: Translator): DocumentRow {
  const state: DocumentRow['state'] = document.error ? 'unread' : document.violations > 0 ? 'failed' : document.needsReview > 0 ? 'review' : 'clean';
  const result = document.error
    ? tr.t('documents.notRead', { reason: safe(tr, `documents.error.${document.error.code}`, document.error.code) })
    : state === 'clean'
      ? tr.t('documents.clean')
      : tr.t('documents.problems', { violations: document.violations, review: document.needsReview });
  const pages =
    document.pageCount === null
      ? ''
      : document.pagesRead !== null && document.pagesRead < document.pageCount
        ? tr.t('documents.pagesRead', { read: document.pagesRead, total: document.pageCount })
        : tr.number(document.pageCount);
  const links = document.linkedFrom ?? [];
  return {
    url: document.finalUrl || document.url,
    title: document.title,
    links: links.slice(0, LINKS_SHOWN),
    moreLinks: Math.max(0, links.length - LINKS_SHOWN),
    size: document.bytes > 0 ? sizeOf(document.bytes, tr) : '',
    pages,
    producer: document.producer,
    tagged: tr.t(document.tagged === null ? 'documents.unknown' : document.tagged ? 'documents.yes' : 'documents.no'),
    result,
    state,
    detail: document.error?.message ?? '',
  };
}

/** Null when the report has no documents, audited or skipped. */
export function documentsView(report: Report, tr: Translator): DocumentsView | null {
  const documents = report.documents ?? [];
  const skipped = report.skippedDocuments ?? [];
  if (documents.length === 0 && skipped.length === 0) return null;
  const rows = documents.map((document) => rowOf(document, tr));
  return {
    summary: tr.t('documents.summary', {
      count: documents.length,
      failed: rows.filter((row) => row.state === 'failed').length,
      unread: rows.filter((row) => row.state === 'unread').length,
    }),
    rows,
    skipped: skipped.map((entry) => ({ url: entry.url, reason: safe(tr, `documents.skippedReason.${entry.reason}`, entry.reason), links: entry.linkedFrom.slice(0, LINKS_SHOWN) })),
    // Said once, wherever documents were read: no tool can judge these in a PDF.
    manualTitle: tr.t('documentManualSteps.title'),
    manualSteps: documents.some((document) => !document.error) ? documentManualSteps.map((step) => tr.t(`documentManualSteps.${step.id}`)) : [],
  };
}

/** True when the URL is one of the report's documents (a fix on documents counts documents, not pages). */
export function documentUrls(report: Report): Set<string> {
  return new Set((report.documents ?? []).flatMap((document) => [document.url, document.finalUrl]));
}
