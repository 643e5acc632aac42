// Checks every site's options, report settings and files before a run starts, so a bad value costs nothing: no browser, no request.
import path from 'node:path';
import type { SitePlan } from '../config/load-config.js';
import { resolveOptions } from '../config/resolve-options.js';
import { existingPath, parseFormats } from '../config/values.js';
import { createScope } from '../crawl/scope.js';
import { WelcomematError } from '../errors.js';
import { loadAcceptedFile } from '../gate/accepted.js';
import { loadBaseline } from '../gate/baseline.js';
import { resolveBranding } from '../report/branding.js';

/** Says which site a problem belongs to when a config lists several. */
function inSite(plan: SitePlan, several: boolean, error: unknown): unknown {
  if (!several || !(error instanceof WelcomematError)) return error;
  return new WelcomematError(error.code, `site "${plan.name}": ${error.message}`, { cause: error });
}

async function checkPlan(plan: SitePlan, cwd: string): Promise<void> {
  // URLs, numbers, the locale, the PDF mode and every other audit option (zod, with key paths).
  const options = resolveOptions(plan.options);
  // Include and exclude patterns compile here rather than when the crawl starts.
  createScope({ startUrls: options.urls, ...options.scope });
  if (options.browser.executablePath) existingPath(options.browser.executablePath, 'browser.executablePath', 'file', cwd);
  if (options.auth?.login?.script) existingPath(options.auth.login.script, 'auth.login.script', 'file', cwd);
  const report = plan.options.report ?? {};
  if (report.compare) existingPath(report.compare, 'report.compare', 'file', cwd);
  // Colours and the logo (read, sized and typed) as the report will use them.
  await resolveBranding(report.branding, cwd);
  if (plan.gate.baseline) {
    existingPath(plan.gate.baseline, 'gate.baseline', 'file or folder', cwd);
    await loadBaseline(path.resolve(cwd, plan.gate.baseline));
  }
  if (plan.gate.accepted) {
    existingPath(plan.gate.accepted, 'gate.accepted', 'file', cwd);
    await loadAcceptedFile(path.resolve(cwd, plan.gate.accepted));
  }
}

/**
 * Validates a run before it starts: the formats, then each site's options, patterns, paths,
 * branding, baseline and accepted-findings file. Throws the first problem as a WelcomematError
 * (exit code 2) naming the option; nothing is fetched and no browser is launched.
 */
export async function preflight(plans: SitePlan[], formats: readonly string[], cwd: string = process.cwd()): Promise<void> {
  parseFormats(formats, 'formats');
  for (const plan of plans) {
    try {
      await checkPlan(plan, cwd);
    } catch (error) {
      throw inSite(plan, plans.length > 1, error);
    }
  }
}
