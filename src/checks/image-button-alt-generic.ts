// Flags image buttons (<input type="image">) whose alt says "button", "image" or "click" instead of what the button does.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { normalise } from './util/text.js';
import { GENERIC_ALT_WORDS } from './util/alt.js';

/** Alt texts that name the control or the picture, not the action (normalised; English and Spanish). */
const MEANINGLESS = new Set(['button', 'image', 'img', 'image button', 'button image', 'submit button', 'icon', 'graphic', 'picture', 'click', 'click here', 'press', 'boton', 'imagen', 'icono', 'clic', 'haga clic', 'pulse', 'pulsar']);
/** Alt texts that name a generic action: not wrong, but seldom enough on a page with several forms (needs review). */
const VAGUE = new Set(['submit', 'go', 'ok', 'send', 'enviar', 'ir', 'aceptar', 'continue', 'continuar']);

export default definePageCheck({
  meta: {
    id: 'image-button-alt-generic',
    title: 'Image buttons say what they do',
    family: 'alt-text',
    affects: ['blind', 'motor'],
    wcag: ['1.1.1', '4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'The alt text of an image button is the button\'s name. A screen reader announces alt="button" as "button button", and people who control their computer by voice cannot guess what to say to press it.',
    howToFix: 'Write in the alt text what the button does: "Search", "Add to basket", "Send message".',
    example: '<input type="image" src="search.png" alt="Search">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/functional/',
    messages: {
      meaningless: 'This image button is named “{alt}”, which says nothing about what it does.',
      vague: 'This image button is named “{alt}”; check that it is clear what it sends or does.',
    },
  },
  requires: ['content'],
  appliesTo: ({ content }) => content.images.some((image) => image.tag === 'input'),
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      // A missing or empty alt is axe-core's input-image-alt.
      if (image.tag !== 'input' || !image.alt?.trim() || image.ariaLabel || !image.visible) continue;
      const alt = normalise(image.alt);
      // "button", "image", "icon"… on any image are alt-text-generic's findings already.
      if (GENERIC_ALT_WORDS.has(alt)) continue;
      if (MEANINGLESS.has(alt)) results.push({ kind: 'violation', ...elementAt(image), message: message('meaningless', { alt: image.alt.trim() }) });
      else if (VAGUE.has(alt)) results.push({ kind: 'needs-review', impact: 'minor', ...elementAt(image), message: message('vague', { alt: image.alt.trim() }) });
    }
    return results;
  },
});
