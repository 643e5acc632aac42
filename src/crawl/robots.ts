// Reads robots.txt so the crawl stays out of what a site asks robots not to visit.
import robotsParserModule from 'robots-parser';
import type { FetchText } from './fetch-text.js';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Sitemap URLs listed in robots.txt, absolute http(s) only. */
  sitemaps: string[];
  /** Crawl-delay for our user agent (or *), in milliseconds; undefined when not set. */
  crawlDelayMs: number | undefined;
  /** the rule text that disallows, for the report */
  explain(url: string): string;
}

/**
 * robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default
 * export, so under NodeNext the default import is the function at run time while typed
 * as the module. This cast states what is really there.
 */
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** The robots.txt group name welcomemat answers to. */
export const ROBOTS_TOKEN = 'welcomemat';

/** Milliseconds in a Crawl-delay second. */
const MS_PER_SECOND = 1000;

/**
 * The product token robots.txt groups are matched against. A user agent that mentions
 * welcomemat (even a browser-like one) uses "welcomemat"; another custom user agent uses
 * its first product token ("mybot/1.0 (...)" → "mybot"), as robots.txt rules expect.
 */
export function robotsTokenFor(userAgent: string): string {
  if (userAgent.trim() === '' || /welcomemat/i.test(userAgent)) return ROBOTS_TOKEN;
  return (userAgent.trim().split(/[\s/]/)[0] ?? ROBOTS_TOKEN).toLowerCase();
}

export const ALLOW_ALL: RobotsRules = Object.freeze({
  isAllowed: () => true,
  sitemaps: [],
  crawlDelayMs: undefined,
  explain: () => 'allowed: no robots.txt rules apply',
});

function absoluteHttpUrls(urls: string[], base: string): string[] {
  const result: string[] = [];
  for (const raw of urls) {
    try {
      const url = new URL(raw.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') result.push(url.href);
    } catch {
      // A malformed Sitemap line is skipped, like any other bad robots.txt line.
    }
  }
  return result;
}

/**
 * Rules for one origin. URLs of another origin are allowed: this robots.txt does not
 * speak for them (robots-parser returns undefined there).
 */
export function parseRobots(robotsUrl: string, body: string, userAgent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, body);
  const token = robotsTokenFor(userAgent);
  const lines = body.split(/\r\n|\r|\n/);
  const delaySeconds = robots.getCrawlDelay(token);

  const isAllowed = (url: string): boolean => robots.isAllowed(url, token) !== false;

  return {
    isAllowed,
    sitemaps: absoluteHttpUrls(robots.getSitemaps(), robotsUrl),
    crawlDelayMs: typeof delaySeconds === 'number' && Number.isFinite(delaySeconds) ? Math.round(delaySeconds * MS_PER_SECOND) : undefined,
    explain(url: string): string {
      if (isAllowed(url)) return `allowed by ${robotsUrl}`;
      // robots-parser line numbers are 1-based.
      const lineNumber = robots.getMatchingLineNumber(url, token);
      const rule = lines[lineNumber - 1]?.trim();
      return rule ? `disallowed by ${robotsUrl} line ${lineNumber}: ${rule}` : `disallowed by ${robotsUrl}`;
    },
  };
}

/**
 * Fetches and parses `${origin}/robots.txt`. Rules apply to the origin asked for, even
 * when robots.txt redirects elsewhere. A 4xx means no rules; a 5xx or a network error
 * also allows everything (kept simple, rather than Google's "assume disallowed").
 */
export async function loadRobots(origin: string, fetchText: FetchText, userAgent: string): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  try {
    const response = await fetchText(robotsUrl);
    // 2xx only: 3xx are followed by fetchText, 4xx and 5xx carry no rules.
    if (response.status < 200 || response.status >= 300) return ALLOW_ALL;
    return parseRobots(robotsUrl, response.body.toString('utf8'), userAgent);
  } catch {
    return ALLOW_ALL;
  }
}
