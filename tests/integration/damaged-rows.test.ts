import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { agreementWith, CLIENT, PARTNER } from '../support/fixtures';

/**
 * One damaged row already in the database (an old restore, a hand-edited file) shows as damaged on
 * its own line; the list it is in, and the home screen built from it, keep working for the rest.
 */
describe('a client whose dates cannot carry a schedule', () => {
  let app: TestApp;
  let token: string;
  beforeEach(async () => {
    app = makeApp(new Date('2025-06-20T03:00:00Z'));
    token = await setUpOffice(app);
  });
  afterEach(() => app.dispose());

  for (const [label, sql] of [
    ['a last check-in that is not a date', `UPDATE clients SET last_checkin = 'garbage' WHERE register_number = 'RUSAK-1'`],
    ['supervision dates that are not dates', `UPDATE clients SET supervision_start = 'x', supervision_end = 'y' WHERE register_number = 'RUSAK-1'`],
    [
      'a supervision ending before it starts',
      `UPDATE clients SET supervision_start = '2025-12-01', supervision_end = '2025-07-01' WHERE register_number = 'RUSAK-1'`,
    ],
  ] as const) {
    it(`${label}: listed as damaged, the others as before`, async () => {
      // Both registered back to their start, so both are overdue before one is damaged.
      const sound = await app.call('clients.create', { data: { ...CLIENT, reportingFrom: '2025-01-15' }, statusDate: '2025-01-15' }, token);
      const bad = await app.call(
        'clients.create',
        { data: { ...CLIENT, registerNumber: 'RUSAK-1', name: 'Klien Rusak', nik: '', reportingFrom: '2025-01-15' }, statusDate: '2025-01-15' },
        token,
      );
      const before = await app.call('checkins.overdue', {}, token);
      expect(before.map((r) => r.clientId)).toEqual(expect.arrayContaining([sound.id, bad.id]));
      app.db.raw.pragma('ignore_check_constraints = ON');
      app.db.raw.prepare(sql).run();
      app.db.raw.pragma('ignore_check_constraints = OFF');

      const overdue = await app.call('checkins.overdue', {}, token);
      expect(overdue.find((r) => r.clientId === bad.id)).toMatchObject({ damaged: true, missedStreak: 0, nextDue: null });
      expect(overdue.find((r) => r.clientId === sound.id)).toEqual(before.find((r) => r.clientId === sound.id));
      expect((await app.call('checkins.agenda', { from: '2025-06-20', days: 7 }, token)).rows).toBeInstanceOf(Array);
      expect(await app.call('checkins.ofClient', { id: bad.id }, token)).toMatchObject({ damaged: true, schedule: [] });
      expect(await app.call('checkins.ofClient', { id: sound.id }, token)).toMatchObject({ damaged: false });
    });
  }
});

describe('an agreement whose dates are not dates', () => {
  let app: TestApp;
  let token: string;
  beforeEach(async () => {
    app = makeApp(new Date('2025-06-20T03:00:00Z'));
    token = await setUpOffice(app);
  });
  afterEach(() => app.dispose());

  it('is listed as a damaged record, the others keep their status, and its page opens', async () => {
    const partner = await app.call('partners.create', PARTNER, token);
    const sound = await app.call('agreements.create', agreementWith(partner.id), token);
    const bad = await app.call('agreements.create', agreementWith(partner.id), token);
    const before = (await app.call('agreements.list', {}, token)).find((a) => a.id === sound.id);
    app.db.raw.pragma('ignore_check_constraints = ON');
    app.db.raw.prepare(`UPDATE agreements SET start_date = '0000-00-00', end_date = '9999-99-99', signed_on = '2025-03-05' WHERE id = ?`).run(bad.id);
    app.db.raw.pragma('ignore_check_constraints = OFF');

    const list = await app.call('agreements.list', {}, token);
    expect(list.find((a) => a.id === bad.id)!.status).toBe('rusak');
    expect(list.find((a) => a.id === sound.id)).toEqual(before);
    expect((await app.call('agreements.list', { status: 'rusak' }, token)).map((a) => a.id)).toEqual([bad.id]);
    expect(await app.call('agreements.list', { expiringWithinDays: 60 }, token)).toEqual([]);
    expect((await app.call('agreements.get', { id: bad.id }, token)).status).toBe('rusak');
    expect((await app.call('agreements.export', {}, token)).rows).toBe(2);
  });
});
