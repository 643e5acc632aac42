// The Spanish report of an audit with a finding for every message of every check and of every axe rule that runs by default:
// no English sentence is left outside code, snippets and the site's own text, in HTML and in Markdown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { englishMessage, toFinding } from '../../../src/checks/run-checks.js';
import { message, type Check, type CheckMessage } from '../../../src/checks/check.js';
import { axeFindings } from '../../../src/checks/axe-findings.js';
import { allChecks } from '../../../src/checks/registry.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import type { AxeArtifact, AxeRuleResult } from '../../../src/gather/artifacts.js';
import type { Finding } from '../../../src/model/finding.js';
import type { MessageParam, MessageTemplate } from '../../../src/model/message.js';
import type { PageResult, Report } from '../../../src/model/report.js';
import { groupIntoFixes, summarize } from '../../../src/prioritize/prioritize.js';
import { ruleInfoFor } from '../../../src/prioritize/rule-info.js';
import { wordAxeMessage } from '../../../src/report/axe-messages.js';
import { loadFixTexts } from '../../../src/report/fix-texts.js';
import { loadMessages, type Messages } from '../../../src/report/i18n.js';
import { createWording, loadCheckTexts } from '../../../src/report/messages.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const require = createRequire(import.meta.url);
const axeCore = require('axe-core') as {
  getRules(tags: string[]): { ruleId: string }[];
  _audit: { rules: { id: string; any: (string | { id: string })[]; all: (string | { id: string })[]; none: (string | { id: string })[]; tags: string[]; impact?: string }[] };
};
type AxeMessage = string | Record<string, string>;
const axeEnglish = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('axe-core/package.json')), 'locales', '_template.json'), 'utf8')) as {
  checks: Record<string, { fail?: AxeMessage; incomplete?: AxeMessage }>;
  rules: Record<string, { help: string; description: string }>;
  failureSummaries: Record<string, { failureMessage: string }>;
};

const ORIGIN = 'https://zz-sitio.example';
/** Site text in the fixture: tokens that are no language at all, so they cannot pass for English. */
const site = (name: string) => `zz${name}zz`;
/** Placeholders that take numbers. */
const NUMBERS = new Set(['count', 'px', 'width', 'height', 'length', 'max', 'words', 'sentences', 'grade', 'target', 'position', 'overflow', 'right', 'seconds']);
/**
 * Parameters that are other messages of the same check (sub-reasons), as the checks pass them:
 * a key prefix gives one message per key (a list), a list of keys the same.
 */
const NESTED: Record<string, Record<string, string[]>> = {
  'autocomplete-missing': { purpose: ['purpose.'] },
  'contact-methods': { way: ['way.'] },
  'gender-options': { problems: ['onlyOptions', 'noOptOut'], options: ['option', 'option'] },
  'graphic-text-alternative': { what: ['what.'] },
  'lang-tag-valid': { errors: ['error.'] },
  'links-lead-nowhere': { why: ['why.'] },
  'language-switcher': { problems: ['problem.'], languages: ['language', 'language'] },
  'media-autoplay-sound': { what: ['what.'] },
  'media-starts-with-sound': { what: ['what.'] },
  'name-field-rejects-names': { names: ['rejected', 'rejected'], reason: ['reason.'] },
  'not-keyboard-focusable': { why: ['why.'] },
  'phone-format-forced': { numbers: ['number', 'numberWhy'], reason: ['reason.'] },
  'required-title': { options: ['option', 'option', 'option'] },
};
/** Parameters that are always one message, not a list. */
const SINGLE = new Set(['purpose', 'way', 'what', 'reason', 'why']);

function placeholders(template: MessageTemplate | undefined): { name: string; type?: string }[] {
  const texts = typeof template === 'string' ? [template] : Object.values(template ?? {}).filter((text): text is string => typeof text === 'string');
  const found = new Map<string, string | undefined>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)(?::(\w+))?\}/g)) found.set(match[1], match[2]);
  return [...found].map(([name, type]) => ({ name, type }));
}

/** Parameters for one key of a check: numbers, language codes, site text, and sub-messages of the same check. */
function paramsFor(check: Check, key: string, depth = 0): Record<string, MessageParam> {
  const messages = check.meta.messages ?? {};
  const params: Record<string, MessageParam> = {};
  for (const { name, type } of placeholders(messages[key])) {
    const nested = NESTED[check.meta.id]?.[name];
    if (nested && depth < 2) {
      const keys = nested.flatMap((entry) => (entry.endsWith('.') ? Object.keys(messages).filter((candidate) => candidate.startsWith(entry)) : [entry]));
      const refs: CheckMessage[] = keys.map((nestedKey) => message(nestedKey, paramsFor(check, nestedKey, depth + 1)));
      params[name] = SINGLE.has(name) ? refs[0] : refs;
    } else if (type === 'language') params[name] = name === 'declared' || name === 'lang' ? 'de' : 'fr';
    else if (NUMBERS.has(name)) params[name] = name === 'count' ? 3 : 1234.5;
    else params[name] = site(name);
  }
  return params;
}

/** Example data for an axe check message: every ${data.x} filled with site-like text. */
function axeData(text: string): unknown {
  if (/\$\{\s?data\s?\}/.test(text)) return site('data');
  const data: Record<string, string> = {};
  for (const match of text.matchAll(/\$\{\s?data\.(\w+)\s?\}/g)) data[match[1]] = site(match[1]);
  return data;
}

function axeCheckData(messageOf: AxeMessage): unknown[] {
  if (typeof messageOf === 'string') return [axeData(messageOf)];
  if (messageOf.singular && messageOf.plural) return [[site('one')], [site('one'), site('two')]];
  return Object.entries(messageOf).map(([key, text]) => {
    const data = axeData(text);
    return typeof data === 'string' ? data : { ...(data as object), messageKey: key };
  });
}

const ids = (list: (string | { id: string })[]) => list.map((check) => (typeof check === 'string' ? check : check.id));

/** One axe finding per default rule and kind of failure: each failing check's every message variant, worded by axe's English for finding.message. */
function axeFixture(url: string): { findings: Finding[]; errors: Report['checkErrors'] } {
  const byDefault = new Set(axeCore.getRules(resolveOptions({ urls: [ORIGIN] }).axe.tags).map((rule) => rule.ruleId));
  const violations: AxeRuleResult[] = [];
  const incomplete: AxeRuleResult[] = [];
  let n = 0;
  for (const rule of axeCore._audit.rules.filter((candidate) => byDefault.has(candidate.id))) {
    for (const [type, list] of [['fail', violations], ['incomplete', incomplete]] as const) {
      const checks = { any: ids(rule.any), all: ids(rule.all), none: ids(rule.none) };
      const variants = Object.fromEntries(
        Object.entries(checks).map(([group, checkIds]) => [group, checkIds.filter((id) => axeEnglish.checks[id]?.[type]).map((id) => ({ id, data: axeCheckData(axeEnglish.checks[id][type]!) }))]),
      );
      const count = Math.max(0, ...Object.values(variants).flatMap((group) => group.map((check) => check.data.length)));
      if (count === 0) continue;
      const nodes = [];
      for (let variant = 0; variant < count; variant++) {
        const nodeChecks = {
          any: variants.any.map((check) => ({ id: check.id, data: check.data[variant % check.data.length] })),
          all: variants.all.map((check) => ({ id: check.id, data: check.data[variant % check.data.length] })),
          none: variants.none.map((check) => ({ id: check.id, data: check.data[variant % check.data.length] })),
        };
        nodes.push({ target: [`#axe-${n++}`], html: `<div id="axe-${n}">${site('markup')}</div>`, failureSummary: '', impact: rule.impact ?? 'serious', checks: nodeChecks });
      }
      list.push({ id: rule.id, impact: rule.impact ?? 'serious', tags: rule.tags, description: axeEnglish.rules[rule.id]?.description ?? '', help: axeEnglish.rules[rule.id]?.help ?? '', helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${rule.id}`, nodes });
    }
  }
  const artifact: AxeArtifact = { version: '4.14.1', violations, incomplete, passed: [], inapplicable: [], errors: [{ ruleId: 'region', message: 'Cannot read properties of undefined (reading "x")' }] };
  const { findings, errors } = axeFindings(artifact, url);
  // finding.message is axe's own English summary, as the gatherer keeps it.
  for (const finding of findings) finding.message = wordAxeMessage(finding.messageRef!, 'en') ?? finding.message;
  return { findings, errors };
}

/** A report with a finding for every message key of every check on its own page, the axe findings, failures, skips and a comparison. */
function fixtureReport(): { report: Report; keys: number } {
  const base = makeSampleReport({ pages: 3 });
  const findings: Finding[] = [];
  let keys = 0;
  let most = 0;
  for (const check of allChecks) {
    const messageKeys = Object.keys(check.meta.messages ?? {});
    most = Math.max(most, messageKeys.length);
    messageKeys.forEach((key, index) => {
      keys++;
      const url = `${ORIGIN}/page-${index + 1}/`;
      findings.push(toFinding(check, { kind: index % 3 === 2 ? 'needs-review' : 'violation', message: message(key, paramsFor(check, key)), selector: `#${check.meta.id}-${index}`, snippet: `<p id="${check.meta.id}-${index}">${site('text')}</p>` }, url));
    });
  }
  const axe = axeFixture(`${ORIGIN}/page-1/`);
  findings.push(...axe.findings);
  const pages: PageResult[] = Array.from({ length: most + 1 }, (_, index) => ({
    url: `${ORIGIN}/page-${index + 1}/`,
    finalUrl: `${ORIGIN}/page-${index + 1}/`,
    redirects: index === 1 ? [`${ORIGIN}/old/`] : [],
    status: index === most ? 0 : 200,
    title: site(`title${index}`),
    lang: 'es',
    depth: 1,
    foundBy: 'link' as const,
    timing: { loadMs: 100, gatherMs: 100, totalMs: 1500 },
    gathererErrors: index === 2 ? [{ gatherer: 'keyboard', message: 'Protocol error (Runtime.callFunctionOn): Target closed', timedOut: false }, { gatherer: 'reflow', message: 'reflow took longer than 20000 ms', timedOut: true }] : [],
    violations: 0,
    needsReview: 0,
    ...(index === most ? { error: { code: 'timeout' as const, message: 'Navigation timeout of 30000 ms exceeded' } } : {}),
  }));
  for (const page of pages) {
    page.violations = findings.filter((finding) => finding.url === page.finalUrl && finding.kind === 'violation').length;
    page.needsReview = findings.filter((finding) => finding.url === page.finalUrl && finding.kind === 'needs-review').length;
  }
  const fixes = groupIntoFixes(findings, { auditedPageCount: pages.length - 1, ruleInfo: ruleInfoFor });
  const report: Report = {
    ...base,
    siteName: site('site'),
    startUrls: [`${ORIGIN}/`],
    complete: false,
    incompleteReason: 'time budget of 900 s reached',
    config: { maxPages: 50, locale: 'es' },
    pages,
    findings,
    fixes,
    skipped: [
      { url: `${ORIGIN}/menu.pdf`, reason: 'not-html', detail: 'not a web page (application/pdf)', from: `${ORIGIN}/page-1/` },
      { url: `${ORIGIN}/admin/`, reason: 'robots-disallowed', detail: 'Disallow: /admin/' },
      { url: `${ORIGIN}/deep/`, reason: 'max-depth', detail: '11 links from the start, limit 10' },
    ],
    checkErrors: [
      ...axe.errors,
      { ruleId: 'reading-level', source: 'welcomemat', url: `${ORIGIN}/page-2/`, message: 'not run: artifact "content" failed: Execution context was destroyed', reason: 'artifact-failed', artifact: 'content', detail: 'Execution context was destroyed' },
      { ruleId: 'long-sentences', source: 'welcomemat', url: `${ORIGIN}/page-3/`, message: 'Cannot read properties of undefined', reason: 'threw', detail: 'Cannot read properties of undefined' },
      // An older report: no reason, the message is shown as it came, as code.
      { ruleId: 'skip-link', source: 'welcomemat', url: '', message: 'not run: artifact "keyboard" was not gathered' },
    ],
    summary: summarize(pages, findings, fixes, 3),
  };
  delete report.lighthouse;
  report.comparison = {
    previous: { startedAt: '2026-11-16T12:00:00.000Z', siteName: report.siteName, source: 'history', violations: 80, needsReview: 9 },
    counts: { new: fixes.length - 1, remaining: 1, fixed: 1, 'not-checked': 1 },
    fixes: [
      ...fixes.map((fix, index) => ({ id: fix.id, title: fix.title, ruleId: fix.ruleId, impact: fix.impact, kind: fix.kind, status: index === 0 ? ('remaining' as const) : ('new' as const), instances: fix.instances, previousInstances: 1 })),
      { id: 'axe:image-alt:violation:0123456789ab', title: 'Images have no text description', ruleId: 'image-alt', impact: 'critical', kind: 'violation', status: 'fixed', instances: 0, previousInstances: 3 },
      { id: 'welcomemat:focus-obscured:violation:0123456789ab', title: 'Keyboard focus is hidden behind sticky headers', ruleId: 'focus-obscured', impact: 'serious', kind: 'violation', status: 'not-checked', instances: 0, previousInstances: 2 },
    ],
  };
  return { report, keys };
}

/** Every leaf string of a message tree. */
function leafStrings(messages: Messages | MessageTemplate | undefined): string[] {
  if (messages === undefined) return [];
  if (typeof messages === 'string') return [messages];
  return Object.values(messages).flatMap((value) => leafStrings(value as Messages));
}

/** The English texts a report may print: its own, every check's messages and fix texts, axe's rule and check texts. */
function englishTexts(): string[] {
  const texts = [...leafStrings(loadMessages('en'))];
  for (const check of allChecks) {
    texts.push(check.meta.title, check.meta.whyItMatters, check.meta.howToFix);
    for (const template of Object.values(check.meta.messages ?? {})) texts.push(...leafStrings(template));
  }
  for (const rule of Object.values(axeEnglish.rules)) texts.push(rule.help, rule.description);
  for (const check of Object.values(axeEnglish.checks)) for (const text of [check.fail, check.incomplete]) texts.push(...leafStrings(text as MessageTemplate | undefined));
  for (const summary of Object.values(axeEnglish.failureSummaries)) texts.push(summary.failureMessage.split('{{')[0]);
  return texts;
}

/** Literal runs of English text (between placeholders) long enough to be a sentence's part rather than a shared word. */
function englishRuns(): string[] {
  const spanish = new Set([...leafStrings(loadMessages('es')), ...Object.values(loadCheckTexts('es')).flatMap((texts) => leafStrings(texts as unknown as Messages))]);
  const runs = new Set<string>();
  for (const text of englishTexts()) {
    if (spanish.has(text)) continue;
    for (const part of text.split(/\{\w+(?::\w+)?\}|\$\{[^}]*\}|\{\{[\s\S]*?\}\}/)) {
      const literal = part.trim();
      // Under 16 characters a run is too likely a name shared by both languages ("WCAG 2.2", "aria-label").
      if (literal.length >= 16 && /[a-z]{3,} [a-z]{2,}/i.test(literal)) runs.add(literal);
    }
  }
  return [...runs];
}

/** Visible prose of an HTML report: without code, snippets, styles, scripts, tags; entities decoded. */
function prose(html: string): string {
  return html
    .replace(/<(style|script|pre|code|title)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    // Markup named in the prose (“use <link rel=alternate>”) is code too.
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** English function words that no Spanish sentence has; site text here is zz…zz tokens and URLs, which have none. */
const ENGLISH_WORDS = /\b(the|and|with|this|that|has|have|was|were|does|should|must|not|from|which|there|their|your|page|element|elements|link|missing|found|could|because)\b/gi;

/** URLs, the site's text (zz…zz) and identifiers (rule ids such as media-starts-with-sound, CSS selectors) are not prose. */
function withoutNames(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/zz\w*zz/g, ' ')
    .replace(/[#.]?[\w]+(?:-[\w]+)+/g, ' ');
}

function englishWordsIn(text: string): string[] {
  const withoutUrls = withoutNames(text);
  return [...new Set([...withoutUrls.matchAll(ENGLISH_WORDS)].map((match) => match[0].toLowerCase()))];
}

function contextOf(raw: string, word: string): string {
  const text = withoutNames(raw);
  const at = text.search(new RegExp(`\\b${word}\\b`, 'i'));
  return text.slice(Math.max(0, at - 80), at + 80);
}

describe('Spanish report of every message', () => {
  const { report, keys } = fixtureReport();

  it('has a finding for every message key of every check and of the default axe rules', () => {
    assert.ok(keys > 150, `${keys} check message keys`);
    const checkIds = new Set(report.findings.filter((finding) => finding.source === 'welcomemat').map((finding) => finding.ruleId));
    assert.deepEqual(allChecks.map((check) => check.meta.id).filter((id) => !checkIds.has(id)), []);
    assert.ok(report.findings.filter((finding) => finding.source === 'axe').length > 100);
    // The runner stores the English wording (every placeholder filled) next to the reference.
    for (const finding of report.findings.filter((candidate) => candidate.source === 'welcomemat')) {
      assert.ok(finding.messageRef, `${finding.ruleId} has a reference`);
      assert.doesNotMatch(finding.message, /\{\w+(:\w+)?\}/, `${finding.ruleId}: ${finding.message}`);
    }
    const check = allChecks.find((candidate) => candidate.meta.id === 'language-switcher')!;
    assert.match(englishMessage(check, message('missing', { languages: [message('language', { code: 'es' }), message('language', { code: 'fr' })] })), /offered in Spanish and French, but/);
  });

  it('every check message key has Spanish with the same placeholders', () => {
    const es = loadCheckTexts('es');
    const names = (template: MessageTemplate | undefined) => placeholders(template).map((p) => `${p.name}:${p.type ?? ''}`).sort();
    for (const check of allChecks) {
      assert.ok(check.meta.messages && Object.keys(check.meta.messages).length > 0, `${check.meta.id} has messages`);
      const spanish = es[check.meta.id] ?? {};
      assert.deepEqual(Object.keys(spanish).sort(), Object.keys(check.meta.messages).sort(), `${check.meta.id}: keys`);
      for (const [key, template] of Object.entries(check.meta.messages)) assert.deepEqual(names(spanish[key]), names(template), `${check.meta.id}.${key}`);
    }
    const ids = Object.keys(es);
    assert.deepEqual(ids, [...ids].sort(), 'checks.es.json is sorted by check id');
    assert.ok(Object.keys(loadFixTexts('es')).length > 100);
  });

  it('HTML: no English sentence outside code, snippets and the site’s own text', async () => {
    const html = await renderHtml(report, { outDir: '/tmp', locale: 'es' });
    assert.match(html, /<html lang="es">/);
    const text = prose(html);
    const leftovers = englishRuns().filter((run) => text.includes(run));
    assert.deepEqual(leftovers, [], 'English runs in the Spanish HTML');
    const words = englishWordsIn(text);
    assert.deepEqual(words, [], `English words in the Spanish HTML, e.g. ${words.map((word) => contextOf(text, word)).join(' | ')}`);
    // Every check message is there, worded in Spanish.
    const wording = createWording('es');
    const missing = report.findings.filter((finding) => finding.source === 'welcomemat').map((finding) => wording.finding(finding)).filter((spanish) => !text.includes(spanish.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ')));
    assert.deepEqual(missing, [], 'Spanish check messages in the HTML');
    assert.doesNotMatch(text, /\{\w+(:\w+)?\}/, 'every placeholder filled');
    assert.ok(text.includes('Opción de idioma'));
    assert.ok(text.includes('Corregir cualquiera de las siguientes incidencias'));
  });

  it('Markdown: no English sentence outside the site’s own text', () => {
    const md = renderMarkdown(report, 'es');
    const text = md.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const leftovers = englishRuns().filter((run) => text.includes(run));
    assert.deepEqual(leftovers, [], 'English runs in the Spanish Markdown');
    // Snippets are shown escaped in Markdown; take them out like code in the HTML.
    const withoutSnippets = text.replace(/<[^>]*>/g, ' ');
    const words = englishWordsIn(withoutSnippets);
    assert.deepEqual(words, [], `English words in the Spanish Markdown, e.g. ${words.map((word) => contextOf(withoutSnippets, word)).join(' | ')}`);
  });
});
