// Flags the same alt text on different images of one page, which leaves screen reader users unable to tell them apart.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import type { ImageFact } from '../gather/content-gatherer.js';
import { announcedAlt } from './util/alt.js';
import { normalise } from './util/text.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'alt-text-duplicate',
    title: 'Different images have different alt text',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Three different cakes all described as "Cake" sound like the same picture three times. Screen reader users miss what tells the images apart, which is usually why they are there.',
    howToFix: 'Describe what is different about each image.',
    example: '<img src="lemon.jpg" alt="Lemon drizzle cake with candied peel">\n<img src="carrot.jpg" alt="Carrot cake with walnuts">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/informative/',
    messages: {
      sharedAlt: '{count} different images on this page share the alt text "{alt}"; say what sets each one apart.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const groups = new Map<string, ImageFact[]>();
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt || !image.src) continue;
      const key = normalise(alt);
      if (!key) continue;
      groups.set(key, [...(groups.get(key) ?? []), image]);
    }
    const results: CheckResult[] = [];
    for (const images of groups.values()) {
      // Repeats of the same picture (a logo in header and footer) or images leading to the same place are fine.
      const distinct = new Set(images.map((i) => i.src));
      if (distinct.size < 2) continue;
      const links = new Set(images.map((i) => i.linkHref));
      if (links.size === 1 && images[0].linkHref) continue;
      const seen = new Set<string>([images[0].src]);
      for (const image of images.slice(1)) {
        if (seen.has(image.src)) continue;
        seen.add(image.src);
        results.push({
          kind: 'needs-review',
          ...elementAt(image),
          message: message('sharedAlt', { count: distinct.size, alt: announcedAlt(image) ?? '' }),
        });
      }
    }
    return results;
  },
});
