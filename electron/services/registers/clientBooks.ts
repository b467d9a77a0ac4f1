import type { ParsedInputOf } from '../../../shared/contract';
import { ageOn, clientStanding, PROGRAMS, type ClientStatus, type Program } from '../../../shared/clients';
import { formatDate } from '../../../shared/format';
import { translate } from '../../../shared/i18n/index';
import { maskNik } from '../../../shared/nik';
import { listClients, type ClientDbRow } from '../../../db/repositories/clients';
import { clientFilterOf, seesNik } from '../clients';
import type { Actor, AppContext } from '../context';
import { say } from '../exportHeading';
import { officeToday } from '../settings';
import { cellDate, dash, type Book } from './book';

type Input = ParsedInputOf<'registers.clients'>;

const programName = (p: string) => translate('id', `program.${p}`);
const standingName = (r: ClientDbRow, today: string) => {
  const s = clientStanding(r.status as ClientStatus, r.supervision_end, today);
  return translate('id', s === 'berakhir' ? 'clientStanding.berakhir' : `clientStatus.${s}`);
};

/** The clients a book prints: exactly the rows clients.list returns for the same filter, without paging. */
async function clientsOf(ctx: AppContext, actor: Actor, input: Input, sort: 'name' | 'registerNumber') {
  await ctx.wilayah.regencies();
  const rows = listClients(ctx.db, clientFilterOf(ctx, actor, { ...input, sort, dir: 'asc', limit: 1, offset: 0 }), sort, 'asc', 1_000_000, 0);
  await ctx.wilayah.ensureNames(rows.flatMap((r) => [r.regency_code, r.district_code, r.village_code]));
  return { rows, full: seesNik(ctx, actor), today: officeToday(ctx) };
}

const filterWords = (ctx: AppContext, input: Input, full: boolean) => [
  say.text('Pencarian', input.q),
  input.status === 'berakhir' ? `Status: ${translate('id', 'clientStanding.berakhir')}` : say.code('Status', 'clientStatus.', input.status),
  say.code('Program', 'program.', input.program),
  say.user(ctx, 'PK', input.pkUserId),
  say.regency(ctx, input.regencyCode),
  full ? null : 'NIK: disamarkan',
];

/** Address with its desa, kecamatan and kabupaten, as a register writes it. */
function addressOf(ctx: AppContext, r: ClientDbRow): string {
  const places = [r.village_code, r.district_code].map((c) => (c ? ctx.wilayah.name(c) : null));
  const regency = r.regency_code ? ctx.wilayah.regencyName(r.regency_code) : null;
  return dash([r.address, ...places, regency].filter((s) => s && s.trim() !== '').join(', '));
}

/**
 * Buku register klien: one book per programme (or all, each programme under its own heading), in
 * register order, with the columns an office keeps in its book. NIKs are masked for whoever sees
 * them masked on screen.
 */
export async function clientRegisterBook(ctx: AppContext, actor: Actor, input: Input): Promise<Book<ClientDbRow>> {
  const { rows: listed, full, today } = await clientsOf(ctx, actor, input, 'registerNumber');
  // Without a programme chosen, the book holds every programme in the order of the enum, each under its heading.
  const rows = input.program ? listed : [...listed].sort((a, b) => PROGRAMS.indexOf(a.program as Program) - PROGRAMS.indexOf(b.program as Program));
  const headings = input.program
    ? []
    : rows.flatMap((r, i) => (i === 0 || rows[i - 1]!.program !== r.program ? [{ before: i, label: programName(r.program) }] : []));
  return {
    file: 'register-klien',
    title: ['BUKU REGISTER KLIEN', (input.program ? programName(input.program) : 'SEMUA PROGRAM').toUpperCase()],
    sheetTitle: `Buku Register Klien${input.program ? ` ${programName(input.program)}` : ''}`,
    filter: filterWords(ctx, input, full),
    fields: [{ label: 'Jumlah', value: `${rows.length} klien` }],
    orientation: 'landscape',
    noWidth: 4,
    columns: [
      { label: 'No. register', width: 10, print: (r) => r.register_number, sheetWidth: 18 },
      { label: 'Nama', width: 12.5, print: (r) => r.name, sheetWidth: 28 },
      {
        label: 'NIK',
        width: 12.5,
        nowrap: true,
        print: (r) => (r.nik ? (full ? r.nik : maskNik(r.nik)) : '-'),
        sheet: (r) => (r.nik ? (full ? r.nik : maskNik(r.nik)) : ''),
        sheetWidth: 20,
      },
      { label: 'L/P', width: 4, print: (r) => r.sex, sheet: (r) => translate('id', `sex.${r.sex}`), sheetWidth: 12 },
      {
        label: 'Tanggal lahir (umur)',
        width: 9,
        print: (r) => (r.birth_date ? `${cellDate(r.birth_date)}\n(${ageOn(r.birth_date, today)} th)` : '-'),
        sheet: (r) => r.birth_date,
        kind: 'date',
        sheetWidth: 12,
      },
      {
        label: 'Umur',
        width: 0,
        sheetOnly: true,
        print: () => '',
        sheet: (r) => (r.birth_date ? ageOn(r.birth_date, today) : null),
        kind: 'number',
        sheetWidth: 8,
      },
      { label: 'Alamat', width: 13, print: (r) => addressOf(ctx, r), sheetWidth: 40 },
      {
        label: 'Putusan / perkara',
        width: 11,
        print: (r) =>
          dash([r.decision_number, r.decision_date ? `tgl. ${cellDate(r.decision_date)}` : '', r.offence].filter((s) => s.trim() !== '').join('\n')),
        sheet: (r) => r.decision_number,
        sheetWidth: 26,
      },
      { label: 'Tanggal putusan', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.decision_date, kind: 'date', sheetWidth: 12 },
      { label: 'Perkara', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.offence, sheetWidth: 26 },
      ...(input.program
        ? []
        : [{ label: 'Program', width: 0, sheetOnly: true, print: () => '', sheet: (r: ClientDbRow) => programName(r.program), sheetWidth: 22 }]),
      {
        label: 'Masa bimbingan',
        width: 10,
        print: (r) => `${cellDate(r.supervision_start)} s.d.\n${cellDate(r.supervision_end)}`,
        sheet: (r) => r.supervision_start,
        kind: 'date',
        sheetWidth: 12,
      },
      { label: 'Akhir bimbingan', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.supervision_end, kind: 'date', sheetWidth: 12 },
      { label: 'PK', width: 8, print: (r) => dash(r.pk_name), sheet: (r) => r.pk_name ?? '', sheetWidth: 24 },
      { label: 'Status', width: 6, print: (r) => standingName(r, today), sheetWidth: 16 },
    ],
    rows,
    empty: 'Tidak ada klien yang sesuai.',
    headings,
    footerNote: `Buku register klien${input.program ? ` ${programName(input.program)}` : ''}`,
    audit: { entity: 'client', entityId: '*', filter: input, nikMasked: !full },
  };
}

/** The letter a name is indexed under: its first letter as folded for search, or "#" for a name starting otherwise. */
const indexLetter = (nameKey: string) => {
  const c = nameKey.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(c) ? c : '#';
};

/**
 * Buku Klaper: the alphabetical index of clients, one heading per letter, with register number,
 * programme and status; a closed record (selesai, dicabut, pindah, meninggal) is struck through as
 * in the paper klaper.
 */
export async function klaperBook(ctx: AppContext, actor: Actor, input: Input): Promise<Book<ClientDbRow>> {
  const { rows, full, today } = await clientsOf(ctx, actor, input, 'name');
  const headings = rows.flatMap((r, i) =>
    i === 0 || indexLetter(rows[i - 1]!.name_key) !== indexLetter(r.name_key) ? [{ before: i, label: indexLetter(r.name_key) }] : [],
  );
  const struck = rows.flatMap((r, i) => (r.status !== 'aktif' ? [i] : []));
  return {
    file: 'klaper',
    title: ['BUKU KLAPER', 'INDEKS ABJAD KLIEN PEMASYARAKATAN'],
    sheetTitle: 'Buku Klaper (indeks abjad klien)',
    filter: filterWords(ctx, input, full).filter((p) => !p?.startsWith('NIK')),
    fields: [{ label: 'Jumlah', value: `${rows.length} klien` }],
    orientation: 'portrait',
    noWidth: 7,
    columns: [
      { label: 'Huruf', width: 0, sheetOnly: true, print: () => '', sheet: (r) => indexLetter(r.name_key), sheetWidth: 8 },
      { label: 'Nama', width: 33, print: (r) => r.name, sheetWidth: 30 },
      { label: 'No. register', width: 20, print: (r) => r.register_number, sheetWidth: 18 },
      { label: 'Program', width: 22, print: (r) => programName(r.program), sheetWidth: 22 },
      {
        label: 'Status',
        width: 18,
        print: (r) => (r.status === 'aktif' ? standingName(r, today) : `${standingName(r, today)}\n${cellDate(r.status_date)}`),
        sheet: (r) => standingName(r, today),
        sheetWidth: 16,
      },
      { label: 'Tanggal status', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.status_date, kind: 'date', sheetWidth: 12 },
    ],
    rows,
    empty: 'Tidak ada klien yang sesuai.',
    headings,
    struck,
    footerNote: `Buku Klaper, keadaan ${formatDate(today)}`,
    audit: { entity: 'client', entityId: '*', filter: input },
  };
}
