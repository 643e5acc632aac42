// Every welcomemat check. Add a check by writing src/checks/<id>.ts and listing it here.
import type { Check } from './check.js';

export const allChecks: Check[] = [];

export function findCheck(id: string): Check | undefined {
  return allChecks.find((check) => check.meta.id === id);
}
