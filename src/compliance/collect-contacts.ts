// Gathers the ways to reach the business from every page's contact facts into report.contacts, for the accessibility statement.
import type { ContactFacts } from '../gather/content-gatherer.js';
import type { ReportContacts } from '../model/report.js';

/** Entries kept per list: a statement names a few ways to get in touch, not every link of the site. */
const KEEP = 5;

/** The part of a tel:, mailto: or sms: link after the scheme, without a query, decoded where it can be. */
function target(href: string, scheme: string): string {
  const rest = href.trim().slice(scheme.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(rest).trim();
  } catch {
    return rest.trim();
  }
}

function pushUnique<T>(list: T[], value: T, key: (item: T) => string): void {
  if (list.length < KEEP && !list.some((item) => key(item) === key(value))) list.push(value);
}

/** One page as the collector sees it: its final URL and the content artifact's contact facts (absent where not gathered). */
export interface ContactSource {
  url: string;
  contact?: ContactFacts;
}

/** The ways to get in touch found across the pages, each list deduplicated and capped. */
export function collectContacts(pages: ContactSource[]): ReportContacts {
  const contacts: ReportContacts = { phones: [], emails: [], sms: [], pages: [], formPages: [], accessibilityStatements: [] };
  const same = (value: string) => value.toLowerCase().replace(/[\s().-]/g, '');
  for (const page of pages) {
    const facts = page.contact;
    if (!facts) continue;
    for (const link of facts.helpLinks) {
      if (link.kind === 'tel') pushUnique(contacts.phones, target(link.href, 'tel:'), same);
      else if (link.kind === 'mailto') pushUnique(contacts.emails, target(link.href, 'mailto:'), same);
      else if (link.kind === 'sms') pushUnique(contacts.sms, target(link.href, 'sms:'), same);
      else pushUnique(contacts.pages, { url: link.href, text: link.text, kind: link.kind }, (item) => item.url);
    }
    if (facts.contactForms > 0) pushUnique(contacts.formPages, page.url, (item) => item);
    for (const link of facts.accessibilityLinks) pushUnique(contacts.accessibilityStatements, { url: link.href, text: link.text }, (item) => item.url);
  }
  for (const list of [contacts.phones, contacts.emails, contacts.sms]) {
    const kept = list.filter((value) => value !== '');
    list.splice(0, list.length, ...kept);
  }
  return contacts;
}
