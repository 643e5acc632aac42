// The artifacts gatherers produce: plain facts about one page, read by pure checks.
import type { Box } from '../model/finding.js';

/** One axe-core node result, trimmed to what findings need. */
/** One check axe ran on a node that failed (or could not tell): its id and the data its message template is filled from. */
export interface AxeCheckResult {
  id: string;
  /** axe's `data` for the check, as axe gave it; left out when it would be too big to keep. */
  data?: unknown;
}

export interface AxeNodeResult {
  target: string[];
  html: string;
  failureSummary: string;
  impact: string | null;
  /**
   * Colour rules only: the element or one of its ancestors runs an animation that never
   * ends, so the colours axe measured are one moment of it; the result is a review item.
   */
  animated?: boolean;
  /**
   * The failing checks behind failureSummary, by axe's grouping: "any" (fix one of these) and
   * "all"/"none" (fix all of these). A report in another language words them from axe's locale
   * files (src/report/axe-messages.ts). Absent in artifacts from before schema 1.3.
   */
  checks?: { any: AxeCheckResult[]; all: AxeCheckResult[]; none: AxeCheckResult[] };
}

/** One axe-core rule result (a violation or an "incomplete" one needing review). */
export interface AxeRuleResult {
  id: string;
  impact: string | null;
  tags: string[];
  description: string;
  help: string;
  helpUrl: string;
  nodes: AxeNodeResult[];
}

export interface AxeArtifact {
  version: string;
  violations: AxeRuleResult[];
  incomplete: AxeRuleResult[];
  /** Ids of the rules that ran and found nothing wrong (axe's "passes"; their nodes are not kept). */
  passed: string[];
  /** Ids of the rules that ran and found nothing to test (axe's "inapplicable"). */
  inapplicable: string[];
  /** Rules axe could not run on this page, with axe's error message. */
  errors: { ruleId: string; message: string }[];
  /**
   * The page's frames: same-origin ones axe checked too (their findings' targets go through the
   * frame), and ones from another origin it did not enter. Absent in artifacts from before frames.
   */
  frames?: FrameFact[];
}

/** One frame of the page, and whether axe ran inside it. */
export interface FrameFact {
  /** Selectors from the top document to the frame element, one per frame level. */
  path: string[];
  url: string;
  checked: boolean;
  /** Why axe did not run inside it. */
  reason?: 'cross-origin' | 'not-loaded';
}

/** A link as it appears in the rendered DOM. */
export interface LinkFact {
  /** Absolute URL as resolved by the browser (`a.href`), unfiltered. */
  href: string;
  text: string;
  rel: string;
  hreflang: string;
  /** Unique CSS selector; empty past the first links of a page (see dom-gatherer). */
  selector: string;
}

/**
 * Static facts about the rendered page, collected in one `page.evaluate` round trip.
 * Later checks add fields here; keep every field plain JSON.
 */
export interface DomSnapshot {
  title: string;
  /** The `lang` attribute of <html>, as written. */
  htmlLang: string;
  links: LinkFact[];
  /** `<meta http-equiv=refresh>` target, resolved, where one is present. */
  metaRefreshUrl: string;
  /**
   * A short hash of the page's layout (tag and class tokens near the top, plus forms,
   * tables, media, dialogs, animations): pages built from the same template share it.
   */
  layoutSignature: string;
  /**
   * Kinds of widget the page carries (dialog, disclosure, menu, tabs, tooltip, role-button,
   * accesskey, live-alert; see WIDGET_SELECTORS), sorted; with the layout they decide which
   * pages the keyboard walk visits. Absent in artifacts from before it existed.
   */
  widgets?: string[];
  /** Size of the document, for screenshots and reflow checks. */
  documentSize: { width: number; height: number };
}

/** Every artifact a gatherer can produce, by name. Gatherers add their artifact here. */
export interface ArtifactMap {
  axe: AxeArtifact;
  dom: DomSnapshot;
}

export type ArtifactName = keyof ArtifactMap;

/** A gatherer that failed or ran out of time leaves this in place of its artifact. */
export interface ArtifactFailure {
  failed: true;
  message: string;
  timedOut: boolean;
}

/** Artifacts of one page: each is present, failed, or absent (gatherer switched off). */
export type PageArtifacts = { [K in ArtifactName]?: ArtifactMap[K] | ArtifactFailure };

export function isArtifactFailure(value: unknown): value is ArtifactFailure {
  return typeof value === 'object' && value !== null && (value as ArtifactFailure).failed === true;
}

export type { Box };
