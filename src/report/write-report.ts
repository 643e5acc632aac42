// Writes a report in the chosen formats into a folder, each file atomically (temp file, then rename).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ComplianceInput } from '../compliance/inputs.js';
import type { Report } from '../model/report.js';
import { parsePdfMode, type PdfMode } from '../config/values.js';
import { resolveBranding, type BrandingInput } from './branding.js';
import { recordHistory, withHistory } from './history.js';
import { loadMessages } from './i18n.js';
import type { RenderedFile } from './renderer.js';
import { PAGE_FILES_DIR } from './renderers/html.js';
import { getRenderer } from './renderers/index.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** The documents the HTML report and the PDF summarise in their compliance section. */
const COMPLIANCE_FORMATS = new Set(['conformance', 'statement', 'acr']);

export interface WriteReportOptions {
  outDir: string;
  /** Format names (html, json, csv, sarif, junit, md, pdf, conformance, statement, acr); default html and json. */
  formats: string[];
  /** Report language, a file in locales/; default "en". */
  locale?: string;
  /** What the PDF prints: "summary" or "full"; default summary for sites over 50 pages, else full. */
  pdf?: PdfMode;
  /** White-label branding (validated here: logo type and size, colours kept at 4.5:1). */
  branding?: BrandingInput;
  /** Folder that a relative logo path is relative to; default the working folder. */
  brandingBaseDir?: string;
  /**
   * Keep a history of runs in outDir/history: compare with the latest earlier run, draw
   * the trend, and add this run. Off by default so one-off renders leave only the report files.
   */
  history?: boolean;
  /** A previous report.json to compare with (wins over the folder's history). */
  comparePath?: string;
  /** Where history/ lives when it is not outDir (a site folder holding one folder per run). */
  historyDir?: string;
  /** Inputs of the compliance formats (conformance, statement, acr): manual verdicts, product, countries. See complianceInputFrom. */
  compliance?: ComplianceInput;
}

/**
 * A big site's per-page files (pages/<n>.html) left by an earlier report in the same folder
 * would be linked from nowhere, or worse, from an old bookmark: after the HTML is written,
 * page files it did not write this time are removed (only welcomemat's own <n>.html names).
 */
async function removeStalePageFiles(outDir: string, format: string, files: RenderedFile[]): Promise<void> {
  if (format !== 'html') return;
  const dir = path.join(outDir, PAGE_FILES_DIR);
  const written = new Set(files.map((file) => path.join(outDir, file.fileName)));
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const file = path.join(dir, entry);
    if (/^\d+\.html$/.test(entry) && !written.has(file)) await fs.rm(file, { force: true });
  }
  if (written.size === 1) await fs.rmdir(dir).catch(() => undefined);
}

/** The report settings of audit options (config file or flags) as writeReport options, history on. */
export function reportOptionsFrom(
  options: { report?: { locale?: string; pdf?: PdfMode; branding?: BrandingInput; compare?: string } },
  historyDir: string,
  baseDir: string = process.cwd(),
): Pick<WriteReportOptions, 'locale' | 'pdf' | 'branding' | 'brandingBaseDir' | 'comparePath' | 'history' | 'historyDir'> {
  const report = options.report ?? {};
  return {
    history: true,
    historyDir,
    brandingBaseDir: baseDir,
    ...(report.locale ? { locale: report.locale } : {}),
    ...(report.pdf ? { pdf: report.pdf } : {}),
    ...(report.branding ? { branding: report.branding } : {}),
    ...(report.compare ? { comparePath: path.resolve(baseDir, report.compare) } : {}),
  };
}

export interface WrittenReport {
  /** Absolute paths written, in the order of `formats` (CSV gives two files). */
  files: string[];
  /** The report as rendered: with `comparison` and `history` where those were asked for. */
  report: Report;
  /** Branding problems that were worked around (a colour darkened for contrast). */
  warnings: string[];
}

/**
 * Renders `report` in each of `formats` (default html and json) into `outDir`, creating
 * it if needed. Returns the absolute paths written, in the order of `formats`. An
 * unknown format or locale fails before anything is written.
 */
export async function writeReport(report: Report, options: WriteReportOptions): Promise<string[]> {
  return (await writeReportFiles(report, options)).files;
}

/** writeReport, also returning the report as rendered and any branding warnings. */
export async function writeReportFiles(report: Report, options: WriteReportOptions): Promise<WrittenReport> {
  const outDir = path.resolve(options.outDir);
  const names = options.formats.length > 0 ? options.formats : ['html', 'json'];
  const chosen = [...new Map(names.map((name) => getRenderer(name)).map((renderer) => [renderer.name, renderer])).values()];
  if (options.locale) loadMessages(options.locale);
  if (options.pdf) parsePdfMode(options.pdf, 'pdf');
  const branding = await resolveBranding(options.branding, options.brandingBaseDir);
  const historyDir = path.resolve(options.historyDir ?? outDir);
  const rendered = options.history || options.comparePath ? await withHistory(report, { outDir: historyDir, comparePath: options.comparePath }) : report;
  await fs.mkdir(outDir, { recursive: true });
  // The report carries the conformance summary when the run writes the documents it summarises.
  const complianceSection = chosen.some((renderer) => COMPLIANCE_FORMATS.has(renderer.name));
  const context = { outDir, locale: options.locale, branding, complianceSection, ...(options.compliance ? { compliance: options.compliance } : {}), ...(options.pdf ? { pdf: options.pdf } : {}) };
  const written: string[] = [];
  for (const renderer of chosen) {
    const files = renderer.renderFiles
      ? await renderer.renderFiles(rendered, context)
      : [{ fileName: renderer.fileName, contents: await renderer.render(rendered, context) }];
    for (const file of files) {
      const target = path.join(outDir, file.fileName);
      // Some formats write into sub-folders of the report (a big site's pages/<n>.html).
      if (path.dirname(file.fileName) !== '.') await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, file.contents);
      written.push(target);
    }
    await removeStalePageFiles(outDir, renderer.name, files);
  }
  if (options.history) await recordHistory(rendered, historyDir, writeFileAtomic);
  return { files: written, report: rendered, warnings: branding.warnings };
}
