// Flags SVG and icon-font graphics with no text alternative, where they are the only content of a control or stand alone.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** An SVG smaller than 24 px is an icon next to text far more often than content on its own. */
const MIN_STANDALONE_SIZE = 24;

export default definePageCheck({
  meta: {
    id: 'graphic-text-alternative',
    title: 'SVG and icon-font graphics have a text alternative',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1', '4.1.2'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'A share button that is only an SVG or an icon-font glyph is announced as "button" or as a nonsense character. Screen reader users cannot tell what it does.',
    howToFix:
      'Give the control a name (aria-label or visually hidden text) and hide the graphic itself with aria-hidden="true"; or give a standalone informative SVG role="img" and a <title> or aria-label.',
    example: '<button type="button" aria-label="Copy link">\n  <svg aria-hidden="true" focusable="false">…</svg>\n</button>',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/functional/',
    messages: {
      controlNoName: 'This {what} is the only content of a link or button, and neither has a text alternative: the control has no name.',
      'what.svg': 'SVG',
      'what.icon-font': 'icon-font glyph',
      svgRoleImg: 'This SVG has role="img" but no <title> or aria-label.',
      svgUnnamed: 'This SVG has no text alternative and is not hidden with aria-hidden="true": describe it, or hide it if it is decoration.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const graphic of content.graphics) {
      if (graphic.hidden && !graphic.inControl) continue;
      if (graphic.name || !graphic.visible) continue;
      const what = message(graphic.kind === 'svg' ? 'what.svg' : 'what.icon-font');
      if (graphic.inControl) {
        if (graphic.controlOtherName) continue;
        results.push({
          kind: 'violation',
          ...elementAt(graphic),
          message: message('controlNoName', { what }),
        });
        continue;
      }
      if (graphic.hidden || graphic.role === 'presentation' || graphic.role === 'none') continue;
      if (graphic.kind !== 'svg' || graphic.width < MIN_STANDALONE_SIZE || graphic.height < MIN_STANDALONE_SIZE) continue;
      results.push({
        kind: 'needs-review',
        ...elementAt(graphic),
        message: message(graphic.role === 'img' ? 'svgRoleImg' : 'svgUnnamed'),
      });
    }
    return results;
  },
});
