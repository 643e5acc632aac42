// Flags alt text that is a file name, URL or camera-style image name instead of a description.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { announcedAlt } from './util/alt.js';
import { elementAt } from './util/element.js';

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|ico)$/i;
/** Names cameras and phones give photos: IMG_2041, DSC_0042, PXL_20230101, GOPR0001, DJI_0001, P1000123. */
const CAMERA_NAME = /^(img|dsc|dscn|dscf|dcim|pxl|mvimg|gopr|dji|sam|wp|photo|screenshot|screen shot)[ _-]?\d{2,}/i;
const URL_LIKE = /^(https?:\/\/|www\.|\/[\w./-]+$)/i;

function fileBase(src: string): string {
  try {
    const path = new URL(src).pathname;
    return decodeURIComponent(path.split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '').toLowerCase();
  } catch {
    return '';
  }
}

export default definePageCheck({
  meta: {
    id: 'alt-text-file-name',
    title: 'Alt text is not a file name or URL',
    family: 'alt-text',
    affects: ['blind'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader user hears "IMG underscore 2041 dot jpg" instead of what the picture shows. Content management systems often fill alt with the file name, so this is common and easy to miss.',
    howToFix: 'Write what the image shows or does in the alt attribute, or alt="" if it is only decoration.',
    example: '<img src="IMG_2041.jpg" alt="Our shop window with fresh loaves on display">',
    helpUrl: 'https://www.w3.org/WAI/tutorials/images/informative/',
    messages: {
      fileName: 'The alt text "{alt}" is a file name or address, not a description of the image.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const image of content.images) {
      const alt = announcedAlt(image);
      if (!alt) continue;
      const base = fileBase(image.src);
      const compact = alt.toLowerCase().replace(/\s+/g, '');
      const isFileName =
        IMAGE_EXTENSION.test(alt) ||
        CAMERA_NAME.test(alt) ||
        URL_LIKE.test(alt) ||
        // alt equal to the file's own name when that name is machine-like (has _ or - or digits and no spaces).
        (base.length > 0 && compact === base && /[_\-\d]/.test(base) && !/\s/.test(alt));
      if (!isFileName) continue;
      results.push({
        kind: 'violation',
        ...elementAt(image),
        message: message('fileName', { alt }),
      });
    }
    return results;
  },
});
