// The finding: one problem (or one thing to review) on one element of one page.
import type { MessageRef } from './message.js';

/** How badly a barrier blocks people, the same four levels axe-core uses. */
export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];

/**
 * violation: the check is sure this is a barrier.
 * needs-review: the check saw something that may be a barrier; a person must look.
 * info: not a fault, but something the owner should know (for example a site in one language only).
 */
export type FindingKind = 'violation' | 'needs-review' | 'info';

/** Where a finding came from. */
export type FindingSource = 'axe' | 'welcomemat' | 'lighthouse';

/** WCAG conformance level, or where no success criterion applies. */
export type WcagLevel = 'A' | 'AA' | 'AAA' | 'best-practice' | 'inclusive-practice';

/** Groups of checks, used to filter reports and to switch families off. */
export type CheckFamily =
  | 'accessibility'
  | 'language'
  | 'language-options'
  | 'alt-text'
  | 'wording'
  | 'forms'
  | 'help'
  | 'media'
  | 'keyboard'
  | 'zoom'
  | 'motion'
  /** Linked documents (PDF): tags, real text, title, language, forms, bookmarks. */
  | 'documents'
  | 'links'
  | 'tables'
  | 'typography'
  | 'markup'
  /** What a page shows on arrival: consent banners and sign-up pop-ups. */
  | 'arrival'
  /** The ways a site keeps customers at arm's length: consent ticked for them, forms that ask too much, no reply in sight. */
  | 'customer-care';

/** Who is shut out or slowed down by a barrier; report text is keyed by these. */
export type Audience =
  | 'blind'
  | 'low-vision'
  | 'colour-blind'
  | 'deaf'
  | 'keyboard'
  | 'motor'
  | 'cognitive'
  | 'other-language'
  | 'zoom'
  | 'vestibular'
  | 'everyone';

/** A rectangle in CSS pixels of the page (document coordinates). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Finding {
  /** Rule or check id: axe's rule id, or a welcomemat check id (= its file name). */
  ruleId: string;
  source: FindingSource;
  kind: FindingKind;
  impact: Impact;
  family: CheckFamily;
  /** WCAG success criteria such as "1.1.1"; empty where none applies. */
  wcag: string[];
  level: WcagLevel;
  affects: Audience[];
  /** The page the finding is on (its final URL after redirects). */
  url: string;
  /** CSS selector of the element; empty for page- or site-level findings. */
  selector: string;
  /** The element's outer HTML, truncated; text from the audited site, never trusted. */
  snippet: string;
  /** What is wrong here, in plain words (English). */
  message: string;
  /** The same message as an id and parameters, so a report in another language can word it. */
  messageRef?: MessageRef;
  helpUrl: string;
  /** The element's box on the page screenshot, where known. */
  box?: Box;
  /**
   * Grouping key for the cause: findings of the same rule whose cause is the same
   * (same selector and markup on several pages, say) share it. Filled by checks that
   * know better than "same rule, same selector"; otherwise derived when prioritizing.
   */
  causeKey?: string;
}

/** Why a check or axe rule could not give a result, so a report can word it in its own language. */
export type CheckErrorReason = 'artifact-failed' | 'threw' | 'axe-error';

/** An error running one check or one axe rule on one page; reported, never dropped. */
export interface CheckError {
  ruleId: string;
  source: FindingSource;
  /** The page, or empty for a site-level check. */
  url: string;
  /** The error in English (and older reports' only text). */
  message: string;
  reason?: CheckErrorReason;
  /** For artifact-failed: the artifact whose gatherer failed. */
  artifact?: string;
  /** The underlying technical message, as it came (a browser's or a thrown error's). */
  detail?: string;
}
