// A small logger: JSON lines (time, level, msg, fields) when not on a terminal or when asked, plain lines otherwise; secrets scrubbed.
import { scrubData, scrubText } from '../auth/secrets.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'auto' | 'json' | 'text';

export interface Logger {
  readonly format: 'json' | 'text';
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(options: { format?: LogFormat; stream?: NodeJS.WritableStream & { isTTY?: boolean }; level?: LogLevel; now?: () => Date } = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const format = options.format === 'json' || (options.format !== 'text' && !stream.isTTY) ? 'json' : 'text';
  const minimum = LEVEL_ORDER[options.level ?? (process.env.WELCOMEMAT_DEBUG ? 'debug' : 'info')];
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVEL_ORDER[level] < minimum) return;
    if (format === 'json') {
      stream.write(`${JSON.stringify({ time: now().toISOString(), level, msg: scrubText(msg), ...scrubData(fields) })}\n`);
    } else {
      const extra = Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      stream.write(scrubText(`welcomemat: ${level === 'info' ? '' : `${level}: `}${msg}${extra ? ` (${extra})` : ''}`) + '\n');
    }
  };
  return {
    format,
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
