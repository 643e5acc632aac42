// Errors with a code and an exit code, so the CLI prints one line and exits predictably.

/** Exit codes of the CLI; documented in the README. */
export const EXIT_CODES = {
  ok: 0,
  /** Findings reached the configured threshold (CI gate). */
  thresholdReached: 1,
  /** Bad input: malformed URL, unsupported scheme, bad option or config. */
  badInput: 2,
  /** The start page could not be loaded: unknown host, refused, TLS error, 4xx/5xx. */
  startPageUnreachable: 3,
  /** No usable Chrome or Chromium. */
  browserUnavailable: 4,
  /** The audit was interrupted; a partial report was written. */
  interrupted: 5,
  /** Queued mode: Redis could not be reached at the start (nothing was audited), or was lost during the run (partial report). */
  queueUnavailable: 6,
  /** A bug in welcomemat. */
  internal: 70,
} as const;

export type WelcomematErrorCode =
  | 'BAD_URL'
  | 'UNSUPPORTED_SCHEME'
  | 'BAD_OPTIONS'
  | 'BAD_CONFIG'
  | 'START_PAGE_UNREACHABLE'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_LAUNCH_FAILED'
  | 'INTERRUPTED'
  /** A login step or login script failed, so the pages behind the login cannot be reached. */
  | 'LOGIN_FAILED'
  /** A report file to re-render is missing, not JSON, or not a welcomemat report. */
  | 'BAD_REPORT'
  /** The manual-verdicts file is missing or invalid. */
  | 'BAD_VERDICTS'
  /** Queued mode: Redis could not be reached. */
  | 'QUEUE_UNREACHABLE';

const exitCodeByError: Record<WelcomematErrorCode, number> = {
  BAD_URL: EXIT_CODES.badInput,
  UNSUPPORTED_SCHEME: EXIT_CODES.badInput,
  BAD_OPTIONS: EXIT_CODES.badInput,
  BAD_CONFIG: EXIT_CODES.badInput,
  START_PAGE_UNREACHABLE: EXIT_CODES.startPageUnreachable,
  BROWSER_NOT_FOUND: EXIT_CODES.browserUnavailable,
  BROWSER_LAUNCH_FAILED: EXIT_CODES.browserUnavailable,
  INTERRUPTED: EXIT_CODES.interrupted,
  LOGIN_FAILED: EXIT_CODES.startPageUnreachable,
  BAD_REPORT: EXIT_CODES.badInput,
  BAD_VERDICTS: EXIT_CODES.badInput,
  QUEUE_UNREACHABLE: EXIT_CODES.queueUnavailable,
};

export class WelcomematError extends Error {
  readonly code: WelcomematErrorCode;
  readonly exitCode: number;

  constructor(code: WelcomematErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WelcomematError';
    this.code = code;
    this.exitCode = exitCodeByError[code];
  }
}
