// Flags large images in the main content marked decorative (alt="") that may carry information (needs review).
import { definePageCheck } from './check.js';
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
      'alt="" tells screen readers to skip an image. That is right for decoration, but a large diagram, chart or photo in the main content usually carries information that blind visitors then never get.',
    howToFix: 'If the image carries information, describe it in alt (or in a caption for a complex image). Keep alt="" only for decoration.',
    example: '<img src="sourdough-steps.svg" alt="The four steps of sourdough: feed, mix, fold, bake">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/decorative/',
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const minWidth = numberSetting(settings, 'minWidth', DEFAULT_MIN_WIDTH);
    const minHeight = numberSetting(settings, 'minHeight', DEFAULT_MIN_HEIGHT);
    const results: CheckResult[] = [];
    for (const image of content.images) {
      if (image.tag !== 'img' || image.alt === null || image.alt.trim() !== '') continue;
      if (!image.visible || !image.inMain || image.ariaLabel) continue;
      if (image.width < minWidth || image.height < minHeight) continue;
      // Inside a link with text, or with a visible caption, the information is there in words.
      if (image.linkText || image.captionText) continue;
      results.push({
        kind: 'needs-review',
        ...elementAt(image),
        message: `This ${image.width}×${image.height} image in the main content has alt="", so screen readers skip it. Check that it is only decoration.`,
      });
    }
    return results;
  },
});
