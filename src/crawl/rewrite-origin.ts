// Staging copies: URLs found on the live origin (sitemaps, links) are sent to the copy being audited.
import { splitOriginRewrite } from '../config/values.js';

/** A function that moves a URL from a live origin to its copy, or leaves it as it is. */
export type OriginRewriter = (url: string) => string;

/** The rewriter for `rules` ("https://live=https://copy"); identity when there are none. */
export function createOriginRewriter(rules: readonly string[]): OriginRewriter {
  const pairs = rules.map(splitOriginRewrite).filter((pair) => pair !== undefined);
  if (pairs.length === 0) return (url) => url;
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return raw;
    }
    const pair = pairs.find((candidate) => candidate.from === url.origin);
    if (!pair) return raw;
    // Path, query and fragment stay; only scheme, host and port change.
    return pair.to + raw.slice(url.origin.length);
  };
}
