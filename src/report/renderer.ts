// The renderer contract: a report model in, one file's (or a few files') contents out.
import type { PdfMode } from '../config/values.js';
import type { Report } from '../model/report.js';
import type { ComplianceInput } from '../compliance/inputs.js';
import type { Branding } from './branding.js';

export interface RenderContext {
  /** folder the files go to, for relative asset paths (screenshots) */
  outDir: string;
  /** Report language, a file in locales/ ("en", "es"); default "en". */
  locale?: string;
  /** White-label branding, already validated by resolveBranding; default welcomemat's own look. */
  branding?: Branding;
  /** For the conformance, statement and acr formats: manual verdicts, the ACR's product and vendor, the statement's countries. */
  compliance?: ComplianceInput;
  /** Print the conformance summary in the HTML report and the PDF: set when the run also writes a compliance document. */
  complianceSection?: boolean;
  /** What the PDF prints; default summary for sites over 50 pages (BIG_SITE_PAGES), else full. */
  pdf?: PdfMode;
}

export interface RenderedFile {
  /** file name inside the output folder */
  fileName: string;
  contents: string | Buffer;
}

export interface Renderer {
  name: string;
  /** file name inside the output folder (the main one, for formats that write several) */
  fileName: string;
  render(report: Report, context: RenderContext): Promise<string | Buffer>;
  /** Formats that write more than one file (CSV: findings and fixes) list them all; writeReport prefers this. */
  renderFiles?(report: Report, context: RenderContext): Promise<RenderedFile[]>;
}
