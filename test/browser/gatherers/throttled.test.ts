// On a CPU slowed down four times, the keyboard, reflow, text and motion gatherers still complete, with the same findings as at full speed.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { FixtureVisitor, type AuditedVisit } from '../../helpers/visit-fixture.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

/** A failing and a passing page for each interactive gatherer. */
const PAGES = [
  'interaction/focus-removed.html',
  'interaction/focus-clear.html',
  'interaction/reflow-overflows.html',
  'interaction/reflow-ok.html',
  'interaction/text-clips.html',
  'interaction/text-grows.html',
  'interaction/motion-bad.html',
  'interaction/motion-good.html',
  'checks/focus-styles.html',
];
const INTERACTIVE = ['keyboard', 'reflow', 'textResize', 'textSpacing', 'motion'];
/** Chromium's CPU throttling: a machine four times slower (or four times as busy). */
const SLOWDOWN = 4;

const findingKeys = (visit: AuditedVisit) => visit.findings.map((f) => `${f.ruleId} ${f.kind} ${f.selector}`).sort();

describe(`gatherers on a ${SLOWDOWN}× slower CPU`, () => {
  let site: SiteServer;
  const normal = new Map<string, AuditedVisit>();
  const slow = new Map<string, AuditedVisit>();
  before(async () => {
    site = await startSiteServer({ root: fixtures });
    for (const [speed, results] of [[1, normal], [SLOWDOWN, slow]] as const) {
      const visitor = await FixtureVisitor.start({ browser: { cpuThrottling: speed } });
      try {
        for (const page of PAGES) results.set(page, await visitor.visit(`${site.url}/${page}`));
      } finally {
        await visitor.close();
      }
    }
  });
  after(() => site?.close());

  it('measured the slowdown: budgets grew on the throttled pages', () => {
    for (const page of PAGES) {
      const [fast, throttled] = [normal.get(page)!, slow.get(page)!];
      assert.ok(throttled.page.timing.gatherMs > fast.page.timing.gatherMs, `${page}: ${throttled.page.timing.gatherMs} ms throttled vs ${fast.page.timing.gatherMs} ms`);
    }
  });

  for (const page of PAGES) {
    it(`${page}: every interactive gatherer completes at both speeds, with the same findings`, () => {
      for (const [label, visit] of [['full speed', normal.get(page)!], [`${SLOWDOWN}× slower`, slow.get(page)!]] as const) {
        const failed = visit.page.gathererErrors.filter((error) => INTERACTIVE.includes(error.gatherer));
        assert.deepEqual(failed, [], `${label}: ${JSON.stringify(failed)}`);
        assert.ok(!visit.page.outcomes!.notRun.some((entry) => entry.reason.startsWith('gatherer')), `${label}: ${JSON.stringify(visit.page.outcomes!.notRun)}`);
      }
      assert.deepEqual(findingKeys(slow.get(page)!), findingKeys(normal.get(page)!));
    });
  }
});
