// Flags videos with no captions track; embedded players, whose captions cannot be seen from outside, need review.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'video-captions',
    title: 'Videos have captions',
    family: 'media',
    affects: ['deaf', 'other-language', 'cognitive'],
    wcag: ['1.2.2'],
    level: 'A',
    impact: 'critical',
    whyItMatters:
      'Deaf and hard-of-hearing people, people watching with the sound off and people still learning the language rely on captions to follow speech and important sounds.',
    howToFix: 'Add a captions track (WebVTT) to each video with speech or meaningful sound, or turn on captions in the video platform and check them.',
    example: '<video controls src="tour.mp4">\n  <track kind="captions" src="tour.en.vtt" srclang="en" label="English" default>\n</video>',
    helpUrl: 'https://www.w3.org/WAI/media/av/captions/',
    messages: {
      embeddedPlayer: 'This embedded video player hides its captions from the page; check that captions are available and accurate.',
      subtitlesOnly: 'This video has subtitles but no captions track; check that the subtitles include speakers and important sounds.',
      noCaptions: 'This video has no captions track.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const media of content.media) {
      if (media.tag === 'audio') continue;
      if (media.embeddedPlayer) {
        if (/soundcloud|spotify|podbean|anchor\.fm/i.test(media.src)) continue;
        results.push({
          kind: 'needs-review',
          impact: 'serious',
          ...elementAt(media),
          message: message('embeddedPlayer'),
        });
        continue;
      }
      // A muted, looping background video with no controls shows no speech; it needs no captions.
      if (media.autoplay && media.muted && media.loop && !media.controls) continue;
      const captions = media.tracks.filter((t) => t.kind === 'captions');
      const subtitles = media.tracks.filter((t) => t.kind === 'subtitles');
      if (captions.length > 0) continue;
      results.push({
        kind: subtitles.length > 0 ? 'needs-review' : 'violation',
        ...elementAt(media),
        message: message(subtitles.length > 0 ? 'subtitlesOnly' : 'noCaptions'),
      });
    }
    return results;
  },
});
