// Flags images marked decorative (alt="") that likely carry information: large ones in the main content, and those that are a figure's only content (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { numberSetting } from './util/settings.js';
import { elementAt } from './util/element.js';

/**
 * 250 × 150 CSS pixels: about a third of a phone screen's width and taller than a line
 * of icons. Images that big in the main content are rarely pure decoration.
 */
const DEFAULT_MIN_WIDTH = 250;
const DEFAULT_MIN_HEIGHT = 150;

export default definePageCheck({
  meta: {
    id: 'informative-image-empty-alt',
    title: 'Large content images marked decorative are really decorative',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'alt="" tells screen readers to skip an image. That is right for decoration, but a large diagram, chart or photo in the main content usually carries information that blind visitors then never get. The same goes for an image that is all there is in a figure: the figure is there to show it.',
    howToFix: 'If the image carries information, describe it in alt (or in a caption for a complex image). Keep alt="" only for decoration.',
    example: '<img src="sourdough-steps.svg" alt="The four steps of sourdough: feed, mix, fold, bake">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/decorative/',
    messages: {
      large: 'This {width}×{height} image in the main content has alt="", so screen readers skip it. Check that it is only decoration.',
      figure: 'This image is the only content of a figure, with no caption, and has alt="", so screen readers skip the whole figure. Check that it is only decoration.',
    },
  },
  requires: ['content'],
  appliesTo: ({ content }) => content.images.some((image) => image.tag === 'img' && image.alt !== null && image.alt.trim() === ''),
  evaluate({ content }, { settings }) {
    const minWidth = numberSetting(settings, 'minWidth', DEFAULT_MIN_WIDTH);
    const minHeight = numberSetting(settings, 'minHeight', DEFAULT_MIN_HEIGHT);
    const results: CheckResult[] = [];
    for (const image of content.images) {
      if (image.tag !== 'img' || image.alt === null || image.alt.trim() !== '') continue;
      if (!image.visible || image.ariaLabel || image.hidden) continue;
      // A link or button whose only content is an alt="" image has no name: axe-core's link-name and button-name report that.
      if (image.soleContentOf === 'figure') {
        results.push({ kind: 'needs-review', ...elementAt(image), message: message('figure') });
        continue;
      }
      if (!image.inMain || image.width < minWidth || image.height < minHeight) continue;
      // Inside a link with text, or with a visible caption, the information is there in words.
      if (image.linkText || image.captionText) continue;
      results.push({ kind: 'needs-review', ...elementAt(image), message: message('large', { width: image.width, height: image.height }) });
    }
    return results;
  },
});
