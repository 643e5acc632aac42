// Audits the well-built fixture site end to end and expects no violations from welcomemat's own checks.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../../src/index.js';
import type { Report } from '../../../src/index.js';
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';

const root = fileURLToPath(new URL('../../../../test/fixtures/accessible-site/', import.meta.url));

describe('the accessible fixture site', () => {
  let site: SiteServer;
  let report: Report;

  before(async () => {
    site = await startSiteServer({ root });
    report = await audit({ urls: [`${site.url}/`], concurrency: 1, disabledFamilies: ['accessibility'] });
  });

  after(() => site?.close());

  it('audits all its pages', () => {
    assert.ok(report.pages.filter((p) => !p.error).length >= 12, `audited ${report.pages.length}`);
  });

  it('ran every gatherer on every page it was meant to: none timed out or failed', () => {
    const errors = report.pages.flatMap((page) => (page.gathererErrors ?? []).map((error) => `${page.url}: ${error.gatherer} ${error.timedOut ? 'timed out' : 'failed'} (${error.message})`));
    assert.deepEqual(errors, []);
    // Keyboard, zoom and motion ran on one page per layout at least; the others say which page stood in.
    const walked = report.pages.filter((page) => !page.error && !(page.outcomes?.notRun ?? []).some((entry) => entry.reason === 'sampled' && entry.rules.includes('keyboard-trap')));
    assert.ok(walked.length >= 1, 'the keyboard checks ran somewhere');
  });

  it("raises no violations and no needs-review from welcomemat's own checks, keyboard, zoom and motion included", () => {
    const families = new Set(['language', 'language-options', 'alt-text', 'wording', 'forms', 'help', 'media', 'links', 'tables', 'typography', 'markup', 'keyboard', 'zoom', 'motion', 'customer-care', 'arrival']);
    const own = report.findings.filter((f) => f.source === 'welcomemat' && families.has(f.family));
    assert.deepEqual(own.filter((f) => f.kind !== 'info').map((f) => `${f.kind} ${f.ruleId} ${f.url} ${f.selector}: ${f.message}`), []);
    // Only the honest "not measured" note for the Spanish pages' wording.
    assert.ok(own.every((f) => f.ruleId === 'inclusive-wording'));
  });

  it('raises nothing from the widget walk (its visit page has a details disclosure of its own, so it is walked)', () => {
    const widgetChecks = new Set(['dialog-focus-not-moved', 'dialog-focus-escapes', 'dialog-escape-does-not-close', 'dialog-focus-not-returned', 'disclosure-state-not-updated', 'disclosure-not-operable', 'menu-items-unreachable', 'tabs-keyboard-unreachable', 'button-role-ignores-space', 'tooltip-hover-only', 'accesskey-conflict', 'alert-short-lived']);
    const found = report.findings.filter((f) => widgetChecks.has(f.ruleId));
    assert.deepEqual(found.map((f) => `${f.kind} ${f.ruleId} ${f.url} ${f.selector}`), []);
    const visit = report.pages.find((p) => p.url.endsWith('/visit.html'));
    assert.ok(visit && !visit.error && !visit.sampled, 'the page with a widget of its own is walked');
  });
});
