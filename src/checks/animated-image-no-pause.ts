// Flags animated GIFs that loop forever or run past five seconds, with no pause or stop control beside them.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** WCAG 2.2.2: movement that starts by itself and lasts more than five seconds needs a way to pause it. */
const LIMIT_MS = 5_000;
/** Below 48 × 48 CSS pixels an animation is an icon or a loading spinner, not content competing for attention. */
const MIN_SIDE = 48;

export default definePageCheck({
  meta: {
    id: 'animated-image-no-pause',
    title: 'Animated images stop, or can be stopped',
    family: 'motion',
    affects: ['cognitive', 'vestibular'],
    wcag: ['2.2.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'An animation that keeps moving pulls the eye away from everything else on the page. People with attention difficulties cannot read the text beside it, and people with vestibular disorders can feel dizzy or sick. A GIF has no pause button of its own.',
    howToFix: 'Make the GIF play once and stop within five seconds, or replace it with a video that has pause controls (and no autoplay), or add a button that swaps it for a still image.',
    example: '<video src="train.mp4" controls muted playsinline></video>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/pause-stop-hide.html',
    messages: {
      forever: 'This GIF ({frames} frames, {seconds} s a loop) repeats forever, and nothing near it pauses or stops it.',
      long: 'This GIF plays for about {seconds} s before it stops, and nothing near it pauses or stops it.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.animatedImages.length > 0,
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const image of structure.animatedImages) {
      const scan = image.scan;
      // Bytes that could not be read say nothing either way.
      if (!scan || scan.frames < 2 || image.controlNearby || image.width < MIN_SIDE || image.height < MIN_SIDE) continue;
      const seconds = (ms: number) => Math.round(ms / 100) / 10;
      if (scan.loopCount === 0) {
        results.push({ kind: 'violation', ...elementAt(image), message: message('forever', { frames: scan.frames, seconds: seconds(scan.durationMs) }) });
        continue;
      }
      // Chromium plays a GIF once plus its loop count; without the extension, once.
      const total = scan.durationMs * (1 + (scan.loopCount ?? 0));
      if (total > LIMIT_MS) results.push({ kind: 'violation', ...elementAt(image), message: message('long', { seconds: seconds(total) }) });
    }
    return results;
  },
});
