// axe results in the reader's language: the template interpreter words every message of axe's locale files exactly as axe does, and runs no code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { loadAxeLocale, wordAxeMessage } from '../../../src/report/axe-messages.js';
import { compileDot, processMessage, type AxeMessage } from '../../../src/report/axe-template.js';

const require = createRequire(import.meta.url);
interface AxeForTests {
  configure(spec: { locale: unknown }): void;
  reset(): void;
  getRules(tags?: string[]): { ruleId: string }[];
  utils: { processMessage(message: unknown, data: unknown): string };
  _audit: {
    data: { failureSummaries: Record<string, { failureMessage(list: string[]): string }>; checks: Record<string, { messages: Record<string, unknown> }> };
    rules: { id: string; any: { id: string }[] | string[]; all: { id: string }[] | string[]; none: { id: string }[] | string[] }[];
  };
}
const axe = require('axe-core') as AxeForTests;
const axeLocales = path.join(path.dirname(require.resolve('axe-core/package.json')), 'locales');
const localeFiles = fs.readdirSync(axeLocales).filter((file) => file.endsWith('.json'));
const es = JSON.parse(fs.readFileSync(path.join(axeLocales, 'es.json'), 'utf8')) as { checks: Record<string, Record<string, AxeMessage>> };
const supplement = JSON.parse(fs.readFileSync(new URL('../../../../locales/axe.es.json', import.meta.url), 'utf8')) as { checks: Record<string, Record<string, AxeMessage>> };
const english = JSON.parse(fs.readFileSync(path.join(axeLocales, '_template.json'), 'utf8')) as { checks: Record<string, Record<string, AxeMessage>> };

/** Data that fills every ${data.x} of a text with a recognisable value. */
function sampleData(text: string): Record<string, unknown> | string {
  if (/\$\{\s?data\s?\}/.test(text)) return 'DATA';
  const data: Record<string, unknown> = {};
  for (const match of text.matchAll(/\$\{\s?data\.(\w+)\s?\}/g)) data[match[1]] = `<${match[1]}>`;
  return data;
}

/** Every way a check message can be picked: each variant by messageKey, singular/plural by array length, a plain text. */
function cases(message: AxeMessage): { message: AxeMessage; data: unknown }[] {
  if (typeof message === 'string') return [{ message, data: sampleData(message) }];
  if (typeof message.singular === 'string' && typeof message.plural === 'string') {
    return [
      { message, data: ['one'] },
      { message, data: ['one', 'two'] },
    ];
  }
  return Object.entries(message)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, text]) => {
      const data = sampleData(text);
      return { message, data: typeof data === 'string' ? key : { ...data, messageKey: key } };
    });
}

function allMessages(checks: Record<string, Record<string, AxeMessage>>): { where: string; message: AxeMessage }[] {
  return Object.entries(checks).flatMap(([id, types]) => Object.entries(types).map(([type, message]) => ({ where: `${id}.${type}`, message })));
}

describe('axe message templates', () => {
  it('words every check message of axe’s es.json and welcomemat’s supplement exactly as axe does', () => {
    let compared = 0;
    for (const { where, message } of [...allMessages(es.checks), ...allMessages(supplement.checks)]) {
      for (const { message: picked, data } of cases(message)) {
        const ours = processMessage(picked, data, 'FALLBACK');
        const theirs = axe.utils.processMessage(picked, data);
        assert.equal(ours, theirs, `${where} with ${JSON.stringify(data)}`);
        compared++;
      }
    }
    assert.ok(compared > 250, `${compared} messages compared`);
  });

  it('runs the failure summaries of every axe locale file like axe’s own doT', () => {
    const lists = [['one'], ['first line\nsecond line', 'two'], []];
    try {
      for (const file of localeFiles) {
        const locale = JSON.parse(fs.readFileSync(path.join(axeLocales, file), 'utf8')) as { failureSummaries?: Record<string, { failureMessage: string }> };
        axe.reset();
        if (file !== '_template.json') axe.configure({ locale });
        for (const [group, { failureMessage }] of Object.entries(locale.failureSummaries ?? {})) {
          const compiled = compileDot(failureMessage);
          assert.ok(compiled, `${file} ${group} compiles`);
          for (const list of lists) assert.equal(compiled(list), axe._audit.data.failureSummaries[group].failureMessage(list), `${file} ${group} ${JSON.stringify(list)}`);
        }
      }
    } finally {
      axe.reset();
    }
  });

  it('refuses any doT form it does not know instead of running it', () => {
    for (const template of [
      '{{= it.constructor.constructor("return process")() }}',
      '{{= it.toString() }}',
      '{{ var x = 1; }}',
      '{{? it }}yes{{?}}',
      '{{# def.x }}',
      '{{~it:value}}unclosed',
      "{{= value.split('\\x41') }}",
    ]) {
      assert.equal(compileDot(template), undefined, template);
    }
    // Property paths read own properties only: nothing reaches prototypes.
    assert.equal(compileDot('{{=it.constructor}}')?.({}), '');
    assert.equal(compileDot('{{=it.data.x}}')?.({ data: { x: 'ok' } }), 'ok');
  });

  it('has Spanish for every failing or undecided check of the rules that run by default', () => {
    const locale = loadAxeLocale('es');
    const ids = (list: ({ id: string } | string)[]) => list.map((check) => (typeof check === 'string' ? check : check.id));
    const byDefault = new Set(axe.getRules(resolveOptions({ urls: ['http://127.0.0.1/'] }).axe.tags).map((rule) => rule.ruleId));
    const checks = new Set(axe._audit.rules.filter((rule) => byDefault.has(rule.id)).flatMap((rule) => [...ids(rule.any), ...ids(rule.all), ...ids(rule.none)]));
    const missing: string[] = [];
    for (const id of checks) {
      const own = locale.checks[id];
      const theirs = english.checks[id] ?? {};
      if (theirs.fail && !own?.fail) missing.push(`${id}.fail`);
      if (theirs.incomplete && !own?.incomplete) {
        // Without its own text axe words an undecided check with the locale's fallback message, which es.json has.
        if (!es.checks[id] && !supplement.checks[id]) missing.push(`${id}.incomplete`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the supplement keeps axe’s placeholders and variants', () => {
    const placeholders = (message: AxeMessage | undefined): string[] =>
      typeof message === 'string' ? [...message.matchAll(/\$\{[^}]+\}/g)].map((m) => m[0]).sort() : Object.keys(message ?? {}).sort().flatMap((key) => [key, ...placeholders((message as Record<string, AxeMessage>)[key])]);
    for (const [id, types] of Object.entries(supplement.checks)) {
      assert.ok(!es.checks[id], `${id} is in axe's es.json already`);
      for (const [type, message] of Object.entries(types)) assert.deepEqual(placeholders(message), placeholders(english.checks[id]?.[type]), `${id}.${type}`);
    }
  });

  it('words a finding’s reference in Spanish, and leaves what it cannot word to the caller', () => {
    const data = JSON.stringify({ fgColor: '#999999', bgColor: '#ffffff', contrastRatio: 2.85, fontSize: '10.5pt (14px)', fontWeight: 'normal', expectedContrastRatio: '4.5:1' });
    const ref = { id: 'axe.color-contrast', params: { any: [{ id: 'axe.check.color-contrast.fail', params: { data } }] } };
    assert.equal(
      wordAxeMessage(ref, 'es'),
      'Corregir cualquiera de las siguientes incidencias: El elemento tiene un contraste de color insuficiente de 2.85 (color de primer plano: #999999, color de fondo: #ffffff, tamaño de fuente: 10.5pt (14px), grosor de fuente: normal). Ratio de contraste esperado: 4.5:1',
    );
    assert.match(wordAxeMessage(ref, 'en') ?? '', /^Fix any of the following: Element has insufficient color contrast of 2\.85/);
    assert.equal(wordAxeMessage({ id: 'axe.image-alt' }, 'es'), 'Las imágenes deben tener texto alternativo', 'no checks: the rule’s help');
    const undecided = { id: 'axe.color-contrast', params: { any: [{ id: 'axe.check.color-contrast.incomplete', params: { data: JSON.stringify({ messageKey: 'bgImage' }) } }] } };
    assert.match(wordAxeMessage(undecided, 'es') ?? '', /imagen de fondo/);
    assert.equal(wordAxeMessage({ id: 'axe.x', params: { any: [{ id: 'axe.check.no-such-check.fail' }] } }, 'es'), undefined);
    assert.equal(wordAxeMessage({ id: 'axe.x', params: { any: [{ id: 'not-axe' }] } }, 'es'), undefined);
  });
});
