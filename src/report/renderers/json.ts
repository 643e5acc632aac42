// JSON renderer: the report model itself, pretty-printed, so any report can be re-rendered later.
import type { Renderer } from '../renderer.js';

export const jsonRenderer: Renderer = {
  name: 'json',
  fileName: 'report.json',
  async render(report) {
    // Two-space indent: readable in a diff, and the size cost is small next to the findings.
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};
