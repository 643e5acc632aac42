// Decides which pages get the interactive gatherers (keyboard, zoom, motion): every page, or one per layout.
import type { ResolvedOptions } from '../config/options.js';

/**
 * The interactive gatherers load each page up to three more times and press, resize and
 * emulate: about four times axe's cost per page. Pages built from one template behave
 * alike under Tab, zoom and reduced motion, so by default the first page of each layout
 * gets them and the report says which page stood in for the others.
 */
export class InteractionSampler {
  private readonly firstByLayout = new Map<string, string>();
  private sampled = 0;

  constructor(private readonly options: Pick<ResolvedOptions, 'interaction'>) {}

  /** Null when `url` gets the interactive gatherers; otherwise why it does not. */
  claim(layoutSignature: string, url: string): string | null {
    const { sampling, maxPages } = this.options.interaction;
    if (sampling === 'all') return null;
    const first = this.firstByLayout.get(layoutSignature);
    if (first !== undefined) return `same layout as ${first}, where the keyboard, zoom and motion checks ran`;
    if (this.sampled >= maxPages) return `the limit of ${maxPages} layouts for keyboard, zoom and motion checks was reached`;
    this.firstByLayout.set(layoutSignature, url);
    this.sampled++;
    return null;
  }
}
