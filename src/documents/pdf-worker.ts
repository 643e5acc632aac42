// Entry of the worker thread that reads one PDF: shuts out native and network code, then runs extract-pdf and posts the artifact or the reason.
import { readlinkSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractOptions } from './extract-pdf.js';

export interface WorkerInput extends ExtractOptions {
  bytes: Uint8Array;
}

export type WorkerOutput =
  | { type: 'done'; artifact: import('../model/document.js').PdfArtifact; blockedModules: string[] }
  | { type: 'failed'; kind: 'password-protected' | 'corrupt' | 'reader-failed'; message: string; blockedModules: string[] };

/** Packages the reader may load: pdf.js, and pdf-lib (pure JavaScript) with its own dependencies for form tooltips. */
const ALLOWED_PACKAGES = ['pdfjs-dist', 'pdf-lib', '@pdf-lib', 'pako', 'tslib'];

/** welcomemat's own compiled sources (dist/src), where this file and extract-pdf live. */
const OWN_SOURCES = new URL('../', import.meta.url).href;

function mayLoad(url: string): boolean {
  // pdf.js's scripting sandbox is the only part of it that runs a PDF's JavaScript.
  if (url.includes('pdf.sandbox')) return false;
  if (url.startsWith(OWN_SOURCES)) return true;
  return ALLOWED_PACKAGES.some((name) => url.includes(`/node_modules/${name}/`));
}

/** The lowest scheduling priority (the highest nice value): pages and the browser go first. */
const LOWEST_PRIORITY = 19;

/**
 * This thread yields the processor to the crawl: on Linux a thread has its own nice value,
 * set through its thread id (/proc/thread-self names it). Elsewhere the read keeps the
 * normal priority; its CPU-time limit still holds.
 */
function lowerPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, LOWEST_PRIORITY);
  } catch {
    // Not Linux, or no /proc: nothing to lower.
  }
}
lowerPriority();

/**
 * Only those packages and welcomemat's own files may be loaded from here on, judged by
 * where a specifier resolves to. pdf.js asks for @napi-rs/canvas (native code, for
 * rendering we never do) when it loads; refusing it keeps native code out whether or not
 * npm installed that optional package. Built-in modules are refused too (pdf.js reaches
 * the few it uses through process.getBuiltinModule, for its CMap files).
 */
const blockedModules: string[] = [];
module.registerHooks({
  resolve(specifier, context, nextResolve) {
    let resolved: ReturnType<typeof nextResolve> | undefined;
    try {
      resolved = nextResolve(specifier, context);
    } catch {
      resolved = undefined;
    }
    if (!resolved || !mayLoad(resolved.url)) {
      blockedModules.push(specifier);
      throw Object.assign(new Error(`welcomemat's PDF reader does not load "${specifier}"`), { code: 'ERR_MODULE_NOT_FOUND' });
    }
    return resolved;
  },
});

// Nothing in this thread talks to the network: the bytes are all it reads.
for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'] as const) Reflect.deleteProperty(globalThis, name);
// pdf.js looks for these rendering classes when it loads and warns without them; nothing here renders.
const globals = globalThis as Record<string, unknown>;
globals['DOMMatrix'] ??= class DOMMatrix {};
globals['Path2D'] ??= class Path2D {};

const input = workerData as WorkerInput;
const { extractPdf, ExtractError } = await import('./extract-pdf.js');
let output: WorkerOutput;
try {
  const artifact = await extractPdf(input.bytes, input);
  output = { type: 'done', artifact, blockedModules };
} catch (error) {
  output =
    error instanceof ExtractError
      ? { type: 'failed', kind: error.kind, message: error.message, blockedModules }
      : { type: 'failed', kind: 'reader-failed', message: error instanceof Error ? error.message : String(error), blockedModules };
}
parentPort?.postMessage(output);
