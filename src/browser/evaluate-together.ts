// Several in-page functions in one round trip to the tab: each `page.evaluate` is a protocol call of its own (about 2.5 ms on two busy cores, more than the work of a small read), and the steps that run on every page add up.
import type { Page } from 'puppeteer';

/** A function to run inside the page with its arguments. */
export interface InPageCall<R> {
  /** Synchronous and self-contained, as for `page.evaluate`: it is sent as source and may use nothing from outside its own body. */
  fn: (...args: never[]) => R;
  /** JSON values: they are written into the source sent to the page. */
  args: unknown[];
}

/** One in-page call, typed by its function. */
export function inPage<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): InPageCall<R> {
  return { fn: fn as unknown as (...args: never[]) => R, args };
}

type Results<C> = { [K in keyof C]: C[K] extends InPageCall<infer R> ? R : never };

/**
 * Runs the calls in the page in the order given, in one evaluation, and returns their results by
 * name. A call that throws fails them all, as one `page.evaluate` would. Like `page.evaluate`,
 * the evaluation is the protocol's, so the page's Content-Security-Policy does not stop it.
 */
export async function evaluateTogether<C extends Record<string, InPageCall<unknown>>>(page: Page, calls: C): Promise<Results<C>> {
  const parts = Object.entries(calls).map(([name, call]) => `${JSON.stringify(name)}: (${call.fn.toString()})(...${JSON.stringify(call.args)})`);
  return (await page.evaluate(`({ ${parts.join(',\n')} })`)) as Results<C>;
}
