// Flags a skip link that does not move focus to the main content, or a long way to the content with no skip link (WCAG 2.4.1).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** Ten Tab presses before reaching the content is a real cost on every page of the site. */
const MANY_STOPS_BEFORE_MAIN = 10;

export default definePageCheck({
  meta: {
    id: 'skip-link',
    title: 'A working "Skip to main content" link comes first',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.4.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'Without a skip link, keyboard users press Tab through the whole header and menu on every page before they reach the content. A skip link that does not move focus is worse: it promises a shortcut and leaves them where they were.',
    howToFix:
      'Make the first focusable element a link to the main content, and give the target an id (and tabindex="-1" if it is not focusable), so focus moves there.',
    example: '<a class="skip-link" href="#main">Skip to main content</a>\n…\n<main id="main" tabindex="-1">',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/bypass-blocks.html',
    messages: {
      noTarget: 'The skip link points to "{href}", but nothing on the page has that id.',
      focusNotMoved: 'Pressing Enter on the skip link does not move keyboard focus to {target}; the next Tab went to {landedOn}.',
      missing: 'There is no skip link, and it takes {count} Tab presses to reach the main content.',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const skip = keyboard.skipLink;
    if (skip) {
      if (skip.targetSelector === null) {
        return [{ kind: 'violation', ...elementAt(skip), message: message('noTarget', { href: skip.href }) }];
      }
      if (skip.focusMoved === false) {
        return [
          {
            kind: 'violation',
            ...elementAt(skip),
            message: message('focusNotMoved', { target: skip.targetSelector, landedOn: skip.landedOn ?? '' }),
          },
        ];
      }
      return [];
    }
    const results: CheckResult[] = [];
    // Landmarks and headings can also meet 2.4.1, so a missing skip link is for a person to weigh.
    if (keyboard.stopsBeforeMain !== null && keyboard.stopsBeforeMain >= MANY_STOPS_BEFORE_MAIN) {
      results.push({
        kind: 'needs-review',
        message: message('missing', { count: keyboard.stopsBeforeMain }),
      });
    }
    return results;
  },
});
