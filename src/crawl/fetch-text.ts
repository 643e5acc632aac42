// Fetches small text resources (robots.txt, sitemaps) outside the browser, with a timeout and a size cap.

export interface FetchedText {
  status: number;
  contentType: string;
  /** The body, cut at maxBytes. Already decoded from Content-Encoding (gzip, br) by fetch. */
  body: Buffer;
  /** The URL after redirects. */
  finalUrl: string;
}

export type FetchText = (url: string) => Promise<FetchedText>;

export interface FetchTextOptions {
  userAgent: string;
  /** Covers the whole request, body included. */
  timeoutMs: number;
  /** Bytes kept from the body; reading stops there so a huge file cannot fill memory. */
  maxBytes: number;
  headers?: Record<string, string>;
}

/** Reads at most maxBytes of a response body, then cancels the rest of the download. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      const room = maxBytes - total;
      chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.byteLength, room);
    }
  } finally {
    // Cancelling tells the server we are done; errors from a stream already closed do not matter.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks, total);
}

/** What went wrong, including the low-level cause fetch hides behind "fetch failed". */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/**
 * A FetchText that follows redirects, times out after timeoutMs and keeps at most
 * maxBytes of the body. Any HTTP status resolves; network errors and timeouts reject
 * with an Error whose message names the URL.
 */
export function createFetchText(options: FetchTextOptions): FetchText {
  const headers = { ...options.headers, 'user-agent': options.userAgent };
  return async (url: string): Promise<FetchedText> => {
    try {
      const response = await fetch(url, {
        headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await readCapped(response, options.maxBytes);
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
        finalUrl: response.url || url,
      };
    } catch (error) {
      throw new Error(`could not fetch ${url}: ${describeFetchError(error)}`, { cause: error });
    }
  };
}
