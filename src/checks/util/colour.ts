// Colour arithmetic for checks: WCAG relative luminance and contrast ratio of computed colours.
import type { Rgba } from '../../gather/structure-gatherer.js';

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Colours with any transparency are left alone: what shows through is not known here. */
export function isOpaque(colour: Rgba): boolean {
  return colour[3] >= 1;
}
