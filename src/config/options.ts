// Audit options: the zod schema that validates them and the defaults they resolve to.
import os from 'node:os';
import { z } from 'zod';
import { BLOCKABLE_RESOURCES } from '../browser/block-resources.js';
import type { Report } from '../model/report.js';
import { authSchema, DEFAULT_LOGOUT_PATTERN } from '../auth/auth-options.js';
import { gathererNameSchema, localeSchema, originRewriteSchema, PDF_MODES, redisUrlSchema, wholeNumber } from './values.js';

/** Progress events the audit reports while it runs. */
export type ProgressEvent =
  | { type: 'start'; startUrls: string[] }
  | { type: 'page-start'; url: string; active: number; queued: number }
  | { type: 'page-done'; url: string; audited: number; failed: number; queued: number; error?: string }
  | { type: 'skipped'; url: string; reason: string }
  | { type: 'site-checks' }
  /** Something the user should know while the audit runs (a queued run: no worker yet, a worker of another version). */
  | { type: 'notice'; message: string }
  | { type: 'done'; report: Report };

/**
 * Two cores carry about two tabs running axe at once: axe is CPU-bound, one core per
 * page. Memory caps it too: a busy tab with axe needs about 300 MB, so keep one tab
 * per 512 MB free with room to spare. Overridable with `concurrency`.
 */
export function defaultConcurrency(): number {
  const byCores = Math.max(1, os.availableParallelism());
  const byMemory = Math.max(1, Math.floor(os.freemem() / (512 * 1024 * 1024)));
  return Math.min(byCores, byMemory, 8);
}

const patternList = z.array(z.string()).default([]);

/**
 * The least value of each whole-number option: the schema below and the CLI's flags
 * (src/cli/main.ts) both check against these, so a flag and a config key say the same.
 */
export const NUMBER_MINIMUMS = {
  maxPages: 1,
  maxDepth: 0,
  /** 0: linked documents are not audited. */
  maxDocuments: 0,
  /** 0: no time budget. */
  timeBudgetMs: 0,
  concurrency: 1,
  perHostConcurrency: 1,
  delayMs: 0,
  navigationTimeoutMs: 1,
  settleTimeoutMs: 0,
  interactionMaxPages: 0,
  /** 0: Lighthouse on the start page only. */
  lighthousePages: 0,
  /** 0: external links are listed, none is requested. */
  externalLinks: 0,
  /** Gate and run options (src/config/config-schema.ts). */
  maxViolations: 0,
  retention: 1,
  /** A page result of 64 KB holds a small page's findings; less would fail every page. */
  maxResultBytes: 65_536,
  /** 0: no scrolling for lazy content. */
  lazyScrollScreens: 0,
  lazyScrollMs: 0,
} as const;
const min = NUMBER_MINIMUMS;

export const auditOptionsSchema = z
  .object({
    /** Start URLs (http or https). */
    urls: z.array(z.string()).min(1, 'give at least one start URL'),
    /** Display name for the report; defaults to the first start URL's host. */
    siteName: z.string().optional(),
    // Crawl limits. 50 pages covers a small business site and keeps a first run short.
    maxPages: wholeNumber(min.maxPages).default(50),
    /** Link distance from a start URL; 10 is deep enough for any sane navigation. */
    maxDepth: wholeNumber(min.maxDepth).default(10),
    /**
     * Linked documents (PDFs) audited at most, beside the pages and not in their slots; later
     * ones are listed as not audited. 50 covers a small business's menus, forms and brochures.
     */
    maxDocuments: wholeNumber(min.maxDocuments).default(50),
    /**
     * What one linked document may cost; unset keys keep the defaults of
     * src/documents/limits.ts (25 MB, 30 s to fetch, 15 s of processor time and 2 minutes by the clock to read).
     */
    documentLimits: z
      .object({
        maxBytes: z.number().int().positive().optional(),
        fetchTimeoutMs: z.number().int().positive().optional(),
        readTimeoutMs: z.number().int().positive().optional(),
        maxCpuMs: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    /** Whole-crawl budget in ms; 0 for none. Default 15 minutes, enough for 50 slow pages. */
    timeBudgetMs: wholeNumber(min.timeBudgetMs).default(15 * 60_000),
    concurrency: wholeNumber(min.concurrency).optional(),
    /** Pages open at once on one host, to be polite to small servers. */
    perHostConcurrency: wholeNumber(min.perHostConcurrency).optional(),
    /** Pause between starting two pages on one host, in ms. */
    delayMs: wholeNumber(min.delayMs).default(0),
    scope: z
      .object({
        /** Also crawl subdomains of the start URL's host (www.example.com → shop.example.com). */
        subdomains: z.boolean().default(false),
        /** Only URLs whose path starts with this (e.g. "/en/"). */
        pathPrefix: z.string().default(''),
        /** Regular expressions or globs a URL must match (any of them), when given. */
        include: patternList,
        /** Regular expressions or globs that exclude a URL. */
        exclude: patternList,
        /**
         * Links whose URL matches this regular expression (case-insensitive) are never
         * followed, so a logged-in crawl does not log itself out; false follows them.
         */
        excludeLogout: z.union([z.string(), z.literal(false)]).default(DEFAULT_LOGOUT_PATTERN),
      })
      .prefault({}),
    /**
     * Audit a copy of a site (staging) whose sitemaps and links still name the live origin:
     * "https://www.example.com=https://staging.example.com" sends every URL found on the
     * live origin to the copy. The report says so.
     */
    rewriteOrigins: z.array(originRewriteSchema).default([]),
    /**
     * Links that leave the crawl's scope: with `check`, up to `max` of their targets get one HEAD
     * request each (one at a time per host), so links to missing pages elsewhere are reported too.
     */
    externalLinks: z
      .object({
        check: z.boolean().default(false),
        /** 100 targets at one request each is a minute or two on a slow network: enough for a small site's outbound links. */
        max: wholeNumber(min.externalLinks).default(100),
      })
      .prefault({}),
    /** Obey robots.txt (turn off only for your own site). */
    respectRobots: z.boolean().default(true),
    /** Read robots.txt Sitemap lines and /sitemap.xml. */
    useSitemaps: z.boolean().default(true),
    /** Navigation timeout per page, in ms. */
    navigationTimeoutMs: wholeNumber(min.navigationTimeoutMs).default(30_000),
    /**
     * After the load event, wait at most this long for the network to go quiet, so
     * late scripts can render; bounded so a chatty page does not hold the crawl.
     */
    settleTimeoutMs: wholeNumber(min.settleTimeoutMs).default(3_000),
    /**
     * Kinds of heavy resource not to load: "font", "media", "analytics". Off by default:
     * blocking changes what is audited (text drawn in a web font, a video's captions).
     */
    blockResources: z.array(z.enum(BLOCKABLE_RESOURCES)).default([]),
    /**
     * Keep consent banners and arrival pop-ups open on every page, so they are audited with
     * each page (axe and every check see them). Off: each is audited once, on the first page
     * it is met, then refused or closed like a careful visitor would, and that choice (its
     * cookies) kept for the rest of the site (src/gather/arrival-layer.ts).
     */
    keepBanner: z.boolean().default(false),
    /**
     * Before gathering, a page with lazy images, intersection observers or scroll listeners is
     * scrolled down one screen at a time so content that loads on scroll exists, then back to
     * the top (src/gather/lazy-scroll.ts).
     */
    lazyScroll: z
      .object({
        /** Most screens (viewport heights) to scroll down; an infinite feed stops here. 0: no scrolling. */
        maxScreens: wholeNumber(min.lazyScrollScreens).default(20),
        /** Most milliseconds per page. */
        maxMs: wholeNumber(min.lazyScrollMs).default(5_000),
      })
      .prefault({}),
    axe: z
      .object({
        /** axe tags to run: WCAG 2.0/2.1/2.2 A and AA plus best practices by default. */
        tags: z
          .array(z.string())
          .default(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']),
        /**
         * Rule ids to run even when their tags are not selected. The default adds rules axe
         * leaves off (experimental or AAA) that cover patterns welcomemat would otherwise need
         * twins of; giving a list replaces it, so keep these ids in yours:
         * - td-has-header (experimental): a data table of 3×3 or more whose cells have no headers.
         * - table-fake-caption (experimental): a first row spanning the table used as its caption.
         * - identical-links-same-purpose (AAA 2.4.9): links with the same text going to different
         *   places; axe reports it for review, which is what a tool can say about link purpose.
         * Not p-as-heading (experimental): its matcher reads the text of every later sibling for
         * each paragraph, so a page of 3,000 paragraphs ran past a minute; the heading-by-formatting
         * check covers paragraphs styled as headings instead.
         */
        enableRules: z.array(z.string()).default(['td-has-header', 'table-fake-caption', 'identical-links-same-purpose']),
        /** Rule ids never to run. */
        disableRules: z.array(z.string()).default([]),
      })
      .prefault({}),
    /** Per-check settings: false switches a check off; an object tunes it. */
    checks: z.record(z.string(), z.union([z.literal(false), z.record(z.string(), z.unknown())])).default({}),
    /** Check families to switch off as a whole, e.g. ["wording"]. */
    disabledFamilies: z.array(z.string()).default([]),
    /** Which pages get the interactive gatherers (keyboard walk, reflow, text resize and spacing, motion). */
    interaction: z
      .object({
        /**
         * "layout": the first page of each distinct layout (template) and set of widgets (dialogs,
         * accordions, menus, tabs, tooltips…); "template": the first page of each layout whatever
         * widgets its pages carry (cheaper, misses widgets of single pages); "all": every page.
         */
        sampling: z.enum(['layout', 'template', 'all']).default('layout'),
        /** At most this many layouts get them: each costs about three seconds per page on two cores. */
        maxPages: wholeNumber(min.interactionMaxPages).default(25),
      })
      .prefault({}),
    /** Gatherers to switch off by artifact name, e.g. ["keyboard", "reflow"]. */
    disabledGatherers: z.array(gathererNameSchema).default([]),
    /**
     * Base time budgets per gatherer in ms, by artifact name (e.g. { keyboard: 20000 } for very
     * long pages). The audit scales each to the page's pace and retries an interactive
     * gatherer that runs out of time once with twice the budget (docs/gatherer-budgets.md).
     */
    gathererBudgets: z.record(gathererNameSchema, wholeNumber(1)).default({}),
    browser: z
      .object({
        /** Path to Chrome or Chromium; see docs for the search order. */
        executablePath: z.string().optional(),
        /**
         * Chromium's sandbox. "auto" keeps it on unless the process runs as root on
         * Linux, where Chromium refuses to start with it; that case is logged.
         */
        sandbox: z.enum(['auto', 'on', 'off']).default('auto'),
        /** Extra Chromium flags. */
        args: z.array(z.string()).default([]),
        /**
         * Slows every tab's CPU down this many times (Chromium's CPU throttling), to see how an
         * audit holds up on a slow machine; 1 is full speed. For tests and the benchmark.
         */
        cpuThrottling: z.number().min(1).max(20).default(1),
      })
      .prefault({}),
    /** How the report reads and looks: its language, white-label branding, and a report to compare with (src/report/). */
    report: z
      .object({
        /** Report language: a file in locales/ such as "en" or "es". */
        locale: localeSchema.default('en'),
        /**
         * What the PDF prints: "summary" (the summary, each fix with one example, the compliance
         * tables) or "full" (everything). Unset: summary for sites over 50 audited pages, else full.
         */
        pdf: z.enum(PDF_MODES).optional(),
        /** Agency branding; see BrandingInput in src/report/branding.ts. Colours are kept at 4.5:1 contrast. */
        branding: z
          .object({
            agencyName: z.string().optional(),
            logoPath: z.string().optional(),
            primaryColour: z.string().optional(),
            accentColour: z.string().optional(),
            contact: z.string().optional(),
            clientName: z.string().optional(),
            showWelcomemat: z.boolean().optional(),
          })
          .strict()
          .optional(),
        /** A previous report.json to say what changed against (default: the previous run in the output folder). */
        compare: z.string().optional(),
      })
      .prefault({}),
    /**
     * The compliance documents (formats conformance, statement, acr; src/compliance/): the
     * product and vendor the Accessibility Conformance Report names, the countries whose
     * enforcement body the statement leaves a blank for, and the manual-verdicts file.
     */
    compliance: z
      .object({
        product: z
          .object({
            /** Product name on the ACR; default the site name. */
            name: z.string().optional(),
            version: z.string().optional(),
            /** The company the ACR is from; default the site name. */
            vendor: z.string().optional(),
            /** Contact email for the ACR (OpenACR requires one); default the first email found on the site, else a marked blank. */
            email: z.string().optional(),
            website: z.string().optional(),
            description: z.string().optional(),
          })
          .strict()
          .optional(),
        /** YAML file of a person's verdicts per criterion (verdict, remarks, who, when), relative to the working folder. */
        manualVerdicts: z.string().optional(),
        /** Countries the service is offered in: the statement leaves one enforcement-body blank per country. */
        countries: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** Lighthouse (performance, SEO, best practices) on the start page and up to `pages` sampled pages. */
    lighthouse: z
      .object({
        enabled: z.boolean().default(false),
        /** Sampled pages besides the start page; each Lighthouse run takes 10–30 s, so a few are enough. */
        pages: wholeNumber(min.lighthousePages).default(2),
      })
      .prefault({}),
    /** Where screenshots are written; unset means none are taken. */
    artifactsDir: z.string().optional(),
    /**
     * Queued mode (docs/scaling.md): pages become BullMQ jobs on this Redis, audited by
     * `welcomemat worker` processes; `concurrency` is then the pages in flight across all workers.
     */
    queue: z
      .object({
        redis: redisUrlSchema,
        /**
         * Largest page result a worker sends back, in bytes (screenshot included). 4 MB holds a
         * page's findings and a 0.6 MB screenshot many times over, and keeps Redis small.
         */
        maxResultBytes: wholeNumber(min.maxResultBytes).default(4 * 1024 * 1024),
      })
      .strict()
      .optional(),
    /** Pages behind a login: cookies, headers, basic auth, login steps; see src/auth/. */
    auth: authSchema.optional(),
  })
  .strict();

export type AuditOptionsInput = z.input<typeof auditOptionsSchema>;

export type ResolvedOptions = z.output<typeof auditOptionsSchema> & {
  concurrency: number;
  perHostConcurrency: number;
};

export interface AuditCallbacks {
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops new pages; pages in flight finish within a grace period; a partial report is returned. */
  signal?: AbortSignal;
}

export type AuditOptions = AuditOptionsInput & AuditCallbacks;
