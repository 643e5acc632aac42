// Every gatherer, in the order they run: static ones first, then those that act on the page; routes last, since it clicks the audited tab.
import type { Gatherer } from './gatherer.js';
import { domGatherer } from './dom-gatherer.js';
import { axeGatherer } from './axe-gatherer.js';
import { contentGatherer } from './content-gatherer.js';
import { formsGatherer } from './forms-gatherer.js';
import { structureGatherer } from './structure-gatherer.js';
import { sourceGatherer } from './source-gatherer.js';
import { interactionGatherers } from './interaction-gatherers.js';
import { routeGatherer } from './route-gatherer.js';

export const allGatherers: Gatherer[] = [domGatherer, contentGatherer, formsGatherer, structureGatherer, sourceGatherer, axeGatherer, ...interactionGatherers, routeGatherer] as Gatherer[];
