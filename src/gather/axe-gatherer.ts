// Runs axe-core in the page and keeps its violations, needs-review results and rule errors.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Gatherer } from './gatherer.js';
import type { AxeArtifact, AxeCheckResult, AxeRuleResult, FrameFact } from './artifacts.js';
import type { Frame, Page } from 'puppeteer';
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
    // Same-origin frames get axe injected (src/gather/axe-gatherer.ts) and are checked with the page; others are excluded.
    iframes: true,
    // A frame's axe answers within seconds; 10 s keeps one stuck frame from eating the gatherer's whole budget.
    frameWaitTime: 10_000,
    // Selectors and snippets are enough; element references cannot leave the page anyway.
    elementRef: false,
    selectors: true,
    ancestry: false,
    xpath: false,
    performanceTimer: false,
  };
}

interface RawAxeCheck {
  id: string;
  data?: unknown;
}

interface RawAxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
  impact?: string | null;
  any?: RawAxeCheck[];
  all?: RawAxeCheck[];
  none?: RawAxeCheck[];
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

/** A check's data is kept for wording its message; past this many characters of JSON it is dropped (the English summary stays). */
const MAX_CHECK_DATA_CHARS = 2_000;

/** The failing checks of a node: id and message data only (no related nodes, no English message). */
function trimChecks(checks: RawAxeCheck[] | undefined): AxeCheckResult[] {
  return (checks ?? []).map((check) => {
    if (check.data === undefined || check.data === null) return { id: check.id };
    const size = JSON.stringify(check.data)?.length ?? 0;
    return size <= MAX_CHECK_DATA_CHARS ? { id: check.id, data: check.data } : { id: check.id };
  });
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
      checks: { any: trimChecks(node.any), all: trimChecks(node.all), none: trimChecks(node.none) },
    })),
  };
}

/** Rules whose verdict depends on the colours at one moment, so an element in endless motion cannot be judged by it. */
const COLOUR_RULES = new Set(['color-contrast', 'color-contrast-enhanced', 'link-in-text-block']);

/**
 * Which of these selectors (top-document ones; frame and shadow paths are left alone) point
 * at an element that is moved by an animation that never ends, on itself or an ancestor.
 * Finite animations and transitions were finished before axe ran (src/browser/settle-motion.ts).
 */
async function endlesslyAnimated(page: Parameters<Gatherer['gather']>[0]['page'], selectors: string[]): Promise<boolean[]> {
  if (selectors.length === 0) return [];
  return page.evaluate((list) => {
    const endless = (element: Element) =>
      element.getAnimations().some((animation) => animation.effect?.getComputedTiming().endTime === Infinity && animation.playState !== 'finished');
    return list.map((selector) => {
      let element: Element | null = null;
      try {
        element = document.querySelector(selector);
      } catch {
        return false;
      }
      for (let node = element; node; node = node.parentElement) if (endless(node)) return true;
      return false;
    });
  }, selectors);
}

/** Moves colour violations on endlessly animated elements to "incomplete", marked, so a person judges them. */
async function reviewAnimatedColours(page: Parameters<Gatherer['gather']>[0]['page'], violations: AxeRuleResult[], incomplete: AxeRuleResult[]): Promise<AxeRuleResult[]> {
  const kept: AxeRuleResult[] = [];
  for (const rule of violations) {
    if (!COLOUR_RULES.has(rule.id)) {
      kept.push(rule);
      continue;
    }
    const topLevel = rule.nodes.map((node) => (node.target.length === 1 ? node.target[0] : ''));
    const animated = await endlesslyAnimated(page, topLevel).catch(() => topLevel.map(() => false));
    const moving = rule.nodes.filter((_, i) => animated[i]).map((node) => ({ ...node, animated: true }));
    const still = rule.nodes.filter((_, i) => !animated[i]);
    if (still.length > 0) kept.push({ ...rule, nodes: still });
    if (moving.length > 0) {
      const existing = incomplete.find((candidate) => candidate.id === rule.id);
      if (existing) existing.nodes.push(...moving);
      else incomplete.push({ ...rule, nodes: moving });
    }
  }
  return kept;
}

/** Frames past this many are left out (and listed): a page with dozens of frames is an ad wall, not content. */
const MAX_FRAMES = 20;

/** Selectors from the top document to `frame`'s element, one per level; null when a level has no element any more. */
async function framePath(frame: Frame): Promise<string[] | null> {
  const path: string[] = [];
  for (let current: Frame | null = frame; current?.parentFrame(); current = current.parentFrame()) {
    const element = await current.frameElement();
    if (!element) return null;
    // Runs in the parent frame, which may lack the page helpers: an id, else nth-of-type steps up to one.
    path.unshift(
      await element.evaluate((e) => {
        const steps: string[] = [];
        for (let node: Element | null = e; node && node !== document.documentElement; node = node.parentElement) {
          if (node.id) {
            steps.unshift(`#${CSS.escape(node.id)}`);
            break;
          }
          const same = node.parentElement ? Array.from(node.parentElement.children).filter((c) => c.localName === node!.localName) : [node];
          steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
        }
        return steps.join(' > ');
      }),
    );
    await element.dispose();
  }
  return path;
}

/**
 * Injects axe into the page's same-origin frames, so axe.run checks them with the page; lists
 * cross-origin frames (and ones past MAX_FRAMES) for the run to exclude and the report to name.
 */
async function prepareFrames(page: Page): Promise<FrameFact[]> {
  const origin = new URL(page.url()).origin;
  const facts: FrameFact[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const url = frame.url();
    const path = await framePath(frame).catch(() => null);
    if (!path) continue;
    // about:blank and srcdoc frames share their parent's origin.
    let sameOrigin = url === '' || url.startsWith('about:');
    try {
      sameOrigin ||= new URL(url).origin === origin;
    } catch {
      // An unparsable URL is not the page's origin.
    }
    if (!sameOrigin) {
      facts.push({ path, url, checked: false, reason: 'cross-origin' });
      continue;
    }
    if (facts.length >= MAX_FRAMES) {
      facts.push({ path, url, checked: false, reason: 'not-loaded' });
      continue;
    }
    try {
      const present = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
      if (!present) await frame.evaluate(axeSource);
      facts.push({ path, url, checked: true });
    } catch {
      facts.push({ path, url, checked: false, reason: 'not-loaded' });
    }
  }
  return facts;
}

export const axeGatherer: Gatherer<'axe'> = {
  artifact: 'axe',
  phase: 'static',
  // axe on a big page takes a few seconds on one core; 30 s is a page that will never finish.
  budgetMs: () => 30_000,
  async gather({ page, options }) {
    const alreadyThere = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
    if (!alreadyThere) await page.evaluate(axeSource);
    const frames = await prepareFrames(page);
    // Frames axe is not in are excluded by their path, or axe would wait for an answer from each.
    const exclude = frames.filter((frame) => !frame.checked).map((frame) => frame.path);
    const raw = (await page.evaluate(
      // Runs in the page: `axe` is the global the injected source defined.
      (runOptions, excluded) => (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe.run(excluded.length ? { include: [document], exclude: excluded } : document, runOptions),
      axeRunOptions(options.axe),
      exclude,
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
    const violations = await reviewAnimatedColours(page, raw.violations.map(trimRule), incomplete);
    return {
      version: raw.testEngine?.version ?? AXE_VERSION,
      violations,
      incomplete,
      // resultTypes trims these lists to one node per rule; only the rule ids are kept, for outcomes.
      passed: (raw.passes ?? []).map((rule) => rule.id),
      inapplicable: (raw.inapplicable ?? []).map((rule) => rule.id),
      errors,
      ...(frames.length ? { frames } : {}),
    };
  },
};
