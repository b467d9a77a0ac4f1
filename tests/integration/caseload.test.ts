import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { CLIENT_STATUSES, clientStanding, type ClientStatus } from '../../shared/clients';
import { BUNDLE_TABLES } from '../../electron/services/bundles/tables';
import { dumpDb } from '../support/dump';
import { makeApp, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
afterEach(() => app.dispose());

async function dayIs(date: string) {
  app.clock.now = new Date(`${date}T03:00:00Z`);
  admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
}

let n = 0;
/** A client without NIK (several may be aktif at once), counted from the supervision start unless told otherwise. */
const client = (data: Partial<InputOf<'clients.create'>['data']> = {}) => {
  n++;
  const start = data.supervisionStart ?? CLIENT.supervisionStart;
  return app.call(
    'clients.create',
    { data: { ...CLIENT, nik: '', registerNumber: `PB-${n}/2025`, name: `Klien ${n}`, reportingFrom: start, ...data }, statusDate: start },
    admin,
  );
};

describe('a client whose supervision has ended', () => {
  it('is not aktif, not overdue, not on the agenda and not due a home visit, but listed as ended and not closed until closed as selesai', async () => {
    app = makeApp(new Date('2026-02-20T03:00:00Z'));
    admin = await setUpOffice(app);
    // Supervision to 5 March 2026, never reported: overdue with a home visit due, until the end passes.
    const ended = await client({ supervisionStart: '2025-03-06', supervisionEnd: '2026-03-05' });
    const current = await client({ supervisionStart: '2025-03-06', supervisionEnd: '2026-12-31' });
    expect((await app.call('checkins.overdue', {}, admin)).map((r) => r.clientId).sort()).toEqual([ended.id, current.id].sort());

    await dayIs('2026-03-06');
    const listed = await app.call('clients.list', { status: 'aktif' }, admin);
    expect([listed.total, listed.rows.map((r) => r.id)]).toEqual([1, [current.id]]);
    const open = await app.call('clients.list', { status: 'berakhir' }, admin);
    expect(open.rows.map((r) => [r.id, r.status, r.standing])).toEqual([[ended.id, 'aktif', 'berakhir']]);
    expect((await app.call('checkins.overdue', {}, admin)).map((r) => r.clientId)).toEqual([current.id]);
    expect((await app.call('checkins.agenda', { from: '2026-03-06', days: 31 }, admin)).rows.map((r) => r.clientId)).toEqual([current.id]);
    expect(await app.call('checkins.ofClient', { id: ended.id }, admin)).toMatchObject({
      missedStreak: 0,
      overdueSince: null,
      nextDue: null,
      homeVisitDue: false,
    });
    const own = (await app.call('bundles.officeCounts', {}, admin)).find((c) => c.own);
    expect(own?.clients).toBe(1);

    // The export says the same as the list it exports.
    const file = await app.call('clients.export', { status: 'berakhir' }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(cells).toEqual(expect.arrayContaining(['Filter: Status: Berakhir, belum ditutup', 'Berakhir, belum ditutup']));
    expect(cells).not.toContain('Aktif');

    const list = await app.call('clients.ended', {}, admin);
    expect(list).toEqual([expect.objectContaining({ clientId: ended.id, supervisionEnd: '2026-03-05', closeOn: '2026-03-05' })]);
    await app.call(
      'clients.setStatus',
      { id: ended.id, status: 'selesai', date: list[0]!.closeOn, reason: 'Masa bimbingan berakhir pada 5 Maret 2026' },
      admin,
    );
    expect(await app.call('clients.ended', {}, admin)).toEqual([]);
    expect((await app.call('clients.get', { id: ended.id }, admin)).timeline).toContainEqual(
      expect.objectContaining({ kind: 'status', detail: 'Masa bimbingan berakhir pada 5 Maret 2026' }),
    );
  });

  it('reads the same standing in every list and count as the shared rule says, for every status around the end date', async () => {
    app = makeApp(new Date('2026-01-01T03:00:00Z'));
    admin = await setUpOffice(app);
    const today = '2026-03-06';
    const made: { id: string; status: ClientStatus; end: string }[] = [];
    for (const status of CLIENT_STATUSES)
      for (const end of ['2026-03-05', '2026-03-06', '2026-03-07']) {
        const c = await client({ supervisionStart: '2025-03-01', supervisionEnd: end });
        if (status !== 'aktif') await app.call('clients.setStatus', { id: c.id, status, date: '2025-12-01', reason: 'Uji' }, admin);
        made.push({ id: c.id, status, end });
      }
    await dayIs(today);
    const ids = (standing: string) =>
      made
        .filter((m) => clientStanding(m.status, m.end, today) === standing)
        .map((m) => m.id)
        .sort();
    const listed = async (status: 'aktif' | 'berakhir') => (await app.call('clients.list', { status, limit: 1000 }, admin)).rows.map((r) => r.id).sort();
    expect(await listed('aktif')).toEqual(ids('aktif'));
    expect(ids('aktif')).toHaveLength(2);
    expect(await listed('berakhir')).toEqual(ids('berakhir'));
    expect((await app.call('clients.ended', {}, admin)).map((r) => r.clientId).sort()).toEqual(ids('berakhir'));
    expect((await app.call('checkins.overdue', {}, admin)).map((r) => r.clientId).sort()).toEqual(ids('aktif'));
    expect((await app.call('bundles.officeCounts', {}, admin)).find((c) => c.own)?.clients).toBe(2);
    const all = await app.call('clients.list', { limit: 1000 }, admin);
    for (const r of all.rows) expect(r.standing, r.name).toBe(clientStanding(r.status, r.supervisionEnd, today));
  });
});

describe('wajib lapor counted from the day a client was entered', () => {
  it('shows no missed reports for a client registered long after supervision began, and counts from the entry day', async () => {
    app = makeApp(new Date('2026-03-02T03:00:00Z'));
    admin = await setUpOffice(app);
    const moved = await client({ supervisionStart: '2025-01-15', supervisionEnd: '2026-12-31', reportingFrom: null });
    expect(moved.reportingFrom).toBe('2026-03-02');
    const r = await app.call('checkins.ofClient', { id: moved.id }, admin);
    expect([r.missedStreak, r.trackedFrom, r.nextDue]).toEqual([0, '2026-03-02', '2026-03-16']);
    expect(r.schedule.filter((s) => s.status === 'missed')).toEqual([]);
    expect(r.schedule[0]).toMatchObject({ opens: '2026-03-02', due: '2026-03-16' });
    expect(await app.call('checkins.overdue', {}, admin)).toEqual([]);
    // A month later without a report, it is the one due date since entry that is missed.
    await dayIs('2026-03-24');
    expect((await app.call('checkins.ofClient', { id: moved.id }, admin)).missedStreak).toBe(1);

    // Registered ahead of its start: counted from the start. An update that leaves it empty keeps the day.
    const early = await client({ supervisionStart: '2026-04-01', supervisionEnd: '2027-03-31', reportingFrom: null });
    expect(early.reportingFrom).toBe('2026-04-01');
    const { timeline: _t, ...fields } = await app.call('clients.get', { id: moved.id }, admin);
    const again = await app.call(
      'clients.update',
      {
        id: moved.id,
        expectedUpdatedAt: fields.updatedAt,
        data: { ...CLIENT, nik: '', registerNumber: fields.registerNumber, name: 'Nama Baru', supervisionEnd: '2026-12-31', reportingFrom: null },
      },
      admin,
    );
    expect([again.name, again.reportingFrom]).toEqual(['Nama Baru', '2026-03-02']);
  });

  it('refuses a tracked-from day before the supervision start or after its end, writing nothing', async () => {
    app = makeApp(new Date('2026-03-02T03:00:00Z'));
    admin = await setUpOffice(app);
    const before = dumpDb(app.db);
    const data = { ...CLIENT, nik: '', supervisionStart: '2025-01-15', supervisionEnd: '2026-01-14' };
    expect((await app.fail('clients.create', { data: { ...data, reportingFrom: '2025-01-14' }, statusDate: '2025-01-15' }, admin)).fields).toEqual({
      'data.reportingFrom': 'caseload.fromBeforeStart',
    });
    expect((await app.fail('clients.create', { data: { ...data, reportingFrom: '2026-01-15' }, statusDate: '2025-01-15' }, admin)).fields).toEqual({
      'data.reportingFrom': 'caseload.fromAfterEnd',
    });
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('due dates on the office calendar', () => {
  it('moves a due date off weekends and the holidays the admin confirmed or added, and only those', async () => {
    app = makeApp(new Date('2026-02-18T03:00:00Z'));
    admin = await setUpOffice(app);
    // Monthly from 18 February: due Wednesday 18 March, cuti bersama before Nyepi.
    const c = await client({ supervisionStart: '2026-02-18', supervisionEnd: '2027-02-17' });
    expect((await app.call('checkins.ofClient', { id: c.id }, admin)).nextDue).toBe('2026-03-18');

    const offered = await app.call('holidays.list', {}, admin);
    expect(offered.holidays).toEqual([]);
    expect(offered.offered.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24', '2027-01-01']),
    );
    expect(offered.offered.every((h) => h.date >= '2026-01-01' && h.date < '2028-01-01')).toBe(true);
    const list = await app.call('holidays.confirm', { dates: ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23'] }, admin);
    expect(list.holidays.map((h) => [h.date, h.source])).toEqual([
      ['2026-03-18', 'nasional'],
      ['2026-03-19', 'nasional'],
      ['2026-03-20', 'nasional'],
      ['2026-03-23', 'nasional'],
    ]);
    expect(list.offered.map((h) => h.date)).not.toContain('2026-03-18');
    // 18-20 March off, 21-22 a weekend, 23 off: Tuesday 24 March (its cuti bersama not confirmed).
    expect((await app.call('checkins.ofClient', { id: c.id }, admin)).nextDue).toBe('2026-03-24');
    await app.call('holidays.add', { date: '2026-03-24', name: 'Libur daerah' }, admin);
    const r = await app.call('checkins.ofClient', { id: c.id }, admin);
    expect(r.schedule[0]).toMatchObject({ due: '2026-03-25', movedFrom: '2026-03-18', closes: '2026-04-01' });
    expect((await app.call('checkins.agenda', { from: '2026-03-18', days: 8 }, admin)).rows.map((x) => [x.clientId, x.nextDue])).toEqual([
      [c.id, '2026-03-25'],
    ]);
    await app.call('holidays.remove', { date: '2026-03-24' }, admin);
    expect((await app.call('checkins.ofClient', { id: c.id }, admin)).nextDue).toBe('2026-03-24');
    // The office's own list: never carried to the parent.
    expect(BUNDLE_TABLES).not.toContain('holidays');
  });

  it('refuses a day off the bundled list, a weekend, a day already held, an unknown day and a non-admin, changing nothing', async () => {
    app = makeApp(new Date('2026-02-18T03:00:00Z'));
    admin = await setUpOffice(app);
    await app.call('holidays.add', { date: '2026-07-01', name: 'Hari Bhayangkara' }, admin);
    const petugas = await signInAs(app, admin, 'petugas');
    const before = dumpDb(app.db);
    expect((await app.fail('holidays.confirm', { dates: ['2026-03-19', '2026-07-02'] }, admin)).fields).toEqual({ dates: 'caseload.holidayNotOffered' });
    expect((await app.fail('holidays.add', { date: '2026-03-21', name: 'Sabtu' }, admin)).fields).toEqual({ date: 'caseload.holidayWeekend' });
    expect((await app.fail('holidays.add', { date: '2026-07-01', name: 'Lagi' }, admin)).fields).toEqual({ date: 'caseload.holidayTaken' });
    expect((await app.fail('holidays.remove', { date: '2026-07-03' }, admin)).message).toBe('caseload.holidayUnknown');
    expect((await app.fail('holidays.add', { date: '2026-07-06', name: 'Libur' }, petugas)).code).toBe('FORBIDDEN');
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('missed reports on a client’s page', () => {
  it('lists as many missed due dates as the count it shows, however long the run', async () => {
    app = makeApp(new Date('2025-02-01T03:00:00Z'));
    admin = await setUpOffice(app);
    const c = await client();
    // Due 17 Feb (moved from Saturday 15), 17 Mar, 15 Apr, 15 May, 16 Jun (from Sunday 15), 15 Jul, 15 Aug: all missed.
    await dayIs('2025-08-25');
    const r = await app.call('checkins.ofClient', { id: c.id }, admin);
    expect([r.missedStreak, r.overdueSince]).toEqual([7, '2025-02-17']);
    const listed = r.shown.filter((s) => s.status === 'missed' && s.due >= r.overdueSince!);
    expect(listed.map((s) => s.due)).toEqual(['2025-02-17', '2025-03-17', '2025-04-15', '2025-05-15', '2025-06-16', '2025-07-15', '2025-08-15']);
    expect(r.shown.filter((s) => s.status === 'open' || s.status === 'upcoming')).toHaveLength(2);
  });
});
