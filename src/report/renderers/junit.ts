// JUnit XML renderer: one test suite per page, one test case per rule on it; violations fail, needs-review is skipped.
import type { Finding } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import type { Renderer } from '../renderer.js';
import { xmlText } from './xml.js';

/** Places listed in one failure's text; the rest are counted. */
const PLACES_PER_CASE = 10;

interface Case {
  name: string;
  classname: string;
  failure?: { message: string; type: string; text: string };
  error?: { message: string; type: string };
  skipped?: string;
  out?: string;
}

function describe(findings: Finding[]): string {
  const lines = findings.slice(0, PLACES_PER_CASE).map((finding) => `- ${finding.selector || '(page)'}: ${finding.message}`);
  if (findings.length > PLACES_PER_CASE) lines.push(`…and ${findings.length - PLACES_PER_CASE} more`);
  return `${findings[0].helpUrl}\n${lines.join('\n')}`;
}

function casesFor(url: string, findings: Finding[], titles: Map<string, string>): Case[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.source}\u0000${finding.ruleId}\u0000${finding.kind}`;
    const list = byRule.get(key) ?? [];
    list.push(finding);
    byRule.set(key, list);
  }
  return [...byRule.values()].map((group) => {
    const first = group[0];
    const title = titles.get(`${first.source}\u0000${first.ruleId}`) ?? first.ruleId;
    const name = `${first.ruleId}: ${title}`;
    const classname = url || 'site';
    const message = `${group.length} ${group.length === 1 ? 'place' : 'places'} (${first.impact}${first.wcag.length ? `, WCAG ${first.wcag.join(' ')}` : ''})`;
    if (first.kind === 'violation') return { name, classname, failure: { message, type: first.impact, text: describe(group) } };
    if (first.kind === 'needs-review') return { name, classname, skipped: `needs review: ${message}`, out: describe(group) };
    return { name, classname, out: describe(group) };
  });
}

export function renderJunit(report: Report): string {
  const titles = new Map(report.fixes.map((fix) => [`${fix.source}\u0000${fix.ruleId}`, fix.title]));
  const byPage = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byPage.get(finding.url) ?? [];
    list.push(finding);
    byPage.set(finding.url, list);
  }
  const suites: { name: string; time: number; cases: Case[] }[] = report.pages.map((page) => {
    const url = page.finalUrl || page.url;
    let cases: Case[];
    if (page.error) cases = [{ name: 'page loads', classname: url, error: { message: page.error.message, type: page.error.code } }];
    else {
      cases = casesFor(url, byPage.get(url) ?? [], titles);
      // A page without findings still shows up as one passing case.
      if (cases.length === 0) cases = [{ name: 'no barriers found by the automated checks', classname: url }];
      // What did not run here is skipped, with why: a green build must not hide a check that never ran.
      for (const entry of page.outcomes?.notRun ?? []) {
        const why = entry.reason === 'sampled' && entry.standIn ? `another page of the same layout stood in: ${entry.standIn}` : `${entry.reason}${entry.detail ? `: ${entry.detail}` : ''}`;
        cases.push({ name: `not run (${entry.gatherer ?? entry.reason}): ${entry.rules.join(', ')}`, classname: url, skipped: why });
      }
      for (const entry of page.outcomes?.errored ?? []) cases.push({ name: `${entry.rule}: could not run`, classname: url, error: { message: entry.message, type: 'errored' } });
    }
    return { name: url, time: page.timing.totalMs / 1000, cases };
  });
  const siteFindings = byPage.get('') ?? [];
  if (siteFindings.length > 0) suites.push({ name: 'whole site', time: 0, cases: casesFor('', siteFindings, titles) });
  const notChecked = (report.comparison?.fixes ?? []).filter((fix) => fix.status === 'not-checked');
  if (notChecked.length > 0) {
    suites.push({
      name: 'compared with the previous audit',
      time: 0,
      cases: notChecked.map((fix) => ({ name: `${fix.ruleId}: ${fix.title}`, classname: 'comparison', skipped: 'not checked this time: its check did not run again on all the pages where it was' })),
    });
  }

  const count = (cases: Case[], pick: (c: Case) => unknown) => cases.filter(pick).length;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="${xmlText(`welcomemat: ${report.siteName}`)}" tests="${all.length}" failures="${count(all, (c) => c.failure)}" errors="${count(all, (c) => c.error)}" skipped="${count(all, (c) => c.skipped)}" time="${(report.durationMs / 1000).toFixed(3)}">`,
  );
  suites.forEach((suite, id) => {
    lines.push(
      `  <testsuite name="${xmlText(suite.name)}" id="${id}" tests="${suite.cases.length}" failures="${count(suite.cases, (c) => c.failure)}" errors="${count(suite.cases, (c) => c.error)}" skipped="${count(suite.cases, (c) => c.skipped)}" time="${suite.time.toFixed(3)}" timestamp="${xmlText(report.startedAt.replace(/\.\d+Z$|Z$/, ''))}" hostname="${xmlText(hostOf(suite.name))}">`,
    );
    for (const c of suite.cases) {
      lines.push(`    <testcase name="${xmlText(c.name)}" classname="${xmlText(c.classname)}" time="0">`);
      if (c.failure) lines.push(`      <failure message="${xmlText(c.failure.message)}" type="${xmlText(c.failure.type)}">${xmlText(c.failure.text)}</failure>`);
      if (c.error) lines.push(`      <error message="${xmlText(c.error.message)}" type="${xmlText(c.error.type)}"></error>`);
      if (c.skipped) lines.push(`      <skipped message="${xmlText(c.skipped)}"></skipped>`);
      if (c.out) lines.push(`      <system-out>${xmlText(c.out)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || 'localhost';
  } catch {
    return 'localhost';
  }
}

export const junitRenderer: Renderer = {
  name: 'junit',
  fileName: 'junit.xml',
  async render(report) {
    return renderJunit(report);
  },
};
