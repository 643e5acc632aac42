// WCAG 2.2 success criteria (number, title, level, Understanding link) for reports and docs, read from data/standards/wcag-2.2.json.
import { wcagData } from '../standards/data.js';

export interface SuccessCriterion {
  /** Dotted number such as "1.4.10". */
  id: string;
  title: string;
  level: 'A' | 'AA' | 'AAA';
  /** The W3C "Understanding" page for the criterion. */
  url: string;
}

const UNDERSTANDING_BASE = 'https://www.w3.org/WAI/WCAG22/Understanding/';

/** The Understanding page slug is the title in kebab case: "Pause, Stop, Hide" → "pause-stop-hide". */
function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Every success criterion of WCAG 2.2 (86 of them). 4.1.1 Parsing is left out: WCAG 2.2
 * marks it obsolete and removed, so no 2.2 conformance claim can fail it.
 */
export const SUCCESS_CRITERIA: Record<string, SuccessCriterion> = Object.freeze(
  Object.fromEntries(
    wcagData()
      .criteria.filter((sc) => !sc.obsolete)
      .map((sc) => [sc.id, { id: sc.id, title: sc.handle, level: sc.level, url: `${UNDERSTANDING_BASE}${slugOf(sc.handle)}.html` }]),
  ),
);

/** The criterion with this dotted number, or undefined for unknown or removed ones (such as 4.1.1). */
export function criterion(id: string): SuccessCriterion | undefined {
  return Object.hasOwn(SUCCESS_CRITERIA, id) ? SUCCESS_CRITERIA[id] : undefined;
}
