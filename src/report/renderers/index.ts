// The renderers by format name, and the lookup that turns a bad name into a clear error.
import { formatRule, normaliseFormat, type ReportFormat } from '../../config/values.js';
import { WelcomematError } from '../../errors.js';
import type { Renderer } from '../renderer.js';
import { acrRenderer, conformanceRenderer, statementRenderer } from './compliance.js';
import { csvRenderer } from './csv.js';
import { htmlRenderer } from './html.js';
import { jsonRenderer } from './json.js';
import { junitRenderer } from './junit.js';
import { markdownRenderer } from './markdown.js';
import { pdfRenderer } from './pdf.js';
import { sarifRenderer } from './sarif.js';

/** One renderer per format name of REPORT_FORMATS (src/config/values.ts), the list options are checked against. */
export const renderers: Record<ReportFormat, Renderer> = {
  html: htmlRenderer,
  json: jsonRenderer,
  csv: csvRenderer,
  sarif: sarifRenderer,
  junit: junitRenderer,
  md: markdownRenderer,
  pdf: pdfRenderer,
  conformance: conformanceRenderer,
  statement: statementRenderer,
  acr: acrRenderer,
};

export function getRenderer(name: string): Renderer {
  const key = normaliseFormat(name);
  if (key) return renderers[key];
  throw new WelcomematError('BAD_OPTIONS', `report format ${formatRule()}, got ${JSON.stringify(name)}`);
}
