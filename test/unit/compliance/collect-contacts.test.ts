// collectContacts (the ways to get in touch found across pages, deduplicated, capped, site text kept as data) and pageContentHash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectContacts } from '../../../src/compliance/collect-contacts.js';
import { pageContentHash } from '../../../src/page/content-hash.js';
import type { ContactFacts, ContentArtifact } from '../../../src/gather/content-gatherer.js';
import type { FormsArtifact } from '../../../src/gather/forms-gatherer.js';

function facts(partial: Partial<ContactFacts>): ContactFacts {
  return { helpLinks: [], contactForms: 0, phonesInText: 0, emailsInText: 0, accessibilityLinks: [], ...partial };
}

const link = (kind: ContactFacts['helpLinks'][number]['kind'], href: string, text = '') => ({ kind, href, text, selector: 'a', region: 'footer', domIndex: 0 });

describe('collectContacts', () => {
  it('gathers phones, emails, text numbers, help pages, forms and statements once each', () => {
    const contacts = collectContacts([
      { url: 'https://a.example/', contact: facts({ helpLinks: [link('tel', 'tel:+44 1632 960451'), link('mailto', 'mailto:hello@a.example?subject=Hi'), link('contact-page', 'https://a.example/contact', 'Contact us')] }) },
      {
        url: 'https://a.example/contact',
        contact: facts({
          helpLinks: [link('tel', 'tel:+441632960451'), link('sms', 'sms:+441632960452'), link('chat', 'https://wa.me/441632960451', 'WhatsApp'), link('contact-page', 'https://a.example/contact', 'Contact')],
          contactForms: 1,
          accessibilityLinks: [{ href: 'https://a.example/accessibility', text: 'Accessibility', selector: 'a' }],
        }),
      },
      { url: 'https://a.example/not-gathered' },
    ]);
    assert.deepEqual(contacts, {
      phones: ['+44 1632 960451'],
      emails: ['hello@a.example'],
      sms: ['+441632960452'],
      pages: [
        { url: 'https://a.example/contact', text: 'Contact us', kind: 'contact-page' },
        { url: 'https://wa.me/441632960451', text: 'WhatsApp', kind: 'chat' },
      ],
      formPages: ['https://a.example/contact'],
      accessibilityStatements: [{ url: 'https://a.example/accessibility', text: 'Accessibility' }],
    });
  });

  it('keeps at most five of each and drops empty targets', () => {
    const many = Array.from({ length: 9 }, (_, i) => link('mailto', `mailto:person${i}@a.example`));
    const contacts = collectContacts([{ url: 'https://a.example/', contact: facts({ helpLinks: [link('tel', 'tel:'), ...many] }) }]);
    assert.equal(contacts.emails.length, 5);
    assert.deepEqual(contacts.phones, []);
  });

  it('keeps hostile link text as plain data, for the renderers to escape', () => {
    const contacts = collectContacts([{ url: 'https://a.example/', contact: facts({ helpLinks: [link('mailto', 'mailto:%3Cscript%3E@x')] }) }]);
    assert.deepEqual(contacts.emails, ['<script>@x']);
  });
});

describe('pageContentHash', () => {
  const base = { title: 'Menu', lang: 'en' };
  const content = (text: string, src = '/cake.jpg?v=1'): ContentArtifact =>
    ({
      blocks: [{ selector: 'main p', snippet: '<p>', text, lang: '', inheritsPageLang: true, inMain: true, tag: 'p' }],
      headings: [{ level: 1, text: 'Menu' }],
      images: [{ selector: 'img', snippet: '<img>', tag: 'img', alt: 'Cake', src, role: '', ariaLabel: '', hidden: false, visible: true, width: 10 }],
      alternates: [],
      contact: facts({}),
      media: [],
    }) as unknown as ContentArtifact;

  it('is the same for the same words and images, whatever the layout or cache-busting query', () => {
    assert.equal(pageContentHash({ ...base, content: content('Open daily 8–6') }), pageContentHash({ ...base, content: content('Open  daily\n8–6', '/cake.jpg?v=2') }));
    assert.match(pageContentHash(base), /^[0-9a-f]{32}$/);
  });

  it('changes when the text, an image, the title or a form field changes', () => {
    const before = pageContentHash({ ...base, content: content('Open daily 8–6') });
    assert.notEqual(pageContentHash({ ...base, content: content('Open daily 9–5') }), before);
    assert.notEqual(pageContentHash({ ...base, content: content('Open daily 8–6', '/pie.jpg') }), before);
    assert.notEqual(pageContentHash({ ...base, title: 'Our menu', content: content('Open daily 8–6') }), before);
    const field = { selector: '#e', snippet: '', tag: 'input', type: 'email', name: 'email', id: 'e', label: 'Email', placeholder: '', autocomplete: '', required: false };
    const forms = (required: boolean) => ({ forms: [], fields: [{ ...field, required }], choiceGroups: [], captchas: [] }) as unknown as FormsArtifact;
    assert.notEqual(pageContentHash({ ...base, forms: forms(true) }), pageContentHash({ ...base, forms: forms(false) }));
  });
});
