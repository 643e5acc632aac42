// Results for text cut off by its box, shared by the reflow, text-resize and text-spacing checks.
import type { ClippedText } from '../../gather/layout-probe.js';
import { message, type CheckResult } from '../check.js';
import { elementAt } from './element.js';

/** Clipped boxes reported per page and condition; past ten it is the same template repeated. */
export const MAX_CLIPPED_RESULTS = 10;

/** One result per clipped box, worded by the calling check's `clipped` message ({px}, {text}), which says when it happened. */
export function clippedTextResults(clipped: ClippedText[]): CheckResult[] {
  return clipped.slice(0, MAX_CLIPPED_RESULTS).map((box) => ({
    // text-overflow: ellipsis is a chosen truncation; whether anything needed is lost is for a person to judge.
    kind: box.ellipsis ? 'needs-review' : 'violation',
    ...elementAt(box),
    message: message('clipped', { px: box.hiddenPx, text: box.hiddenText }),
  }));
}
