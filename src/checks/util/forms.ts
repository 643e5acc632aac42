// Shared helpers for the forms checks: option lists without placeholders, and matching questions by wording.
import type { ChoiceGroupFact, FieldFact } from '../../gather/forms-gatherer.js';

/** "Choose…", "Select", "-- please select --", "" are prompts, not answers. */
const PLACEHOLDER_OPTION = /^(|[-–—\s]*(please\s+)?(choose|select|pick|seleccione|elige|choisir|bitte wählen)\b.*|[-–—.…\s]+)$/i;

export function realOptions(options: string[]): string[] {
  return options.filter((o) => !PLACEHOLDER_OPTION.test(o.trim()));
}

/** A question (select or choice group) with its options, whichever form it takes. */
export interface Question {
  selector: string;
  snippet: string;
  label: string;
  options: string[];
  required: boolean;
}

export function questions(fields: FieldFact[], groups: ChoiceGroupFact[]): Question[] {
  const list: Question[] = [];
  for (const field of fields) {
    if (field.tag === 'select') {
      list.push({ selector: field.selector, snippet: field.snippet, label: `${field.label} ${field.name} ${field.id}`, options: realOptions(field.options), required: field.required });
    }
  }
  for (const group of groups) {
    if (group.type === 'radio') list.push({ selector: group.selector, snippet: group.snippet, label: `${group.question} ${group.name}`, options: realOptions(group.options), required: group.required });
  }
  return list;
}

/** Options that let a person not answer. */
export const OPT_OUT = /(prefer not|rather not|not (to )?say|not to disclose|decline|no answer|don.t want|prefiero no|ne souhaite pas|keine angabe)/i;
/** Options beyond a fixed binary list. */
export const MORE_OPTIONS = /(other|another|self[- ]describe|non[- ]?binary|\bmx\b|otro|autre|divers|intersex)/i;
