/**
 * `npm run seed -- --size large [--dir .data-seed] [--force]`: a ten-year office to try the app and
 * measure it on: 10,000 clients, 300 partners with their agreements, 30,000 referrals, 50,000
 * activities with 200,000 attendance rows, 300,000 check-ins (`--size small` is a tenth).
 *
 * The office, its users and their passwords go through the services like a real setup; the bulk
 * rows are written straight to SQLite in one transaction per table (no audit trail: this is test
 * data, not history). A fixed random seed makes every run produce the same office.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDistricts } from 'idn-area-data';
import { addDays, addMonths } from '../shared/agreements';
import { ACTIVITY_TYPES } from '../shared/activities';
import { PROGRAMS } from '../shared/clients';
import { dueDates } from '../shared/checkins';
import { DEFAULT_SERVICES } from '../shared/domain';
import { foldForSearch } from '../shared/validate';
import { createAppCore, type AppCore } from '../electron/services/app';
import { newId } from '../electron/services/ids';
import { SETUP } from '../tests/support/fixtures';
import { MANUAL } from './bench-util';

export const SIZES = {
  large: { clients: 10_000, partners: 300, referrals: 30_000, activities: 50_000, attendance: 200_000, checkins: 300_000 },
  small: { clients: 1_000, partners: 30, referrals: 3_000, activities: 5_000, attendance: 20_000, checkins: 30_000 },
} as const;

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Budi',
  'Siti',
  'Andi',
  'Rudi',
  'Dewi',
  'Agus',
  'Rina',
  'Joko',
  'Sri',
  'Hendra',
  'Yanti',
  'Bambang',
  'Nur',
  'Eko',
  'Wahyu',
  'Fitri',
  'Dedi',
  'Lina',
  'Ahmad',
  'Rahmat',
];
const LAST = [
  'Santoso',
  'Aminah',
  'Wijaya',
  'Saputra',
  'Lestari',
  'Pratama',
  'Hidayat',
  'Kurniawan',
  'Rahayu',
  'Setiawan',
  'Putri',
  'Gunawan',
  'Susanti',
  'Nugroho',
  'Siregar',
];
const PARTNER_KINDS = ['Pondok Pesantren', 'Bengkel', 'LBH', 'Koperasi', 'Yayasan', 'Kelompok Tani', 'Sanggar', 'Balai Latihan Kerja'];

export async function seed(dir: string, size: keyof typeof SIZES, today = new Date().toISOString().slice(0, 10)): Promise<AppCore> {
  const n = SIZES[size];
  const rnd = random(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dayIn = (from: string, to: string) => addDays(from, Math.floor(rnd() * (Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1)));

  const core = createAppCore(dir, MANUAL);
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
  await call('setup.complete', SETUP);
  const admin = ((await call('auth.login', { username: 'admin', password: SETUP.admin.password })) as { token: string }).token;
  const officers: string[] = [];
  for (let i = 1; i <= 8; i++) {
    const u = (await call(
      'users.create',
      {
        name: `PK ${pick(FIRST)} ${pick(LAST)}`,
        nip: '',
        position: 'Pembimbing Kemasyarakatan',
        username: `pk${i}`,
        role: 'petugas',
        password: 'sandi-petugas-1',
        passwordConfirm: 'sandi-petugas-1',
      },
      admin,
    )) as { id: string };
    officers.push(u.id);
  }

  const db = core.db.raw;
  const start10 = addMonths(today, -120);
  const now = new Date().toISOString();
  const districts = (await getDistricts()).filter((d) => SETUP.office.coverage.includes(d.regency_code));
  const stamp = { created_at: now, updated_at: now, deleted_at: null, origin: SETUP.office.code };
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    return { sql: `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`, row };
  };
  const bulk = <T>(table: string, rows: T[], toRow: (r: T) => Record<string, unknown>) => {
    if (rows.length === 0) return;
    const stmt = db.prepare(insert(table, toRow(rows[0]!)).sql);
    db.transaction(() => {
      for (const r of rows) stmt.run(toRow(r));
    })();
  };

  // Partners, each with one to three agreements over the decade (the last one in force for most).
  const partners = Array.from({ length: n.partners }, (_, i) => {
    const d = pick(districts);
    const services = DEFAULT_SERVICES.filter(() => rnd() < 0.3);
    if (services.length === 0) services.push(pick(DEFAULT_SERVICES));
    const name = `${pick(PARTNER_KINDS)} ${pick(LAST)} ${i + 1}`;
    return { id: newId(), name, d, services, capacity: rnd() < 0.3 ? null : int(5, 40), status: rnd() < 0.85 ? 'aktif' : 'nonaktif' };
  });
  bulk('partners', partners, (p) => ({
    id: p.id,
    name: p.name,
    name_key: foldForSearch(p.name),
    search_text: foldForSearch(p.name),
    category: 'ormas',
    bidang: JSON.stringify(['kemandirian_kepribadian']),
    services: JSON.stringify(p.services),
    status: p.status,
    status_date: start10,
    regency_code: p.d.regency_code,
    district_code: p.d.code,
    capacity: p.capacity,
    ...stamp,
  }));
  const agreements: { id: string; partner: (typeof partners)[number]; start: string; end: string; seq: number; year: number }[] = [];
  const seqByYear = new Map<number, number>();
  for (const p of partners) {
    let s = dayIn(start10, addMonths(start10, 24));
    for (let k = 0; k < 3 && s < today; k++) {
      const year = Number(s.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const end = addDays(addMonths(s, 48), -1);
      agreements.push({ id: newId(), partner: p, start: s, end, seq, year });
      s = addDays(end, 1);
    }
  }
  bulk('agreements', agreements, (a) => ({
    id: a.id,
    partner_id: a.partner.id,
    subject: 'Pembimbingan dan Pendampingan Klien Pemasyarakatan',
    office_number: `${String(a.seq).padStart(3, '0')}/PKS/CRP/${a.year}`,
    number_year: a.year,
    number_seq: a.seq,
    sign_date: a.start,
    start_date: a.start,
    end_date: a.end,
    term_months: 48,
    bidang: JSON.stringify(['kemandirian_kepribadian']),
    services: JSON.stringify(a.partner.services),
    office_signatory: JSON.stringify({ name: 'Kepala', nip: '', position: 'Kepala' }),
    partner_signatory: JSON.stringify({ name: 'Pimpinan', position: 'Pimpinan' }),
    legal_bases: '[]',
    articles: '[]',
    signed_on: a.start,
    ...stamp,
  }));

  // Clients over ten years; those whose supervision has not ended are aktif.
  const clients = Array.from({ length: n.clients }, (_, i) => {
    const d = pick(districts);
    const start = dayIn(start10, today);
    const end = addDays(addMonths(start, int(6, 36)), -1);
    const sex = rnd() < 0.85 ? 'L' : 'P';
    const birth = dayIn('1960-01-01', '2006-12-31');
    const [y, m, day] = birth.split('-');
    const nik = `${d.code.replace(/\./g, '')}${String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0')}${m}${y!.slice(2)}${String(int(1, 9999)).padStart(4, '0')}`;
    const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    const registerNumber = `${String(i + 1).padStart(5, '0')}/${start.slice(0, 4)}`;
    return { id: newId(), name, nik, sex, birth, d, start, end, registerNumber, reporting: rnd() < 0.8 ? 'bulanan' : 'dua_mingguan', active: end >= today };
  });
  // NIKs must be unique among active clients; the rare clash of this generator gets no NIK.
  const activeNiks = new Set<string>();
  for (const c of clients) {
    if (!c.active) continue;
    if (activeNiks.has(c.nik)) c.nik = '';
    else activeNiks.add(c.nik);
  }

  // Check-ins at most due dates (a few missed), newest kept on the client as last_checkin.
  const checkins: { client: (typeof clients)[number]; date: string }[] = [];
  for (const c of clients) {
    const dues = dueDates(c.start, c.end, c.reporting as 'bulanan').filter((d) => d <= today);
    for (const due of dues) if (checkins.length < n.checkins && rnd() < 0.93) checkins.push({ client: c, date: addDays(due, -int(0, 3)) });
  }
  // Extra visits and unscheduled reports make up the rest.
  while (checkins.length < n.checkins) {
    const c = pick(clients);
    if (c.start <= today) checkins.push({ client: c, date: dayIn(c.start, c.end < today ? c.end : today) });
  }
  const last = new Map<string, string>();
  for (const k of checkins) if ((last.get(k.client.id) ?? '') < k.date) last.set(k.client.id, k.date);
  bulk('clients', clients, (c) => ({
    id: c.id,
    register_number: c.registerNumber,
    name: c.name,
    name_key: foldForSearch(c.name),
    search_text: foldForSearch(`${c.name} ${c.registerNumber} ${c.nik}`),
    nik: c.nik || null,
    sex: c.sex,
    birth_date: c.birth,
    regency_code: c.d.regency_code,
    district_code: c.d.code,
    program: pick(PROGRAMS),
    supervision_start: c.start,
    supervision_end: c.end,
    // Tracked from the start: this office kept every client's reporting in the app from day one.
    reporting_from: c.start,
    pk_user_id: pick(officers),
    reporting: c.reporting,
    status: c.active ? 'aktif' : 'selesai',
    status_date: c.active ? c.start : c.end,
    last_checkin: last.get(c.id) ?? null,
    ...stamp,
  }));
  bulk('checkins', checkins, (k) => ({
    id: newId(),
    client_id: k.client.id,
    date: k.date,
    kind: rnd() < 0.9 ? 'hadir' : 'kunjungan_rumah',
    officer_id: pick(officers),
    ...stamp,
  }));

  // Referrals to partners whose agreement was in force at the time.
  const referrals = Array.from({ length: n.referrals }, (_, i) => {
    const a = pick(agreements);
    const c = pick(clients);
    const date = a.start > c.start ? a.start : c.start;
    const status = pick(['selesai', 'selesai', 'berjalan', 'dihentikan', 'diterima', 'diusulkan'] as const);
    return { id: newId(), a, c, date, status, seq: i + 1 };
  });
  bulk('referrals', referrals, (r) => ({
    id: r.id,
    client_id: r.c.id,
    partner_id: r.a.partner.id,
    agreement_id: r.a.id,
    service: r.a.partner.services[0]!,
    date: r.date,
    letter_number: `${r.seq}/RUJ/CRP`,
    // The year of the letter, as the referral service numbers it (the sequence runs on across years here, so it stays unique).
    letter_year: Number(r.date.slice(0, 4)),
    letter_seq: r.seq,
    pk_user_id: pick(officers),
    status: r.status,
    status_date: r.date,
    outcome: r.status === 'selesai' ? 'bimbingan_selesai' : r.status === 'dihentikan' ? 'tidak_selesai' : null,
    ...stamp,
  }));
  bulk('referral_status_changes', referrals, (r) => ({
    id: newId(),
    referral_id: r.id,
    to_status: r.status,
    date: r.date,
    changed_by: pick(officers),
    ...stamp,
  }));

  // Activities, most with a partner, with about four participants each.
  const activities = Array.from({ length: n.activities }, () => ({ id: newId(), date: dayIn(start10, today), partner: rnd() < 0.8 ? pick(partners) : null }));
  bulk('activities', activities, (a) => ({ id: a.id, date: a.date, type: pick(ACTIVITY_TYPES), title: `Kegiatan ${a.date}`, officers: '[]', ...stamp }));
  bulk(
    'activity_partners',
    activities.filter((a) => a.partner),
    (a) => ({ activity_id: a.id, partner_id: a.partner!.id }),
  );
  const attendance = new Map<string, { activity_id: string; client_id: string; attended: number }>();
  while (attendance.size < n.attendance) {
    const a = pick(activities);
    const c = pick(clients);
    attendance.set(`${a.id}${c.id}`, { activity_id: a.id, client_id: c.id, attended: rnd() < 0.85 ? 1 : 0 });
  }
  bulk('activity_participants', [...attendance.values()], (x) => ({ ...x, note: '' }));
  db.pragma('optimize');
  return core;
}

// Run as a script: npm run seed -- --size large [--dir .data-seed] [--force]
if (process.argv[1] && resolve(process.argv[1]).endsWith('seed.ts')) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const size = (arg('size') ?? 'small') as keyof typeof SIZES;
  if (!(size in SIZES)) {
    console.error('--size must be small or large');
    process.exit(1);
  }
  const dir = resolve(arg('dir') ?? '.data-seed');
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!process.argv.includes('--force')) {
      console.error(`${dir} is not empty; pass --force to replace it.`);
      process.exit(1);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const t0 = performance.now();
  const core = await seed(dir, size);
  core.close();
  console.log(`Seeded a ${size} office in ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${JSON.stringify(SIZES[size])}).`);
  console.log(`Sign in as admin / ${SETUP.admin.password} (npm run preview:web with MITRA_DATA_DIR=${dir}).`);
}
