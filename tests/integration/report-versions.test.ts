import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP, signInAs } from '../support/app';
import { CLIENT } from '../support/fixtures';
import { addPost, pairedOffices, sendUp, type Pair } from '../support/offices';

/**
 * A report handed in stays as it was: "Tandai sudah dikirim" keeps the figures and their hash as
 * version 1; later records in the period show as differences; a correction is version 2 beside it;
 * the versions reach the Bapas induk in the post's bundle, where what the post reported is set
 * beside what the induk computes from the post's records; and the tracker marks arrived and late months.
 */
let p: Pair;
const FEB = { kind: 'month', year: 2025, month: 2 } as const;
const client = (n: number, start: string) => ({
  data: { ...CLIENT, registerNumber: `PB-00${n}/2025`, nik: `170209150385000${n}`, supervisionStart: start },
  statusDate: start,
});
const keptRows = () => p.post.db.raw.prepare('SELECT * FROM report_versions ORDER BY version').all() as Record<string, unknown>[];

beforeAll(async () => {
  p = await pairedOffices();
}, 60_000);
afterAll(() => p.dispose());

describe('a report marked as sent', () => {
  it('keeps its figures and their hash, unchanged by later edits; the change shows as differences; a correction is version 2', async () => {
    const t = p.postAdmin;
    await p.post.call('clients.create', client(1, '2025-02-10'), t);
    const petugas = await signInAs(p.post, t, 'petugas');
    const v1 = await p.post.call('reports.markSent', { period: FEB }, petugas);
    expect(v1).toMatchObject({ version: 1, label: 'Februari 2025', from: '2025-02-01', to: '2025-02-28', office: 'CRP' });
    const [kept] = keptRows();
    const sentFigures = (await p.post.call('reports.compute', { period: FEB, scope: { kind: 'own' } }, t)).figures;
    expect(kept!.figures).toBe(JSON.stringify(sentFigures));
    expect(kept!.figures_sha256).toBe(createHash('sha256').update(String(kept!.figures)).digest('hex'));
    expect(await p.post.call('reports.versions', { period: FEB }, t)).toMatchObject({ changed: false, differences: [], versions: [{ version: 1 }] });

    // A client entered later whose supervision began in February touches the reported month.
    await p.post.call('clients.create', client(2, '2025-02-20'), t);
    expect(keptRows()).toEqual([kept]);
    const changed = await p.post.call('reports.versions', { period: FEB }, t);
    expect(changed.changed).toBe(true);
    expect(changed.differences).toContainEqual({ code: 'klien_baru', row: null, sent: 1, current: 2 });
    expect(changed.differences).toContainEqual({ code: 'klien_aktif_program', row: { key: 'pb', label: null }, sent: 1, current: 2 });

    // The correction is the next version; the first stays as it was sent.
    const v2 = await p.post.call('reports.markSent', { period: FEB }, t);
    expect(v2.version).toBe(2);
    expect(keptRows()[0]).toEqual(kept);
    expect(keptRows().map((r) => r.version)).toEqual([1, 2]);
    const after = await p.post.call('reports.versions', { period: FEB }, t);
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after).toMatchObject({ changed: false, differences: [] });
    // Marked again with nothing changed: the version kept stands, no third one.
    expect((await p.post.call('reports.markSent', { period: FEB }, t)).id).toBe(v2.id);
    expect(keptRows()).toHaveLength(2);
  });

  it('is refused to the pimpinan and changes nothing', async () => {
    const pimpinan = await signInAs(p.post, p.postAdmin, 'pimpinan');
    const err = await p.post.fail('reports.markSent', { period: { kind: 'month', year: 2025, month: 1 } }, pimpinan);
    expect(err.code).toBe('FORBIDDEN');
    expect(keptRows()).toHaveLength(2);
  });
});

describe('at the Bapas induk', () => {
  it('the post’s versions arrive as sent, and a difference with the post’s records held there is shown', async () => {
    // A record entered after the correction was sent: it travels, the version does not include it.
    await p.post.call('clients.create', client(3, '2025-02-25'), p.postAdmin);
    await sendUp(p.post, p.postAdmin, p.parent, p.parentAdmin);
    const cols =
      'id, period_kind, period_from, period_to, label, version, figures, figures_sha256, sent_by, sent_at, created_at, updated_at, deleted_at, origin';
    const at = (db: typeof p.post.db) => db.raw.prepare(`SELECT ${cols} FROM report_versions WHERE origin = 'CRP' ORDER BY version`).all();
    expect(at(p.parent.db)).toEqual(at(p.post.db));
    const seen = await p.parent.call('reports.versions', { period: FEB, scope: { kind: 'post', code: 'CRP' } }, p.parentAdmin);
    expect(seen.office).toBe('CRP');
    expect(seen.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(seen.changed).toBe(true);
    expect(seen.differences).toContainEqual({ code: 'klien_baru', row: null, sent: 2, current: 3 });
    // The induk's own report of the month has no version: nothing to compare.
    expect(await p.parent.call('reports.versions', { period: FEB }, p.parentAdmin)).toMatchObject({ office: 'BKL', versions: [], changed: false });
  });

  it('refuses the versions of an office that is not its post', async () => {
    const err = await p.parent.fail('reports.versions', { period: FEB, scope: { kind: 'post', code: 'XYZ' } }, p.parentAdmin);
    expect(err.fields?.scope).toBe('reports.unknownPost');
  });

  it('the tracker marks per post the months that arrived, the late ones and those not yet due', async () => {
    const second = await addPost(p, 'KPH', 'Pos Bapas Kepahiang');
    try {
      const tracker = await p.parent.call('reports.tracker', { year: 2025 }, p.parentAdmin);
      expect(tracker.lateDays).toBe(10);
      const crp = tracker.posts.find((x) => x.code === 'CRP')!;
      // Clock: 5 March 2025. January ended more than ten days ago without a report; February arrived; March is not due.
      expect(crp.months.slice(0, 3)).toEqual([
        { month: 1, state: 'late', version: null, sentAt: null },
        { month: 2, state: 'sent', version: 2, sentAt: '2025-03-05T03:00:00.000Z' },
        { month: 3, state: 'open', version: null, sentAt: null },
      ]);
      const kph = tracker.posts.find((x) => x.code === 'KPH')!;
      expect(kph.months.slice(0, 3).map((m) => m.state)).toEqual(['late', 'open', 'open']);
      // February is due on the 10th of March: a day after, the one post still without it is late.
      p.parent.clock.now = new Date('2025-03-11T03:00:00Z');
      const { token } = await p.parent.call('auth.login', { username: 'admin', password: SETUP.admin.password });
      const later = await p.parent.call('reports.tracker', { year: 2025 }, token);
      expect(later.posts.find((x) => x.code === 'KPH')!.months[1]!.state).toBe('late');
      expect(later.posts.find((x) => x.code === 'CRP')!.months[1]!.state).toBe('sent');
    } finally {
      second.post.dispose();
    }
  });

  it('is only kept at a Bapas induk', async () => {
    const err = await p.post.fail('reports.tracker', { year: 2025 }, p.postAdmin);
    expect(err.fields?.year).toBe('reports.scopeAtInduk');
  });
});
