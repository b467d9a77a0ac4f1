import { imageSize } from 'image-size';
import type { CheckinKind } from '../../../shared/checkins';
import { formatDate } from '../../../shared/format';
import { translate } from '../../../shared/i18n/index';
import { maskNik } from '../../../shared/nik';
import type { Activity } from '../../../shared/types';
import type { DueRow } from '../../../shared/checkins';
import { activityFiles } from '../../../db/repositories/activities';
import { userById } from '../../../db/repositories/users';
import { getActivity } from '../activities';
import { reportingOf } from '../checkins';
import { mustFindClient, seesNik } from '../clients';
import type { Actor, AppContext } from '../context';
import type { DocumentPhoto } from '../documents/model';
import { readStoredFile, sniffScanType } from '../files';
import { cellDate, dash, headSignatory, type Book } from './book';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** "Rabu, 5 Maret 2025": the day an activity was held, as a daftar hadir heads it. */
const dayAndDate = (d: string) => `${DAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]}, ${formatDate(d)}`;

/** One line of the check-in card: a due date and the report that answered it. */
export interface CardLine {
  readonly due: DueRow;
  readonly checkin: { readonly date: string; readonly kind: CheckinKind; readonly reason: string; readonly notes: string; readonly officer: string } | null;
}

const STATUS_NOTE: Readonly<Record<DueRow['status'], string>> = { met: '', missed: 'Tidak lapor', open: 'Belum lapor', upcoming: '' };

/**
 * Daftar lapor diri: a client's check-in card. The client's particulars, then every due date of
 * the schedule (as the client's page counts them) with the day the client reported, how, and a
 * column left empty for the officer's paraf; due dates still ahead are printed blank to fill in by
 * hand. Signed by the client's PK (the head of the office when none is named).
 */
export async function checkinCardBook(ctx: AppContext, actor: Actor, clientId: string): Promise<Book<CardLine>> {
  const c = mustFindClient(ctx, clientId);
  await ctx.wilayah.ensureNames([c.regency_code, c.district_code, c.village_code]);
  const rep = reportingOf(ctx, clientId);
  const byDate = new Map(rep.checkins.map((k) => [k.date, k]));
  const rows = rep.schedule.map((due) => ({ due, checkin: due.checkin ? (byDate.get(due.checkin) ?? null) : null }));
  const full = seesNik(ctx, actor);
  const pk = c.pk_user_id ? userById(ctx.db, c.pk_user_id) : undefined;
  const place = [c.address, c.village_code && ctx.wilayah.name(c.village_code), c.district_code && ctx.wilayah.name(c.district_code)]
    .concat(c.regency_code ? [ctx.wilayah.regencyName(c.regency_code)] : [])
    .filter((s): s is string => !!s && s.trim() !== '')
    .join(', ');
  return {
    file: `lapor-diri-${c.register_number.replace(/[^A-Za-z0-9.-]+/g, '_')}`,
    title: ['DAFTAR LAPOR DIRI KLIEN', 'WAJIB LAPOR'],
    sheetTitle: 'Daftar Lapor Diri Klien',
    filter: [],
    fields: [
      { label: 'Nama', value: c.name },
      { label: 'Nomor register', value: c.register_number },
      { label: 'NIK', value: c.nik ? (full ? c.nik : maskNik(c.nik)) : '-' },
      { label: 'Tempat, tanggal lahir', value: dash([c.birth_place, c.birth_date ? formatDate(c.birth_date) : ''].filter(Boolean).join(', ')) },
      { label: 'Alamat', value: dash(place) },
      { label: 'Program', value: translate('id', `program.${c.program}`) },
      { label: 'Masa bimbingan', value: `${formatDate(c.supervision_start)} s.d. ${formatDate(c.supervision_end)}` },
      { label: 'Pembimbing Kemasyarakatan', value: dash(c.pk_name) },
      { label: 'Wajib lapor', value: `${translate('id', `reporting.${c.reporting}`)}, dihitung sejak ${formatDate(rep.trackedFrom)}` },
    ],
    orientation: 'portrait',
    noWidth: 6,
    columns: [
      { label: 'Jadwal lapor', width: 15, nowrap: true, print: (r) => cellDate(r.due.due), sheet: (r) => r.due.due, kind: 'date', sheetWidth: 12 },
      {
        label: 'Tanggal lapor',
        width: 15,
        nowrap: true,
        print: (r) => (r.checkin ? cellDate(r.checkin.date) : ''),
        sheet: (r) => r.checkin?.date ?? null,
        kind: 'date',
        sheetWidth: 12,
      },
      {
        label: 'Cara lapor',
        width: 15,
        print: (r) => (r.checkin ? translate('id', `checkinKind.${r.checkin.kind}`) : ''),
        sheetWidth: 16,
      },
      {
        label: 'Keterangan',
        width: 29,
        print: (r) => (r.checkin ? [r.checkin.reason, r.checkin.notes].filter((s) => s.trim() !== '').join('; ') : STATUS_NOTE[r.due.status]),
        sheetWidth: 34,
      },
      { label: 'Petugas', width: 0, sheetOnly: true, print: () => '', sheet: (r) => r.checkin?.officer ?? '', sheetWidth: 24 },
      // Left empty: the officer initials each report on the paper card.
      { label: 'Paraf petugas', width: 20, print: () => '', sheet: null },
    ],
    rows,
    rowMm: 8,
    empty: rep.damaged ? 'Jadwal tidak dapat disusun: periksa tanggal bimbingan klien.' : 'Klien tidak mempunyai jadwal wajib lapor.',
    signatory: pk ? { role: 'Pembimbing Kemasyarakatan', organisation: '', name: pk.name, nip: pk.nip, position: '', materai: false } : headSignatory(ctx),
    footerNote: `Daftar lapor diri ${c.register_number}`,
    audit: { entity: 'client', entityId: c.id, filter: { book: 'lapor-diri' }, ...(full ? {} : { nikMasked: true }) },
  };
}

/** An activity's particulars, as both its daftar hadir and its report head them. */
function activityFields(a: Activity) {
  return [
    { label: 'Kegiatan', value: a.title },
    { label: 'Jenis', value: translate('id', `activityType.${a.type}`) + (a.bidang ? ` (${translate('id', `bidang.${a.bidang}`)})` : '') },
    { label: 'Hari, tanggal', value: dayAndDate(a.date) },
    { label: 'Tempat', value: dash(a.place) },
    { label: 'Mitra', value: a.partnerNames.join(', ') || 'Kantor' },
  ];
}

type Participant = Activity['participantList'][number];
const fileSafe = (a: Activity) => `${a.date}-${a.title}`.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60);

/** Daftar hadir: the activity's participants, each with an empty column to sign in, signed by the head. */
export function attendanceBook(ctx: AppContext, activityId: string): Book<Participant> {
  const a = getActivity(ctx, activityId);
  return {
    file: `daftar-hadir-${fileSafe(a)}`,
    title: ['DAFTAR HADIR', a.title.toUpperCase()],
    sheetTitle: `Daftar Hadir ${a.title}`,
    filter: [],
    fields: [...activityFields(a), { label: 'Jumlah peserta', value: `${a.participantList.length} orang` }],
    orientation: 'portrait',
    noWidth: 6,
    columns: [
      { label: 'Nama', width: 32, print: (p) => p.name, sheetWidth: 30 },
      { label: 'No. register', width: 20, print: (p) => p.registerNumber, sheetWidth: 18 },
      { label: 'Keterangan', width: 16, print: (p) => p.note, sheetWidth: 24 },
      // Signed by hand on the day, one line per participant.
      { label: 'Tanda tangan', width: 26, print: () => '', sheet: null },
    ],
    rows: a.participantList,
    rowMm: 10,
    empty: 'Belum ada peserta.',
    footerNote: `Daftar hadir, ${formatDate(a.date)}`,
    audit: { entity: 'activity', entityId: a.id, filter: { book: 'daftar-hadir' } },
  };
}

/** The activity's photos as printed: the display copy of each image (the original when it has none), if it reads as JPEG or PNG. */
function photosOf(ctx: AppContext, activityId: string): DocumentPhoto[] {
  return activityFiles(ctx.db, activityId).flatMap((f, i) => {
    if (!f.mime.startsWith('image/')) return [];
    try {
      const bytes = readStoredFile(ctx.filesDir, f.thumb_sha256 ?? f.sha256);
      const mime = sniffScanType(bytes);
      if (mime !== 'image/jpeg' && mime !== 'image/png') return [];
      const size = imageSize(bytes);
      if (!size.width || !size.height) return [];
      return [{ mime, base64: bytes.toString('base64'), width: size.width, height: size.height, caption: `Foto ${i + 1}. ${f.filename}` }];
    } catch {
      // A file missing from the data folder (a bundle that brought the record, not its files) is left out.
      return [];
    }
  });
}

/** Laporan kegiatan: the activity's particulars and description, its participants and attendance, its photos, signed by the head. */
export function activityReportBook(ctx: AppContext, activityId: string): Book<Participant> {
  const a = getActivity(ctx, activityId);
  const photos = photosOf(ctx, a.id);
  return {
    file: `laporan-kegiatan-${fileSafe(a)}`,
    title: ['LAPORAN KEGIATAN', a.title.toUpperCase()],
    sheetTitle: `Laporan Kegiatan ${a.title}`,
    filter: [],
    fields: [
      ...activityFields(a),
      { label: 'Petugas', value: dash(a.officerNames.filter(Boolean).join(', ')) },
      { label: 'Peserta', value: `${a.participantList.length} orang, hadir ${a.participantList.filter((p) => p.attended).length} orang` },
    ],
    paragraphs: a.description.trim()
      ? [
          'Uraian kegiatan:',
          ...a.description
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter(Boolean),
        ]
      : [],
    orientation: 'portrait',
    noWidth: 6,
    columns: [
      { label: 'Nama', width: 38, print: (p) => p.name, sheetWidth: 30 },
      { label: 'No. register', width: 22, print: (p) => p.registerNumber, sheetWidth: 18 },
      { label: 'Kehadiran', width: 14, print: (p) => (p.attended ? 'Hadir' : 'Tidak hadir'), sheetWidth: 14 },
      { label: 'Keterangan', width: 20, print: (p) => p.note, sheetWidth: 24 },
    ],
    rows: a.participantList,
    empty: 'Tidak ada peserta klien.',
    ...(photos.length ? { photos: { heading: 'Dokumentasi kegiatan', items: photos } } : {}),
    footerNote: `Laporan kegiatan, ${formatDate(a.date)}`,
    audit: { entity: 'activity', entityId: a.id, filter: { book: 'laporan-kegiatan' } },
  };
}
