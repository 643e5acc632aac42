// Flags links in running text told apart from the text around them by colour alone, where axe-core's link-in-text-block lets them pass (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';
import { contrastRatio, isOpaque } from './util/colour.js';

/**
 * WCAG's technique G183: a link colour with 3:1 contrast against the text around it is
 * enough only if the link also gets a non-colour cue on hover and focus. Below 3:1 axe-core's
 * link-in-text-block fails the link already, so this check leaves those alone.
 */
const LINK_TEXT_CONTRAST = 3;
/** Colours this close (well under any visible difference) count as the same colour. */
const SAME_COLOUR = 1.05;
/** Ten links show the pattern; it is nearly always one style rule. */
const MAX_RESULTS = 10;

export default definePageCheck({
  meta: {
    id: 'link-colour-only',
    title: 'Links in text stand out by more than colour',
    family: 'links',
    affects: ['colour-blind', 'low-vision'],
    wcag: ['1.4.1'],
    level: 'A',
    impact: 'moderate',
    whyItMatters:
      'When the only thing that marks a link in a sentence is its colour, people who cannot tell those colours apart, and many people with low vision, cannot see that it is a link at all. axe-core covers links whose colour is too close to the text; this check looks at the ones it lets through: links in the same colour as the text, and links with enough colour contrast but nothing else.',
    howToFix: 'Underline links in running text (the browser default), or give them another cue that does not rely on colour, such as a bottom border or bold weight. A colour difference of at least 3:1 is only enough if the link also gets an underline when hovered and focused.',
    example: 'main p a { text-decoration: underline; }',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F73',
    messages: {
      sameLook: 'The link “{text}” looks exactly like the text around it: same colour, no underline, no other mark.',
      colourOnly: 'The link “{text}” differs from the text around it only by its colour ({ratio}:1 contrast). Check that it gets an underline or other mark at least on hover and focus.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.links.some((link) => link.look !== null),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      if (results.length >= MAX_RESULTS) break;
      const look = link.look;
      if (!look || look.cues.length > 0 || !link.visible) continue;
      if (![look.colour, look.textColour, look.background, look.textBackground].every(isOpaque)) continue;
      // A background of its own that contrasts with the text's is a cue axe-core already accepts.
      const backgrounds = contrastRatio(look.background, look.textBackground);
      if (backgrounds >= LINK_TEXT_CONTRAST) continue;
      const ratio = contrastRatio(look.colour, look.textColour);
      const text = cut(link.text || link.name, 60);
      if (ratio >= LINK_TEXT_CONTRAST) {
        results.push({ kind: 'needs-review', ...elementAt(link), message: message('colourOnly', { text, ratio: Math.floor(ratio * 10) / 10 }), causeKey: 'link-colour-only:contrast' });
      } else if (ratio < SAME_COLOUR && backgrounds < SAME_COLOUR) {
        results.push({ kind: 'needs-review', impact: 'serious', ...elementAt(link), message: message('sameLook', { text }), causeKey: 'link-colour-only:same' });
      }
    }
    return results;
  },
});
