// Site check: a consent banner lets visitors refuse as easily as accept: on the same layer, with a button as prominent (the EU data-protection boards' expectation); judged once, where it was audited.
import { defineSiteCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import type { ArrivalControl } from '../gather/arrival-layer.js';
import { anyLayer, auditedLayers } from './util/arrival.js';

/** A refuse button under half the accept button's area is plainly the lesser choice. */
const AREA_RATIO_PLAIN = 0.5;
/** Under 80 % of its area, or under 85 % of its text size, the difference is visible but a person should judge it. */
const AREA_RATIO_REVIEW = 0.8;
const FONT_RATIO_REVIEW = 0.85;

export default defineSiteCheck({
  meta: {
    id: 'consent-refuse-equal',
    title: 'Refusing cookies is as easy as accepting them',
    family: 'arrival',
    affects: ['everyone', 'cognitive'],
    wcag: [],
    level: 'inclusive-practice',
    impact: 'serious',
    whyItMatters:
      'A banner with a bright "Accept all" and the refusal hidden behind "Settings" or drawn as small grey text pushes every visitor into agreeing, and costs people who read slowly or use a keyboard several extra steps to say no. Europe\'s data-protection boards expect refusing to be possible on the first layer, as easily and as visibly as accepting.',
    howToFix: 'Put a "Reject all" (or "Necessary only") button next to "Accept all" on the banner itself, with the same size, colour and weight.',
    example: '<button class="btn">Reject all</button> <button class="btn">Accept all</button>  <!-- same class, same level -->',
    helpUrl: 'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-032022-deceptive-design-patterns-social-media_en',
    messages: {
      noRefuse: 'The consent banner offers "{accept}" but no way to refuse on the banner itself: refusing takes extra steps.',
      lessProminent: 'Refusing ("{refuse}") is drawn less prominently than accepting ("{accept}"): {how}.',
      maybeLessProminent: 'Refusing ("{refuse}") looks smaller than accepting ("{accept}"). Check that both choices are as easy to see.',
      howText: 'it is plain text beside a filled button',
      howSmaller: 'it is less than half the size',
    },
  },
  requires: ['arrival'],
  appliesTo: (pages) => anyLayer(pages, 'consent'),
  evaluate(pages) {
    const results: CheckResult[] = [];
    for (const { url, layer } of auditedLayers(pages, 'consent')) {
      const accept = layer.controls.find((c) => c.purpose === 'accept');
      if (!accept) continue;
      const refuse: ArrivalControl | undefined = layer.controls.find((c) => c.purpose === 'refuse');
      if (!refuse) {
        results.push({ kind: 'violation', url, selector: layer.selector, snippet: layer.snippet, message: message('noRefuse', { accept: accept.text }) });
        continue;
      }
      const at = { url, selector: refuse.selector };
      const areaRatio = accept.area > 0 ? refuse.area / accept.area : 1;
      const fontRatio = accept.fontSize > 0 ? refuse.fontSize / accept.fontSize : 1;
      if (accept.filled && !refuse.filled) results.push({ kind: 'violation', ...at, message: message('lessProminent', { refuse: refuse.text, accept: accept.text, how: message('howText') }) });
      else if (areaRatio < AREA_RATIO_PLAIN) results.push({ kind: 'violation', ...at, message: message('lessProminent', { refuse: refuse.text, accept: accept.text, how: message('howSmaller') }) });
      else if (areaRatio < AREA_RATIO_REVIEW || fontRatio < FONT_RATIO_REVIEW) results.push({ kind: 'needs-review', ...at, message: message('maybeLessProminent', { refuse: refuse.text, accept: accept.text }) });
    }
    return results;
  },
});
