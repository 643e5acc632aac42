// Accepted findings: known items silenced on purpose (rule, page pattern, selector, reason, optional expiry), applied to a report.
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { WelcomematError } from '../errors.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { rebuildReport } from '../prioritize/build-report.js';
import { describeZodIssue } from '../config/resolve-options.js';
import { errorMessage } from '../util/error-message.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const acceptedEntrySchema = z
  .object({
    /** Rule or check id, e.g. "color-contrast". */
    rule: z.string().min(1),
    /** Glob on the page path (`*` within a segment, `**` across), a full-URL glob, or a /regular expression/; all pages when absent. */
    page: z.string().optional(),
    /** The element's CSS selector, exactly, or a glob with `*`; all elements when absent. */
    selector: z.string().optional(),
    /** Why it is accepted; required so the next person knows. */
    reason: z.string().min(1, 'say why the finding is accepted'),
    /** YYYY-MM-DD; from that day on the entry no longer silences anything. */
    expires: z.string().regex(ISO_DATE, 'expires must be a date written YYYY-MM-DD').optional(),
  })
  .strict();

export const acceptedFileSchema = z.union([z.array(acceptedEntrySchema), z.object({ accepted: z.array(acceptedEntrySchema) }).strict()]);

export type AcceptedEntry = z.infer<typeof acceptedEntrySchema>;

export interface AcceptedOutcome {
  /** Entries in force, with how many findings each silenced. */
  applied: Array<AcceptedEntry & { matched: number }>;
  /** Entries past their expiry date: they silenced nothing. */
  expired: AcceptedEntry[];
  /** Findings removed from the report. */
  silenced: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function globRegex(glob: string): RegExp {
  return new RegExp(`^${glob.split('**').map((part) => part.split('*').map(escapeRegex).join('[^/]*')).join('.*')}$`);
}

function pageMatcher(pattern: string | undefined): (url: string) => boolean {
  if (!pattern) return () => true;
  const literal = /^\/(.+)\/([imsu]*)$/s.exec(pattern);
  if (literal) {
    const regex = new RegExp(literal[1], literal[2]);
    return (url) => regex.test(url);
  }
  const glob = globRegex(pattern);
  const fullUrl = pattern.includes('://');
  return (url) => {
    try {
      const parsed = new URL(url);
      return glob.test(fullUrl ? parsed.href : parsed.pathname + parsed.search) || (!fullUrl && glob.test(parsed.pathname));
    } catch {
      return false;
    }
  };
}

function selectorMatcher(pattern: string | undefined): (selector: string) => boolean {
  if (!pattern) return () => true;
  if (!pattern.includes('*')) return (selector) => selector.trim() === pattern.trim();
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  return (selector) => regex.test(selector);
}

/** Reads and validates an accepted-findings file (YAML or JSON); throws BAD_CONFIG naming the bad entry. */
export async function loadAcceptedFile(file: string): Promise<AcceptedEntry[]> {
  let data: unknown;
  try {
    data = YAML.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new WelcomematError('BAD_CONFIG', `accepted findings file ${path.basename(file)}: ${errorMessage(error).split('\n')[0]}`);
  }
  const parsed = acceptedFileSchema.safeParse(data ?? []);
  if (!parsed.success) {
    // Report the issue of the list form when the data is a list, else of the { accepted: [...] } form.
    const issues = parsed.error.issues;
    const union = issues[0].code === 'invalid_union' ? issues[0].errors[Array.isArray(data) ? 0 : 1] : issues;
    throw new WelcomematError('BAD_CONFIG', `accepted findings file ${path.basename(file)}: ${describeZodIssue(union[0] ?? issues[0])}`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.accepted;
}

/** True when the entry has expired on `today` (a YYYY-MM-DD string in UTC). */
export function isExpired(entry: AcceptedEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires <= today;
}

/**
 * Removes accepted findings from the report: they leave `findings`, fixes are regrouped
 * and the summary and page counts recomputed, so gates and the report agree. What was
 * silenced (and what expired) is recorded under `config.accepted`.
 */
export function applyAccepted(report: Report, entries: AcceptedEntry[], now = new Date()): { report: Report; outcome: AcceptedOutcome } {
  const today = now.toISOString().slice(0, 10);
  const expired = entries.filter((entry) => isExpired(entry, today));
  const active = entries
    .filter((entry) => !isExpired(entry, today))
    .map((entry) => ({ entry, page: pageMatcher(entry.page), selector: selectorMatcher(entry.selector), matched: 0 }));
  const kept: Finding[] = [];
  for (const finding of report.findings) {
    const match = active.find((item) => item.entry.rule === finding.ruleId && item.page(finding.url) && item.selector(finding.selector));
    if (match) match.matched++;
    else kept.push(finding);
  }
  const silenced = report.findings.length - kept.length;
  const outcome: AcceptedOutcome = { applied: active.map((item) => ({ ...item.entry, matched: item.matched })), expired, silenced };
  if (silenced === 0 && expired.length === 0 && active.length === 0) return { report, outcome };
  // The same assembly as the audit's (src/prioritize/build-report.ts): fixes keep their screenshots, counts follow.
  const rebuilt = silenced > 0 ? rebuildReport(report, kept) : report;
  return {
    report: { ...rebuilt, config: { ...report.config, accepted: { silenced, applied: outcome.applied, expired } } },
    outcome,
  };
}
