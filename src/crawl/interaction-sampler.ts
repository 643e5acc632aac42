// Decides which pages get the interactive gatherers (keyboard, zoom, motion): every page, or one per layout.
import type { ResolvedOptions } from '../config/options.js';
import type { InteractionSample } from '../model/report.js';

/**
 * The interactive gatherers load each page up to three more times and press, resize and
 * emulate: about four times axe's cost per page. Pages built from one template behave
 * alike under Tab, zoom and reduced motion, so by default the first page of each layout
 * gets them and the report says which page stood in for the others. The signature a page
 * claims with carries the kinds of widget in its content as well (samplingSignature in
 * gather/dom-gatherer.ts), so a page with a dialog or an accordion of its own is walked.
 */
export class InteractionSampler {
  private readonly firstByLayout = new Map<string, string>();
  private sampled = 0;

  constructor(private readonly options: Pick<ResolvedOptions, 'interaction'>) {}

  /**
   * Null when `url` gets the interactive gatherers; otherwise why it does not. Asking again
   * for a URL that already got them (a page retried after a crash) gives the same answer.
   */
  claim(layoutSignature: string, url: string): InteractionSample | null {
    const { sampling, maxPages } = this.options.interaction;
    if (sampling === 'all') return null;
    const first = this.firstByLayout.get(layoutSignature);
    if (first === url) return null;
    if (first !== undefined) return { reason: 'same-layout', standIn: first };
    if (this.sampled >= maxPages) return { reason: 'layout-limit', limit: maxPages };
    this.firstByLayout.set(layoutSignature, url);
    this.sampled++;
    return null;
  }

  /** [layout signature, first page] pairs, for a crawl state. */
  snapshot(): [string, string][] {
    return [...this.firstByLayout];
  }

  restore(layouts: [string, string][]): void {
    for (const [signature, url] of layouts) this.firstByLayout.set(signature, url);
    this.sampled = this.firstByLayout.size;
  }
}
