// Where a link leads nowhere: plain data the crawl collects and the "links that lead nowhere" site check reads.

/** Why a link target is a dead end. */
export type DeadEndReason = 'not-found' | 'gone' | 'unknown-host' | 'refused' | 'soft-404' | 'malformed';

/** A link target known to lead nowhere (a page that failed to load, or an external target that a HEAD request found missing). */
export interface DeadEndTarget {
  /** The normalised URL of the target. */
  url: string;
  reason: DeadEndReason;
  /** The HTTP status, where there was one (404, 410, or 200 for a soft 404). */
  status?: number;
}

/**
 * A dead end reached other than by an `<a href>` (a button or script route that renders
 * "not found"): the page it is on and the control's text are known where it was found.
 */
export interface DeadEndLink extends DeadEndTarget {
  /** The page the control is on. */
  from: string;
  /** The control's text. */
  text: string;
  /** The control's CSS selector, where known. */
  selector?: string;
}

/** What the "links that lead nowhere" check is told: a lookup by href, and dead ends reached by other controls. */
export interface LinkTargets {
  /** The dead end `href` leads to, or undefined; the href is normalised (and moved to a staging copy) as the crawl does. */
  deadEndFor(href: string): DeadEndTarget | undefined;
  links: readonly DeadEndLink[];
}

/** No dead ends known (site checks run without a crawl, in tests). */
export const NO_LINK_TARGETS: LinkTargets = { deadEndFor: () => undefined, links: [] };
