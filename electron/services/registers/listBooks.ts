import { HOME_VISIT_AFTER } from '../../../shared/checkins';
import type { ParsedInputOf } from '../../../shared/contract';
import { translate } from '../../../shared/i18n/index';
import type { AgreementRow, PartnerRow, Referral, ReportingRow } from '../../../shared/types';
import { listAgreements } from '../../../db/repositories/agreements';
import { listInstitutionTypes, listServiceTypes } from '../../../db/repositories/pickLists';
import { listPartners } from '../../../db/repositories/partners';
import { listReferrals } from '../../../db/repositories/referrals';
import { agreementRowsOf } from '../agreements';
import { overdueRows } from '../checkins';
import type { AppContext } from '../context';
import { say } from '../exportHeading';
import { partnerFilterOf, regencyNameOrder, toPartnerRow } from '../partners';
import { toReferral } from '../referrals';
import { officeToday } from '../settings';
import { cellDate, dash, type Book } from './book';

/** One line of the partner register: a partner with one of its PKS, or with none. */
export interface PartnerLine {
  readonly partner: PartnerRow;
  readonly agreement: AgreementRow | null;
}

/**
 * Register of partners and PKS: every partner the filter keeps (as partners.list lists them), one
 * line per PKS it holds (a partner without one on a line of its own), in the list's name order.
 */
export async function partnerRegisterBook(ctx: AppContext, input: ParsedInputOf<'registers.partners'>): Promise<Book<PartnerLine>> {
  const order = await regencyNameOrder(ctx);
  const partners = listPartners(ctx.db, partnerFilterOf(input), 'name', 'asc', 1_000_000, 0, officeToday(ctx), order).map((r) =>
    toPartnerRow(ctx, r, r.in_force === 1),
  );
  const byPartner = new Map<string, AgreementRow[]>();
  for (const row of agreementRowsOf(ctx, listAgreements(ctx.db, { partnerId: null }))) {
    byPartner.set(row.partnerId, [...(byPartner.get(row.partnerId) ?? []), row]);
  }
  const rows = partners.flatMap((partner): PartnerLine[] => {
    const pks = byPartner.get(partner.id) ?? [];
    return pks.length ? pks.map((agreement) => ({ partner, agreement })) : [{ partner, agreement: null }];
  });
  const kinds = new Map(listInstitutionTypes(ctx.db).map((k) => [k.code, k.label_id]));
  const place = (p: PartnerRow) => p.regencyName ?? (p.provinceName ? `Tingkat provinsi (${p.provinceName})` : '-');
  return {
    file: 'register-mitra-pks',
    title: ['REGISTER MITRA DAN PERJANJIAN KERJA SAMA (PKS)'],
    sheetTitle: 'Register Mitra dan PKS',
    filter: [
      say.text('Pencarian', input.q),
      say.code('Kategori', 'category.', input.category),
      input.institutionType ? `Jenis lembaga: ${kinds.get(input.institutionType) ?? input.institutionType}` : null,
      say.code('Bidang', 'bidang.', input.bidang),
      say.service(ctx, input.service),
      say.code('Status', 'status.', input.status),
      say.regency(ctx, input.regencyCode),
      input.origin ? `Kantor asal: ${input.origin}` : null,
      input.archived === 'archived' ? 'Arsip: hanya yang diarsipkan' : input.archived === 'all' ? 'Arsip: termasuk yang diarsipkan' : null,
    ],
    fields: [{ label: 'Jumlah', value: `${partners.length} mitra, ${rows.filter((r) => r.agreement).length} PKS` }],
    orientation: 'landscape',
    noWidth: 4,
    columns: [
      { label: 'Nama mitra', width: 16, print: (r) => r.partner.name, sheetWidth: 34 },
      { label: 'Kategori', width: 17, print: (r) => translate('id', `category.${r.partner.category}`), sheetWidth: 22 },
      {
        label: 'Jenis lembaga',
        width: 10,
        print: (r) => dash(r.partner.institutionType ? (kinds.get(r.partner.institutionType) ?? r.partner.institutionType) : ''),
        sheetWidth: 20,
      },
      { label: 'Kabupaten/Kota', width: 11, print: (r) => place(r.partner), sheetWidth: 24 },
      { label: 'Status mitra', width: 7, print: (r) => translate('id', `status.${r.partner.status}`), sheetWidth: 14 },
      {
        label: 'Nomor PKS',
        width: 15,
        print: (r) => (r.agreement ? (r.agreement.officeNumber ?? '(belum bernomor)') : 'Belum ada PKS'),
        sheet: (r) => r.agreement?.officeNumber ?? '',
        sheetWidth: 28,
      },
      {
        label: 'Masa berlaku',
        width: 11,
        nowrap: true,
        print: (r) => (r.agreement ? `${cellDate(r.agreement.startDate)} s.d.\n${cellDate(r.agreement.endDate)}` : '-'),
        sheet: (r) => r.agreement?.startDate ?? null,
        kind: 'date',
        sheetWidth: 12,
      },
      { label: 'Berakhir', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.agreement?.endDate ?? null, kind: 'date', sheetWidth: 12 },
      {
        label: 'Status PKS',
        width: 9,
        print: (r) => (r.agreement ? translate('id', `agreement.status.${r.agreement.status}`) : '-'),
        sheet: (r) => (r.agreement ? translate('id', `agreement.status.${r.agreement.status}`) : ''),
        sheetWidth: 16,
      },
    ],
    rows,
    empty: 'Tidak ada mitra yang sesuai.',
    footerNote: 'Register mitra dan PKS',
    audit: { entity: 'partner', entityId: '*', filter: input },
  };
}

/** The referral register printed: exactly the rows of referrals.list for the same filter, without paging. */
export function referralRegisterBook(ctx: AppContext, input: ParsedInputOf<'registers.referrals'>): Book<Referral> {
  const rows = listReferrals(ctx.db, input, 1_000_000, 0).map(toReferral);
  const services = new Map(listServiceTypes(ctx.db).map((s) => [s.code, s.label_id]));
  return {
    file: 'register-rujukan',
    title: ['REGISTER RUJUKAN KLIEN KE MITRA'],
    sheetTitle: 'Register Rujukan Klien ke Mitra',
    filter: [
      say.code('Status', 'referralStatus.', input.status),
      say.service(ctx, input.service),
      say.partner(ctx, input.partnerId),
      say.user(ctx, 'PK', input.pkUserId),
      input.clientId ? `Klien: ${rows[0]?.clientName ?? '—'}` : null,
      say.date('Dari tanggal', input.from),
      say.date('Sampai tanggal', input.to),
    ],
    fields: [{ label: 'Jumlah', value: `${rows.length} rujukan` }],
    orientation: 'landscape',
    noWidth: 4,
    columns: [
      { label: 'Tanggal', width: 9, nowrap: true, print: (r) => cellDate(r.date), sheet: (r) => r.date, kind: 'date', sheetWidth: 12 },
      { label: 'Nomor surat', width: 14, print: (r) => r.letterNumber, sheetWidth: 28 },
      { label: 'Klien', width: 15, print: (r) => `${r.clientName}\n${r.clientRegister}`, sheet: (r) => r.clientName, sheetWidth: 28 },
      { label: 'No. register', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.clientRegister, sheetWidth: 18 },
      { label: 'Mitra', width: 15, print: (r) => r.partnerName, sheetWidth: 34 },
      { label: 'Layanan', width: 12, print: (r) => services.get(r.service) ?? r.service, sheetWidth: 28 },
      { label: 'PK', width: 10, print: (r) => dash(r.pkName), sheet: (r) => r.pkName ?? '', sheetWidth: 24 },
      {
        label: 'Status',
        width: 10,
        print: (r) => `${translate('id', `referralStatus.${r.status}`)}\n${cellDate(r.statusDate)}`,
        sheet: (r) => translate('id', `referralStatus.${r.status}`),
        sheetWidth: 14,
      },
      { label: 'Tanggal status', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.statusDate, kind: 'date', sheetWidth: 12 },
      {
        label: 'Hasil',
        width: 11,
        print: (r) =>
          dash(
            [r.outcome ? translate('id', `outcome.${r.outcome}`) : '', r.hoursRequired === null ? '' : `Kerja sosial ${r.hoursDone}/${r.hoursRequired} jam`]
              .filter(Boolean)
              .join('\n'),
          ),
        sheet: (r) => (r.outcome ? translate('id', `outcome.${r.outcome}`) : ''),
        sheetWidth: 24,
      },
    ],
    rows,
    empty: 'Tidak ada rujukan yang sesuai.',
    footerNote: 'Register rujukan klien',
    audit: { entity: 'referral', entityId: '*', filter: input },
  };
}

/** The overdue list printed: the rows of checkins.overdue for the same filter, most missed first. */
export function overdueBook(ctx: AppContext, input: ParsedInputOf<'registers.overdue'>): Book<ReportingRow> {
  const rows = overdueRows(ctx, input.pkUserId);
  return {
    file: 'terlambat-lapor',
    title: ['DAFTAR KLIEN TERLAMBAT WAJIB LAPOR'],
    sheetTitle: 'Daftar Klien Terlambat Wajib Lapor',
    filter: [say.user(ctx, 'PK', input.pkUserId)],
    fields: [{ label: 'Jumlah', value: `${rows.length} klien` }],
    orientation: 'landscape',
    noWidth: 4,
    columns: [
      { label: 'No. register', width: 14, print: (r) => r.registerNumber, sheetWidth: 18 },
      { label: 'Nama', width: 22, print: (r) => r.name, sheetWidth: 30 },
      { label: 'PK', width: 18, print: (r) => dash(r.pkName), sheet: (r) => r.pkName ?? '', sheetWidth: 24 },
      { label: 'Lapor terakhir', width: 10, nowrap: true, print: (r) => cellDate(r.lastCheckin), sheet: (r) => r.lastCheckin, kind: 'date', sheetWidth: 14 },
      { label: 'Terlambat sejak', width: 10, nowrap: true, print: (r) => cellDate(r.overdueSince), sheet: (r) => r.overdueSince, kind: 'date', sheetWidth: 14 },
      { label: 'Jadwal terlewat', width: 8, print: (r) => String(r.missedStreak), sheet: (r) => r.missedStreak, kind: 'number', sheetWidth: 10 },
      {
        label: 'Keterangan',
        width: 14,
        print: (r) => (r.damaged ? 'Data rusak' : r.missedStreak >= HOME_VISIT_AFTER ? 'Kunjungan rumah' : '-'),
        sheet: (r) => (r.damaged ? 'Data rusak: periksa tanggal bimbingan' : r.missedStreak >= HOME_VISIT_AFTER ? 'Perlu kunjungan rumah' : ''),
        sheetWidth: 30,
      },
    ],
    rows,
    empty: 'Tidak ada klien yang terlambat wajib lapor.',
    footerNote: 'Daftar klien terlambat wajib lapor',
    audit: { entity: 'client', entityId: '*', filter: { list: 'overdue', ...input } },
  };
}
