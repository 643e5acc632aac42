// Shows audit progress: one live line on a terminal, plain lines in CI or when piped.
import type { ProgressEvent } from '../config/options.js';

export interface ProgressPrinter {
  onProgress(event: ProgressEvent): void;
  /** Clears the live line before other output. */
  finish(): void;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressPrinter {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let lineShown = false;
  const write = (line: string) => {
    if (quiet) return;
    if (live) {
      const width = stream.columns || 80;
      stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
      lineShown = true;
    } else {
      stream.write(`${line}\n`);
    }
  };
  return {
    onProgress(event) {
      switch (event.type) {
        case 'start':
          write(`Auditing ${event.startUrls.join(', ')}`);
          break;
        case 'page-start':
          if (live) write(`[${event.active} open, ${event.queued} queued] ${shorten(event.url, 70)}`);
          break;
        case 'page-done': {
          const status = event.error ? `failed: ${event.error}` : 'done';
          write(`[${event.audited} audited, ${event.failed} failed, ${event.queued} queued] ${shorten(event.url, 70)} ${status}`);
          break;
        }
        case 'site-checks':
          write('Running site-wide checks and prioritizing fixes');
          break;
        case 'notice':
          if (!quiet) {
            if (live && lineShown) stream.write('\r\x1b[2K');
            stream.write(`welcomemat: ${event.message}\n`);
          }
          break;
        case 'skipped':
        case 'done':
          break;
      }
    },
    finish() {
      if (live && lineShown) stream.write('\r\x1b[2K');
    },
  };
}
