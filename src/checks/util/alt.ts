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

/** Words that name the kind of thing, not what it shows; in English and a few common site languages. */
export const GENERIC_ALT_WORDS: ReadonlySet<string> = new Set([
  'image', 'img', 'images', 'photo', 'photos', 'photograph', 'picture', 'pic', 'pics', 'graphic', 'graphics', 'banner', 'hero', 'hero image',
  'logo', 'icon', 'spacer', 'placeholder', 'untitled', 'default', 'thumbnail', 'thumb', 'alt', 'alt text', 'blank', 'null', 'none', 'decoration',
  'decorative', 'clear', 'pixel', 'transparent', 'foto', 'imagen', 'imagem', 'bild', 'immagine', 'bild', 'grafik', 'photo 1', 'image 1', 'click here',
  'more', 'link', 'button', 'slide', 'slider', 'carousel', 'gallery image', 'product image', 'header image', 'featured image',
]);
