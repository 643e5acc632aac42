// A page visit on its way through the queue: the worker packs it (screenshot bytes inside, secrets scrubbed, within the size cap), the coordinator unpacks it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { scrubData } from '../auth/secrets.js';
import type { ClaimedForPage } from '../crawl/redis-claims.js';
import type { PageVisit } from '../page/visit-page.js';
import type { PageJobResult } from './queue-protocol.js';

/** Bytes of a result as stored in Redis (BullMQ keeps the JSON text). */
export function resultBytes(result: PageJobResult): number {
  return Buffer.byteLength(JSON.stringify(result));
}

/**
 * Packs a visit for the trip back. `reportRoot` is the worker's stand-in for the report folder
 * (screenshots sit in a folder under it). Over `maxBytes`, the screenshot goes first; a
 * result still too big becomes a failed page that says so.
 */
export async function packResult(visit: PageVisit, claimed: ClaimedForPage, reportRoot: string | undefined, maxBytes: number): Promise<PageJobResult> {
  const clean = scrubData(visit);
  let screenshot: string | undefined;
  if (clean.kind !== 'skipped' && clean.page.screenshot && reportRoot) {
    const file = path.join(reportRoot, clean.page.screenshot);
    screenshot = await fs.readFile(file).then((bytes) => bytes.toString('base64'), () => undefined);
    await fs.rm(file, { force: true });
  }
  const packed: PageJobResult = { visit: clean, claimed, ...(screenshot ? { screenshot } : {}) };
  if (resultBytes(packed) <= maxBytes) return packed;
  if (packed.screenshot && clean.kind !== 'skipped') {
    const { screenshot: _shot, ...page } = clean.page;
    const lighter: PageJobResult = { visit: { ...clean, page } as PageVisit, claimed };
    if (resultBytes(lighter) <= maxBytes) return lighter;
  }
  const task = clean.kind === 'skipped' ? undefined : clean.page;
  const size = resultBytes(packed);
  if (!task) return { visit: clean, claimed };
  const { screenshot: _shot, ...page } = task;
  return {
    visit: { kind: 'failed', page: { ...page, error: { code: 'unknown', message: `the page's result (${Math.ceil(size / 1024)} KB) is over the queue's cap of ${Math.floor(maxBytes / 1024)} KB (queue.maxResultBytes)` } } },
    claimed,
  };
}

/** Unpacks a result on the coordinator: the screenshot is written under `reportRoot` at the path the page names. */
export async function unpackResult(result: PageJobResult, reportRoot: string | undefined): Promise<PageVisit> {
  const visit = result.visit;
  if (visit.kind === 'skipped') return visit;
  if (!result.screenshot || !reportRoot || !visit.page.screenshot) {
    if (visit.page.screenshot && !result.screenshot) {
      const { screenshot: _shot, ...page } = visit.page;
      return { ...visit, page } as PageVisit;
    }
    return visit;
  }
  const file = path.join(reportRoot, visit.page.screenshot);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, Buffer.from(result.screenshot, 'base64'));
  return visit;
}
