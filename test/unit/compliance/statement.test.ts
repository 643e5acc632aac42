// The accessibility statement draft: EU model sections and EAA Annex V, status "partially compliant" at best with reasons, contacts from the site, every blank marked and listed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderStatementHtml, renderStatementMarkdown } from '../../../src/compliance/render-statement.js';
import { buildStatement } from '../../../src/compliance/statement.js';
import { parseManualVerdicts } from '../../../src/compliance/verdicts.js';
import { wcagData } from '../../../src/standards/data.js';
import type { Report } from '../../../src/model/report.js';
import { asSchema1, makeSampleReport } from '../../helpers/sample-report.js';

const CONTACTS: NonNullable<Report['contacts']> = {
  phones: ['+44 1632 960451'],
  emails: ['hello@crumb.example'],
  sms: [],
  pages: [{ url: 'https://www.crumb-and-kettle.example/contact', text: 'Contact us', kind: 'contact-page' }],
  formPages: ['https://www.crumb-and-kettle.example/contact'],
  accessibilityStatements: [],
};

describe('accessibility statement draft', () => {
  const report = { ...makeSampleReport({ outcomes: true }), contacts: CONTACTS };

  it('is "partially compliant" with the reasons: failures, review, manual checks owed, unloaded pages', () => {
    const statement = buildStatement(report);
    assert.equal(statement.status, 'partially-compliant');
    assert.deepEqual(statement.reasons.failing.map((item) => item.id), ['1.1.1', '1.4.3', '1.4.10', '2.4.4', '2.4.7', '4.1.2']);
    assert.equal(statement.reasons.manualOwed, 55);
    assert.equal(statement.reasons.pagesFailed, 1);
    const md = renderStatementMarkdown(report);
    assert.match(md, /This website is partially compliant with WCAG 2\.2 Level AA and EN 301 549/);
    assert.match(md, /6 criteria failed in the audit or in a person's check: 1\.1\.1 Non-text Content; 1\.4\.3 Contrast \(Minimum\)/);
  });

  it('is "partially compliant" on a clean site too: a person has not checked it', () => {
    const clean = buildStatement(makeSampleReport({ outcomes: true, findingsPerPage: 0, pages: 3 }));
    assert.equal(clean.status, 'partially-compliant');
    assert.deepEqual(clean.reasons.failing, []);
    assert.equal(clean.reasons.manualOwed, 55);
    assert.match(renderStatementMarkdown(makeSampleReport({ outcomes: true, findingsPerPage: 0, pages: 3 })), /The automated audit found no barrier\. That does not mean there are none/);
  });

  it('is "fully compliant" only when a person\'s verdict holds for every A and AA criterion and nothing fails', () => {
    const clean = makeSampleReport({ outcomes: true, findingsPerPage: 0, pages: 3 });
    const lines = wcagData()
      .criteria.filter((sc) => sc.level !== 'AAA' && !sc.obsolete)
      .map((sc) => `"${sc.id}":\n  verdict: supports\n  who: Auditor\n  when: 2026-11-24\n`)
      .join('');
    const verdicts = parseManualVerdicts(lines, 'all.yaml');
    assert.equal(buildStatement(clean, { verdicts }).status, 'fully-compliant');
    assert.equal(buildStatement(report, { verdicts }).status, 'partially-compliant', 'automation contradicts some verdicts');
  });

  it('lists the non-accessible content in plain words from the top fixes, with criteria and page counts', () => {
    const md = renderStatementMarkdown(report);
    assert.match(md, /- To fix on 3 pages: Label every form field \(WCAG 4\.1\.2, 1\.3\.1\)\./);
    const statement = buildStatement(report);
    assert.deepEqual(statement.nonAccessible.map((item) => item.fixId), report.fixes.filter((fix) => fix.kind === 'violation').map((fix) => fix.id));
  });

  it('fills feedback and contact from what the audit found, and leaves marked blanks otherwise', () => {
    const md = renderStatementMarkdown(report);
    assert.match(md, /- Phone: \\\+44 1632 960451/);
    assert.match(md, /- Email: hello@crumb\\\.example/);
    assert.match(md, /- Contact page: \[Contact us\]\(<https:\/\/www\.crumb-and-kettle\.example\/contact>\)/);
    assert.ok(!buildStatement(report).blanks.some((blank) => blank.id === 'contact-email'));
    const none = buildStatement(makeSampleReport({ outcomes: true }));
    assert.ok(none.blanks.some((blank) => blank.id === 'contact-email'));
    assert.match(renderStatementMarkdown(makeSampleReport({ outcomes: true })), /The audit did not record the contact details found on the site/);
  });

  it('marks every blank where it is and lists them all at the top, linked in HTML', () => {
    const statement = buildStatement(report, { countries: ['Spain', 'France'] });
    const ids = statement.blanks.map((blank) => blank.id);
    assert.ok(ids.includes('enforcement-1') && ids.includes('enforcement-2') && !ids.includes('enforcement'));
    const html = renderStatementHtml(report, { countries: ['Spain', 'France'] });
    for (const id of ids) {
      assert.match(html, new RegExp(`<a href="#blank-${id}">`), `listed: ${id}`);
      assert.match(html, new RegExp(`<mark class="blank" id="blank-${id}">\\[To fill: `), `marked: ${id}`);
    }
    const top = html.indexOf('<a href="#blank-');
    assert.ok(top > 0 && top < html.indexOf('<h2'), 'the list comes before the first section');
    assert.match(html, /Spain<\/span>: <mark class="blank" id="blank-enforcement-1">\[To fill: the enforcement body in Spain and how to reach it\]<\/mark>/);
    const md = renderStatementMarkdown(report);
    assert.equal(md.match(/\*\*\\\[To fill: the name of your organisation\\\]\*\*/g)?.length, 1, 'marked once in the text');
    assert.match(md, /^- \\\[To fill: the name of your organisation\\\]$/m);
  });

  it('has the EU model sections and the EAA Annex V information', () => {
    const md = renderStatementMarkdown(report);
    for (const heading of ['## Compliance status', '## Non-accessible content', '### Non-compliance with the accessibility requirements', '### Disproportionate burden', '### Content that is not within the scope of the applicable legislation', '## Preparation of this accessibility statement', '## Feedback and contact information', '## Enforcement procedure', '## Information about the service (European Accessibility Act, Annex V)']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /This statement was prepared on November 23, 2026\./);
    assert.match(md, /automated audit of 5 pages on November 23, 2026 with welcomemat 0\.1\.0, axe-core 4\.14\.1 and HeadlessChrome\/140\.0\.7339\.80/);
    assert.match(md, /55 criteria still need a person's check/);
  });

  it('says outcomes were not recorded for an older report, and still drafts', () => {
    const md = renderStatementMarkdown(asSchema1(makeSampleReport()));
    assert.match(md, /Outcomes not recorded: this report \(schema 1\.2\.0\)/);
    assert.match(md, /partially compliant/);
  });
});
