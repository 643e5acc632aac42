// Every welcomemat check. Add a check by writing src/checks/<id>.ts and listing it here.
import type { Check } from './check.js';
import { arrivalChecks } from './sets/arrival-checks.js';
import { inclusiveChecks } from './inclusive-checks.js';
import { interactionChecks } from './sets/interaction-checks.js';
import { structureChecks } from './sets/structure-checks.js';
import { customerCareChecks } from './sets/customer-care-checks.js';

export const allChecks: Check[] = [...inclusiveChecks, ...interactionChecks, ...structureChecks, ...arrivalChecks, ...customerCareChecks];

export function findCheck(id: string): Check | undefined {
  return allChecks.find((check) => check.meta.id === id);
}
