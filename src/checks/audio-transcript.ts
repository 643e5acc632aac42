// Flags audio with no transcript link nearby; embedded audio players, which may offer one inside, need review.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'audio-transcript',
    title: 'Audio has a transcript',
    family: 'media',
    affects: ['deaf', 'other-language', 'cognitive'],
    wcag: ['1.2.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters: 'A podcast or recording with no transcript is closed to deaf people and to anyone who cannot listen right now, and cannot be translated or searched.',
    howToFix: 'Publish a text transcript and link it right next to the player.',
    example: '<audio controls src="episode-12.mp3"></audio>\n<p><a href="/podcast/12/transcript">Read the transcript of episode 12</a></p>',
    helpUrl: 'https://www.w3.org/WAI/media/av/transcripts/',
    messages: {
      embeddedPlayer: 'This embedded audio player has no transcript link nearby; check whether the player offers one.',
      noTranscript: 'This audio has no transcript link nearby.',
    },
  },
  requires: ['content'],
  evaluate({ content }) {
    const results: CheckResult[] = [];
    for (const media of content.media) {
      const audioPlayer = media.tag === 'audio' || (media.embeddedPlayer && /soundcloud|spotify|podbean|anchor\.fm/i.test(media.src));
      if (!audioPlayer || media.transcriptNearby) continue;
      results.push({
        kind: media.embeddedPlayer ? 'needs-review' : 'violation',
        ...elementAt(media),
        message: message(media.embeddedPlayer ? 'embeddedPlayer' : 'noTranscript'),
      });
    }
    return results;
  },
});
