import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { makeApp, SETUP, setUpOffice, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
let clientId: string;

// Supervision from 15 January 2025, monthly, counted from its start: due 15 Feb and 15 Mar (both Saturdays, so
// Monday 17th), 15 Apr, 15 May… each with 7 days' grace.
beforeEach(async () => {
  app = makeApp(new Date('2025-02-10T03:00:00Z'));
  admin = await setUpOffice(app);
  clientId = (await app.call('clients.create', { data: { ...CLIENT, reportingFrom: CLIENT.supervisionStart }, statusDate: CLIENT.supervisionStart }, admin)).id;
});
afterEach(() => app.dispose());

/** Moves the clock and signs in again (the idle lock would otherwise end the session). */
async function dayIs(date: string) {
  app.clock.now = new Date(`${date}T03:00:00Z`);
  admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
}

describe('wajib lapor', () => {
  it('records check-ins against the schedule and lists who is overdue, and since when', async () => {
    const r = await app.call('checkins.record', { clientId, date: '2025-02-10', kind: 'hadir' }, admin);
    expect(r.schedule[0]).toMatchObject({ due: '2025-02-17', movedFrom: '2025-02-15', status: 'met', checkin: '2025-02-10' });
    expect(r.nextDue).toBe('2025-02-17');
    await dayIs('2025-03-25');
    expect(await app.call('checkins.overdue', {}, admin)).toEqual([
      expect.objectContaining({ clientId, missedStreak: 1, overdueSince: '2025-03-17', lastCheckin: '2025-02-10', pkName: null }),
    ]);
    // Reporting late, within the next window, clears the list.
    await app.call('checkins.record', { clientId, date: '2025-03-25', kind: 'jarak_jauh', reason: 'Sakit, lapor lewat video' }, admin);
    expect(await app.call('checkins.overdue', {}, admin)).toEqual([]);
    const client = await app.call('clients.get', { id: clientId }, admin);
    expect(client.timeline[0]).toMatchObject({ kind: 'checkin', checkinKind: 'jarak_jauh', detail: 'Sakit, lapor lewat video' });
  });

  it('calls for a home visit after three missed reports in a row, until one is recorded', async () => {
    await dayIs('2025-05-23');
    const r = await app.call('checkins.ofClient', { id: clientId }, admin);
    expect([r.missedStreak, r.homeVisitDue, r.overdueSince]).toEqual([4, true, '2025-02-17']);
    expect(r.schedule.slice(0, 5).map((s) => s.status)).toEqual(['missed', 'missed', 'missed', 'missed', 'open']);
    const visited = await app.call('checkins.record', { clientId, date: '2025-05-23', kind: 'kunjungan_rumah', notes: 'Klien sakit di rumah' }, admin);
    expect([visited.missedStreak, visited.homeVisitDue]).toEqual([0, false]);
  });

  it('shows who is due in the coming days', async () => {
    await dayIs('2025-03-10');
    const other = await app.call(
      'clients.create',
      {
        data: { ...CLIENT, registerNumber: 'CB-2/2025', name: 'Andi', nik: '', reporting: 'dua_mingguan', supervisionStart: '2025-03-01' },
        statusDate: '2025-03-01',
      },
      admin,
    );
    // Both due on Saturday 15 March, so on Monday the 17th.
    const agenda = await app.call('checkins.agenda', { from: '2025-03-10', days: 8 }, admin);
    expect(agenda.rows.map((r) => [r.name, r.nextDue])).toEqual([
      ['Andi', '2025-03-17'],
      ['Budi Santoso', '2025-03-17'],
    ]);
    expect(agenda.rows.find((r) => r.clientId === other.id)?.missedStreak).toBe(0);
  });

  it('refuses a check-in outside supervision, in the future, or remote without a reason, writing nothing', async () => {
    const before = dumpDb(app.db);
    expect((await app.fail('checkins.record', { clientId, date: '2025-01-10', kind: 'hadir' }, admin)).fields).toEqual({ date: 'checkins.outsideSupervision' });
    expect((await app.fail('checkins.record', { clientId, date: '2025-02-11', kind: 'hadir' }, admin)).fields).toEqual({ date: 'v.future' });
    expect((await app.fail('checkins.record', { clientId, date: '2025-02-10', kind: 'jarak_jauh' }, admin)).fields).toEqual({
      reason: 'checkins.reasonRequired',
    });
    expect(dumpDb(app.db)).toBe(before);
  });

  it('keeps the last check-in date when an earlier one is entered late, and none for clients without the duty', async () => {
    await dayIs('2025-03-20');
    await app.call('checkins.record', { clientId, date: '2025-03-14', kind: 'hadir' }, admin);
    await app.call('checkins.record', { clientId, date: '2025-02-14', kind: 'hadir' }, admin);
    expect(app.db.raw.prepare('SELECT last_checkin FROM clients WHERE id = ?').pluck().get(clientId)).toBe('2025-03-14');
    const none = await app.call('clients.create', { data: { ...CLIENT, registerNumber: 'X', nik: '', reporting: 'tidak' }, statusDate: '2025-01-15' }, admin);
    expect(await app.call('checkins.ofClient', { id: none.id }, admin)).toMatchObject({ schedule: [], nextDue: null, missedStreak: 0 });
  });
});

describe('wajib lapor of a damaged record', () => {
  it('shows no schedule and no overdue state for dates that are not dates, instead of hanging or failing', async () => {
    // Written past the services, as only a damaged file or an old import could: the screens must still answer.
    app.db.raw.prepare("UPDATE clients SET supervision_start = 'x', supervision_end = 'y', last_checkin = 'garbage' WHERE id = ?").run(clientId);
    expect(await app.call('checkins.ofClient', { id: clientId }, admin)).toMatchObject({ schedule: [], nextDue: null, missedStreak: 0 });
    // Listed as damaged, so that someone looks at the client's dates; never as overdue.
    expect(await app.call('checkins.overdue', {}, admin)).toEqual([expect.objectContaining({ clientId, damaged: true, missedStreak: 0, overdueSince: null })]);
    expect(await app.call('checkins.agenda', { from: '2025-02-10' }, admin)).toMatchObject({ total: 0, rows: [] });
  });
});
