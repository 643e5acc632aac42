// Flags a disclosure or accordion button whose content opens and closes while aria-expanded never changes (WCAG 4.1.2), found by the widget walk.
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'disclosure-state-not-updated',
    title: 'Show/hide buttons say whether they are open',
    family: 'keyboard',
    affects: ['blind'],
    wcag: ['4.1.2'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader reads "collapsed" or "expanded" from aria-expanded. When the section opens but the attribute still says collapsed, blind visitors are told nothing happened and may never find the content.',
    howToFix: 'Set aria-expanded="true" when the content is shown and "false" when it is hidden, in the same script that shows and hides it.',
    example: "button.setAttribute('aria-expanded', String(!panel.hidden));",
    helpUrl: 'https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/',
    messages: {
      stale: '"{name}" shows and hides its content, but its aria-expanded stays the same, so screen readers announce the wrong state.',
    },
  },
  requires: ['keyboard'],
  appliesTo: ({ keyboard }) => (keyboard.widgets?.disclosures.length ?? 0) > 0,
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const item of keyboard.widgets?.disclosures ?? []) {
      // Only when the content it names (aria-controls) visibly changed: then the unchanged state is certain to be wrong.
      const contentChanged = item.contentOnEnter === true || item.contentOnSpace === true;
      if (!contentChanged || item.stateOnEnter || item.stateOnSpace) continue;
      results.push({ kind: 'violation', ...elementAt(item), message: message('stale', { name: item.name || item.selector }) });
    }
    return results;
  },
});
