// Site check: the site offers more than one way to reach the business (phone, email, form, text, chat).
import { defineSiteCheck, message } from './check.js';

export default defineSiteCheck({
  meta: {
    id: 'contact-methods',
    title: 'There is more than one way to get in touch',
    family: 'help',
    affects: ['deaf', 'blind', 'cognitive', 'other-language', 'everyone'],
    wcag: [],
    // 12.2.3 Effective communication: support reachable in more than one way (phone alone shuts out many deaf people).
    en301549: ['12.2.3'],
    level: 'inclusive-practice',
    impact: 'serious',
    whyItMatters:
      'A phone number alone shuts out many deaf people; a web form alone shuts out people for whom forms are hard; an email address alone is slow. Offering two or more ways lets each person use the one that works for them.',
    howToFix: 'Offer at least two of: phone, email, a contact form, text message or chat, and list them on the contact page and in the footer.',
    example: '<p>Call <a href="tel:+441632960451">01632 960451</a>, text us on the same number, or email <a href="mailto:hello@example.com">hello@example.com</a>.</p>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/consistent-help.html',
    messages: {
      none: {
        one: 'No phone number, email address or contact form was found on the {count} page audited.',
        other: 'No phone number, email address or contact form was found on the {count} pages audited.',
      },
      onlyOne: {
        one: 'The only way to get in touch found on the {count} page audited is {way}.',
        other: 'The only way to get in touch found on the {count} pages audited is {way}.',
      },
      'way.phone': 'phone',
      'way.email': 'email',
      'way.sms': 'text message',
      'way.chat': 'chat',
      'way.form': 'contact form',
    },
  },
  requires: ['content'],
  evaluate(pages, { startUrls }) {
    if (pages.length === 0) return [];
    const ways = new Set<string>();
    for (const page of pages) {
      const contact = page.artifacts.content.contact;
      for (const link of contact.helpLinks) {
        if (link.kind === 'tel') ways.add('phone');
        if (link.kind === 'mailto') ways.add('email');
        if (link.kind === 'sms') ways.add('sms');
        if (link.kind === 'chat') ways.add('chat');
      }
      if (contact.phonesInText > 0) ways.add('phone');
      if (contact.emailsInText > 0) ways.add('email');
      if (contact.contactForms > 0) ways.add('form');
    }
    if (ways.size >= 2) return [];
    return [
      {
        kind: 'needs-review',
        url: startUrls[0],
        message: ways.size === 0 ? message('none', { count: pages.length }) : message('onlyOne', { count: pages.length, way: message(`way.${[...ways][0]}`) }),
      },
    ];
  },
});
