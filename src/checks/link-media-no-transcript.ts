// Flags links to audio and video files with no transcript named near them (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';
import { cut } from './util/text.js';
import { AUDIO_EXTENSIONS, extensionOf, VIDEO_EXTENSIONS } from './util/links.js';

export default definePageCheck({
  meta: {
    id: 'link-media-no-transcript',
    title: 'Links to audio and video have a transcript nearby',
    family: 'links',
    affects: ['deaf', 'blind'],
    wcag: ['1.2.1', '1.2.3'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A link straight to a sound or video file gives deaf visitors nothing they can use, and the file may not play on every device. A transcript next to the link lets everyone get the content, in their own time and language.',
    howToFix: 'Publish a transcript (a web page or text right under the link) and link to it next to the file. For video, the transcript also describes what is shown.',
    example: '<a href="/media/interview.mp3">Listen to the interview (MP3, 12 MB)</a> · <a href="/interview-transcript.html">Read the transcript</a>',
    helpUrl: 'https://www.w3.org/WAI/media/av/transcripts/',
    messages: {
      audio: 'The link “{text}” opens an audio file ({extension}), and no transcript is linked or named near it.',
      video: 'The link “{text}” opens a video file ({extension}), and no transcript is linked or named near it.',
    },
  },
  requires: ['structure'],
  appliesTo: ({ structure }) => structure.links.some((link) => AUDIO_EXTENSIONS.has(extensionOf(link.href)) || VIDEO_EXTENSIONS.has(extensionOf(link.href))),
  evaluate({ structure }) {
    const results: CheckResult[] = [];
    for (const link of structure.links) {
      const extension = extensionOf(link.href);
      const audio = AUDIO_EXTENSIONS.has(extension);
      if ((!audio && !VIDEO_EXTENSIONS.has(extension)) || link.transcriptNearby || !link.visible) continue;
      results.push({ kind: 'needs-review', ...elementAt(link), message: message(audio ? 'audio' : 'video', { text: cut(link.name || link.text, 60), extension: extension.toUpperCase() }) });
    }
    return results;
  },
});
