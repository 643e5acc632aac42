// The command line: a thin layer over the library that parses flags, shows progress and sets the exit code.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { CRAWL_STATE_FILE } from '../crawl/crawl-state.js';
import { NUMBER_MINIMUMS, type AuditOptions } from '../config/options.js';
import { parseStartUrl } from '../config/resolve-options.js';
import {
  existingPath,
  outputFolder,
  parseCron,
  parseFormats,
  parseHttpUrl,
  parseLocale,
  parseRedisUrl,
  parsePdfMode,
  parseOriginRewrite,
  parseWholeNumber,
  PDF_MODES,
  REPORT_FORMATS,
  type PdfMode,
} from '../config/values.js';
import { EXIT_CODES, WelcomematError } from '../errors.js';
import type { Report } from '../model/report.js';
import { readBrandConfig } from '../report/branding.js';
import { renderReportFile } from '../report/render-file.js';
import { availableLocales } from '../report/i18n.js';
import { errorMessage } from '../util/error-message.js';
import { toolVersion } from '../util/tool-version.js';
import { createProgressPrinter } from './progress.js';
import { runDemo } from '../demo/run-demo.js';
import { auditCommand, initCommand, runCommand, workerCommand, type CommonFlags } from '../run/commands.js';
import { IMPACTS } from '../model/finding.js';
import type { GateConfig } from '../config/config-schema.js';

// Every flag value goes through a library check (src/config/values.ts) as it is parsed, so a bad
// value stops the command with one line naming the flag before anything is fetched or launched.
const split = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const list = (value: string, previous: string[] = []) => [...previous, ...split(value)];
const formatList = (value: string, previous: string[] = []) => [...previous, ...parseFormats(split(value), '--format')];
const wholeNumber = (name: string, min: number) => (value: string) => parseWholeNumber(value, name, min);
const file = (name: string) => (value: string) => existingPath(value, name, 'file');
const FORMATS_HELP = `report formats, comma-separated: ${REPORT_FORMATS.join(', ')} (default html,json)`;
const min = NUMBER_MINIMUMS;

export function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.pagesAudited} pages audited, ${s.pagesFailed} failed to load, ${s.urlsSkipped} not audited; ${s.violations} violations and ${s.needsReview} to review, grouped into ${s.fixes} fixes`;
}

interface AuditFlags {
  out?: string;
  format: string[];
  maxPages?: number;
  maxDepth?: number;
  maxDocuments?: number;
  timeBudget?: number;
  concurrency?: number;
  perHost?: number;
  delay?: number;
  subdomains?: boolean;
  pathPrefix?: string;
  include?: string[];
  exclude?: string[];
  rewriteOrigin?: string[];
  checkExternalLinks?: number | boolean;
  robots?: boolean;
  keepBanner?: boolean;
  sitemaps?: boolean;
  axeTags?: string[];
  enableRules?: string[];
  disableRules?: string[];
  disableChecks?: string[];
  chromePath?: string;
  sandbox?: 'auto' | 'on' | 'off';
  navTimeout?: number;
  siteName?: string;
  quiet?: boolean;
  resume?: boolean;
  config?: string;
  logFormat?: 'auto' | 'json' | 'text';
  failOn?: GateConfig['failOn'];
  maxViolations?: number;
  failOnNew?: boolean;
  baseline?: string;
  accepted?: string;
  locale?: string;
  compare?: string;
  lighthouse?: number | boolean;
  brandConfig?: string;
  pdf?: PdfMode;
  redis?: string;
}

/** Only the flags typed on the command line: commander's defaults must not override a config file. */
function explicitFlags<T extends object>(command: Command): Partial<T> {
  const values = command.opts() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter(([key]) => command.getOptionValueSource(key) === 'cli')) as Partial<T>;
}

function gateFromFlags(flags: Partial<AuditFlags>): GateConfig {
  return {
    ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
    ...(flags.maxViolations !== undefined ? { maxViolations: flags.maxViolations } : {}),
    ...(flags.failOnNew !== undefined ? { failOnNew: flags.failOnNew } : {}),
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(flags.accepted !== undefined ? { accepted: flags.accepted } : {}),
  };
}

function commonFlags(flags: Partial<AuditFlags>): CommonFlags {
  return {
    ...(flags.config ? { config: flags.config } : {}),
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.format?.length ? { format: flags.format } : {}),
    ...(flags.logFormat ? { logFormat: flags.logFormat } : {}),
    ...(flags.quiet ? { quiet: true } : {}),
    gate: gateFromFlags(flags),
  };
}

/** Audit options from the flags given; absent flags leave the config's (or the default) value alone. */
function optionsFromFlags(flags: Partial<AuditFlags>): Partial<AuditOptions> {
  const checks: Record<string, false> = {};
  for (const id of flags.disableChecks ?? []) checks[id] = false;
  const scope = {
    ...(flags.subdomains !== undefined ? { subdomains: flags.subdomains } : {}),
    ...(flags.pathPrefix !== undefined ? { pathPrefix: flags.pathPrefix } : {}),
    ...(flags.include?.length ? { include: flags.include } : {}),
    ...(flags.exclude?.length ? { exclude: flags.exclude } : {}),
  };
  const axe = {
    ...(flags.axeTags ? { tags: flags.axeTags } : {}),
    ...(flags.enableRules?.length ? { enableRules: flags.enableRules } : {}),
    ...(flags.disableRules?.length ? { disableRules: flags.disableRules } : {}),
  };
  const browser = {
    ...(flags.chromePath ? { executablePath: flags.chromePath } : {}),
    ...(flags.sandbox ? { sandbox: flags.sandbox } : {}),
  };
  return {
    ...(flags.siteName ? { siteName: flags.siteName } : {}),
    ...(flags.maxPages !== undefined ? { maxPages: flags.maxPages } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.maxDocuments !== undefined ? { maxDocuments: flags.maxDocuments } : {}),
    ...(flags.timeBudget !== undefined ? { timeBudgetMs: flags.timeBudget * 1000 } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    ...(flags.perHost !== undefined ? { perHostConcurrency: flags.perHost } : {}),
    ...(flags.delay !== undefined ? { delayMs: flags.delay } : {}),
    ...(flags.navTimeout !== undefined ? { navigationTimeoutMs: flags.navTimeout * 1000 } : {}),
    ...(Object.keys(scope).length ? { scope } : {}),
    ...(flags.rewriteOrigin?.length ? { rewriteOrigins: flags.rewriteOrigin } : {}),
    // --check-external-links alone: up to 100 out-of-scope targets; --check-external-links N: up to N.
    ...(flags.checkExternalLinks !== undefined
      ? { externalLinks: { check: true, ...(typeof flags.checkExternalLinks === 'number' ? { max: flags.checkExternalLinks } : {}) } }
      : {}),
    ...(flags.robots !== undefined ? { respectRobots: flags.robots } : {}),
    ...(flags.keepBanner ? { keepBanner: true } : {}),
    ...(flags.sitemaps !== undefined ? { useSitemaps: flags.sitemaps } : {}),
    ...(Object.keys(axe).length ? { axe } : {}),
    ...(Object.keys(checks).length ? { checks } : {}),
    ...(Object.keys(browser).length ? { browser } : {}),
    ...(flags.locale || flags.compare || flags.brandConfig || flags.pdf
      ? {
          report: {
            ...(flags.locale ? { locale: flags.locale } : {}),
            ...(flags.pdf ? { pdf: flags.pdf } : {}),
            ...(flags.compare ? { compare: flags.compare } : {}),
            ...(flags.brandConfig ? { branding: readBrandConfig(flags.brandConfig) } : {}),
          },
        }
      : {}),
    // --lighthouse alone: the start page and 2 sampled pages; --lighthouse N: N sampled pages.
    ...(flags.redis ? { queue: { redis: flags.redis } } : {}),
    ...(flags.lighthouse !== undefined ? { lighthouse: { enabled: true, pages: typeof flags.lighthouse === 'number' ? flags.lighthouse : 2 } } : {}),
  };
}

/** Ctrl-C once: stop starting pages, finish those in flight, write a partial report. Twice: quit now. */
function abortOnSignals(options: { silent?: boolean } = {}): AbortController {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: string) => {
    signals++;
    if (signals > 1) process.exit(EXIT_CODES.interrupted);
    // `run` logs this itself, in its own log format.
    if (!options.silent) process.stderr.write(`\nwelcomemat: ${name} received; finishing pages in flight and writing a partial report (again to quit now)\n`);
    controller.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return controller;
}

async function runAudit(urls: string[], flags: Partial<AuditFlags>): Promise<number> {
  const printer = createProgressPrinter(process.stderr, flags.quiet || flags.logFormat === 'json');
  const controller = abortOnSignals();
  try {
    return await auditCommand(urls, optionsFromFlags(flags), commonFlags(flags), {
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
      onProgress: (_site, event) => printer.onProgress(event),
      summaryLine,
      auditExtras: (outDir) => {
        // The crawl state lives next to the report while a crawl is unfinished, for --resume.
        const crawlStatePath = path.join(outDir, CRAWL_STATE_FILE);
        const resumeFrom = flags.resume && existsSync(crawlStatePath) ? crawlStatePath : undefined;
        if (flags.resume && !resumeFrom) process.stderr.write(`welcomemat: nothing to resume in ${outDir}; starting a new audit\n`);
        return { crawlStatePath, ...(resumeFrom ? { resumeFrom } : {}) };
      },
    });
  } finally {
    printer.finish();
  }
}

/** Flags shared by `audit` and `run`: config, gates, logs. */
function addConfigAndGateOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (default: welcomemat.config.{yaml,yml,json,js,mjs,ts} or .welcomematrc* here, or "welcomemat" in package.json)', file('--config'))
    .addOption(new Option('--fail-on <impact>', 'exit 1 when a violation of this impact or worse remains').choices([...IMPACTS, 'none']))
    .option('--max-violations <n>', 'exit 1 when there are more violations than this', wholeNumber('--max-violations', min.maxViolations))
    .option('--fail-on-new', 'exit 1 when a violation fix is not in the baseline report')
    .option('--baseline <report>', 'report.json, or a folder with report.json or latest.json, to compare with', (value: string) => existingPath(value, '--baseline', 'file or folder'))
    .option('--accepted <file>', 'YAML/JSON file of accepted findings (rule, page, selector, reason, expires)', file('--accepted'))
    .addOption(new Option('--log-format <format>', 'log lines as text or JSON lines (auto: JSON when not on a terminal; run only)').choices(['auto', 'json', 'text']));
}

export function buildProgram(): Command {
  const program = new Command('welcomemat')
    .description('Audit a website for the barriers it puts in front of disabled people, speakers of other languages, and everyone who does not use it the "standard" way.')
    .version(toolVersion())
    .showHelpAfterError('(run "welcomemat --help" for usage)');

  program
    .command('audit')
    .description('crawl a site in headless Chromium and write a prioritized report')
    .argument('[url...]', 'start URL(s), http or https (default: from the config file)')
    .option('-o, --out <dir>', 'output folder (default: reports/<host>)', (value: string) => outputFolder(value, '--out'))
    .option('-f, --format <list>', FORMATS_HELP, formatList, [])
    .option('--locale <code>', `report language: ${availableLocales().join(' or ')} (default en)`, (value: string) => parseLocale(value, '--locale'))
    .option('--pdf <mode>', `with --format pdf, what the PDF prints: ${PDF_MODES.join(' or ')} (default: summary for sites over 50 pages, else full)`, (value: string) => parsePdfMode(value, '--pdf'))
    .option('--compare <report.json>', 'say what changed against this earlier report (default: the previous run in the output folder)', file('--compare'))
    .option('--lighthouse [pages]', 'also run Lighthouse (performance, SEO, best practices) on the start page and this many sampled pages (default 2)', wholeNumber('--lighthouse', min.lighthousePages))
    .option('--brand-config <file>', 'white-label branding, JSON or YAML: agencyName, logoPath, primaryColour, accentColour, contact, clientName, showWelcomemat', file('--brand-config'))
    .option('--max-pages <n>', 'most pages to audit (default 50)', wholeNumber('--max-pages', min.maxPages))
    .option('--max-depth <n>', 'most links away from a start URL (default 10)', wholeNumber('--max-depth', min.maxDepth))
    .option('--max-documents <n>', 'most linked PDFs to audit, beside the pages (default 50; 0 for none)', wholeNumber('--max-documents', min.maxDocuments))
    .option('--time-budget <seconds>', 'stop starting pages after this long, write what was measured (default 900; 0 for none)', wholeNumber('--time-budget', min.timeBudgetMs))
    .option('--concurrency <n>', 'pages audited at once (default: from CPU cores and free memory)', wholeNumber('--concurrency', min.concurrency))
    .option('--per-host <n>', 'pages open at once on one host', wholeNumber('--per-host', min.perHostConcurrency))
    .option('--delay <ms>', 'pause between starting two pages on one host', wholeNumber('--delay', min.delayMs))
    .option('--subdomains', 'also crawl subdomains of the start host')
    .option('--path-prefix <path>', 'only crawl URLs whose path starts with this, e.g. /en/')
    .option('--include <pattern>', 'only crawl URLs matching this glob or /regex/ (repeatable)', list, [])
    .option('--exclude <pattern>', 'never crawl URLs matching this glob or /regex/ (repeatable)', list, [])
    .option('--rewrite-origin <live=copy>', 'audit a staging copy: URLs on the live origin are audited on the copy, e.g. https://www.example.com=https://staging.example.com (repeatable)', (value: string, previous: string[] = []) => [...previous, parseOriginRewrite(value, '--rewrite-origin')], [])
    .option('--check-external-links [max]', 'also check links that leave the site, with one HEAD request each (at most this many, default 100)', wholeNumber('--check-external-links', min.externalLinks))
    .option('--no-robots', 'ignore robots.txt (only for your own site)')
    .option('--keep-banner', 'keep cookie banners and arrival pop-ups open on every page (default: audit each once, then refuse or close it)')
    .option('--no-sitemaps', 'do not read sitemaps')
    .option('--axe-tags <list>', 'axe-core tags to run (default: WCAG 2.0/2.1/2.2 A+AA and best practices)', list)
    .option('--enable-rules <list>', 'axe rule ids to run in addition', list, [])
    .option('--disable-rules <list>', 'axe rule ids to skip', list, [])
    .option('--disable-checks <list>', 'welcomemat check ids to skip', list, [])
    .option('--nav-timeout <seconds>', 'navigation timeout per page (default 30)', wholeNumber('--nav-timeout', 1))
    .option('--chrome-path <path>', 'Chrome or Chromium executable (also CHROME_PATH)', file('--chrome-path'))
    .addOption(new Option('--sandbox <mode>', 'Chromium sandbox: auto turns it off only when running as root').choices(['auto', 'on', 'off']))
    .option('--site-name <name>', 'name shown on the report')
    .option('-q, --quiet', 'no progress output')
    .option('--resume', 'continue an interrupted audit from the crawl state saved in the output folder')
    .option('--redis <url>', 'queued mode: send pages as jobs to this Redis, for `welcomemat worker` processes to audit (docs/scaling.md); --concurrency is then the pages in flight across all workers (default 32)', (value: string) => parseRedisUrl(value, '--redis'));
  addConfigAndGateOptions(program.commands.at(-1)!)
    .addHelpText(
      'after',
      `
Examples:
  $ welcomemat audit https://example.com
  $ welcomemat audit https://example.com --max-pages 200 --format html,json -o reports/example
  $ welcomemat audit https://example.com/en/ --path-prefix /en/ --exclude "/blog/**"
  $ welcomemat audit https://shop.example.com https://www.example.com --subdomains
  $ welcomemat audit https://example.com --fail-on serious --accepted welcomemat.accepted.yaml
  $ welcomemat audit --config welcomemat.config.yaml

Exit codes:
  0  report written, no gate reached   1  a gate was reached (--fail-on, --max-violations, --fail-on-new)
  2  bad input (URL, option, config)   3  start page unreachable or login failed
  4  no usable browser                 5  interrupted (partial report)
  6  queued: Redis unreachable at the start, or lost during the run (partial report)
  70 internal error`,
    )
    .action(async (urls: string[], _flags: AuditFlags, command: Command) => {
      process.exitCode = await runAudit(urls, explicitFlags<AuditFlags>(command));
    });

  const run = program
    .command('run')
    .description('audit every site of the config file into reports/<site>/<timestamp>/, with a latest pointer, retention, an index and a webhook; once, or on a schedule')
    .option('-o, --out <dir>', 'output folder (default: output.dir in the config, else reports)', (value: string) => outputFolder(value, '--out'))
    .option('-f, --format <list>', FORMATS_HELP, formatList, [])
    .option('--schedule [cron]', 'stay running and audit on this cron schedule (default: schedule.cron in the config); SIGTERM stops cleanly', (value: string) => parseCron(value, '--schedule'))
    .option('--run-now', 'with --schedule: also run once right away')
    .option('--retention <n>', 'timestamped runs kept per site (default: output.retention, else 10)', wholeNumber('--retention', min.retention))
    .option('--webhook <url>', 'POST the summary here when a run finishes (overrides webhook.url)', (value: string) => parseHttpUrl(value, '--webhook'))
    .option('--max-pages <n>', 'most pages to audit per site', wholeNumber('--max-pages', min.maxPages))
    .option('--chrome-path <path>', 'Chrome or Chromium executable (also CHROME_PATH)', file('--chrome-path'))
    .addOption(new Option('--sandbox <mode>', 'Chromium sandbox: auto turns it off only when running as root').choices(['auto', 'on', 'off']));
  addConfigAndGateOptions(run)
    .addHelpText(
      'after',
      `
Examples:
  $ welcomemat run                                   # once, with ./welcomemat.config.yaml
  $ welcomemat run --config clients.yaml --fail-on serious
  $ welcomemat run --schedule "0 6 * * 1"            # every Monday at 06:00 until stopped

Exit codes as for "audit"; with several sites, a site's failure code wins over a reached gate (1).`,
    )
    .action(async (_flags: unknown, command: Command) => {
      const flags = explicitFlags<AuditFlags & { schedule?: string | boolean; runNow?: boolean; retention?: number; webhook?: string }>(command);
      const controller = abortOnSignals({ silent: true });
      process.exitCode = await runCommand(optionsFromFlags(flags), {
        ...commonFlags(flags),
        ...(flags.schedule !== undefined ? { schedule: flags.schedule } : {}),
        ...(flags.runNow ? { runNow: true } : {}),
        ...(flags.retention !== undefined ? { retention: flags.retention } : {}),
        ...(flags.webhook ? { webhook: flags.webhook } : {}),
      }, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal, summaryLine });
    });

  program
    .command('worker')
    .description('take page jobs of queued audits from Redis and audit them with this machine\'s Chromium (docs/scaling.md); runs until SIGTERM')
    .option('--redis <url>', 'the Redis the coordinators queue pages on (default: WELCOMEMAT_REDIS_URL, else queue.redis in the config)', (value: string) => parseRedisUrl(value, '--redis'))
    .option('--concurrency <n>', 'pages audited at once by this worker (default: from CPU cores and free memory)', wholeNumber('--concurrency', min.concurrency))
    .option('--stalled-after <seconds>', 'a page whose worker stopped answering this long is taken up by another worker (default 30)', wholeNumber('--stalled-after', 1))
    .addOption(new Option('--sandbox <mode>', 'this worker\'s Chromium sandbox, over the run\'s setting: auto turns it off only when running as root').choices(['auto', 'on', 'off']))
    .option('-c, --config <file>', 'config file to read queue.redis from', file('--config'))
    .addHelpText(
      'after',
      `
Examples:
  $ welcomemat worker --redis redis://redis.internal:6379 --concurrency 2
  $ WELCOMEMAT_REDIS_URL=redis://127.0.0.1:6379 welcomemat worker

Secrets in the audit's auth settings arrive as \${env:NAME} references and are read from this
worker's own environment. Exit codes: 0 stopped by SIGTERM/SIGINT; 2 bad input; 6 Redis unreachable.`,
    )
    .action(async (flags: { redis?: string; concurrency?: number; stalledAfter?: number; config?: string; sandbox?: 'auto' | 'on' | 'off' }) => {
      process.exitCode = await workerCommand(flags);
    });

  program
    .command('render')
    .description('write report formats (such as the conformance table, statement and ACR) from an existing report.json, without a browser')
    .argument('<report>', 'a report.json written by welcomemat')
    .requiredOption('-f, --format <list>', `formats, comma-separated: ${REPORT_FORMATS.join(', ')}`, formatList, [])
    .option('-o, --out <dir>', 'output folder (default: the report\'s folder)', (value: string) => outputFolder(value, '--out'))
    .option('--locale <code>', `report language: ${availableLocales().join(' or ')} (default en)`, (value: string) => parseLocale(value, '--locale'))
    .option('--verdicts <file>', 'manual verdicts YAML (default: the audit\'s compliance.manualVerdicts, when found)', file('--verdicts'))
    .option('--product <name>', 'product name on the ACR (default: compliance.product.name, else the site name)')
    .option('--product-version <version>', 'product version on the ACR')
    .option('--vendor <name>', 'vendor on the ACR (default: compliance.product.vendor, else the site name)')
    .option('--brand-config <file>', 'white-label branding, JSON or YAML, for the html and pdf formats', file('--brand-config'))
    .addHelpText(
      'after',
      `
Examples:
  $ welcomemat render reports/example.com/report.json --format conformance,statement,acr
  $ welcomemat render report.json --format statement --locale es -o drafts --verdicts welcomemat.verdicts.yaml

Exit codes: 0 written; 2 bad input (report file, verdicts file, format, locale).`,
    )
    .action(async (file: string, flags: { format: string[]; out?: string; locale?: string; verdicts?: string; product?: string; productVersion?: string; vendor?: string; brandConfig?: string }) => {
      const product = {
        ...(flags.product ? { name: flags.product } : {}),
        ...(flags.productVersion ? { version: flags.productVersion } : {}),
        ...(flags.vendor ? { vendor: flags.vendor } : {}),
      };
      const result = await renderReportFile(file, {
        formats: flags.format,
        ...(flags.out ? { outDir: flags.out } : {}),
        ...(flags.locale ? { locale: flags.locale } : {}),
        ...(flags.verdicts ? { verdicts: flags.verdicts } : {}),
        ...(Object.keys(product).length > 0 ? { product } : {}),
        ...(flags.brandConfig ? { branding: readBrandConfig(flags.brandConfig) } : {}),
      });
      for (const warning of result.warnings) process.stderr.write(`welcomemat: warning: ${warning}\n`);
      for (const written of result.files) process.stdout.write(`Report: ${written}\n`);
      process.exitCode = EXIT_CODES.ok;
    });

  program
    .command('init')
    .description('write a commented starter config (welcomemat.config.yaml)')
    .argument('[file]', 'where to write it', 'welcomemat.config.yaml')
    .option('--url <url>', 'the first site\'s start URL', (value: string) => parseStartUrl(value.trim()).href)
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, flags: { force?: boolean; url?: string }) => {
      process.exitCode = await initCommand(file, flags, { stdout: process.stdout });
    });

  program
    .command('demo')
    .description('serve the bundled demo site on 127.0.0.1 and audit it (no internet needed)')
    .option('-o, --out <dir>', 'output folder', (value: string) => outputFolder(value, '--out'), path.join('reports', 'demo'))
    .addOption(new Option('--sandbox <mode>', 'Chromium sandbox: auto turns it off only when running as root').choices(['auto', 'on', 'off']))
    .action(async (flags: { out: string; sandbox?: 'auto' | 'on' | 'off' }) => {
      const controller = abortOnSignals();
      const { report } = await runDemo({ outDir: flags.out, signal: controller.signal, ...(flags.sandbox ? { sandbox: flags.sandbox } : {}) });
      process.exitCode = !report.complete && controller.signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
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
