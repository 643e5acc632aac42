// The compliance formats: conformance (HTML and JSON), statement (HTML and Markdown) and acr (OpenACR YAML and HTML); see src/compliance/.
import { renderAcr } from '../../compliance/acr.js';
import { renderConformanceHtml, renderConformanceJson } from '../../compliance/render-conformance.js';
import { renderStatementHtml, renderStatementMarkdown } from '../../compliance/render-statement.js';
import type { FixTitle } from '../../compliance/words.js';
import type { Fix } from '../../model/report.js';
import { localizeFix } from '../fix-texts.js';
import type { RenderContext, Renderer } from '../renderer.js';

/** Fix titles in the report's language, from locales/fixes.<locale>.json where translated. */
function fixTitleIn(locale: string): FixTitle {
  return (fix) => localizeFix({ source: fix.source, ruleId: fix.ruleId, title: fix.title, whyItMatters: '', howToFix: '' } as Pick<Fix, 'source' | 'ruleId' | 'title' | 'whyItMatters' | 'howToFix'>, locale).title;
}

function optionsOf(context: RenderContext) {
  const locale = context.locale ?? 'en';
  const input = context.compliance ?? {};
  return {
    locale,
    fixTitle: fixTitleIn(locale),
    ...(input.verdicts ? { verdicts: input.verdicts } : {}),
    ...(input.product ? { product: input.product } : {}),
    ...(input.countries ? { countries: input.countries } : {}),
  };
}

export const conformanceRenderer: Renderer = {
  name: 'conformance',
  fileName: 'conformance.html',
  async render(report, context) {
    return renderConformanceHtml(report, optionsOf(context));
  },
  async renderFiles(report, context) {
    const options = optionsOf(context);
    return [
      { fileName: 'conformance.html', contents: renderConformanceHtml(report, options) },
      { fileName: 'conformance.json', contents: renderConformanceJson(report, options) },
    ];
  },
};

export const statementRenderer: Renderer = {
  name: 'statement',
  fileName: 'accessibility-statement.html',
  async render(report, context) {
    return renderStatementHtml(report, optionsOf(context));
  },
  async renderFiles(report, context) {
    const options = optionsOf(context);
    return [
      { fileName: 'accessibility-statement.html', contents: renderStatementHtml(report, options) },
      { fileName: 'accessibility-statement.md', contents: renderStatementMarkdown(report, options) },
    ];
  },
};

export const acrRenderer: Renderer = {
  name: 'acr',
  fileName: 'acr.yaml',
  async render(report, context) {
    return renderAcr(report, optionsOf(context)).yaml;
  },
  async renderFiles(report, context) {
    const { yaml, html } = renderAcr(report, optionsOf(context));
    return [
      { fileName: 'acr.yaml', contents: yaml },
      { fileName: 'acr.html', contents: html },
    ];
  },
};
