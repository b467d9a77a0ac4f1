import { z } from 'zod';
import { addDays, AGREEMENT_STATUSES, CANCEL_AHEAD_DAYS, unknownTokens, type InForceFacts } from '../agreements';
import { unknownPlaceholders } from '../agreementTemplate';
import { BIDANG } from '../domain';
import { id, isoDate, MAX_SCAN_BASE64, optionalText, requiredText, text, timestamp, uniqueArray } from './common';
import { nip } from './setup';
import { serviceCode } from './partners';

/** Text that may hold placeholders: a misspelt one such as {Mitra} is refused, never printed raw. */
const withPlaceholders = (max: number) => requiredText(max).refine((t) => unknownPlaceholders(t).length === 0, 'v.unknownPlaceholder');

export const Article = z.object({ heading: withPlaceholders(200), body: withPlaceholders(20000) }).strict();
export const LegalBases = z.array(withPlaceholders(1000)).max(40, 'v.tooMany').default([]);
export const Articles = z.array(Article).max(60, 'v.tooMany').default([]);
/** Who signs for the office and for the partner (stored as JSON on the agreement). */
export const OfficeSignatory = z.object({ name: requiredText(120), nip, position: requiredText(160) }).strict();
export const PartnerSignatory = z.object({ name: requiredText(120), position: requiredText(160) }).strict();

/** A term in months (up to a hundred years), or null when the end date is given. */
const termMonths = z.number().int('v.integer').min(1, 'v.termZero').max(1200, 'v.range').nullable().default(null);

export const AgreementFields = z
  .object({
    partnerId: id,
    subject: requiredText(500),
    partnerNumber: optionalText(120),
    signPlace: optionalText(120),
    signDate: isoDate,
    startDate: isoDate,
    /** Either an end date or a term in months (years × 12) fixes the end. */
    endDate: isoDate.nullable().default(null),
    termMonths,
    bidang: uniqueArray(z.enum(BIDANG), 2).min(1, 'v.bidang'),
    services: uniqueArray(serviceCode, 40).default([]),
    officeSignatory: OfficeSignatory,
    partnerSignatory: PartnerSignatory,
    legalBases: LegalBases,
    articles: Articles,
    funding: optionalText(4000).refine((t) => unknownPlaceholders(t).length === 0, 'v.unknownPlaceholder'),
    notes: optionalText(4000),
    /** Set after the user confirmed a signing date later than the start date. */
    confirmLateSigning: z.boolean().default(false),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.endDate === null && a.termMonths === null) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.endOrTerm' });
    if (a.endDate !== null && a.endDate < a.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.endBeforeStart' });
  });

const NumberChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('auto') }).strict(),
  z.object({ mode: z.literal('manual'), value: requiredText(120) }).strict(),
]);

export const AgreementCreateInput = z.object({ data: AgreementFields, number: NumberChoice }).strict();
export const AgreementUpdateInput = z.object({ id, expectedUpdatedAt: timestamp, data: AgreementFields }).strict();
export const AgreementSignInput = z.object({ id, signedOn: isoDate }).strict();
export const AgreementCancelInput = z.object({ id, date: isoDate, reason: requiredText(1000) }).strict();

/**
 * The cancellation date checked against the agreement it ends, on the office's `today`: the
 * dialog validates with it and the main process refuses with it (field `date`). Not before the
 * signing, not after the end date, not more than CANCEL_AHEAD_DAYS ahead.
 */
export function cancelDateOf(f: Pick<InForceFacts, 'signedOn' | 'endDate'>, today: string) {
  return isoDate.superRefine((d, ctx) => {
    const problem =
      f.signedOn !== null && d < f.signedOn
        ? 'v.cancelBeforeSigning'
        : d > f.endDate
          ? 'v.cancelAfterEnd'
          : d > addDays(today, CANCEL_AHEAD_DAYS)
            ? 'v.cancelTooFar'
            : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
export const AgreementRenewInput = z
  .object({
    id,
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    termMonths,
    signDate: isoDate,
    confirmLateSigning: z.boolean().default(false),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.endDate === null && a.termMonths === null) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.endOrTerm' });
    if (a.endDate !== null && a.endDate < a.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.endBeforeStart' });
  });

export const AgreementListInput = z
  .object({
    status: z.enum(AGREEMENT_STATUSES).nullable().default(null),
    partnerId: id.nullable().default(null),
    bidang: z.enum(BIDANG).nullable().default(null),
    /** Only agreements whose end falls within this many days from today (and not yet ended). */
    expiringWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
    /** Text search over the number, the partner's name and the subject. */
    q: text(100).default(''),
  })
  .strict();

export const NumberPreviewInput = z.object({ date: isoDate, template: text(200).nullable().default(null) }).strict();

export const AgreementSettingsInput = z
  .object({
    numberTemplate: requiredText(200).refine((t) => unknownTokens(t).length === 0, 'v.unknownToken'),
    warnDays: z.number().int('v.integer').min(1, 'v.range').max(365, 'v.range'),
  })
  .strict();

/** A printed document of a record: HTML for preview and print, PDF, or DOCX. */
export const DocumentRequestInput = z.object({ id, paper: z.enum(['A4', 'F4']), format: z.enum(['html', 'docx', 'pdf']) }).strict();
/** A PKS may carry a paraf box on every page (the signatories initial each sheet); a per-print choice. */
export const AgreementDocumentInput = DocumentRequestInput.extend({ paraf: z.boolean().default(false) }).strict();

/** Creates (id null) or updates an office pasal template. */
export const TemplateSaveInput = z
  .object({
    id: id.nullable(),
    expectedUpdatedAt: timestamp.nullable().default(null),
    name: requiredText(120),
    isDefault: z.boolean().default(false),
    legalBases: LegalBases,
    articles: Articles.refine((a) => a.length > 0, 'v.required'),
  })
  .strict();

/** A verification code as typed or scanned: letters, digits, spaces and dashes, checked loosely and normalised in the main process. */
export const DocumentVerifyInput = z.object({ code: requiredText(60) }).strict();

/** A signed scan as base64 (≤ MAX_SCAN_BYTES of bytes); its real type and size are checked in the main process. */
export const ScanUploadInput = z
  .object({ id, filename: requiredText(200), base64: z.string().min(1, 'v.required').max(MAX_SCAN_BASE64, 'scans.tooLarge'), signedOn: isoDate })
  .strict();
