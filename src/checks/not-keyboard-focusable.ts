// Flags things that act like controls (widget role, click handler, pointer cursor) but can never get keyboard focus (WCAG 2.1.1).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { elementAt } from './util/element.js';

export default definePageCheck({
  meta: {
    id: 'not-keyboard-focusable',
    title: 'Everything that can be clicked can be reached with the keyboard',
    family: 'keyboard',
    affects: ['keyboard', 'blind', 'motor'],
    wcag: ['2.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A <div> or <span> made clickable with a script looks like a button, but Tab never reaches it and Enter does nothing. Keyboard, switch and screen reader users cannot use it at all.',
    howToFix: 'Use a real <button> (or <a href> for navigation). If you must use another element, add tabindex="0", a role, and handlers for Enter and Space.',
    example: '<button type="button" class="reserve">Reserve a seat</button>',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/keyboard.html',
    messages: {
      control: '"{name}" {why}, so it acts as a control, but it can never get keyboard focus.',
      maybeControl: '"{name}" {why} but can never get keyboard focus. If clicking it does something, keyboard users cannot do it.',
      'why.role': 'has role="{role}"',
      'why.clickAndPointer': 'has a click handler and a pointer cursor',
      'why.click': 'has a click handler',
      'why.pointer': 'shows a pointer cursor',
    },
  },
  requires: ['keyboard'],
  evaluate({ keyboard }) {
    const results: CheckResult[] = [];
    for (const control of keyboard.unfocusableControls) {
      const { widgetRole, onclick, pointer } = control.evidence;
      // A widget role promises a control; a click handler with a pointer cursor acts as one. A pointer or handler alone may be decoration or a bubbling target.
      const sure = widgetRole || (onclick && pointer);
      const why = widgetRole ? message('why.role', { role: control.role }) : message(onclick && pointer ? 'why.clickAndPointer' : onclick ? 'why.click' : 'why.pointer');
      results.push({
        kind: sure ? 'violation' : 'needs-review',
        ...elementAt(control),
        message: message(sure ? 'control' : 'maybeControl', { name: control.name || control.role, why }),
      });
    }
    return results;
  },
});
