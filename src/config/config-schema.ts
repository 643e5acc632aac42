// The zod schema of a welcomemat config file: audit options as defaults, several sites, output, gates, schedule, webhook, logs.
import { z } from 'zod';
import { auditOptionsSchema, NUMBER_MINIMUMS } from './options.js';
import { cronProblem, formatSchema, httpUrlSchema, isTimeZone, shown, wholeNumber } from './values.js';

const IMPACT_LEVELS = ['critical', 'serious', 'moderate', 'minor'] as const;

/** Report branding for an agency's client; renderers read it (see src/report/). */
export const brandingSchema = z
  .object({
    /** Name shown as the report's author, e.g. the agency. */
    name: z.string().optional().describe('Who the report is from, e.g. your agency'),
    logo: z.string().optional().describe('Path or URL of a logo image'),
    color: z.string().optional().describe('Accent colour, e.g. #005a9c'),
    footer: z.string().optional().describe('Text at the foot of the report'),
  })
  .catchall(z.unknown());

export const gateSchema = z
  .object({
    failOn: z.enum([...IMPACT_LEVELS, 'none']).optional().describe('Exit 1 when a violation of this impact or worse remains'),
    maxViolations: wholeNumber(NUMBER_MINIMUMS.maxViolations).optional().describe('Exit 1 when there are more violations than this'),
    failOnNew: z.boolean().optional().describe('Exit 1 when a violation fix is new compared with the baseline report'),
    baseline: z.string().optional().describe('report.json (or a run folder with latest.json) to compare with'),
    accepted: z.string().optional().describe('YAML/JSON file of accepted findings: rule, page, selector, reason, expires'),
  })
  .strict();

const siteOptionsSchema = auditOptionsSchema.partial();

export const siteSchema = siteOptionsSchema
  .extend({
    name: z.string().min(1).describe('Site name: the report folder and the index use it'),
    urls: z.array(z.string()).min(1, 'give at least one start URL').describe('Start URLs'),
    branding: brandingSchema.optional(),
    gate: gateSchema.optional(),
  })
  .strict();

export const configSchema = siteOptionsSchema
  .extend({
    $schema: z.string().optional(),
    sites: z.array(siteSchema).min(1, 'list at least one site').optional().describe('Several sites audited in one run; top-level options are their defaults'),
    branding: brandingSchema.optional(),
    output: z
      .object({
        dir: z.string().optional().describe('Where reports go (default: reports)'),
        formats: z.array(formatSchema).optional().describe('Report formats, e.g. [html, json]'),
        // 10 weekly runs is about a quarter of history: enough to see a trend, small on disk.
        retention: wholeNumber(NUMBER_MINIMUMS.retention).optional().describe('Timestamped runs kept per site by `welcomemat run` (default 10)'),
      })
      .strict()
      .optional(),
    gate: gateSchema.optional(),
    schedule: z
      .object({
        cron: z.string().optional().describe('Cron expression for `welcomemat run --schedule`, e.g. "0 6 * * 1"'),
        timezone: z
          .string()
          .refine(isTimeZone, { error: (issue) => `must be an IANA time zone such as Europe/Berlin, got ${shown(issue.input)}` })
          .optional()
          .describe('IANA time zone for the cron expression, e.g. Europe/Berlin'),
      })
      .strict()
      .superRefine((schedule, context) => {
        if (schedule.cron === undefined || (schedule.timezone !== undefined && !isTimeZone(schedule.timezone))) return;
        const problem = cronProblem(schedule.cron, schedule.timezone);
        if (problem) context.addIssue({ code: 'custom', path: ['cron'], message: `must be a cron expression of five to seven fields such as "0 6 * * 1", got ${shown(schedule.cron)} (${problem})` });
      })
      .optional(),
    webhook: z
      .object({
        url: httpUrlSchema.describe('Where to POST the summary after each run'),
        format: z.enum(['json', 'slack']).optional().describe('json: full summary plus a text field; slack: only { text }'),
        headers: z.record(z.string(), z.string()).optional().describe('Extra request headers, e.g. an Authorization token'),
        // 10 s: a webhook receiver that takes longer is down for our purposes.
        timeoutMs: wholeNumber(1).optional(),
      })
      .strict()
      .optional(),
    log: z
      .object({ format: z.enum(['auto', 'json', 'text']).optional().describe('auto: JSON lines when not on a terminal') })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type SiteConfig = z.input<typeof siteSchema>;
export type GateConfig = z.input<typeof gateSchema>;
export type Branding = z.input<typeof brandingSchema>;

/** The JSON Schema editors use for completion (schema/config.schema.json is generated from it). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/welcomemat/welcomemat/schema/config.schema.json',
    title: 'welcomemat config',
    description: 'Config file for welcomemat (welcomemat.config.yaml/json/js/ts). Generated from src/config/config-schema.ts by `npm run schema:config`.',
  };
}
