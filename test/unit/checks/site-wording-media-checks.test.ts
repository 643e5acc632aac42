// Unit tests for the wording, media, language-option and help checks on hand-made artifacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import wording from '../../../src/checks/inclusive-wording.js';
import readingLevel from '../../../src/checks/reading-level.js';
import longSentences from '../../../src/checks/long-sentences.js';
import abbreviations from '../../../src/checks/abbreviation-unexpanded.js';
import captions from '../../../src/checks/video-captions.js';
import transcript from '../../../src/checks/audio-transcript.js';
import autoplay from '../../../src/checks/media-autoplay-sound.js';
import alternates from '../../../src/checks/hreflang-alternates.js';
import xDefault from '../../../src/checks/hreflang-x-default.js';
import switcher from '../../../src/checks/language-switcher.js';
import single from '../../../src/checks/single-language-site.js';
import contactMethods from '../../../src/checks/contact-methods.js';
import consistentHelp from '../../../src/checks/consistent-help.js';
import statement from '../../../src/checks/accessibility-statement.js';
import type { HelpLinkFact, MediaFact } from '../../../src/gather/content-gatherer.js';
import { syllables, readingStats } from '../../../src/language/readability.js';
import { block, content, ctx, option, sitePage } from './make-artifacts.js';
import { englishMessage } from '../../../src/checks/run-checks.js';

const site = (auditedUrls: string[] = []) => ({ startUrls: ['http://127.0.0.1/'], settings: {}, auditedUrls: new Set(auditedUrls) });
const ENGLISH = 'Hey guys, welcome to our bakery. Saturdays are crazy busy, so come early. Margaux is the chairman of the traders and her grandmother taught her to bake.';

describe('inclusive-wording', () => {
  it('flags guys, crazy and chairman but not pronouns about real people; honours ignore', () => {
    const c = content({ mainText: ENGLISH.repeat(2), blocks: [block(ENGLISH)] });
    const phrases = wording.evaluate({ content: c }, ctx).map((r) => r.causeKey);
    assert.deepEqual(phrases, ['inclusive-wording:guys', 'inclusive-wording:crazy', 'inclusive-wording:chairman']);
    const ignored = wording.evaluate({ content: c }, { ...ctx, settings: { ignore: ['crazy', 'guys', 'chairman'] } });
    assert.deepEqual(ignored, []);
  });
  it('says "not measured" once on a non-English page', () => {
    const spanish = 'Nuestra panadería abre todos los días a las siete y media, y horneamos el pan durante la noche con masa madre y harina de molinos cercanos. Siempre hay café.';
    const results = wording.evaluate({ content: content({ htmlLang: 'es', mainText: spanish.repeat(2), blocks: [block(spanish.repeat(2), { lang: 'es' })] }) }, ctx);
    assert.deepEqual(results.map((r) => r.kind), ['info']);
  });
});

describe('readability helpers and checks', () => {
  it('counts syllables close to a dictionary', () => {
    assert.deepEqual(['bread', 'bakery', 'table', 'accessibility', 'the'].map(syllables), [1, 3, 2, 6, 1]);
  });
  it('reading-level flags hard text over the target, not easy text', () => {
    const hard = 'Notwithstanding considerable organisational complexities, comprehensive accessibility evaluations necessitate interdisciplinary methodological collaboration. '.repeat(12);
    const easy = 'We bake bread. It is good. Come and eat it with us. We are open every day. '.repeat(12);
    assert.equal(readingLevel.evaluate({ content: content({ mainText: hard }) }, ctx)[0]?.kind, 'needs-review');
    assert.deepEqual(readingLevel.evaluate({ content: content({ mainText: easy }) }, ctx), []);
    assert.deepEqual(readingLevel.evaluate({ content: content({ mainText: hard }) }, { ...ctx, settings: { targetGrade: 60 } }), []);
    assert.ok(readingStats(easy, 35).grade < 4);
  });
  it('long-sentences flags a sentence over the limit', () => {
    const long = `${'word '.repeat(40)}end.`;
    assert.equal(longSentences.evaluate({ content: content({ blocks: [block(long), block('Short one.')] }) }, ctx).length, 1);
    assert.deepEqual(longSentences.evaluate({ content: content({ blocks: [block(long)] }) }, { ...ctx, settings: { maxWords: 50 } }), []);
  });
  it('abbreviation-unexpanded flags HACCP, not expanded or well-known ones', () => {
    const c = content({
      blocks: [block('Our kitchen follows a full HACCP plan and the FAQ explains it.'), block('We meet the General Data Protection Regulation (GDPR) and GDPR rules.'), block('See the BRC (British Retail Consortium) standard.')],
    });
    assert.deepEqual(abbreviations.evaluate({ content: c }, ctx).map((r) => englishMessage(abbreviations, r.message).match(/"(\w+)"/)?.[1]), ['HACCP']);
  });
});

describe('media checks', () => {
  const media = (overrides: Partial<MediaFact>): MediaFact => ({
    selector: '#m', snippet: '<video>', tag: 'video', src: 'a.mp4', autoplay: false, muted: false, controls: true, loop: false, tracks: [], transcriptNearby: false, embeddedPlayer: false, visible: true, box: null, ...overrides,
  });
  it('video-captions: violation without captions, review for embeds and subtitles, pass with captions or as muted background', () => {
    const list = [
      media({ selector: '#none' }),
      media({ selector: '#cc', tracks: [{ kind: 'captions', srclang: 'en', label: 'English' }] }),
      media({ selector: '#subs', tracks: [{ kind: 'subtitles', srclang: 'en', label: 'English' }] }),
      media({ selector: '#yt', tag: 'iframe', embeddedPlayer: true, src: 'https://www.youtube.com/embed/x' }),
      media({ selector: '#bg', autoplay: true, muted: true, loop: true, controls: false }),
    ];
    assert.deepEqual(captions.evaluate({ content: content({ media: list }) }, ctx).map((r) => `${r.kind}:${r.selector}`), ['violation:#none', 'needs-review:#subs', 'needs-review:#yt']);
  });
  it('audio-transcript and media-autoplay-sound', () => {
    const list = [media({ selector: '#a', tag: 'audio' }), media({ selector: '#t', tag: 'audio', transcriptNearby: true }), media({ selector: '#auto', autoplay: true, controls: false })];
    assert.deepEqual(transcript.evaluate({ content: content({ media: list }) }, ctx).map((r) => r.selector), ['#a']);
    assert.deepEqual(autoplay.evaluate({ content: content({ media: list }) }, ctx).map((r) => `${r.kind}:${r.selector}`), ['violation:#auto']);
  });
});

describe('language-option site checks', () => {
  const en = 'http://127.0.0.1/';
  const es = 'http://127.0.0.1/es/';
  const both = [{ hreflang: 'en', href: en }, { hreflang: 'es', href: es }];
  it('hreflang-alternates: reciprocal pairs pass; a missing return link and a failed target are flagged', () => {
    const good = [sitePage(en, content({ alternates: both })), sitePage(es, content({ htmlLang: 'es', alternates: both }))];
    assert.deepEqual(alternates.evaluate(good, site([en, es])), []);
    const oneWay = [sitePage(en, content({ alternates: both })), sitePage(es, content({ htmlLang: 'es' }))];
    assert.equal(alternates.evaluate(oneWay, site([en, es])).length, 1);
    const broken = [sitePage(en, content({ alternates: [...both, { hreflang: 'fr', href: 'http://127.0.0.1/fr/' }] })), sitePage(es, content({ htmlLang: 'es', alternates: both }))];
    assert.match(englishMessage(alternates, alternates.evaluate(broken, site([en, es, 'http://127.0.0.1/fr/']))[0].message), /does not load/);
  });
  it('hreflang-x-default flags alternates without x-default', () => {
    assert.equal(xDefault.evaluate([sitePage(en, content({ alternates: both }))], site()).length, 1);
    assert.deepEqual(xDefault.evaluate([sitePage(en, content({ alternates: [...both, { hreflang: 'x-default', href: en }] }))], site()), []);
  });
  it('language-switcher: good options pass; flags, codes, English names, missing switchers and divs are flagged', () => {
    const good = [sitePage(en, content({ switcherOptions: [option()] })), sitePage(es, content({ htmlLang: 'es', switcherOptions: [option({ text: 'English', nameWithoutFlags: 'English', lang: 'en', hreflang: 'en', href: en })] }))];
    assert.deepEqual(switcher.evaluate(good, site()), []);
    const bad = [
      sitePage(en, content({ switcherOptions: [option({ selector: '#code', text: '🇪🇸 ES', nameWithoutFlags: 'ES', lang: '', hreflang: '', hasFlag: true })] })),
      sitePage('http://127.0.0.1/a', content({ switcherOptions: [option({ selector: '#flag', text: '🇪🇸', nameWithoutFlags: '', hasFlag: true })] })),
      sitePage('http://127.0.0.1/b', content({ switcherOptions: [option({ selector: '#english', text: 'Spanish', nameWithoutFlags: 'Spanish', lang: '' })] })),
      sitePage('http://127.0.0.1/c', content({ switcherOptions: [option({ selector: '#div', keyboardOperable: false, tag: 'div' })] })),
      sitePage(es, content({ htmlLang: 'es' })),
    ];
    assert.deepEqual(switcher.evaluate(bad, site()).map((r) => `${r.kind}:${r.selector ?? r.url}`), ['violation:#code', 'violation:#flag', 'violation:#english', 'violation:#div', `violation:${es}`]);
  });
  it('single-language-site is info, only for one language', () => {
    assert.deepEqual(single.evaluate([sitePage(en, content())], site()).map((r) => r.kind), ['info']);
    assert.deepEqual(single.evaluate([sitePage(en, content()), sitePage(es, content({ htmlLang: 'es' }))], site()), []);
  });
});

describe('help site checks', () => {
  const link = (kind: HelpLinkFact['kind'], href: string, text: string, region = 'footer'): HelpLinkFact => ({ kind, href, text, selector: `#${text.replace(/\W/g, '')}`, region, domIndex: 0 });
  const contactUs = link('contact-page', 'http://127.0.0.1/contact', 'Contact us');
  const tel = link('tel', 'tel:+441632960451', '01632 960451');
  const mail = link('mailto', 'mailto:hello@example.com', 'hello@example.com');
  const withHelp = (helpLinks: HelpLinkFact[], extra = {}) => content({ contact: { helpLinks, contactForms: 0, phonesInText: 0, emailsInText: 0, accessibilityLinks: [], ...extra } });
  it('contact-methods: two ways pass, one way needs review', () => {
    assert.deepEqual(contactMethods.evaluate([sitePage('http://127.0.0.1/', withHelp([tel, mail]))], site()), []);
    assert.equal(contactMethods.evaluate([sitePage('http://127.0.0.1/', withHelp([tel]))], site())[0].kind, 'needs-review');
  });
  it('consistent-help flags the page where a help link moved', () => {
    const pages = ['a', 'b', 'c'].map((p) => sitePage(`http://127.0.0.1/${p}`, withHelp([contactUs, tel, mail])));
    pages.push(sitePage('http://127.0.0.1/moved', withHelp([tel, mail, contactUs])));
    const results = consistentHelp.evaluate(pages, site());
    assert.deepEqual(results.map((r) => r.url), ['http://127.0.0.1/moved']);
    assert.match(englishMessage(consistentHelp, results[0].message), /Contact us/);
    // Help links inside the main content are page content, not the template.
    pages[3] = sitePage('http://127.0.0.1/moved', withHelp([contactUs, tel, mail, { ...tel, region: 'main' }]));
    assert.deepEqual(consistentHelp.evaluate(pages, site()), []);
  });
  it('accessibility-statement needs review when no page links one', () => {
    assert.equal(statement.evaluate([sitePage('http://127.0.0.1/', withHelp([]))], site()).length, 1);
    assert.deepEqual(statement.evaluate([sitePage('http://127.0.0.1/', withHelp([], { accessibilityLinks: [{ href: '/accessibility', text: 'Accessibility', selector: 'a' }] }))], site()), []);
  });
});
