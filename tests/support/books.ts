/** A small office whose registers have something in every column: the seed of the printed-book tests. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import QRCode from 'qrcode';
import type { InputOf } from '../../shared/contract';
import type { ExportFile } from '../../shared/types';
import { CLIENT, PARTNER, SETUP, agreementWith } from './fixtures';
import type { TestApp } from './app';

export const HEAD = { headName: 'Drs. Hendra Saputra', headNip: '197001011995031001', headPosition: 'Kepala Pos Bapas Curup' };

export interface BookSeed {
  admin: string;
  pk: string;
  pkId: string;
  clients: Record<'budi' | 'ahmad' | 'citra' | 'andi' | 'dedi', string>;
  partners: { pesantren: string; bengkel: string };
  pksNumber: string;
  activity: string;
}

/** Setup with the head of the office named; five clients over three programmes (one closed, one a child), two partners (one with a PKS), two referrals, a check-in, an activity with a photo. */
export async function seedBooks(app: TestApp): Promise<BookSeed> {
  await app.call('setup.complete', { ...SETUP, office: { ...SETUP.office, ...HEAD } });
  const admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  const password = 'sandi-petugas-1';
  await app.call(
    'users.create',
    { name: 'Rina Marlina', nip: '199001012015032001', position: 'PK Muda', username: 'rina', role: 'petugas', password, passwordConfirm: password },
    admin,
  );
  const pk = (await app.call('auth.login', { username: 'rina', password })).token;
  const pkId = (await app.call('users.list', {}, admin)).find((u) => u.username === 'rina')!.id;
  const client = async (over: Partial<InputOf<'clients.create'>['data']>) =>
    (await app.call('clients.create', { data: { ...CLIENT, reportingFrom: '2025-01-15', pkUserId: pkId, ...over }, statusDate: '2025-01-15' }, admin)).id;
  const clients = {
    budi: await client({}),
    ahmad: await client({ registerNumber: 'PB-002/2025', name: 'Ahmad Rifai', nik: '', address: 'Jl. Merdeka 12, RT 03/RW 01 Kelurahan Talang Rimbo Lama' }),
    citra: await client({ registerNumber: 'CB-001/2025', name: 'Citra Lestari', nik: '', sex: 'P', program: 'cb', decisionNumber: '', offence: '' }),
    andi: await client({ registerNumber: 'DIV-001/2025', name: 'Andi Pratama', nik: '', birthDate: '2010-06-01', program: 'diversi', pkUserId: null }),
    dedi: await client({ registerNumber: 'PB-003/2025', name: 'Dedi Kurniawan', nik: '', reporting: 'tidak' }),
  };
  const dedi = await app.call('clients.get', { id: clients.dedi }, admin);
  await app.call('clients.setStatus', { id: dedi.id, status: 'selesai', date: '2025-03-01', reason: 'Masa bimbingan selesai lebih awal' }, admin);
  await app.call('checkins.record', { clientId: clients.budi, date: '2025-02-14', kind: 'hadir', notes: 'Sehat, bekerja di bengkel' }, admin);
  await app.call('checkins.record', { clientId: clients.budi, date: '2025-03-04', kind: 'jarak_jauh', reason: 'Sakit, lapor lewat video' }, admin);

  const pesantren = (
    await app.call('partners.create', { ...PARTNER, status: 'aktif', capacity: 10, services: ['bimbingan_keagamaan', 'pelatihan_keterampilan'] }, admin)
  ).id;
  const bengkel = (
    await app.call(
      'partners.create',
      {
        ...PARTNER,
        name: 'Bengkel Las Maju',
        category: 'wirausaha',
        status: 'aktif',
        capacity: 5,
        services: ['pelatihan_keterampilan'],
        phone: '0812-7345-6789',
      },
      admin,
    )
  ).id;
  const draft = await app.call('agreements.create', agreementWith(pesantren), admin);
  const pksNumber = (await app.call('agreements.sign', { id: draft.id, signedOn: '2025-03-05' }, admin)).officeNumber!;
  await app.call(
    'referrals.create',
    {
      clientId: clients.budi,
      partnerId: pesantren,
      service: 'pelatihan_keterampilan',
      date: '2025-03-05',
      pkUserId: pkId,
      overrideReason: 'PKS belum memuat layanan ini, disetujui Kepala',
    },
    admin,
  );
  await app.call(
    'referrals.create',
    {
      clientId: clients.ahmad,
      partnerId: bengkel,
      service: 'pelatihan_keterampilan',
      date: '2025-02-20',
      pkUserId: pkId,
      overrideReason: 'Belum ada PKS, disetujui Kepala',
    },
    admin,
  );
  const activity = (
    await app.call(
      'activities.create',
      {
        date: '2025-03-03',
        type: 'pelatihan',
        bidang: 'kemandirian_kepribadian',
        title: 'Pelatihan las listrik angkatan 1',
        place: 'Bengkel Las Maju, Curup',
        description: 'Pelatihan dasar las listrik bagi klien.\n\nPeserta mempraktikkan sambungan las tumpul.',
        partnerIds: [bengkel],
        officerIds: [pkId],
        participants: [
          { clientId: clients.budi, attended: true, note: '' },
          { clientId: clients.citra, attended: false, note: 'Sakit' },
        ],
      },
      admin,
    )
  ).id;
  const photo = await QRCode.toBuffer('foto kegiatan', { type: 'png', width: 1200 });
  const display = await QRCode.toBuffer('foto kegiatan', { type: 'png', width: 600 });
  await app.call(
    'activities.addFile',
    { activityId: activity, filename: 'praktik-las.png', base64: photo.toString('base64'), thumbBase64: display.toString('base64') },
    admin,
  );
  return { admin, pk, pkId, clients, partners: { pesantren, bengkel }, pksNumber, activity };
}

export const htmlOf = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');

/** The document's text (tags dropped) and its raw XML, from the DOCX as Word reads it. */
export async function docxOf(f: ExportFile): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(f.base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

export async function sheetOf(f: ExportFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The table rows of an exported sheet (below the heading block and the header row). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const header = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === 'No.')!;
  const rows: unknown[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}
