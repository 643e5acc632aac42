// The command line: a thin layer over the library that parses flags, shows progress and sets the exit code.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { audit } from '../audit/audit-site.js';
import type { AuditOptions } from '../config/options.js';
import { EXIT_CODES, WelcomematError } from '../errors.js';
import type { Report } from '../model/report.js';
import { writeReport } from '../report/write-report.js';
import { errorMessage } from '../util/with-budget.js';
import { toolVersion } from '../util/tool-version.js';
import { createProgressPrinter } from './progress.js';
import { runDemo } from '../demo/run-demo.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];

function positiveInt(name: string) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw new WelcomematError('BAD_OPTIONS', `${name} must be a whole number, got "${value}"`);
    return number;
  };
}

function defaultOutDir(url: string): string {
  let host = 'site';
  try {
    host = new URL(url).host.replace(/[^a-z0-9.-]+/gi, '_');
  } catch {
    // Bad URLs are reported by the audit itself.
  }
  return path.join('reports', host);
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.pagesAudited} pages audited, ${s.pagesFailed} failed to load, ${s.urlsSkipped} not audited; ${s.violations} violations and ${s.needsReview} to review, grouped into ${s.fixes} fixes`;
}

interface AuditFlags {
  out?: string;
  format: string[];
  maxPages?: number;
  maxDepth?: number;
  timeBudget?: number;
  concurrency?: number;
  perHost?: number;
  delay?: number;
  subdomains?: boolean;
  pathPrefix?: string;
  include: string[];
  exclude: string[];
  robots: boolean;
  sitemaps: boolean;
  axeTags?: string[];
  enableRules: string[];
  disableRules: string[];
  disableChecks: string[];
  chromePath?: string;
  sandbox?: 'auto' | 'on' | 'off';
  navTimeout?: number;
  siteName?: string;
  quiet?: boolean;
}

function optionsFromFlags(urls: string[], flags: AuditFlags): AuditOptions {
  const checks: Record<string, false> = {};
  for (const id of flags.disableChecks) checks[id] = false;
  return {
    urls,
    ...(flags.siteName ? { siteName: flags.siteName } : {}),
    ...(flags.maxPages !== undefined ? { maxPages: flags.maxPages } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.timeBudget !== undefined ? { timeBudgetMs: flags.timeBudget * 1000 } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    ...(flags.perHost !== undefined ? { perHostConcurrency: flags.perHost } : {}),
    ...(flags.delay !== undefined ? { delayMs: flags.delay } : {}),
    ...(flags.navTimeout !== undefined ? { navigationTimeoutMs: flags.navTimeout * 1000 } : {}),
    scope: {
      subdomains: Boolean(flags.subdomains),
      pathPrefix: flags.pathPrefix ?? '',
      include: flags.include,
      exclude: flags.exclude,
    },
    respectRobots: flags.robots,
    useSitemaps: flags.sitemaps,
    axe: {
      ...(flags.axeTags ? { tags: flags.axeTags } : {}),
      enableRules: flags.enableRules,
      disableRules: flags.disableRules,
    },
    checks,
    browser: {
      ...(flags.chromePath ? { executablePath: flags.chromePath } : {}),
      ...(flags.sandbox ? { sandbox: flags.sandbox } : {}),
    },
  };
}

/** Ctrl-C once: stop starting pages, finish those in flight, write a partial report. Twice: quit now. */
function abortOnSignals(): AbortController {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: string) => {
    signals++;
    if (signals > 1) process.exit(EXIT_CODES.interrupted);
    process.stderr.write(`\nwelcomemat: ${name} received; finishing pages in flight and writing a partial report (again to quit now)\n`);
    controller.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return controller;
}

async function runAudit(urls: string[], flags: AuditFlags): Promise<number> {
  const printer = createProgressPrinter(process.stderr, flags.quiet);
  const controller = abortOnSignals();
  const options = optionsFromFlags(urls, flags);
  let report: Report;
  try {
    report = await audit({ ...options, onProgress: printer.onProgress, signal: controller.signal });
  } finally {
    printer.finish();
  }
  const outDir = path.resolve(flags.out ?? defaultOutDir(urls[0]));
  const written = await writeReport(report, { outDir, formats: flags.format });
  process.stdout.write(`${summaryLine(report)}\n`);
  for (const file of written) process.stdout.write(`Report: ${file}\n`);
  if (!report.complete) {
    process.stdout.write(`Partial report: ${report.incompleteReason}\n`);
    if (controller.signal.aborted) return EXIT_CODES.interrupted;
  }
  return EXIT_CODES.ok;
}

export function buildProgram(): Command {
  const program = new Command('welcomemat')
    .description('Audit a website for the barriers it puts in front of disabled people, speakers of other languages, and everyone who does not use it the "standard" way.')
    .version(toolVersion())
    .showHelpAfterError('(run "welcomemat --help" for usage)');

  program
    .command('audit')
    .description('crawl a site in headless Chromium and write a prioritized report')
    .argument('<url...>', 'start URL(s), http or https')
    .option('-o, --out <dir>', 'output folder (default: reports/<host>)')
    .option('-f, --format <list>', 'report formats, comma-separated: html, json', list, [])
    .option('--max-pages <n>', 'most pages to audit (default 50)', positiveInt('--max-pages'))
    .option('--max-depth <n>', 'most links away from a start URL (default 10)', positiveInt('--max-depth'))
    .option('--time-budget <seconds>', 'stop starting pages after this long, write what was measured (default 900)', positiveInt('--time-budget'))
    .option('--concurrency <n>', 'pages audited at once (default: from CPU cores and free memory)', positiveInt('--concurrency'))
    .option('--per-host <n>', 'pages open at once on one host', positiveInt('--per-host'))
    .option('--delay <ms>', 'pause between starting two pages on one host', positiveInt('--delay'))
    .option('--subdomains', 'also crawl subdomains of the start host')
    .option('--path-prefix <path>', 'only crawl URLs whose path starts with this, e.g. /en/')
    .option('--include <pattern>', 'only crawl URLs matching this glob or /regex/ (repeatable)', list, [])
    .option('--exclude <pattern>', 'never crawl URLs matching this glob or /regex/ (repeatable)', list, [])
    .option('--no-robots', 'ignore robots.txt (only for your own site)')
    .option('--no-sitemaps', 'do not read sitemaps')
    .option('--axe-tags <list>', 'axe-core tags to run (default: WCAG 2.0/2.1/2.2 A+AA and best practices)', list)
    .option('--enable-rules <list>', 'axe rule ids to run in addition', list, [])
    .option('--disable-rules <list>', 'axe rule ids to skip', list, [])
    .option('--disable-checks <list>', 'welcomemat check ids to skip', list, [])
    .option('--nav-timeout <seconds>', 'navigation timeout per page (default 30)', positiveInt('--nav-timeout'))
    .option('--chrome-path <path>', 'Chrome or Chromium executable (also CHROME_PATH)')
    .addOption(new Option('--sandbox <mode>', 'Chromium sandbox: auto turns it off only when running as root').choices(['auto', 'on', 'off']))
    .option('--site-name <name>', 'name shown on the report')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      `
Examples:
  $ welcomemat audit https://example.com
  $ welcomemat audit https://example.com --max-pages 200 --format html,json -o reports/example
  $ welcomemat audit https://example.com/en/ --path-prefix /en/ --exclude "/blog/**"
  $ welcomemat audit https://shop.example.com https://www.example.com --subdomains

Exit codes:
  0  report written          2  bad input (URL, option)       3  start page unreachable
  4  no usable browser       5  interrupted (partial report)  70 internal error`,
    )
    .action(async (urls: string[], flags: AuditFlags) => {
      process.exitCode = await runAudit(urls, { ...flags, format: flags.format.length ? flags.format : ['html', 'json'] });
    });

  program
    .command('demo')
    .description('serve the bundled demo site on 127.0.0.1 and audit it (no internet needed)')
    .option('-o, --out <dir>', 'output folder', path.join('reports', 'demo'))
    .action(async (flags: { out: string }) => {
      await runDemo({ outDir: flags.out });
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
    }
    if (error instanceof WelcomematError) {
      process.stderr.write(`welcomemat: error: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`welcomemat: internal error: ${errorMessage(error)}\n`);
    if (process.env.WELCOMEMAT_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT_CODES.internal;
  }
}
