// Collects form fields, choice groups and CAPTCHAs, and tries real names and phone numbers through each field's own constraints.
import type { Gatherer } from './gatherer.js';

/** Names that real people have, which forms often reject: accents, apostrophe, hyphen, Vietnamese diacritics, Han script, a single name. */
export const NAME_TRIES = ["Zoë O'Brien-Nguyễn", 'María José', '李小龍', 'Madonna'] as const;
/** Phone numbers in other countries' formats; a field that takes none but one country's is flagged. */
export const PHONE_TRIES = ['+44 20 7946 0958', '+1 202 555 0143', '+81 3-1234-5678', '020 7946 0958'] as const;

export interface ValueTry {
  value: string;
  accepted: boolean;
  /** Why the field refused it: pattern, type, maxlength, or a script's custom validity message. */
  reason: string;
}

export interface FieldFact {
  selector: string;
  snippet: string;
  tag: 'input' | 'select' | 'textarea';
  type: string;
  name: string;
  id: string;
  /** Accessible label: <label>, aria-label(ledby), or the fieldset legend for radios/checkboxes. */
  label: string;
  placeholder: string;
  autocomplete: string;
  /** required attribute or aria-required="true". */
  required: boolean;
  pattern: string;
  /** -1 when none. */
  maxLength: number;
  /** Visible text of <select> options. */
  options: string[];
  /** The label shows an asterisk. */
  asterisk: boolean;
  visible: boolean;
  /** disabled, or inside a disabled fieldset: nobody can fill it in now. */
  disabled: boolean;
  /** Inside aria-hidden="true" or inert: hidden from assistive technology. */
  hiddenFromAssistiveTech: boolean;
  /** Results of NAME_TRIES / PHONE_TRIES, for fields that look like name or phone fields. */
  tries: ValueTry[];
  /** What the tries were for. */
  triedAs: 'name' | 'phone' | '';
  formIndex: number;
  /** Checkboxes and radio buttons: ticked when the page loaded (absent in artifacts from before it was kept). */
  checked?: boolean;
}

export interface ChoiceGroupFact {
  selector: string;
  snippet: string;
  type: 'radio' | 'checkbox';
  name: string;
  /** Legend, or the group's aria label. */
  question: string;
  options: string[];
  required: boolean;
  formIndex: number;
}

export interface CaptchaFact {
  selector: string;
  snippet: string;
  kind: 'image' | 'recaptcha' | 'hcaptcha' | 'turnstile' | 'other';
  /** The form offers an audio challenge or another way through (phone, email). */
  alternative: boolean;
}

export interface FormFacts {
  selector: string;
  /** What the form is about: its accessible name, else the nearest heading before it (absent in older artifacts). */
  heading?: string;
  /** The form's text says what an asterisk means. */
  explainsAsterisk: boolean;
}

export interface FormsArtifact {
  forms: FormFacts[];
  fields: FieldFact[];
  choiceGroups: ChoiceGroupFact[];
  captchas: CaptchaFact[];
}

declare module './artifacts.js' {
  interface ArtifactMap {
    forms: FormsArtifact;
  }
}

/** A page with more than 300 fields is a data-entry app; the first 300 show any pattern. */
export const MAX_FIELDS = 300;

/** Runs inside the page; restores every value it changes. */
function collectForms(args: { maxFields: number; nameTries: readonly string[]; phoneTries: readonly string[] }): FormsArtifact {
  const helpers = window.__welcomemat!;
  const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const byIds = (ids: string | null) =>
    squash(
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent ?? '' : ''))
        .join(' '),
    );
  const forms = Array.from(document.forms);
  const formIndex = (el: Element) => {
    const form = (el as HTMLInputElement).form ?? el.closest('form');
    return form ? forms.indexOf(form as HTMLFormElement) : -1;
  };
  const labelOf = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): { text: string; asterisk: boolean } => {
    const labels = Array.from(el.labels ?? []);
    const labelText = labels.map((l) => l.textContent ?? '').join(' ');
    const fieldset = el.closest('fieldset');
    const legend = fieldset?.querySelector('legend')?.textContent ?? '';
    const raw = squash(el.getAttribute('aria-label')) || byIds(el.getAttribute('aria-labelledby')) || squash(labelText);
    const isChoice = el.type === 'radio' || el.type === 'checkbox';
    const asterisk = /\*/.test(labelText) || (isChoice && /\*/.test(legend));
    return { text: squash(raw.replace(/\*/g, '')), asterisk };
  };
  const NAME_FIELD = /(^|[^a-z])(name|full ?name|first ?name|last ?name|given ?name|family ?name|surname|forename|nombre|apellidos?|nom|pr[ée]nom|vorname|nachname)([^a-z]|$)/i;
  const NOT_PERSON = /(user|login|company|business|organi[sz]ation|file|domain|pet|street|city|town|card|account|product|event|project|team|shop|store|venue|host|screen|display|nick)/i;
  const PHONE_FIELD = /(phone|tel|mobile|cell|tel[ée]fono|t[ée]l[ée]phone|handy)/i;
  const isNameAutocomplete = (ac: string) => /(^|\s)(name|given-name|family-name|additional-name|honorific-prefix|nickname)$/.test(ac);

  const tryValues = (el: HTMLInputElement | HTMLTextAreaElement, values: readonly string[]): ValueTry[] => {
    const original = el.value;
    const results: ValueTry[] = [];
    try {
      for (const value of values) {
        el.value = value;
        const v = el.validity;
        let reason = '';
        if (v.patternMismatch) reason = 'pattern';
        else if (v.typeMismatch) reason = 'type';
        else if (v.badInput) reason = 'type';
        else if (el.maxLength >= 0 && value.length > el.maxLength) reason = 'maxlength';
        else if (el.value !== value) reason = 'value-changed';
        else if (v.customError) reason = 'custom';
        results.push({ value, accepted: reason === '', reason });
      }
    } finally {
      el.value = original;
    }
    return results;
  };

  const fields: FieldFact[] = [];
  const groups = new Map<string, ChoiceGroupFact>();
  for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))) {
    if (fields.length >= args.maxFields) break;
    const tag = el.localName as FieldFact['tag'];
    const type = tag === 'input' ? (el as HTMLInputElement).type : tag;
    if (['hidden', 'submit', 'reset', 'button', 'image', 'file', 'range', 'color'].includes(type)) continue;
    const { text: label, asterisk } = labelOf(el);
    const required = (el as HTMLInputElement).required || el.getAttribute('aria-required') === 'true';
    if (type === 'radio' || type === 'checkbox') {
      const fieldset = el.closest('fieldset, [role="radiogroup"], [role="group"]');
      const key = `${formIndex(el)}|${type}|${el.name || (fieldset ? helpers.selector(fieldset) : helpers.selector(el))}`;
      let group = groups.get(key);
      if (!group) {
        const question = fieldset
          ? squash(fieldset.querySelector('legend')?.textContent ?? '') || squash(fieldset.getAttribute('aria-label')) || byIds(fieldset.getAttribute('aria-labelledby'))
          : '';
        group = {
          selector: helpers.selector(fieldset ?? el),
          snippet: helpers.snippet(fieldset ?? el, 200),
          type: type as 'radio' | 'checkbox',
          name: el.name,
          question: squash(question.replace(/\*/g, '')),
          options: [],
          required: false,
          formIndex: formIndex(el),
        };
        groups.set(key, group);
      }
      group.options.push(label || squash(el.value));
      group.required ||= required;
    }
    const autocomplete = squash(el.getAttribute('autocomplete')).toLowerCase();
    const name = el.getAttribute('name') ?? '';
    const id = el.id;
    const descriptor = [label, name, id, el.getAttribute('placeholder') ?? ''].join(' ');
    let triedAs: FieldFact['triedAs'] = '';
    let tries: ValueTry[] = [];
    const textLike = tag === 'textarea' || ['text', 'search', 'tel', ''].includes(type);
    if (textLike && !(el as HTMLInputElement).readOnly && !el.disabled) {
      if (isNameAutocomplete(autocomplete) || (NAME_FIELD.test(descriptor) && !NOT_PERSON.test(descriptor) && type !== 'tel')) {
        triedAs = 'name';
        tries = tryValues(el as HTMLInputElement, args.nameTries);
      } else if (type === 'tel' || /(^|\s)tel(-national)?$/.test(autocomplete) || PHONE_FIELD.test(descriptor)) {
        triedAs = 'phone';
        tries = tryValues(el as HTMLInputElement, args.phoneTries);
      }
    }
    fields.push({
      selector: helpers.selector(el),
      snippet: helpers.snippet(el),
      tag,
      type,
      name,
      id,
      label: label.slice(0, 200),
      placeholder: squash(el.getAttribute('placeholder')).slice(0, 100),
      autocomplete,
      required,
      pattern: el.getAttribute('pattern') ?? '',
      maxLength: tag === 'select' ? -1 : (el as HTMLInputElement).maxLength,
      options: tag === 'select' ? Array.from((el as HTMLSelectElement).options).slice(0, 100).map((o) => squash(o.text)) : [],
      asterisk,
      visible: helpers.isVisible(el),
      disabled: el.matches(':disabled'),
      hiddenFromAssistiveTech: !!el.closest('[aria-hidden="true"], [inert]'),
      tries,
      triedAs,
      formIndex: formIndex(el),
      ...(type === 'checkbox' || type === 'radio' ? { checked: (el as HTMLInputElement).checked } : {}),
    });
  }

  const captchas: CaptchaFact[] = [];
  const CAPTCHA = /captcha/i;
  for (const el of Array.from(document.querySelectorAll('img, iframe[src], div[class*="captcha" i], div[id*="captcha" i], .cf-turnstile'))) {
    if (captchas.length >= 20) break;
    const src = el.getAttribute('src') ?? '';
    const marker = [src, el.getAttribute('alt') ?? '', el.getAttribute('class') ?? '', el.id].join(' ');
    let kind: CaptchaFact['kind'] | null = null;
    if (/recaptcha/i.test(marker)) kind = 'recaptcha';
    else if (/hcaptcha/i.test(marker)) kind = 'hcaptcha';
    else if (/turnstile|challenges\.cloudflare/i.test(marker)) kind = 'turnstile';
    else if (el.localName === 'img' && CAPTCHA.test(marker)) kind = 'image';
    else if (el.localName === 'div' && CAPTCHA.test(marker) && el.querySelector('img')) kind = 'image';
    if (!kind) continue;
    // Skip a wrapper whose captcha element is already listed.
    if (captchas.some((c) => c.selector && el.querySelector(c.selector))) continue;
    const scope = el.closest('form') ?? el.parentElement ?? document.body;
    const alternative =
      !!scope.querySelector('audio, [class*="audio" i], a[href^="tel:" i], a[href^="mailto:" i]') || /audio|call us|email us|another way/i.test(scope.textContent ?? '');
    captchas.push({ selector: helpers.selector(el), snippet: helpers.snippet(el, 200), kind, alternative });
  }

  /** The form's name, or the last heading before it in document order (how a visitor knows what it is for). */
  const headingOf = (form: HTMLFormElement): string => {
    const named = squash(form.getAttribute('aria-label')) || byIds(form.getAttribute('aria-labelledby')) || squash(form.querySelector('legend, h1, h2, h3')?.textContent);
    if (named) return named.slice(0, 200);
    let found = '';
    for (const heading of Array.from(document.querySelectorAll('h1, h2, h3'))) {
      if (heading.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) found = squash(heading.textContent);
    }
    return found.slice(0, 200);
  };
  const formFacts: FormFacts[] = forms.slice(0, 50).map((form) => ({
    selector: helpers.selector(form),
    heading: headingOf(form),
    explainsAsterisk: /\*[^a-z]{0,5}(=|means|indicates|marks|shows)?\s*(a\s+)?(required|mandatory|obligatorio|obligatoire|pflicht)|(required|mandatory)[^.]{0,40}\*|(marked|shown)( with)?( an)? (asterisk|\*)/i.test(
      form.textContent ?? '',
    ),
  }));
  // Asterisk explanations often sit just above the form.
  for (const facts of formFacts) {
    if (facts.explainsAsterisk) continue;
    const form = document.querySelector(facts.selector);
    const before = form?.previousElementSibling?.textContent ?? '';
    facts.explainsAsterisk = /\*.{0,30}(required|mandatory)|(required|mandatory).{0,40}\*/i.test(before);
  }

  return { forms: formFacts, fields, choiceGroups: [...groups.values()], captchas };
}

export const formsGatherer: Gatherer<'forms'> = {
  artifact: 'forms',
  phase: 'static',
  // One walk over the form controls, a few value tries each; 10 s only matters on a huge, slow page.
  budgetMs: () => 10_000,
  async gather({ page }) {
    return page.evaluate(collectForms, { maxFields: MAX_FIELDS, nameTries: NAME_TRIES, phoneTries: PHONE_TRIES });
  },
};
