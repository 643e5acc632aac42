// Flags two links side by side that go to the same address (an image link and a text link for one product): one destination, two stops.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';

/** Levels up to the element that holds both links: a card's image and title links are one to three levels apart. */
const MAX_PAIR_DISTANCE = 3;

export default definePageCheck({
  meta: {
    id: 'link-adjacent-same-destination',
    title: 'One link per destination where links sit side by side',
    family: 'links',
    affects: ['blind', 'keyboard', 'motor'],
    wcag: [],
    level: 'best-practice',
    impact: 'minor',
    whyItMatters:
      'When a picture and its caption are two separate links to the same page, keyboard users press Tab twice to pass one item, and screen reader users hear the same destination twice. On a page of products or articles that doubles the work of getting around.',
    howToFix: 'Put the image and the text in one link. If they must stay apart, take the image link out of the tab order and hide it from screen readers (tabindex="-1" aria-hidden="true").',
    example: '<a href="/red-panda.html"><img src="red-panda.jpg" alt=""> Red panda</a>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H2',
    messages: {
      adjacent: 'This link (“{text}”) goes to the same address as the link right before it ({previous}), with nothing between them: two stops for one destination.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.linkCount > 1,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      // The pattern is a picture and its caption as two links in one card: a pair with an image, held
      // within three levels of each other. A logo and a "Home" link in separate regions are left alone.
      if (!link.sameAsPrevious || !link.visible || !link.pairHasImage || link.pairDistance > MAX_PAIR_DISTANCE) continue;
      results.push({ kind: 'violation', ...elementAt(link), message: message('adjacent', { text: cut(link.name || link.text, 60), previous: link.previousSelector }) });
    }
    return results;
  },
});
