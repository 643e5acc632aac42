// Flags images marked decorative (alt="") that carry a title: the tooltip says there is something to know, screen readers skip it (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

export default definePageCheck({
  meta: {
    id: 'image-empty-alt-with-title',
    title: 'Images marked decorative have no title',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'alt="" tells screen readers the image is decoration and can be skipped. A title on the same image shows mouse users a tooltip, which means the image does say something: screen readers either skip it or read the title depending on the browser, so blind visitors may miss it.',
    howToFix: 'If the image says something, move the title\'s words into the alt text. If it is only decoration, remove the title.',
    example: '<img src="logo.png" alt="Crumb & Kettle">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/decorative/',
    messages: {
      titled: 'This image has alt="" (decoration) but its title says “{title}”.',
    },
  },
  requires: ['content'],
  appliesTo: ({ content }) => content.images.some((image) => !!image.title),
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      if (image.tag !== 'img' || image.alt === null || image.alt.trim() !== '' || !image.title || image.hidden || !image.visible || image.ariaLabel) continue;
      results.push({ kind: 'needs-review', ...elementAt(image), message: message('titled', { title: cut(image.title, 80) }) });
    }
    return results;
  },
});
