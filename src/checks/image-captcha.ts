// Flags image CAPTCHAs with no audio or other way through (needs review: the alternative may be hidden in a widget).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';

export default definePageCheck({
  meta: {
    id: 'image-captcha',
    title: 'CAPTCHAs offer another way through',
    family: 'forms',
    affects: ['blind', 'low-vision', 'cognitive'],
    wcag: ['1.1.1'],
    level: 'A',
    impact: 'critical',
    whyItMatters: 'A picture puzzle with no audio version or other way to get through locks out blind people and many people with dyslexia or low vision.',
    howToFix: 'Prefer invisible checks (honeypot fields, rate limits). If you keep a CAPTCHA, offer an audio version and another way to reach you.',
    example: '<p>Cannot do the puzzle? <a href="tel:+441632960451">Call us</a> or <a href="mailto:hello@example.com">email us</a>.</p>',
    helpUrl: 'https://www.w3.org/TR/turingtest/',
    messages: {
      noAlternative: 'This looks like an image CAPTCHA with no audio version or other way through nearby.',
    },
  },
  requires: ['forms'],
  evaluate({ forms }) {
    const results: CheckResult[] = [];
    for (const captcha of forms.captchas) {
      if (captcha.kind !== 'image' || captcha.alternative) continue;
      results.push({
        kind: 'needs-review',
        selector: captcha.selector,
        snippet: captcha.snippet,
        message: message('noAlternative'),
      });
    }
    return results;
  },
});
