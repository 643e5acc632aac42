// welcomemat's public API: everything a program using the library needs, and nothing else.
export { audit } from './audit/audit-site.js';
export type { AuditOptions, AuditOptionsInput, ResolvedOptions, ProgressEvent } from './config/options.js';
export { auditOptionsSchema } from './config/options.js';
export { WelcomematError, EXIT_CODES, type WelcomematErrorCode } from './errors.js';
export type * from './model/finding.js';
export type * from './model/report.js';
export type * from './model/outcome.js';
export type * from './model/message.js';
export { outcomeOf, outcomeLookup, type OutcomeSource, type OutcomeLookup } from './model/outcome-of.js';
export { REPORT_SCHEMA_VERSION } from './model/report.js';
export type { Check, CheckMeta, CheckResult, PageCheck, SiteCheck } from './checks/check.js';
export { allChecks } from './checks/registry.js';
export type { Gatherer, GatherContext } from './gather/gatherer.js';
export type { ArtifactMap } from './gather/artifacts.js';
export { renderers, getRenderer } from './report/renderers/index.js';
export type { Renderer } from './report/renderer.js';
export { writeReport } from './report/write-report.js';
export { findBrowser } from './browser/find-browser.js';
