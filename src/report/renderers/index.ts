// The renderers by format name, and the lookup that turns a bad name into a clear error.
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

export const renderers: Record<string, Renderer> = {
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

/** Other names people type for the same formats. */
const ALIASES: Record<string, string> = { markdown: 'md', xml: 'junit', vpat: 'acr', openacr: 'acr' };

export function getRenderer(name: string): Renderer {
  const typed = name.trim().toLowerCase();
  const key = Object.hasOwn(ALIASES, typed) ? ALIASES[typed] : typed;
  if (Object.hasOwn(renderers, key)) return renderers[key];
  throw new WelcomematError('BAD_OPTIONS', `unknown report format "${name}"; use one of: ${Object.keys(renderers).join(', ')}`);
}
