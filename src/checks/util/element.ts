// Where a result points: the selector, snippet and box of the element fact a check is judging.
import type { Box } from '../../model/finding.js';

/** Any gathered element fact: every gatherer records these three for the elements it lists. */
export interface ElementFact {
  selector: string;
  snippet: string;
  box?: Box | null;
}

/** The location fields of a check result for `element` (no box where it has no layout). */
export function elementAt(element: ElementFact): { selector: string; snippet: string; box?: Box } {
  return { selector: element.selector, snippet: element.snippet, ...(element.box ? { box: element.box } : {}) };
}
