// collectContacts: the ways to get in touch found across pages, deduplicated, capped, with the site's own text kept as data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectContacts } from '../../../src/compliance/collect-contacts.js';
import type { ContactFacts } from '../../../src/gather/content-gatherer.js';

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
