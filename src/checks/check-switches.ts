// Whether a check runs under the run's options: switched off by id, by family, or by switching off the gatherer it reads.
import type { ResolvedOptions } from '../config/options.js';
import { isGathererOn } from '../gather/gatherer.js';
import { allGatherers } from '../gather/registry.js';
import type { Check } from './check.js';

/** On by id and by family (the gatherers it reads may still be off: see `checkOff`). */
export function isCheckEnabled(check: Check, options: ResolvedOptions): boolean {
  return options.checks[check.meta.id] !== false && !options.disabledFamilies.includes(check.meta.family);
}

/** Why a check does not run anywhere under these options, or null when it runs. */
export function checkOff(check: Check, options: ResolvedOptions): string | null {
  if (options.checks[check.meta.id] === false) return 'switched off (checks)';
  if (options.disabledFamilies.includes(check.meta.family)) return `switched off (disabledFamilies: ${check.meta.family})`;
  for (const name of check.requires as readonly string[]) {
    const gatherer = allGatherers.find((candidate) => candidate.artifact === name);
    if (gatherer && !isGathererOn(gatherer, options)) return `switched off (gatherer "${name}" is off)`;
  }
  return null;
}

export function checkSettings(check: Check, options: ResolvedOptions): Record<string, unknown> {
  const settings = options.checks[check.meta.id];
  return settings === false || settings === undefined ? {} : settings;
}
