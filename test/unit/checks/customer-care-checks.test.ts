// Unit tests for the customer-care site check on hand-made artifacts: the contact page offers a person and a reply time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import contactPageReply from '../../../src/checks/contact-page-reply.js';
import { englishMessage } from '../../../src/checks/run-checks.js';
import type { HelpLinkFact } from '../../../src/gather/content-gatherer.js';
import type { DomSnapshot } from '../../../src/gather/artifacts.js';
import { content } from './make-artifacts.js';

const site = { startUrls: ['http://127.0.0.1/'], settings: {}, auditedUrls: new Set<string>() };
const dom = (title: string): DomSnapshot => ({ title, htmlLang: 'en', links: [], metaRefreshUrl: '', layoutSignature: '', documentSize: { width: 0, height: 0 } });
const mail: HelpLinkFact = { kind: 'mailto', href: 'mailto:hello@example.com', text: 'hello@example.com', selector: '#mail', region: 'main', domIndex: 0 };
const page = (url: string, title: string, text: string, helpLinks: HelpLinkFact[], contactForms = 1) => ({
  url,
  finalUrl: url,
  status: 200,
  artifacts: { dom: dom(title), content: content({ mainText: text, contact: { helpLinks, contactForms, phonesInText: 0, emailsInText: 0, accessibilityLinks: [] } }) },
});

describe('contact-page-reply', () => {
  it('asks for review of a contact page with only a form and no reply time', () => {
    const results = contactPageReply.evaluate([page('http://127.0.0.1/contact', 'Contact us', 'Fill in the form below.', [])], site);
    assert.deepEqual(
      results.map((r) => `${r.kind} ${englishMessage(contactPageReply, r.message)}`),
      [
        'needs-review This contact page offers only a form: no email address, phone number, text or chat to reach a person.',
        'needs-review This contact page does not say when an answer will come.',
      ],
    );
  });
  it('passes a contact page with an email address and a reply time, in English or Spanish; ignores other pages', () => {
    assert.deepEqual(contactPageReply.evaluate([page('http://127.0.0.1/contact', 'Contact', 'We answer every message within one working day.', [mail])], site), []);
    assert.deepEqual(contactPageReply.evaluate([page('http://127.0.0.1/es/contacto', 'Contacto', 'Le responderemos en 24 horas.', [mail])], site), []);
    assert.deepEqual(contactPageReply.evaluate([page('http://127.0.0.1/about', 'About us', 'We bake.', [])], site), []);
    assert.equal(contactPageReply.appliesTo!([page('http://127.0.0.1/about', 'About us', 'We bake.', [])], site), false);
  });
});
