// Unit tests for the forms checks on hand-made form facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import gender from '../../../src/checks/gender-options.js';
import title from '../../../src/checks/required-title.js';
import names from '../../../src/checks/name-field-rejects-names.js';
import phone from '../../../src/checks/phone-format-forced.js';
import dob from '../../../src/checks/date-of-birth-required.js';
import autocomplete from '../../../src/checks/autocomplete-missing.js';
import asterisk from '../../../src/checks/required-marked-visually-only.js';
import captcha from '../../../src/checks/image-captcha.js';
import type { ChoiceGroupFact } from '../../../src/gather/forms-gatherer.js';
import { ctx, field, forms } from './make-artifacts.js';
import { englishMessage } from '../../../src/checks/run-checks.js';

const group = (overrides: Partial<ChoiceGroupFact>): ChoiceGroupFact => ({
  selector: '#g', snippet: '<fieldset>', type: 'radio', name: 'gender', question: 'Gender', options: ['Male', 'Female'], required: false, formIndex: 0, ...overrides,
});
const kinds = (results: { kind: string; selector?: string }[]) => results.map((r) => `${r.kind}:${r.selector}`);

describe('gender-options', () => {
  it('flags two-option and required-without-opt-out questions; passes inclusive optional ones', () => {
    const f = forms({
      choiceGroups: [
        group({ selector: '#two' }),
        group({ selector: '#required', options: ['Woman', 'Man', 'Non-binary'], required: true }),
        group({ selector: '#good', options: ['Woman', 'Man', 'Non-binary', 'Prefer not to say'], required: true }),
        group({ selector: '#other', question: 'Delivery', name: 'delivery' }),
      ],
      fields: [field({ selector: '#sel', tag: 'select', label: 'Sex', options: ['Choose…', 'M', 'F'] })],
    });
    assert.deepEqual(kinds(gender.evaluate({ forms: f }, ctx)), ['violation:#sel', 'violation:#two', 'violation:#required']);
  });
});

describe('required-title', () => {
  it('flags a required Mr/Mrs select, not an optional one', () => {
    const f = forms({
      fields: [
        field({ selector: '#t', tag: 'select', label: 'Title', required: true, options: ['Choose…', 'Mr', 'Mrs', 'Miss'] }),
        field({ selector: '#opt', tag: 'select', label: 'Title', options: ['Mr', 'Mrs'] }),
      ],
    });
    assert.deepEqual(kinds(title.evaluate({ forms: f }, ctx)), ['violation:#t']);
  });
});

describe('name-field-rejects-names', () => {
  it('flags a name field that rejected tried names; passes one that took them all', () => {
    const f = forms({
      fields: [
        field({ selector: '#bad', triedAs: 'name', tries: [{ value: '李小龍', accepted: false, reason: 'pattern' }, { value: 'Madonna', accepted: true, reason: '' }] }),
        field({ selector: '#good', triedAs: 'name', tries: [{ value: '李小龍', accepted: true, reason: '' }] }),
      ],
    });
    const results = names.evaluate({ forms: f }, ctx);
    assert.deepEqual(kinds(results), ['violation:#bad']);
    assert.match(englishMessage(names, results[0].message), /李小龍/);
  });
});

describe('phone-format-forced', () => {
  it('violation when every international number is refused, needs-review when some are', () => {
    const tries = (accepted: boolean[]) => ['+44 20 7946 0958', '+1 202 555 0143', '020 7946 0958'].map((value, i) => ({ value, accepted: accepted[i], reason: accepted[i] ? '' : 'pattern' }));
    const f = forms({
      fields: [
        field({ selector: '#us', triedAs: 'phone', tries: tries([false, false, false]) }),
        field({ selector: '#uk', triedAs: 'phone', tries: tries([true, false, true]) }),
        field({ selector: '#ok', triedAs: 'phone', tries: tries([true, true, true]) }),
      ],
    });
    assert.deepEqual(kinds(phone.evaluate({ forms: f }, ctx)), ['violation:#us', 'needs-review:#uk']);
  });
});

describe('date-of-birth-required', () => {
  it('needs review for a required date of birth only', () => {
    const f = forms({ fields: [field({ selector: '#dob', label: 'Date of birth', required: true }), field({ selector: '#b', autocomplete: 'bday' })] });
    assert.deepEqual(kinds(dob.evaluate({ forms: f }, ctx)), ['needs-review:#dob']);
  });
});

describe('autocomplete-missing', () => {
  it('flags personal fields without a purpose; passes fields with one and unrelated fields', () => {
    const f = forms({
      fields: [
        field({ selector: '#email', type: 'email', name: 'email' }),
        field({ selector: '#name', label: 'Full name', name: 'name' }),
        field({ selector: '#guess', name: 'postcode' }),
        field({ selector: '#ok', type: 'email', autocomplete: 'email' }),
        field({ selector: '#order', label: 'Order number' }),
      ],
    });
    assert.deepEqual(kinds(autocomplete.evaluate({ forms: f }, ctx)), ['violation:#email', 'violation:#name', 'needs-review:#guess']);
  });
});

describe('required-marked-visually-only', () => {
  it('flags asterisk-only fields and an unexplained asterisk', () => {
    const f = forms({
      forms: [{ selector: 'form', explainsAsterisk: false }],
      fields: [field({ selector: '#a', asterisk: true }), field({ selector: '#b', asterisk: true, required: true })],
    });
    assert.deepEqual(kinds(asterisk.evaluate({ forms: f }, ctx)), ['violation:#a', 'needs-review:form']);
  });
  it('passes required fields in a form that explains its asterisk', () => {
    const f = forms({ fields: [field({ asterisk: true, required: true })] });
    assert.deepEqual(asterisk.evaluate({ forms: f }, ctx), []);
  });
});

describe('image-captcha', () => {
  it('needs review for an image CAPTCHA without an alternative only', () => {
    const f = forms({
      captchas: [
        { selector: '#c1', snippet: '', kind: 'image', alternative: false },
        { selector: '#c2', snippet: '', kind: 'image', alternative: true },
        { selector: '#c3', snippet: '', kind: 'recaptcha', alternative: false },
      ],
    });
    assert.deepEqual(kinds(captcha.evaluate({ forms: f }, ctx)), ['needs-review:#c1']);
  });
});
