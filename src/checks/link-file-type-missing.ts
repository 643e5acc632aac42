// Flags links to PDF, Word, Excel and other files that do not say the file's type and size (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';
import { extensionOf, FILE_SIZE, FILE_TYPES } from './util/links.js';

export default definePageCheck({
  meta: {
    id: 'link-file-type-missing',
    title: 'Links to files say the file type and size',
    family: 'links',
    affects: ['blind', 'cognitive', 'everyone'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'A link that opens a PDF or a Word file looks like any other link. People on slow or costly connections do not know they are about to download a large file, and people whose screen reader or device cannot open that kind of file only find out after the download.',
    howToFix: 'Say the type and size with the link, in its text or right after it: "Allergen guide (PDF, 240 KB)". Better still, publish the content as a web page too.',
    example: '<a href="/files/allergens.pdf">Allergen guide (PDF, 240 KB)</a>',
    helpUrl: 'https://www.gov.uk/guidance/content-design/links',
    messages: {
      noType: 'The link “{text}” opens a {extension} file but says neither its type nor its size.',
      noSize: 'The link “{text}” opens a {extension} file and says so, but not how big it is.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.links.some((link) => Object.hasOwn(FILE_TYPES, extensionOf(link.href))),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      const extension = extensionOf(link.href);
      if (!Object.hasOwn(FILE_TYPES, extension) || !link.visible || link.skippable) continue;
      // What the visitor can read with the link: its name, title, description, and the text right after it ("(PDF, 2 MB)").
      const said = `${link.name} ${link.title} ${link.description} ${link.after}`;
      const text = cut(link.name || link.text, 60);
      if (!FILE_TYPES[extension].test(said)) results.push({ kind: 'needs-review', ...elementAt(link), message: message('noType', { text, extension: extension.toUpperCase() }) });
      else if (!FILE_SIZE.test(said)) results.push({ kind: 'needs-review', impact: 'minor', ...elementAt(link), message: message('noSize', { text, extension: extension.toUpperCase() }) });
    }
    return results;
  },
});
