import { agreementStatus, CANCEL_AHEAD_DAYS, endOfTerm, IN_FORCE_STATUSES, renderNumber, unknownTokens, type InForceFacts } from '../../shared/agreements';
import { cancelDateOf } from '../../shared/schemas/agreements';
import type { ParsedInputOf } from '../../shared/contract';
import type { Bidang } from '../../shared/domain';
import { AppError, fieldError } from '../../shared/errors';
import { translate } from '../../shared/i18n/index';
import type { Agreement, AgreementRow, AgreementSettings } from '../../shared/types';
import {
  agreementById,
  agreementByNumber,
  insertAgreement,
  insertScan,
  listAgreements,
  maxSequence,
  numberOf,
  renewalOf,
  scanById,
  scansOf,
  updateAgreement,
  type AgreementDbRow,
  type AgreementListDbRow,
} from '../../db/repositories/agreements';
import { partnerById } from '../../db/repositories/partners';
import { serviceCodes } from '../../db/repositories/pickLists';
import { getSetting, putSetting } from '../../db/repositories/settings';
import type { AgreementsTable } from '../../db/schema';
import { recordChange } from './audit';
import { readStoredFile, storeFile, uploadedScan } from './files';
import { exportTable, type ExportColumn } from './exporter';
import { exportHeading, say } from './exportHeading';
import { foldForSearch } from '../../shared/validate';
import { actorOf, isoNow, nextStamp, type Actor, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { officeCode, officeToday } from './settings';
import { assertOwn, ownedBy } from './ownership';

export const DEFAULT_AGREEMENT_SETTINGS: AgreementSettings = { numberTemplate: '{seq:3}/PKS/{office_code}/{month_roman}/{year}', warnDays: 60 };

type Fields = ParsedInputOf<'agreements.create'>['data'];

export function agreementSettings(ctx: AppContext): AgreementSettings {
  return { ...DEFAULT_AGREEMENT_SETTINGS, ...(getSetting<Partial<AgreementSettings>>(ctx.db, 'agreements') ?? {}) };
}

/** The dates the in-force rule and the status read, as the row stores them. */
export const factsOf = (r: Pick<AgreementDbRow, 'signed_on' | 'start_date' | 'end_date' | 'cancelled_on'>): InForceFacts => ({
  signedOn: r.signed_on,
  startDate: r.start_date,
  endDate: r.end_date,
  cancelledOn: r.cancelled_on,
});

/** The day and the warning days a status is read against: read once per list, not once per row. */
const statusClock = (ctx: AppContext) => ({ day: officeToday(ctx), warnDays: agreementSettings(ctx).warnDays });

function toRow(clock: { day: string; warnDays: number }, r: AgreementListDbRow): AgreementRow {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    subject: r.subject,
    officeNumber: r.office_number,
    startDate: r.start_date,
    endDate: r.end_date,
    bidang: JSON.parse(r.bidang) as Bidang[],
    status: agreementStatus(factsOf(r), clock.day, clock.warnDays),
    updatedAt: r.updated_at,
  };
}

/** Rows of the agreement register (as agreements.list shows them), their status read against one clock. */
export function agreementRowsOf(ctx: AppContext, rows: readonly AgreementListDbRow[]): AgreementRow[] {
  const clock = statusClock(ctx);
  return rows.map((r) => toRow(clock, r));
}

function toAgreement(ctx: AppContext, r: AgreementDbRow): Agreement {
  const next = renewalOf(ctx.db, r.id);
  return {
    ...toRow(statusClock(ctx), r),
    partnerNumber: r.partner_number,
    signPlace: r.sign_place,
    signDate: r.sign_date,
    termMonths: r.term_months,
    services: JSON.parse(r.services) as string[],
    officeSignatory: JSON.parse(r.office_signatory) as Agreement['officeSignatory'],
    partnerSignatory: JSON.parse(r.partner_signatory) as Agreement['partnerSignatory'],
    legalBases: JSON.parse(r.legal_bases) as string[],
    articles: JSON.parse(r.articles) as Agreement['articles'],
    funding: r.funding,
    notes: r.notes,
    signedOn: r.signed_on,
    cancelledOn: r.cancelled_on,
    cancelReason: r.cancel_reason,
    previousId: r.previous_id,
    previousNumber: r.previous_id ? numberOf(ctx.db, r.previous_id) : null,
    nextId: next?.id ?? null,
    nextNumber: next?.office_number ?? null,
    createdAt: r.created_at,
    ownedBy: ownedBy(ctx, r.origin),
    scans: scansOf(ctx.db, r.id).map((x) => ({
      id: x.id,
      filename: x.filename,
      mime: x.mime,
      size: x.size,
      sha256: x.sha256,
      uploadedAt: x.created_at,
      uploadedBy: x.uploaded_by_name ?? '',
    })),
  };
}

/** One agreement as the screens and documents see it. */
export const getAgreement = (ctx: AppContext, id: string): Agreement => toAgreement(ctx, mustFind(ctx, id));

function mustFind(ctx: AppContext, id: string): AgreementDbRow {
  const row = agreementById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'agreements.notFound');
  return row;
}

/** Checks what the schema cannot: the partner is current, the services are the partner's, the signing date is confirmed. */
function checkFields(ctx: AppContext, f: Fields, prefix: string): { endDate: string } {
  const partner = partnerById(ctx.db, f.partnerId);
  if (!partner) throw fieldError(`${prefix}partnerId`, 'partners.notFound');
  assertOwn(ctx, partner, `${prefix}partnerId`);
  if (partner.deleted_at) throw fieldError(`${prefix}partnerId`, 'agreements.partnerArchived');
  const known = serviceCodes(ctx.db);
  const offered = new Set(JSON.parse(partner.services) as string[]);
  const bad = f.services.find((s) => !known.has(s) || !offered.has(s));
  if (bad) throw fieldError(`${prefix}services`, 'agreements.serviceNotOffered', { code: bad });
  if (f.signDate > f.startDate && !f.confirmLateSigning) throw fieldError(`${prefix}signDate`, 'agreements.lateSigning');
  return { endDate: f.endDate ?? endOfTerm(f.startDate, f.termMonths!) };
}

function columns(f: Fields, endDate: string) {
  return {
    partner_id: f.partnerId,
    subject: f.subject,
    partner_number: f.partnerNumber,
    sign_place: f.signPlace,
    sign_date: f.signDate,
    start_date: f.startDate,
    end_date: endDate,
    term_months: f.endDate === null ? f.termMonths : null,
    bidang: JSON.stringify(f.bidang),
    services: JSON.stringify(f.services),
    office_signatory: JSON.stringify(f.officeSignatory),
    partner_signatory: JSON.stringify(f.partnerSignatory),
    legal_bases: JSON.stringify(f.legalBases),
    articles: JSON.stringify(f.articles),
    funding: f.funding,
    notes: f.notes,
  } satisfies Partial<AgreementsTable>;
}

type NumberColumns = { office_number: string | null; number_year: number | null; number_seq: number | null };

/**
 * The office number a new agreement is saved with, inside the caller's transaction. A manual
 * number (from the office's own register book) is checked and kept; an automatic one is given
 * only when the agreement is signed (`numberOnSigning`), so a draft given up leaves no gap.
 */
function numberAtCreation(ctx: AppContext, signDate: string, choice: ParsedInputOf<'agreements.create'>['number']): NumberColumns {
  if (choice.mode === 'auto') return { office_number: null, number_year: null, number_seq: null };
  if (agreementByNumber(ctx.db, officeCode(ctx), choice.value)) throw fieldError('number.value', 'agreements.numberTaken', { number: choice.value });
  return { office_number: choice.value, number_year: Number(signDate.slice(0, 4)), number_seq: null };
}

/**
 * The next number of the signing year from the template, given as the signing is recorded (in
 * the caller's write transaction, so two signings cannot take the same one): the register runs
 * in the order agreements were signed, without gaps from drafts. An agreement that already has
 * its number (a manual one, or one given before numbers waited for the signing) keeps it.
 */
function numberOnSigning(ctx: AppContext, row: AgreementDbRow, signedOn: string): Partial<NumberColumns> {
  if (row.office_number !== null) return {};
  const year = Number(signedOn.slice(0, 4));
  const seq = maxSequence(ctx.db, officeCode(ctx), year) + 1;
  const number = renderNumber(agreementSettings(ctx).numberTemplate, { seq, date: signedOn, officeCode: officeCode(ctx) });
  if (agreementByNumber(ctx.db, officeCode(ctx), number)) throw fieldError('signedOn', 'agreements.numberTaken', { number });
  return { office_number: number, number_year: year, number_seq: seq };
}

export function agreementHandlers(
  ctx: AppContext,
): HandlersOf<
  | 'agreements.list'
  | 'agreements.get'
  | 'agreements.create'
  | 'agreements.update'
  | 'agreements.sign'
  | 'agreements.cancel'
  | 'agreements.renew'
  | 'agreements.export'
  | 'agreements.uploadScan'
  | 'agreements.scan'
  | 'agreements.previewNumber'
  | 'agreements.settings'
  | 'agreements.updateSettings'
> {
  const audited = (actor: Actor, action: 'create' | 'update' | 'status', before: AgreementDbRow | null, after: AgreementDbRow) => {
    const view = (r: AgreementDbRow) => {
      const { partner_name: _p, ...rest } = r;
      return rest;
    };
    recordChange(ctx, actor, { action, entity: 'agreement', entityId: after.id, before: before ? view(before) : undefined, after: view(after) });
  };

  function create(actor: Actor, f: Fields, number: ParsedInputOf<'agreements.create'>['number'], previousId: string | null, prefix = 'data.'): Agreement {
    const { endDate } = checkFields(ctx, f, prefix);
    return ctx.db.tx(() => {
      const now = isoNow(ctx);
      const id = newId();
      insertAgreement(ctx.db, {
        id,
        ...columns(f, endDate),
        ...numberAtCreation(ctx, f.signDate, number),
        signed_on: null,
        cancelled_on: null,
        cancel_reason: '',
        previous_id: previousId,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        origin: officeCode(ctx),
      });
      const row = mustFind(ctx, id);
      audited(actor, 'create', null, row);
      return toAgreement(ctx, row);
    });
  }

  function listFiltered(input: ParsedInputOf<'agreements.list'>): AgreementRow[] {
    const clock = statusClock(ctx);
    const day = clock.day;
    // Plain folded words: a PKS number is never a phone, so no phone reading of the query here.
    const terms = [...new Set(foldForSearch(input.q).split(' ').filter(Boolean))];
    return listAgreements(ctx.db, { partnerId: input.partnerId })
      .map((r) => toRow(clock, r))
      .filter((a) => {
        if (terms.length === 0) return true;
        const text = foldForSearch(`${a.officeNumber ?? ''} ${a.partnerName} ${a.subject}`);
        // Numbers are searched as typed too: "PKS/01/2025" folds to "pks 01 2025".
        return terms.every((t) => text.includes(t));
      })
      .filter((a) => !input.status || a.status === input.status)
      .filter((a) => !input.bidang || a.bidang.includes(input.bidang))
      .filter((a) => {
        if (input.expiringWithinDays === null) return true;
        const left = daysBetween(day, a.endDate);
        return IN_FORCE_STATUSES.has(a.status) && left >= 0 && left <= input.expiringWithinDays;
      });
  }

  return {
    'agreements.settings': () => agreementSettings(ctx),
    'agreements.updateSettings': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = agreementSettings(ctx);
        putSetting(ctx.db, 'agreements', input, isoNow(ctx));
        recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'agreements', before, after: input, sync: false });
        return agreementSettings(ctx);
      });
    },
    'agreements.uploadScan': (input, call) => {
      const actor = actorOf(call);
      const { bytes, mime } = uploadedScan(input.base64);
      const before = mustFind(ctx, input.id);
      assertOwn(ctx, before);
      if (before.cancelled_on) throw new AppError('CONFLICT', 'agreements.cancelled');
      if (!before.signed_on && input.signedOn > before.end_date) throw fieldError('signedOn', 'agreements.signedAfterEnd');
      // The file is on disk (flushed) before the row that names it is committed.
      const hash = storeFile(ctx.filesDir, bytes);
      return ctx.db.tx(() => {
        const now = isoNow(ctx);
        insertScan(ctx.db, {
          id: newId(),
          agreement_id: input.id,
          filename: input.filename,
          mime,
          size: bytes.length,
          sha256: hash,
          uploaded_by: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        // Filing the signed scan of a draft is what makes it signed, on the signing date given.
        if (!before.signed_on)
          updateAgreement(ctx.db, input.id, {
            signed_on: input.signedOn,
            ...numberOnSigning(ctx, before, input.signedOn),
            updated_at: nextStamp(ctx, before.updated_at),
          });
        else updateAgreement(ctx.db, input.id, { updated_at: nextStamp(ctx, before.updated_at) });
        const after = mustFind(ctx, input.id);
        audited(actor, before.signed_on ? 'update' : 'status', before, after);
        return toAgreement(ctx, after);
      });
    },
    'agreements.scan': (input) => {
      const scan = scanById(ctx.db, input.id);
      if (!scan) throw new AppError('NOT_FOUND', 'files.missing');
      const bytes = readStoredFile(ctx.filesDir, scan.sha256);
      return { filename: scan.filename, mime: scan.mime, base64: bytes.toString('base64'), rows: 1 };
    },
    'agreements.previewNumber': (input) => {
      const template = input.template ?? agreementSettings(ctx).numberTemplate;
      const unknown = unknownTokens(template);
      if (unknown.length) return { number: '', unknownTokens: unknown };
      const seq = maxSequence(ctx.db, officeCode(ctx), Number(input.date.slice(0, 4))) + 1;
      return { number: renderNumber(template, { seq, date: input.date, officeCode: officeCode(ctx) }), unknownTokens: [] };
    },
    'agreements.list': (input) => listFiltered(input),
    'agreements.export': async (input, call) => {
      const actor = actorOf(call);
      const rows = listFiltered(input).map((r) => toAgreement(ctx, mustFind(ctx, r.id)));
      const heading = exportHeading(ctx, actor, 'Daftar Perjanjian Kerja Sama (PKS)', [
        say.text('Pencarian', input.q),
        say.code('Status', 'agreement.status.', input.status),
        say.partner(ctx, input.partnerId),
        say.code('Bidang', 'bidang.', input.bidang),
        input.expiringWithinDays === null ? null : `Berakhir dalam ${input.expiringWithinDays} hari`,
      ]);
      const file = await exportTable('xlsx', 'pks', officeToday(ctx), AGREEMENT_EXPORT_COLUMNS, rows, null, { heading });
      ctx.db.tx(() =>
        recordChange(ctx, actor, { action: 'export', entity: 'agreement', entityId: '*', after: { rows: rows.length, filter: input }, sync: false }),
      );
      return file;
    },
    'agreements.get': (input) => toAgreement(ctx, mustFind(ctx, input.id)),
    'agreements.create': (input, call) => create(actorOf(call), input.data, input.number, null),
    'agreements.update': (input, call) => {
      const actor = actorOf(call);
      assertOwn(ctx, mustFind(ctx, input.id));
      const { endDate } = checkFields(ctx, input.data, 'data.');
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        if (before.signed_on || before.cancelled_on) throw new AppError('CONFLICT', 'agreements.onlyDraftEditable');
        if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        updateAgreement(ctx.db, input.id, { ...columns(input.data, endDate), updated_at: nextStamp(ctx, before.updated_at) });
        const after = mustFind(ctx, input.id);
        audited(actor, 'update', before, after);
        return toAgreement(ctx, after);
      });
    },
    'agreements.sign': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.signed_on) throw new AppError('CONFLICT', 'agreements.alreadySigned');
        if (before.cancelled_on) throw new AppError('CONFLICT', 'agreements.cancelled');
        if (input.signedOn > before.end_date) throw fieldError('signedOn', 'agreements.signedAfterEnd');
        updateAgreement(ctx.db, input.id, {
          signed_on: input.signedOn,
          ...numberOnSigning(ctx, before, input.signedOn),
          updated_at: nextStamp(ctx, before.updated_at),
        });
        const after = mustFind(ctx, input.id);
        audited(actor, 'status', before, after);
        return toAgreement(ctx, after);
      });
    },
    'agreements.cancel': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.cancelled_on) throw new AppError('CONFLICT', 'agreements.cancelled');
        const date = cancelDateOf(factsOf(before), officeToday(ctx)).safeParse(input.date);
        if (!date.success) throw fieldError('date', date.error.issues[0]!.message, { days: CANCEL_AHEAD_DAYS });
        updateAgreement(ctx.db, input.id, { cancelled_on: input.date, cancel_reason: input.reason, updated_at: nextStamp(ctx, before.updated_at) });
        const after = mustFind(ctx, input.id);
        audited(actor, 'status', before, after);
        return toAgreement(ctx, after);
      });
    },
    'agreements.renew': (input, call) => {
      const actor = actorOf(call);
      const prevRow = mustFind(ctx, input.id);
      assertOwn(ctx, prevRow);
      const prev = toAgreement(ctx, prevRow);
      if (prev.nextId) throw new AppError('CONFLICT', 'agreements.alreadyRenewed');
      if (prev.status === 'draf' || prev.status === 'dibatalkan') throw new AppError('CONFLICT', 'agreements.renewSigned');
      // The renewal copies the text and parties; only the dates and the number are new.
      const fields: Fields = {
        partnerId: prev.partnerId,
        subject: prev.subject,
        partnerNumber: '',
        signPlace: prev.signPlace,
        signDate: input.signDate,
        startDate: input.startDate,
        endDate: input.endDate,
        termMonths: input.termMonths,
        bidang: [...prev.bidang],
        services: [...prev.services],
        officeSignatory: { ...prev.officeSignatory },
        partnerSignatory: { ...prev.partnerSignatory },
        legalBases: [...prev.legalBases],
        articles: prev.articles.map((a) => ({ ...a })),
        funding: prev.funding,
        notes: '',
        confirmLateSigning: input.confirmLateSigning,
      };
      // Errors name the renewal dialog's own fields (e.g. signDate), hence no prefix.
      return create(actor, fields, { mode: 'auto' }, prev.id, '');
    },
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const AGREEMENT_EXPORT_COLUMNS: readonly ExportColumn<Agreement, null>[] = [
  { header: 'Nomor (kantor)', width: 30, value: (a) => a.officeNumber ?? translate('id', 'agreements.numberOnSigning') },
  { header: 'Nomor (mitra)', width: 26, value: (a) => a.partnerNumber },
  { header: 'Mitra', width: 36, value: (a) => a.partnerName },
  { header: 'Tentang', width: 50, value: (a) => a.subject },
  { header: 'Status', width: 14, value: (a) => translate('id', `agreement.status.${a.status}`) },
  { header: 'Bidang', width: 30, value: (a) => a.bidang.map((b) => translate('id', `bidang.${b}`)).join(', ') },
  { header: 'Tanggal tanda tangan', width: 16, value: (a) => a.signedOn ?? '', kind: 'date' },
  { header: 'Mulai', width: 12, value: (a) => a.startDate, kind: 'date' },
  { header: 'Berakhir', width: 12, value: (a) => a.endDate, kind: 'date' },
  { header: 'Dibatalkan', width: 12, value: (a) => a.cancelledOn ?? '', kind: 'date' },
];
