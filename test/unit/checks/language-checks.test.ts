// Unit tests for the language-of-content checks on hand-made artifacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pageLanguage from '../../../src/checks/page-language-matches-content.js';
import passage from '../../../src/checks/passage-language-missing.js';
import langTag from '../../../src/checks/lang-tag-valid.js';
import { block, content, ctx } from './make-artifacts.js';
import { englishMessage } from '../../../src/checks/run-checks.js';

const SPANISH =
  'Nuestra panadería abre todos los días a las siete y media. Horneamos el pan durante la noche con masa madre y harina de molinos cercanos, y siempre hay café caliente y un sitio para sentarse. Los domingos cerramos a las dos de la tarde.';
const ENGLISH =
  'Our bakery opens every day at half past seven. We bake the bread through the night with sourdough and flour from nearby mills, and there is always hot coffee and a place to sit. On Sundays we close at two in the afternoon.';
const FRENCH = "Quand j'étais petite, ma grand-mère se levait avant l'aube pour pétrir la pâte dans sa cuisine à Lyon. Elle disait toujours que le pain se partage.";

describe('page-language-matches-content', () => {
  it('flags an English-declared page whose text is Spanish', () => {
    const results = pageLanguage.evaluate({ content: content({ htmlLang: 'en', mainText: SPANISH }) }, ctx);
    assert.equal(results.length, 1);
    assert.equal(results[0].kind, 'violation');
    assert.match(englishMessage(pageLanguage, results[0].message), /reads as Spanish \("es"\)/);
  });
  it('judges a short page by its function words: English text declared French is flagged, short French or a list of names is not', () => {
    const short = (htmlLang: string, ...texts: string[]) => content({ htmlLang, mainText: texts.join(' '), blocks: texts.map((text, i) => block(text, { selector: `#b${i}` })) });
    const english = short('fr', 'Language of content', 'This page has a lang attribute set to the wrong language', 'This page has no title element', 'This page has a div which is styled to look like a heading');
    const results = pageLanguage.evaluate({ content: english }, ctx);
    assert.equal(results.length, 1);
    assert.equal(results[0].kind, 'violation');
    assert.match(englishMessage(pageLanguage, results[0].message), /French \(lang="fr"\).*plainly English \("en"\).*\(this, /);
    assert.deepEqual(pageLanguage.evaluate({ content: short('fr', 'Bienvenue dans notre boulangerie', 'Nous sommes ouverts tous les jours et le pain est cuit sur place avec du levain') }, ctx), []);
    assert.deepEqual(pageLanguage.evaluate({ content: short('fr', 'Accueil', 'Menu', 'Contact', 'Tomasz Nowak', 'Ana Ruiz', 'Larder Lane', 'Oldtown') }, ctx), []);
    assert.deepEqual(pageLanguage.evaluate({ content: short('en', 'This page has a lang attribute set to the right language and the text is short') }, ctx), []);
  });
  it('flags short Latin-script text declared in a language written in another script', () => {
    const c = content({ htmlLang: 'ja', mainText: 'x', blocks: [block('This is the page about our bakery and the bread we bake for you every day')] });
    assert.equal(pageLanguage.evaluate({ content: c }, ctx).length, 1);
    const jp = content({ htmlLang: 'ja', mainText: 'x', blocks: [block('パン屋へようこそ。This is the page about our bakery and the bread we bake')] });
    assert.deepEqual(pageLanguage.evaluate({ content: jp }, ctx), []);
  });
  it('passes a matching page, a regional tag, short text and no lang', () => {
    assert.deepEqual(pageLanguage.evaluate({ content: content({ htmlLang: 'en-GB', mainText: ENGLISH }) }, ctx), []);
    assert.deepEqual(pageLanguage.evaluate({ content: content({ htmlLang: 'en', mainText: 'Hola, bienvenidos.' }) }, ctx), []);
    assert.deepEqual(pageLanguage.evaluate({ content: content({ htmlLang: '', mainText: SPANISH }) }, ctx), []);
  });
  it('honours the minChars setting', () => {
    assert.deepEqual(pageLanguage.evaluate({ content: content({ htmlLang: 'en', mainText: SPANISH }) }, { ...ctx, settings: { minChars: 10_000 } }), []);
  });
});

describe('passage-language-missing', () => {
  it('flags a French block inheriting English, not English or correctly marked blocks', () => {
    const c = content({
      mainText: ENGLISH,
      blocks: [block(FRENCH, { selector: '#fr' }), block(ENGLISH, { selector: '#en' }), block(FRENCH, { selector: '#fr-ok', lang: 'fr', inheritsPageLang: false })],
    });
    const results = passage.evaluate({ content: c }, ctx);
    assert.deepEqual(results.map((r) => r.selector), ['#fr']);
  });
  it('leaves blocks to the page check when the whole page is mislabelled', () => {
    const c = content({ mainText: SPANISH, blocks: [block(SPANISH)] });
    assert.deepEqual(passage.evaluate({ content: c }, ctx), []);
  });
  it('flags a block marked with the wrong language', () => {
    const c = content({ mainText: ENGLISH, blocks: [block(FRENCH, { lang: 'de', inheritsPageLang: false })] });
    assert.equal(passage.evaluate({ content: c }, ctx).length, 1);
  });
});

describe('lang-tag-valid', () => {
  it('flags unregistered tags and passes registered ones and lang=""', () => {
    const attrs = ['en', 'en-GB', 'zh-Hant-TW', '', 'english', 'en-UK', 'sp'].map((value, i) => ({ selector: `#a${i}`, snippet: '', value, attribute: 'lang' as const, carriesText: true }));
    const results = langTag.evaluate({ content: content({ langAttributes: attrs }) }, ctx);
    assert.deepEqual(results.filter((r) => r.kind === 'violation').map((r) => r.selector), ['#a4', '#a5', '#a6']);
  });
  it('marks deprecated tags as needs-review', () => {
    const results = langTag.evaluate({ content: content({ langAttributes: [{ selector: '#x', snippet: '', value: 'iw', attribute: 'lang', carriesText: true }] }) }, ctx);
    assert.equal(results[0]?.kind, 'needs-review');
  });
  it('asks only for review of a bad tag on an empty or hidden element', () => {
    const attrs = [
      { selector: '#empty', snippet: '', value: 'foobar', attribute: 'lang' as const, carriesText: false },
      { selector: '#text', snippet: '', value: 'foobar', attribute: 'lang' as const, carriesText: true },
    ];
    const results = langTag.evaluate({ content: content({ langAttributes: attrs }) }, ctx);
    assert.deepEqual(results.map((r) => `${r.kind}:${r.selector}`), ['needs-review:#empty', 'violation:#text']);
  });
});
