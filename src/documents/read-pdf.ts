// Reads a PDF in a worker thread with a heap limit, a buffer-memory watchdog and a wall-clock limit, so a hostile file costs bounded memory and time and ends as a reason.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentError, PdfArtifact } from '../model/document.js';
import type { DocumentLimits } from './limits.js';
import type { WorkerInput, WorkerOutput } from './pdf-worker.js';

const MB = 1024 * 1024;

/** How often the watchdog asks the worker for its memory: a decoding stream grows by well under 256 MB in 25 ms here. */
const WATCHDOG_INTERVAL_MS = 25;

/**
 * Young generation of the worker: pdf.js allocates many short-lived objects while
 * parsing; 16 MB semi-spaces keep scavenges cheap without raising the bound much.
 */
const YOUNG_GENERATION_MB = 16;

/** The end-of-file marker must be within the last 1024 bytes, as readers look for it. */
const EOF_WINDOW = 1024;

/** What reading cost, for the benchmark and the documented limits. */
export interface ReadStats {
  ms: number;
  /** Highest V8 heap use of the worker seen by the watchdog, MB. */
  peakHeapMb: number;
  /** Highest ArrayBuffer memory of the worker seen by the watchdog, MB. */
  peakBufferMb: number;
  /** Highest resident memory of the whole process while reading, MB. */
  peakRssMb: number;
  /** CPU time used by the reading thread, ms (its last reading by the watchdog). */
  cpuMs: number;
  /** Modules the worker refused to load (pdf.js asks for @napi-rs/canvas). */
  blockedModules: string[];
}

export type ReadPdfResult = ({ ok: true; artifact: PdfArtifact } | { ok: false; error: DocumentError }) & { stats: ReadStats };

const require = createRequire(import.meta.url);
/** pdf.js's packed CMaps, read from the package so CJK text maps to Unicode without any download. */
const CMAP_URL = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}${path.sep}`;

/** True when "%%EOF" is in the last 1024 bytes. */
export function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - EOF_WINDOW));
  return tail.includes('%%EOF', 0, 'latin1');
}

type ReadLimits = Pick<DocumentLimits, 'readTimeoutMs' | 'maxCpuMs' | 'maxHeapMb' | 'maxBufferMb' | 'maxPages' | 'maxImageCheckPages'>;

/** Reads `bytes` as a PDF. Never throws; the bytes are copied to the worker, the caller keeps its own. */
export function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<ReadPdfResult> {
  const started = performance.now();
  const truncated = !hasEofMarker(bytes);
  const stats: ReadStats = { ms: 0, peakHeapMb: 0, peakBufferMb: 0, peakRssMb: process.memoryUsage.rss() / MB, cpuMs: 0, blockedModules: [] };
  const input: WorkerInput = { bytes, maxPages: limits.maxPages, maxImageCheckPages: limits.maxImageCheckPages, cMapUrl: CMAP_URL };
  const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // The worker sees no environment (no tokens or secrets) and writes to no terminal: pdf.js's warnings are dropped.
    env: {},
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();

  return new Promise<ReadPdfResult>((resolve) => {
    let settled = false;
    const finish = (result: { ok: true; artifact: PdfArtifact } | { ok: false; error: DocumentError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      stats.ms = Math.round(performance.now() - started);
      void worker.terminate();
      resolve({ ...result, stats });
    };
    const fail = (code: DocumentError['code'], message: string) => finish({ ok: false, error: { code, message } });

    const timer = setTimeout(() => fail('read-timeout', `reading did not finish within ${limits.readTimeoutMs} ms; the reader was stopped`), limits.readTimeoutMs);
    const watchdog = setInterval(() => {
      stats.peakRssMb = Math.max(stats.peakRssMb, process.memoryUsage.rss() / MB);
      (worker as Worker & { getHeapStatistics(): Promise<{ used_heap_size: number; external_memory: number }> })
        .getHeapStatistics()
        .then((heap) => {
          stats.peakHeapMb = Math.max(stats.peakHeapMb, heap.used_heap_size / MB);
          stats.peakBufferMb = Math.max(stats.peakBufferMb, heap.external_memory / MB);
          if (heap.external_memory > limits.maxBufferMb * MB) {
            fail('too-much-memory', `reading needed more than ${limits.maxBufferMb} MB of buffers (a decompression bomb or a pathological file); the reader was stopped`);
          }
        })
        // The worker may have exited between the tick and the answer.
        .catch(() => undefined);
      (worker as Worker & { cpuUsage(): Promise<{ user: number; system: number }> })
        .cpuUsage()
        .then((usage) => {
          // Microseconds of the worker's own thread.
          stats.cpuMs = Math.round((usage.user + usage.system) / 1000);
          if (stats.cpuMs > limits.maxCpuMs) fail('read-timeout', `reading used more than ${limits.maxCpuMs} ms of processor time; the reader was stopped`);
        })
        .catch(() => undefined);
    }, WATCHDOG_INTERVAL_MS);

    worker.on('message', (output: WorkerOutput) => {
      stats.blockedModules = output.blockedModules;
      if (output.type === 'done') {
        const artifact = output.artifact;
        if (truncated) artifact.warnings.push('the file has no end-of-file marker: it may be truncated');
        finish({ ok: true, artifact });
        return;
      }
      if (output.kind === 'corrupt' && truncated) fail('truncated', `the file ends before its end-of-file marker and could not be read (${output.message})`);
      else fail(output.kind, output.message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') fail('too-much-memory', `reading needed more than the ${limits.maxHeapMb} MB heap limit; the reader was stopped`);
      else fail('reader-failed', error.message);
    });
    worker.on('exit', (code) => fail('reader-failed', `the reader stopped with exit code ${code} before it answered`));
  });
}
