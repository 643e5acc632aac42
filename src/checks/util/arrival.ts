// Shared by the arrival-layer checks: each consent banner or pop-up once per site, on the page where it was audited.
import type { SitePage } from '../check.js';
import type { ArrivalLayer } from '../../gather/arrival-layer.js';

export interface AuditedLayer {
  url: string;
  layer: ArrivalLayer;
}

/** Every layer audited in the run (the first page each was met on), in the order pages were audited. */
export function auditedLayers(pages: SitePage<'arrival'>[], kind?: ArrivalLayer['kind']): AuditedLayer[] {
  const found: AuditedLayer[] = [];
  for (const page of pages) {
    for (const layer of page.artifacts.arrival.layers) {
      if (layer.audited && (!kind || layer.kind === kind)) found.push({ url: page.finalUrl, layer });
    }
  }
  return found;
}

/** Whether any page met an arrival layer (of `kind`): otherwise the checks have nothing to judge. */
export function anyLayer(pages: SitePage<'arrival'>[], kind?: ArrivalLayer['kind']): boolean {
  return pages.some((page) => page.artifacts.arrival.layers.some((layer) => !kind || layer.kind === kind));
}

/** What the layer is, for messages: a key of the check's own messages ("consent" or "newsletter"). */
export function layerWhat(layer: ArrivalLayer): string {
  return layer.kind === 'consent' ? (layer.platform ? `${layer.platform} consent banner` : 'consent banner') : 'sign-up pop-up';
}
