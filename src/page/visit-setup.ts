// What every page visit of a run shares: which artifacts to gather and keep, which axe rules were chosen; worked out once per run.
import type { ResolvedOptions } from '../config/options.js';
import type { Check } from '../checks/check.js';
import { allChecks } from '../checks/registry.js';
import { ruleCatalog } from '../checks/rule-catalog.js';
import { requiredArtifacts } from '../checks/run-checks.js';
import type { ArtifactName } from '../gather/artifacts.js';
import type { Gatherer } from '../gather/gatherer.js';
import { allGatherers } from '../gather/registry.js';
import { ArrivalMemory } from '../gather/arrival-layer.js';
import type { PageVisitSetup } from './visit-page.js';

export function createVisitSetup(options: ResolvedOptions, checks: Check[] = allChecks, gatherers: Gatherer[] = allGatherers): PageVisitSetup {
  const needed = requiredArtifacts(checks, options);
  needed.add('dom'); // links for the crawl, title and language for the report
  needed.add('axe');
  const siteArtifactNames = requiredArtifacts(checks, options, 'site');
  const selectedAxeRules = ruleCatalog(checks, options)
    .filter((rule) => rule.source === 'axe' && !rule.off)
    .map((rule) => rule.id);
  return { options, gatherers, checks, neededArtifacts: needed as ReadonlySet<ArtifactName>, siteArtifactNames, selectedAxeRules, arrivalMemory: new ArrivalMemory() };
}
