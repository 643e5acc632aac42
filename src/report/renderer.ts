// The renderer contract: a report model in, one file's contents out.
import type { Report } from '../model/report.js';

export interface RenderContext {
  /** folder the files go to, for relative asset paths */
  outDir: string;
}

export interface Renderer {
  name: string;
  /** file name inside the output folder */
  fileName: string;
  render(report: Report, context: RenderContext): Promise<string | Buffer>;
}
