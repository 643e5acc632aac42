// Downloads one document without a browser tab: manual redirects with a cap, a size cap counted while streaming, one time limit, and a sniff of the bytes.
import type { DocumentError, DocumentErrorCode } from '../model/document.js';
import { describeNonPdf, isPdfContentType, looksLikePdf, mediaType, SNIFF_BYTES } from './sniff.js';

export interface FetchDocumentOptions {
  /** The crawl's user agent, so robots rules and server logs see one client. */
  userAgent: string;
  maxBytes: number;
  /** Covers every redirect, the headers and the whole body. */
  timeoutMs: number;
  maxRedirects: number;
  /**
   * The audit's headers (auth, cookies). Sent to the document's origin only: a redirect
   * to another origin drops them, as browsers drop Authorization.
   */
  headers?: Record<string, string>;
}

interface FetchFacts {
  url: string;
  /** The last URL requested. */
  finalUrl: string;
  /** Status of the last response; 0 when none arrived. */
  status: number;
  contentType: string;
}

export type FetchedDocument =
  | (FetchFacts & {
      ok: true;
      bytes: Uint8Array;
      /** The content type did not say PDF; the bytes did. */
      sniffed: boolean;
      /** URLs redirected through, in order. */
      redirects: string[];
    })
  | (FetchFacts & { ok: false; error: DocumentError; /** Bytes received before stopping. */ received: number });

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Thrown inside the fetch to stop with a reason; turned into the result at the end. */
class Stop extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What went wrong at the network level, including the cause fetch hides behind "fetch failed". */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** Reads the body, counting bytes and sniffing the first ones; stops on the size cap or as soon as the bytes are not a PDF. */
async function readBody(response: Response, maxBytes: number, contentType: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let sniffed = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      onBytes(total);
      if (total > maxBytes) throw new Stop('too-large', `larger than the ${maxBytes}-byte limit; the download was stopped`);
      chunks.push(value);
      if (!sniffed && total >= SNIFF_BYTES) {
        sniffed = true;
        const head = Buffer.concat(chunks);
        if (!looksLikePdf(head)) throw notAPdf(head, contentType);
      }
    }
  } finally {
    // Tells the server we are done; an error from a stream already closed does not matter.
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks, total);
  if (!sniffed && !looksLikePdf(bytes)) throw notAPdf(bytes, contentType);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function notAPdf(head: Uint8Array, contentType: string): Stop {
  const servedAs = contentType ? `served as ${mediaType(contentType)}` : 'served without a content type';
  return new Stop('not-a-pdf', `${servedAs}, but the bytes are ${describeNonPdf(head)}, not a PDF`);
}

/**
 * Fetches a document. Never throws: every way it can go wrong (network, HTTP error,
 * time, size, redirects, bytes that are not a PDF) is a result with a reason code.
 */
export async function fetchDocument(url: string, options: FetchDocumentOptions): Promise<FetchedDocument> {
  const facts: FetchFacts = { url, finalUrl: url, status: 0, contentType: '' };
  let received = 0;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Stop('fetch-timeout', `no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  const startOrigin = safeOrigin(url);
  const redirects: string[] = [];
  const visited = new Set<string>();
  try {
    let current = safeResolve(url, url) ?? url;
    for (;;) {
      visited.add(current);
      facts.finalUrl = current;
      const sameOrigin = safeOrigin(current) === startOrigin;
      const headers: Record<string, string> = {
        ...(sameOrigin ? options.headers : {}),
        'user-agent': options.userAgent,
        accept: 'application/pdf,*/*;q=0.8',
      };
      const response = await fetch(current, { headers, redirect: 'manual', signal: controller.signal });
      facts.status = response.status;
      facts.contentType = response.headers.get('content-type') ?? '';
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        const next = location ? safeResolve(location, current) : null;
        if (!next) throw new Stop('bad-redirect', `HTTP ${response.status} without a usable Location`);
        if (!/^https?:$/.test(new URL(next).protocol)) throw new Stop('bad-redirect', `redirect to a ${new URL(next).protocol} URL`);
        if (visited.has(next)) throw new Stop('redirect-loop', `redirect loop: ${next} was already visited`);
        if (redirects.length >= options.maxRedirects) throw new Stop('too-many-redirects', `more than ${options.maxRedirects} redirects`);
        redirects.push(next);
        current = next;
        continue;
      }
      if (response.status >= 400 || response.status < 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new Stop('http-error', `HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new Stop('too-large', `Content-Length ${declared} is over the ${options.maxBytes}-byte limit; not downloaded`);
      }
      const bytes = await readBody(response, options.maxBytes, facts.contentType, (n) => (received = n));
      return { ...facts, ok: true, bytes, sniffed: !isPdfContentType(facts.contentType), redirects };
    }
  } catch (error) {
    return { ...facts, ok: false, received, error: toDocumentError(error, controller.signal) };
  } finally {
    clearTimeout(timer);
  }
}

function toDocumentError(error: unknown, signal: AbortSignal): DocumentError {
  if (error instanceof Stop) return { code: error.code, message: error.message };
  // Aborted by the timer: fetch rethrows the abort reason (our Stop) or a DOMException, depending on where it was waiting.
  if (signal.aborted && signal.reason instanceof Stop) return { code: signal.reason.code, message: signal.reason.message };
  return { code: 'network', message: networkDetail(error) };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function safeResolve(location: string, base: string): string | null {
  try {
    const next = new URL(location, base);
    next.hash = '';
    return next.href;
  } catch {
    return null;
  }
}
