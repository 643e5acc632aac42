// Flags video or audio that starts playing with sound by itself.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'media-autoplay-sound',
    title: 'Media does not play sound by itself',
    family: 'media',
    affects: ['blind', 'cognitive', 'deaf'],
    wcag: ['1.4.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'Sound that starts on its own talks over a screen reader, so blind visitors cannot hear the page they are trying to use, and it startles and distracts many others.',
    howToFix: 'Do not autoplay media with sound. If a video must start by itself, mute it and show the controls.',
    example: '<video controls src="tour.mp4"></video>  <!-- or: autoplay muted playsinline -->',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/audio-control.html',
    messages: {
      withControls: 'This {what} starts playing with sound by itself. Its controls let people stop it, but screen reader users hear it over their reader first.',
      noControls: 'This {what} starts playing with sound by itself and has no controls to stop it.',
      'what.audio': 'audio',
      'what.video': 'video',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const media of content.media) {
      if (!media.autoplay || media.muted) continue;
      results.push({
        // Native controls are a way to stop it (1.4.2 is met if reachable first); without them it fails outright.
        kind: media.controls ? 'needs-review' : 'violation',
        ...elementAt(media),
        message: message(media.controls ? 'withControls' : 'noControls', { what: message(media.tag === 'audio' ? 'what.audio' : 'what.video') }),
      });
    }
    return results;
  },
});
