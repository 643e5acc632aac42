// Site check: the site links to an accessibility statement, so people know what to expect and whom to tell about barriers.
import { defineSiteCheck, message } from './check.js';

export default defineSiteCheck({
  meta: {
    id: 'accessibility-statement',
    title: 'The site links to an accessibility statement',
    family: 'help',
    affects: ['everyone'],
    wcag: [],
    // 12.1.1 and 12.2.2: the accessibility features are described, to visitors and by support (a statement is where a website does it).
    en301549: ['12.1.1', '12.2.2'],
    level: 'inclusive-practice',
    impact: 'minor',
    whyItMatters:
      'An accessibility statement tells disabled visitors what works, what does not yet, and how to ask for what they need in another way. Without it they have no one to tell when something blocks them.',
    howToFix: 'Publish an accessibility page (what you support, known problems, how to contact you) and link it from the footer of every page.',
    example: '<footer><a href="/accessibility">Accessibility</a></footer>',
    helpUrl: 'https://www.w3.org/WAI/planning/statements/',
    messages: {
      noLink: {
        one: 'No link to an accessibility statement was found on the {count} page audited.',
        other: 'No link to an accessibility statement was found on the {count} pages audited.',
      },
    },
  },
  requires: ['content'],
  evaluate(pages, { startUrls }) {
    if (pages.length === 0) return [];
    if (pages.some((page) => page.artifacts.content.contact.accessibilityLinks.length > 0)) return [];
    return [{ kind: 'needs-review', url: startUrls[0], message: message('noLink', { count: pages.length }) }];
  },
});
