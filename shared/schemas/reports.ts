import { z } from 'zod';
import { INDICATOR_BY_CODE } from '../indicators';
import { isoDate } from './common';

const year = z.number().int().min(2000, 'v.invalid').max(2100, 'v.invalid');
/** A range longer than this is a mistake (a year typed wrongly); five years covers any report. */
const MAX_RANGE_DAYS = 5 * 366;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const PeriodInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year, month: z.number().int().min(1, 'v.invalid').max(12, 'v.invalid') }).strict(),
  z.object({ kind: z.literal('quarter'), year, quarter: z.number().int().min(1, 'v.invalid').max(4, 'v.invalid') }).strict(),
  z.object({ kind: z.literal('semester'), year, semester: z.number().int().min(1, 'v.invalid').max(2, 'v.invalid') }).strict(),
  z.object({ kind: z.literal('year'), year }).strict(),
  z
    .object({ kind: z.literal('range'), from: isoDate, to: isoDate })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'reports.rangeOrder', path: ['to'] })
    .refine((p) => days(p.from, p.to) <= MAX_RANGE_DAYS, { message: 'reports.rangeTooLong', path: ['to'] }),
]);

const officeCode = z.string().trim().min(1, 'v.required').max(20, 'v.tooLong');

export const ScopeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('own') }).strict(),
  z.object({ kind: z.literal('post'), code: officeCode }).strict(),
]);

export const ReportComputeInput = z.object({ period: PeriodInput, scope: ScopeInput.default({ kind: 'all' }) }).strict();

const indicatorCode = z.string().refine((c) => INDICATOR_BY_CODE.has(c), 'reports.unknownIndicator');

export const ReportRecordsInput = z
  .object({
    period: PeriodInput,
    scope: ScopeInput.default({ kind: 'all' }),
    code: indicatorCode,
    /** A breakdown row's key (null: the records that do not state it); absent for the whole figure. */
    key: z.string().max(200).nullable().optional(),
  })
  .strict();

export const ReportTargetsInput = z.object({ year, office: officeCode.optional() }).strict();
/** One indicator's yearly target, as the Perjanjian Kinerja writes it. */
export const targetValue = z.number().min(0, 'v.invalid').max(1e9, 'v.invalid');

export const ReportSetTargetsInput = z
  .object({
    year,
    office: officeCode,
    targets: z.array(z.object({ code: indicatorCode, target: targetValue }).strict()).max(200, 'v.tooMany'),
  })
  .strict()
  .refine((t) => new Set(t.targets.map((x) => x.code)).size === t.targets.length, { message: 'reports.targetTwice', path: ['targets'] });

/** "Tandai sudah dikirim": this office's own report for the period. */
export const ReportMarkSentInput = z.object({ period: PeriodInput }).strict();
/** The kept versions of a period: this office's own (default), or at a Bapas induk one post's. */
export const ReportVersionsInput = z
  .object({
    period: PeriodInput,
    scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('own') }).strict(), ScopeInput.options[2]]).default({ kind: 'own' }),
  })
  .strict();
export const ReportTrackerInput = z.object({ year }).strict();

const paper = z.enum(['A4', 'F4']);
const docFormat = z.enum(['html', 'docx', 'pdf']);

/** The report printed: HTML for the preview, PDF or DOCX, on A4 or F4. */
export const ReportDocumentInput = z
  .object({ period: PeriodInput, scope: ScopeInput.default({ kind: 'all' }), paper: paper.default('A4'), format: docFormat })
  .strict();

export const ReportExportInput = z.object({ period: PeriodInput, scope: ScopeInput.default({ kind: 'all' }) }).strict();

/** The covering letter to the parent office; its number is typed by the officer, as the office's agenda book gives it. */
export const ReportCoverLetterInput = z
  .object({
    period: PeriodInput,
    scope: ScopeInput.default({ kind: 'all' }),
    paper: paper.default('A4'),
    format: docFormat,
    number: z.string().trim().min(1, 'v.required').max(80, 'v.tooLong'),
  })
  .strict();

/** The most months a series spans (two years beside each other), and the most indicators it carries. */
export const SERIES_MONTHS = 24;
export const SERIES_CODES = 8;

/**
 * Some indicators month by month, ending with `until` (the office's current month when absent).
 * `perOffice` at a Bapas induk adds a line per office beside the total.
 */
export const ReportSeriesInput = z
  .object({
    until: z
      .object({ year, month: z.number().int().min(1, 'v.invalid').max(12, 'v.invalid') })
      .strict()
      .optional(),
    months: z.number().int().min(1, 'v.invalid').max(SERIES_MONTHS, 'v.invalid').default(12),
    codes: z
      .array(indicatorCode)
      .min(1, 'v.required')
      .max(SERIES_CODES, 'v.tooMany')
      .refine((c) => new Set(c).size === c.length, 'reports.codeTwice'),
    scope: ScopeInput.default({ kind: 'all' }),
    perOffice: z.boolean().default(false),
  })
  .strict();
