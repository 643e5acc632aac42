// Chromium for tests that look at pages themselves (the report, Lighthouse), and axe run on such a page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../../src/browser/launch.js';
import { resolveOptions } from '../../src/config/resolve-options.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The axe tags an audit runs by default: WCAG 2.0–2.2 A and AA, and best practices. */
export const AXE_TAGS: readonly string[] = resolveOptions({ urls: ['http://127.0.0.1/'] }).axe.tags;

/** A browser found and launched the way an audit does it (same search order, flags and sandbox choice). */
export async function launchTestBrowser(): Promise<Browser> {
  return (await launchBrowser(resolveOptions({ urls: ['http://127.0.0.1/'] }).browser)).browser;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe's violations on the page with the default tags (a few nodes each, enough to find them). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 3).map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, AXE_TAGS as string[]);
}

/** One line per violation, for assertion messages and deepEqual against []. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}
