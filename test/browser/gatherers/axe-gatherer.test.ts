// The axe artifact keeps each failing node's checks and data, and the report words them as axe itself does, in English and in Spanish.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { axeMessageRef } from '../../../src/checks/axe-findings.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { isArtifactFailure, type AxeArtifact } from '../../../src/gather/artifacts.js';
import { axeGatherer, axeRunOptions } from '../../../src/gather/axe-gatherer.js';
import { AXE_MESSAGE_CHARS, wordAxeMessage } from '../../../src/report/axe-messages.js';
import { FixtureBrowser } from '../../helpers/fixture-browser.js';
import { sendHtml } from '../../helpers/html.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeSpanish = JSON.parse(fs.readFileSync(require.resolve('axe-core/locales/es.json'), 'utf8')) as { checks: Record<string, unknown> };

/** A page with violations and undecided results from several rules and check groups (any, all, none). */
const PAGE = `<!doctype html><html lang="en"><head><title>Axe fixture</title></head><body>
<main>
  <h1>Bakery</h1>
  <img src="/bread.png">
  <p style="color:#aaa;background:#fff">Pale text on white that is hard to read.</p>
  <p style="color:#777;background-image:linear-gradient(#fff,#eee)">Text over a gradient.</p>
  <form><input type="text" name="q"><button></button></form>
  <a href="/x"></a>
  <div role="button">Order</div>
  <ul><div>not a list item</div></ul>
  <input type="email" autocomplete="nonsense">
</main>
</body></html>`;

/** axe's summary as the English finding message keeps it: whitespace collapsed, cut at 600 characters. */
function asKept(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > AXE_MESSAGE_CHARS ? `${flat.slice(0, AXE_MESSAGE_CHARS - 1)}…` : flat;
}

describe('axe gatherer: failing checks kept for wording', () => {
  let site: SiteServer;
  let browser: FixtureBrowser;
  let artifact: AxeArtifact;

  before(async () => {
    site = await startSiteServer({ routes: { '/': (_req, res) => sendHtml(res, PAGE) } });
    browser = await FixtureBrowser.start();
    const { artifacts, errors } = await browser.gather(`${site.url}/`, [axeGatherer]);
    assert.deepEqual(errors, []);
    assert.ok(artifacts.axe && !isArtifactFailure(artifacts.axe));
    artifact = artifacts.axe;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('keeps every failing node’s check ids and data, and words them back to axe’s own English summary', () => {
    const results = [...artifact.violations.map((rule) => ({ rule, kind: 'violation' as const })), ...artifact.incomplete.map((rule) => ({ rule, kind: 'needs-review' as const }))];
    assert.ok(artifact.violations.length >= 5, `${artifact.violations.length} rules with violations`);
    assert.ok(artifact.incomplete.length >= 1, 'an undecided result too');
    let nodes = 0;
    for (const { rule, kind } of results) {
      for (const node of rule.nodes) {
        nodes++;
        const checks = node.checks!;
        assert.ok(checks.any.length + checks.all.length + checks.none.length > 0, `${rule.id}: failing checks kept`);
        const ref = axeMessageRef(rule.id, node, kind);
        assert.equal(wordAxeMessage(ref, 'en'), asKept(node.failureSummary), `${rule.id} ${node.target.join(' ')}`);
      }
    }
    assert.ok(nodes >= 6);
  });

  it('words the same results in Spanish as axe does with its Spanish locale', async () => {
    const context = await browser.session.acquire();
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const spanish = (await page.evaluate(
        async (locale, runOptions) => {
          const axe = (window as unknown as { axe: { configure(o: unknown): void; run(d: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[]; incomplete: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
          axe.configure({ locale });
          const results = await axe.run(document, runOptions);
          return [...results.violations, ...results.incomplete].flatMap((rule) => rule.nodes.map((node) => ({ key: `${rule.id} ${JSON.stringify(node.target)}`, summary: node.failureSummary })));
        },
        axeSpanish,
        axeRunOptions(resolveOptions({ urls: [site.url] }).axe),
      )) as { key: string; summary: string }[];
      const bySpanish = new Map(spanish.map((entry) => [entry.key, entry.summary]));
      let compared = 0;
      for (const [rules, kind] of [[artifact.violations, 'violation'], [artifact.incomplete, 'needs-review']] as const) {
        for (const rule of rules) {
          for (const node of rule.nodes) {
            const ref = axeMessageRef(rule.id, node, kind);
            const ours = wordAxeMessage(ref, 'es');
            assert.ok(ours, `${rule.id} worded in Spanish`);
            const checkIds = [...node.checks!.any, ...node.checks!.all, ...node.checks!.none].map((check) => check.id);
            // Where axe's own Spanish file has every check, our words must be axe's words.
            if (checkIds.every((id) => Object.hasOwn(axeSpanish.checks, id))) {
              const theirs = bySpanish.get(`${rule.id} ${JSON.stringify(node.target)}`);
              assert.ok(theirs !== undefined, `${rule.id} ${node.target.join(' ')} in axe's Spanish run`);
              assert.equal(ours, asKept(theirs), `${rule.id} ${node.target.join(' ')}`);
              compared++;
            }
          }
        }
      }
      assert.ok(compared >= 5, `${compared} nodes compared with axe's own Spanish`);
    } finally {
      await page.close();
      browser.session.release(context);
    }
  });
});
