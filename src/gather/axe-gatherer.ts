// Runs axe-core in the page and keeps its violations, needs-review results and rule errors.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Gatherer } from './gatherer.js';
import type { AxeArtifact, AxeRuleResult } from './artifacts.js';
import type { ResolvedOptions } from '../config/options.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION: string = (require('axe-core/package.json') as { version: string }).version;

/** The axe.run options welcomemat uses; exported so the benchmark's floor can compare. */
export function axeRunOptions(axe: ResolvedOptions['axe']) {
  const rules: Record<string, { enabled: boolean }> = {};
  for (const id of axe.enableRules) rules[id] = { enabled: true };
  for (const id of axe.disableRules) rules[id] = { enabled: false };
  return {
    runOnly: { type: 'tag' as const, values: axe.tags },
    rules,
    // Only violations and needs-review matter; skipping passes' node details saves time and memory.
    resultTypes: ['violations' as const, 'incomplete' as const],
    // Selectors and snippets are enough; element references cannot leave the page anyway.
    elementRef: false,
    selectors: true,
    ancestry: false,
    xpath: false,
    performanceTimer: false,
  };
}

interface RawAxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
  impact?: string | null;
}

interface RawAxeRule {
  id: string;
  impact?: string | null;
  tags: string[];
  description: string;
  help: string;
  helpUrl: string;
  nodes: RawAxeNode[];
  error?: { message?: string } | string;
}

/**
 * axe's node `target` is a list of selectors, one per frame or shadow root level; a
 * level can itself be a list (shadow DOM). Flatten each level to one string.
 */
function targetToStrings(target: unknown[]): string[] {
  return target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part)));
}

function trimRule(rule: RawAxeRule): AxeRuleResult {
  return {
    id: rule.id,
    impact: rule.impact ?? null,
    tags: rule.tags,
    description: rule.description,
    help: rule.help,
    helpUrl: rule.helpUrl,
    nodes: rule.nodes.map((node) => ({
      target: targetToStrings(node.target),
      html: node.html,
      failureSummary: node.failureSummary ?? '',
      impact: node.impact ?? null,
    })),
  };
}

export const axeGatherer: Gatherer<'axe'> = {
  artifact: 'axe',
  phase: 'static',
  // axe on a big page takes a few seconds on one core; 30 s is a page that will never finish.
  budgetMs: () => 30_000,
  async gather({ page, options }) {
    const alreadyThere = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
    if (!alreadyThere) await page.evaluate(axeSource);
    const raw = (await page.evaluate(
      // Runs in the page: `axe` is the global the injected source defined.
      (runOptions) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, runOptions),
      axeRunOptions(options.axe),
    )) as { violations: RawAxeRule[]; incomplete: RawAxeRule[]; passes?: { id: string }[]; inapplicable?: { id: string }[]; testEngine?: { version?: string } };

    const errors: AxeArtifact['errors'] = [];
    const incomplete: AxeRuleResult[] = [];
    for (const rule of raw.incomplete) {
      // axe files a rule that threw under "incomplete" with an `error`; report it, don't drop it.
      if (rule.error) {
        const message = typeof rule.error === 'string' ? rule.error : (rule.error.message ?? 'rule failed');
        errors.push({ ruleId: rule.id, message });
      } else {
        incomplete.push(trimRule(rule));
      }
    }
    return {
      version: raw.testEngine?.version ?? AXE_VERSION,
      violations: raw.violations.map(trimRule),
      incomplete,
      // resultTypes trims these lists to one node per rule; only the rule ids are kept, for outcomes.
      passed: (raw.passes ?? []).map((rule) => rule.id),
      inapplicable: (raw.inapplicable ?? []).map((rule) => rule.id),
      errors,
    };
  },
};
