// Shared facts for the alt-text checks: which images expose their alt to assistive technology.
import type { ImageFact } from '../../gather/content-gatherer.js';

/** Images whose alt a screen reader reads: has a non-empty alt, is not hidden, not presentational. */
export function announcedAlt(image: ImageFact): string | null {
  if (image.hidden || image.role === 'presentation' || image.role === 'none') return null;
  if (image.ariaLabel) return null; // aria-label/labelledby wins over alt; the alt is not what is read.
  const alt = (image.alt ?? '').replace(/\s+/g, ' ').trim();
  return alt ? alt : null;
}

export const ALT_TEXT_HELP = 'https://www.w3.org/WAI/tutorials/images/';
