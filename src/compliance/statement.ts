// The accessibility statement draft as data: the EU model statement's sections and the EAA Annex V information, filled from the report and the manual verdicts, with the owner's blanks.
import type { Report, ReportContacts } from '../model/report.js';
import { assess, type AssessedRow } from './assess.js';
import type { ManualVerdicts } from './verdicts.js';

/** Fixes listed as non-accessible content: enough to say what is wrong; the report has them all. */
const LISTED_FIXES = 10;

/** A place the owner must fill before publishing; `label` is a key of statement.blank.* texts, `param` fills it (a country). */
export interface Blank {
  id: string;
  label: string;
  param?: string;
}

export interface StatementModel {
  site: { name: string; startUrls: string[]; startedAt: string; finishedAt: string; pagesAudited: number; pagesFailed: number; complete: boolean };
  tool: Report['tool'];
  schemaVersion: string;
  outcomesRecorded: boolean;
  /**
   * partially-compliant at best from automated results; fully-compliant only when a person's
   * verdict holds for every WCAG 2.2 A and AA criterion and automation found no failure.
   */
  status: 'partially-compliant' | 'fully-compliant';
  reasons: {
    /** Criteria (A/AA) automation found failing, or a person judged not (fully) supported. */
    failing: { id: string; handle: string; pages: number; byPerson: boolean }[];
    needsReview: number;
    /** A/AA criteria without a person's verdict that holds. */
    manualOwed: number;
    recheck: number;
    pagesFailed: number;
    incomplete: boolean;
  };
  /** The top fixes of barriers (violations), in plain words, most important first. */
  nonAccessible: { fixId: string; fixNumber: number; title: string; ruleId: string; source: string; wcag: string[]; pages: number }[];
  moreNonAccessible: number;
  /** A person's verdicts that say a criterion is not (fully) supported, with their remarks. */
  ownerFindings: { id: string; handle: string; verdict: string; remarks: string }[];
  /** The ways to get in touch the audit found; undefined when the report did not record them. */
  contacts?: ReportContacts;
  countries: string[];
  verdictCount: number;
  /** Every blank of the draft, in the order they appear. */
  blanks: Blank[];
}

export interface StatementOptions {
  verdicts?: ManualVerdicts;
  /** Countries the service is offered in: one enforcement-body blank each (default: one blank). */
  countries?: string[];
}

function hasContacts(contacts: ReportContacts | undefined): boolean {
  return !!contacts && contacts.phones.length + contacts.emails.length + contacts.sms.length + contacts.pages.length + contacts.formPages.length > 0;
}

/** The statement's data: status with its reasons, non-accessible content, how it was assessed, contacts and blanks. */
export function buildStatement(report: Report, options: StatementOptions = {}): StatementModel {
  const assessment = assess(report, options.verdicts);
  const rows = assessment.wcag.filter((row) => (row.level === 'A' || row.level === 'AA') && !row.obsolete);
  const notSupported = (row: AssessedRow) => row.conclusion === 'verdict' && (row.verdict?.verdict === 'does-not-support' || row.verdict?.verdict === 'partially-supports');
  const failing = rows.filter((row) => row.conclusion === 'fails' || notSupported(row)).map((row) => ({ id: row.id, handle: row.handle, pages: row.result.failedPages.length, byPerson: row.conclusion === 'verdict' }));
  const manualOwed = rows.filter((row) => row.conclusion !== 'verdict').length;
  const recheck = rows.filter((row) => row.verdictCheck?.recheck).length;
  const allHold = manualOwed === 0 && failing.length === 0 && recheck === 0;
  const status = allHold && assessment.outcomesRecorded && report.complete !== false && report.summary.pagesFailed === 0 ? 'fully-compliant' : 'partially-compliant';

  const barriers = report.fixes.map((fix, index) => ({ fix, index })).filter(({ fix }) => fix.kind === 'violation');
  const nonAccessible = barriers.slice(0, LISTED_FIXES).map(({ fix, index }) => ({ fixId: fix.id, fixNumber: index + 1, title: fix.title, ruleId: fix.ruleId, source: fix.source, wcag: fix.wcag, pages: fix.pages.length }));
  const ownerFindings = rows.filter(notSupported).map((row) => ({ id: row.id, handle: row.handle, verdict: row.verdict!.verdict, remarks: row.verdict!.remarks }));

  const countries = (options.countries ?? []).map((country) => country.trim()).filter(Boolean);
  const blanks: Blank[] = [
    { id: 'organisation', label: 'organisation' },
    { id: 'law', label: 'law' },
    { id: 'disproportionate-burden', label: 'disproportionateBurden' },
    { id: 'out-of-scope', label: 'outOfScope' },
    { id: 'review-date', label: 'reviewDate' },
    ...(hasContacts(report.contacts) ? [] : [{ id: 'contact-email', label: 'contactEmail' }, { id: 'contact-phone', label: 'contactPhone' }]),
    { id: 'contact-person', label: 'contactPerson' },
    { id: 'response-time', label: 'responseTime' },
    ...(countries.length > 0 ? countries.map((country, i) => ({ id: `enforcement-${i + 1}`, label: 'enforcementCountry', param: country })) : [{ id: 'enforcement', label: 'enforcement' }]),
    { id: 'service-description', label: 'serviceDescription' },
    { id: 'service-operation', label: 'serviceOperation' },
    { id: 'service-measures', label: 'serviceMeasures' },
  ];
  return {
    site: {
      name: report.siteName,
      startUrls: report.startUrls,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      pagesAudited: report.summary.pagesAudited,
      pagesFailed: report.summary.pagesFailed,
      complete: report.complete !== false,
    },
    tool: report.tool,
    schemaVersion: report.schemaVersion,
    outcomesRecorded: assessment.outcomesRecorded,
    status,
    reasons: { failing, needsReview: rows.filter((row) => row.conclusion === 'needs-review').length, manualOwed, recheck, pagesFailed: report.summary.pagesFailed, incomplete: report.complete === false },
    nonAccessible,
    moreNonAccessible: Math.max(0, barriers.length - LISTED_FIXES),
    ownerFindings,
    ...(report.contacts ? { contacts: report.contacts } : {}),
    countries,
    verdictCount: options.verdicts?.size ?? 0,
    blanks,
  };
}
