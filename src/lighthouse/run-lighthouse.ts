// Lighthouse on the audit's own Chromium: performance, SEO and best-practices scores and top opportunities for a few pages.
import type { Page } from 'puppeteer';
import type { LighthouseOpportunity, LighthousePage, LighthouseScore, LighthouseSummary, PageResult } from '../model/report.js';

/** The categories welcomemat reports. Accessibility is left out on purpose: axe is the accessibility source. */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'seo', 'best-practices'] as const satisfies readonly LighthouseScore['id'][];
/** One Lighthouse run loads the page cold and traces it; 60 s covers a slow page on a loaded machine. */
export const LIGHTHOUSE_PAGE_BUDGET_MS = 60_000;
/** Opportunities kept per page: the report shows five, the JSON a few more. */
const OPPORTUNITIES_KEPT = 8;

/** The start page first, then up to `extra` audited pages spread evenly over the crawl order. */
export function samplePages(pages: PageResult[], startUrls: string[], extra: number): string[] {
  const audited = pages.filter((page) => !page.error);
  const starts = audited.filter((page) => startUrls.includes(page.url) || page.foundBy === 'start').map((page) => page.finalUrl);
  const chosen = new Set(starts.slice(0, 1));
  const rest = audited.map((page) => page.finalUrl).filter((url) => !chosen.has(url));
  if (extra > 0 && rest.length > 0) {
    const step = rest.length / Math.min(extra, rest.length);
    for (let i = 0; i < Math.min(extra, rest.length); i++) chosen.add(rest[Math.floor(i * step)]);
  }
  return [...chosen];
}

/** The parts of a Lighthouse result we read; typed here so Lighthouse's types stay out of the model. */
interface LhrLike {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: { type?: string; overallSavingsMs?: number }; metricSavings?: Record<string, number> } | undefined>;
}

/** Lighthouse's result reduced to scores (0–100) and the failing audits with the biggest savings first. */
export function summariseLhr(url: string, lhr: LhrLike, durationMs: number): LighthousePage {
  const scores: LighthouseScore[] = LIGHTHOUSE_CATEGORIES.map((id) => {
    const score = lhr.categories[id]?.score;
    return { id, score: typeof score === 'number' ? Math.round(score * 100) : null };
  });
  const opportunities: LighthouseOpportunity[] = [];
  const seen = new Set<string>();
  for (const category of LIGHTHOUSE_CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || seen.has(audit.id)) continue;
      // Failing audits only: a score under 0.9 is Lighthouse's own "needs improvement" line.
      const failing = typeof audit.score === 'number' && audit.score < 0.9 && ['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode);
      if (!failing) continue;
      seen.add(audit.id);
      const savings = audit.details?.overallSavingsMs ?? audit.metricSavings?.['LCP'];
      opportunities.push({
        id: audit.id,
        title: audit.title,
        category,
        score: audit.score,
        displayValue: audit.displayValue ?? '',
        ...(typeof savings === 'number' && savings > 0 ? { savingsMs: Math.round(savings) } : {}),
      });
    }
  }
  opportunities.sort((a, b) => (b.savingsMs ?? 0) - (a.savingsMs ?? 0) || (a.score ?? 1) - (b.score ?? 1));
  return {
    url,
    scores,
    opportunities: opportunities.slice(0, OPPORTUNITIES_KEPT),
    durationMs,
    ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
  };
}

export interface LighthouseRunOptions {
  /** Opens a fresh tab in the audit's browser; the tab is closed after each page. */
  newPage: () => Promise<Page>;
  budgetMs?: number;
  /** Language of Lighthouse's audit titles and figures (its own locales, e.g. "es"); default English. */
  locale?: string;
}

/** Runs Lighthouse on each URL in turn. A failure is recorded on that page and never thrown. */
export async function runLighthouse(urls: string[], options: LighthouseRunOptions): Promise<LighthouseSummary> {
  const budget = options.budgetMs ?? LIGHTHOUSE_PAGE_BUDGET_MS;
  let version = '';
  const pages: LighthousePage[] = [];
  let lighthouse: typeof import('lighthouse').default;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch (error) {
    return { version: 'unavailable', pages: urls.map((url) => ({ url, scores: [], opportunities: [], durationMs: 0, error: `Lighthouse could not be loaded: ${(error as Error).message}` })) };
  }
  for (const url of urls) {
    const started = Date.now();
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      page = await options.newPage();
      const run = lighthouse(
        url,
        {
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...LIGHTHOUSE_CATEGORIES],
          maxWaitForLoad: budget / 2,
          formFactor: 'desktop',
          screenEmulation: { disabled: true },
          // Lighthouse knows its own list of locales; an unknown one falls back to English there.
          ...(options.locale ? { locale: options.locale as NonNullable<Parameters<typeof lighthouse>[1]>['locale'] } : {}),
        },
        undefined,
        // Lighthouse takes a puppeteer-core Page; ours is the same class from the puppeteer package.
        page as unknown as Parameters<typeof lighthouse>[3],
      );
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Lighthouse took longer than ${Math.round(budget / 1000)} s`)), budget);
      });
      const result = await Promise.race([run, timeout]);
      if (!result) throw new Error('Lighthouse returned no result');
      const lhr = result.lhr as unknown as LhrLike;
      version = lhr.lighthouseVersion;
      pages.push(summariseLhr(url, lhr, Date.now() - started));
    } catch (error) {
      pages.push({ url, scores: [], opportunities: [], durationMs: Date.now() - started, error: (error as Error).message.split('\n')[0] });
    } finally {
      clearTimeout(timer);
      await page?.close().catch(() => undefined);
    }
  }
  return { version: version || 'unknown', pages };
}

/** The least of BrowserSession that Lighthouse needs: a context to open a tab in, given back after. */
export interface TabSource {
  acquire(): Promise<{ newPage(): Promise<Page> }>;
  release(context: never): void;
}

/** Lighthouse on the start page and up to `extraPages` sampled audited pages, in the audit's browser. */
export async function lighthouseForAudit(session: TabSource, pages: PageResult[], startUrls: string[], extraPages: number, locale?: string): Promise<LighthouseSummary> {
  const urls = samplePages(pages, startUrls, extraPages);
  return runLighthouse(urls, {
    // The report's language, so the opportunities it lists ("Reduce unused JavaScript") read in it too.
    ...(locale ? { locale } : {}),
    newPage: async () => {
      const context = await session.acquire();
      try {
        return await context.newPage();
      } finally {
        // The tab keeps the context alive until it closes; the session only counts contexts in use.
        session.release(context as never);
      }
    },
  });
}
