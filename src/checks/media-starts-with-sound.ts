// Flags media that a script starts with sound, or that is playing with sound after load (WCAG 1.4.2); the autoplay attribute is media-autoplay-sound's.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

/** WCAG 1.4.2 applies to sound that plays for more than 3 seconds. */
const SHORT_SOUND_S = 3;

export default definePageCheck({
  meta: {
    id: 'media-starts-with-sound',
    title: 'No sound starts when the page opens',
    family: 'motion',
    affects: ['blind', 'cognitive', 'deaf'],
    wcag: ['1.4.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Sound that starts on its own talks over a screen reader, so blind visitors cannot hear the page they are trying to use, and it startles and distracts many others.',
    howToFix: 'Start media only when the visitor presses Play. If a video must start by itself, start it muted and show the controls.',
    example: "video.muted = true; video.play();  // or wait for the visitor's click",
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/audio-control.html',
    messages: {
      playing: 'This {what} was playing with sound right after the page loaded.',
      scriptTried: 'A script tries to play this {what} with sound when the page opens. The audit\'s browser blocked it; browsers that allow sound will play it.',
      'what.audio': 'audio',
      'what.video': 'video',
    },
  },
  requires: ['motion'],
  evaluate({ motion }) {
    const results: CheckResult[] = [];
    for (const media of motion.media) {
      if (media.durationS !== null && media.durationS <= SHORT_SOUND_S) continue;
      const what = message(media.tag === 'audio' ? 'what.audio' : 'what.video');
      if (media.playingWithSound) {
        results.push({ kind: 'violation', ...elementAt(media), message: message('playing', { what }) });
      } else if (media.scriptPlayedUnmuted && media.triedWithSound && !media.autoplayAttribute) {
        // The audit's browser blocks sound without a click, as many visitors' browsers do, but not all.
        results.push({
          kind: 'needs-review',
          ...elementAt(media),
          message: message('scriptTried', { what }),
        });
      }
    }
    return results;
  },
});
