// Flags alt text that is a generic word ("image", "photo", "banner", "logo" alone, "spacer") instead of a description.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt, GENERIC_ALT_WORDS } from './util/alt.js';
import { normalise } from './util/text.js';
import { stringListSetting } from './util/settings.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'alt-text-generic',
    title: 'Alt text says more than "image", "photo" or "logo"',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Alt text such as "image" or "logo" tells a screen reader user that something is there, but not what it is. A logo should say whose logo it is; a spacer should be silent.',
    howToFix: 'Describe what the image shows or does. For a logo, give the organisation\'s name. For a decorative image or spacer, use alt="".',
    example: '<img src="logo.svg" alt="Crumb & Kettle">\n<img src="spacer.gif" alt="">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/',
    messages: {
      decorative: 'The alt text "{alt}" is read aloud for an image that is only decoration; use alt="".',
      generic: 'The alt text "{alt}" says what kind of thing this is, not what it shows.',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const allowed = new Set(stringListSetting(settings, 'allow').map(normalise));
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt) continue;
      const plain = normalise(alt);
      if (!GENERIC_ALT_WORDS.has(plain) || allowed.has(plain)) continue;
      const decorative = ['spacer', 'pixel', 'transparent', 'blank', 'clear', 'decoration', 'decorative'].includes(plain);
      results.push({
        kind: 'violation',
        impact: decorative ? 'minor' : undefined,
        ...elementAt(image),
        message: message(decorative ? 'decorative' : 'generic', { alt }),
      });
    }
    return results;
  },
});
