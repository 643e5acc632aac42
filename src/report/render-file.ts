// Re-renders any format from an existing report.json, without a browser: `welcomemat render` and the library's renderReportFile.
import fs from 'node:fs';
import path from 'node:path';
import type { ProductInfo } from '../compliance/acr.js';
import type { ComplianceInput } from '../compliance/inputs.js';
import { loadManualVerdicts } from '../compliance/verdicts.js';
import { WelcomematError } from '../errors.js';
import type { Report } from '../model/report.js';
import type { BrandingInput } from './branding.js';
import { loadMessages } from './i18n.js';
import { getRenderer } from './renderers/index.js';
import { writeReportFiles } from './write-report.js';

/** The newest report schema major version this welcomemat reads. */
const NEWEST_MAJOR = 2;

export interface RenderReportFileOptions {
  /** Format names, as for `audit --format`. */
  formats: string[];
  /** Output folder; default the report file's folder. */
  outDir?: string;
  locale?: string;
  /** Manual verdicts YAML; default the audit's compliance.manualVerdicts when that file is found. */
  verdicts?: string;
  /** Overrides of the ACR's product and vendor (default: the audit's compliance.product). */
  product?: ProductInfo;
  countries?: string[];
  branding?: BrandingInput;
  brandingBaseDir?: string;
  /** Folder relative paths are taken from (the verdicts file, the audit's verdicts path); default the working folder. */
  baseDir?: string;
}

export interface RenderedReportFile {
  files: string[];
  /** Things worked around, one line each (an audit's verdicts file not found here). */
  warnings: string[];
}

function bad(file: string, detail: string): never {
  throw new WelcomematError('BAD_REPORT', `${file}: ${detail}`);
}

/** Reads and checks a report.json: one line naming the file when it is missing, not JSON, or not a welcomemat report. */
export function readReportFile(file: string): Report {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    bad(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder; give the report.json inside it' : `cannot read it: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    bad(file, `not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const report = data as Partial<Report> | null;
  if (!report || typeof report !== 'object' || Array.isArray(report)) bad(file, 'not a welcomemat report (expected a JSON object)');
  const version = typeof report.schemaVersion === 'string' ? /^(\d+)\.\d+\.\d+$/.exec(report.schemaVersion) : null;
  if (!version) bad(file, 'not a welcomemat report (no schemaVersion)');
  if (Number(version[1]) > NEWEST_MAJOR) bad(file, `report schema ${report.schemaVersion} is newer than this welcomemat reads (${NEWEST_MAJOR}.x); update welcomemat`);
  const missing = (['tool', 'summary', 'pages', 'findings', 'fixes', 'startUrls'] as const).filter((key) => report[key] === undefined || report[key] === null);
  if (missing.length > 0) bad(file, `not a complete welcomemat report (missing ${missing.join(', ')})`);
  if (!Array.isArray(report.pages) || !Array.isArray(report.findings) || !Array.isArray(report.fixes)) bad(file, 'not a welcomemat report (pages, findings and fixes must be lists)');
  return {
    skipped: [],
    checkErrors: [],
    config: {},
    siteName: '',
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    complete: true,
    ...report,
  } as Report;
}

/** The audit's compliance settings as recorded in report.config. */
function recordedCompliance(report: Report): { product?: ProductInfo; manualVerdicts?: string; countries?: string[] } {
  const value = report.config?.['compliance'];
  return value && typeof value === 'object' ? (value as { product?: ProductInfo; manualVerdicts?: string; countries?: string[] }) : {};
}

/**
 * Writes the chosen formats from a report.json. Everything is checked before anything is
 * written: the formats, the locale, the report file and the verdicts file (one line each,
 * exit code 2). Reports of schema 1.x (no outcomes) render too, saying outcomes were not recorded.
 */
export async function renderReportFile(file: string, options: RenderReportFileOptions): Promise<RenderedReportFile> {
  if (options.formats.length === 0) throw new WelcomematError('BAD_OPTIONS', 'give at least one format to render (--format acr,statement)');
  for (const name of options.formats) getRenderer(name);
  if (options.locale) loadMessages(options.locale);
  const baseDir = options.baseDir ?? process.cwd();
  const reportPath = path.resolve(baseDir, file);
  const report = readReportFile(reportPath);
  const recorded = recordedCompliance(report);
  const warnings: string[] = [];
  let verdicts: ComplianceInput['verdicts'];
  if (options.verdicts) verdicts = loadManualVerdicts(path.resolve(baseDir, options.verdicts));
  else if (recorded.manualVerdicts) {
    const candidate = path.resolve(baseDir, recorded.manualVerdicts);
    if (fs.existsSync(candidate)) verdicts = loadManualVerdicts(candidate);
    else warnings.push(`the audit read manual verdicts from ${recorded.manualVerdicts}, which is not found from here; pass --verdicts to include them`);
  }
  const product = { ...recorded.product, ...options.product };
  const countries = options.countries ?? recorded.countries;
  const compliance: ComplianceInput = {
    ...(verdicts ? { verdicts } : {}),
    ...(Object.keys(product).length > 0 ? { product } : {}),
    ...(countries ? { countries } : {}),
  };
  const written = await writeReportFiles(report, {
    outDir: path.resolve(baseDir, options.outDir ?? path.dirname(reportPath)),
    formats: options.formats,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.branding ? { branding: options.branding, brandingBaseDir: options.brandingBaseDir ?? baseDir } : {}),
    compliance,
  });
  return { files: written.files, warnings: [...warnings, ...written.warnings] };
}
