// Option value checks shared by the CLI and the config schema: one line naming the option and what is valid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATHERER_NAMES, gathererNameSchema, originRewriteSchema, parseFormats, parseLocale, parseOriginRewrite, parseWholeNumber, REPORT_FORMATS, wholeNumber } from '../../../src/config/values.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { allGatherers } from '../../../src/gather/registry.js';
import { createOriginRewriter } from '../../../src/crawl/rewrite-origin.js';
import { renderers } from '../../../src/report/renderers/index.js';

describe('option values', () => {
  it('whole numbers: digits only, at least the minimum', () => {
    assert.equal(parseWholeNumber('12', '--max-pages', 1), 12);
    assert.equal(parseWholeNumber(' 0 ', '--delay', 0), 0);
    for (const bad of ['-3', '0', '1.5', '1e3', '', 'lots', '0x10', '99999999999999999999']) {
      assert.throws(() => parseWholeNumber(bad, '--max-pages', 1), { message: `--max-pages must be a whole number of 1 or more, got ${bad}` });
    }
  });

  it('the schema words a bad number the same way', () => {
    const result = wholeNumber(1).safeParse(-3);
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0].message, 'must be a whole number of 1 or more, got -3');
    assert.equal(wholeNumber(0).safeParse('3').error?.issues[0].message, 'must be a whole number of 0 or more, got "3"');
  });

  it('formats: names and aliases, and the renderers cover exactly the list', () => {
    assert.deepEqual(parseFormats(['HTML', 'markdown', 'xml'], '--format'), ['html', 'md', 'junit']);
    assert.throws(() => parseFormats(['html', 'docx'], '--format'), { message: '--format must be one of html, json, csv, sarif, junit, md, pdf, conformance, statement, acr, got docx' });
    assert.deepEqual(Object.keys(renderers).sort(), [...REPORT_FORMATS].sort());
  });

  it('gatherer names: exactly the registry, and a misspelt one is refused by name', () => {
    assert.deepEqual([...GATHERER_NAMES].sort(), allGatherers.map((gatherer) => gatherer.artifact).sort());
    assert.equal(gathererNameSchema.safeParse('keybord').error?.issues[0].message, `must be one of ${GATHERER_NAMES.join(', ')}, got "keybord"`);
    assert.throws(() => resolveOptions({ urls: ['https://example.com/'], gathererBudgets: { keybord: 20_000 } }), /gathererBudgets/);
    assert.throws(() => resolveOptions({ urls: ['https://example.com/'], disabledGatherers: ['reflo'] }), /disabledGatherers\.0: must be one of/);
    assert.deepEqual(resolveOptions({ urls: ['https://example.com/'], gathererBudgets: { keyboard: 20_000 } }).gathererBudgets, { keyboard: 20_000 });
  });

  it('origin rewrites: two different bare http(s) origins, LIVE=COPY', () => {
    assert.equal(parseOriginRewrite('https://www.example.com=https://staging.example.com/', '--rewrite-origin'), 'https://www.example.com=https://staging.example.com');
    assert.equal(parseOriginRewrite('HTTPS://Example.com:443=http://127.0.0.1:8080', '--rewrite-origin'), 'https://example.com=http://127.0.0.1:8080');
    for (const bad of ['https://www.example.com', 'https://a.example=https://a.example', 'https://a.example/shop=https://b.example', 'ftp://a.example=https://b.example', 'a=b=c', '=https://b.example']) {
      assert.throws(() => parseOriginRewrite(bad, '--rewrite-origin'), {
        message: `--rewrite-origin must be LIVE=COPY, two http(s) origins such as https://www.example.com=https://staging.example.com, got ${bad}`,
      });
    }
    assert.equal(originRewriteSchema.safeParse('nope').error?.issues[0].message, 'must be LIVE=COPY, two http(s) origins such as https://www.example.com=https://staging.example.com, got "nope"');
  });

  it('origin rewrites move only URLs of the live origin, keeping path, query and fragment', () => {
    const rewrite = createOriginRewriter(['https://www.example.com=http://127.0.0.1:8080']);
    assert.equal(rewrite('https://www.example.com/menu?day=1#cakes'), 'http://127.0.0.1:8080/menu?day=1#cakes');
    assert.equal(rewrite('http://www.example.com/menu'), 'http://www.example.com/menu');
    assert.equal(rewrite('https://shop.example.com/'), 'https://shop.example.com/');
    assert.equal(rewrite('mailto:hello@example.com'), 'mailto:hello@example.com');
  });

  it('locales: a file in locales/', () => {
    assert.equal(parseLocale('es', '--locale'), 'es');
    assert.throws(() => parseLocale('fr', '--locale'), { message: '--locale must be one of en, es, got fr' });
    assert.throws(() => parseLocale('../package', '--locale'), /--locale must be one of/);
  });
});
