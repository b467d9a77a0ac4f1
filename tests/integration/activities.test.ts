import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
let partnerId: string;
let clientId: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  partnerId = (await app.call('partners.create', PARTNER, admin)).id;
  clientId = (await app.call('clients.create', { data: CLIENT, statusDate: CLIENT.supervisionStart }, admin)).id;
});
afterEach(() => app.dispose());

const ACTIVITY = (over: Partial<InputOf<'activities.create'>> = {}): InputOf<'activities.create'> => ({
  date: '2025-03-01',
  type: 'pelatihan',
  bidang: 'kemandirian_kepribadian',
  title: 'Pelatihan las listrik angkatan 1',
  place: 'Bengkel Pesantren',
  partnerIds: [partnerId],
  participants: [{ clientId, attended: true, note: '' }],
  ...over,
});

describe('activities', () => {
  it('are recorded with partners, officers and attendance, appear on the client timeline, and list by partner, month and type', async () => {
    const me = await app.call('auth.me', {}, admin);
    const a = await app.call('activities.create', ACTIVITY({ officerIds: [me.user.id] }), admin);
    expect(a).toMatchObject({ partnerNames: [PARTNER.name], participants: 1, attended: 1, officerNames: ['Siti Rahmawati'] });
    await app.call(
      'activities.create',
      ACTIVITY({ date: '2025-02-10', type: 'rapat_evaluasi', title: 'Rapat evaluasi PKS', partnerIds: [], participants: [] }),
      admin,
    );
    const titles = async (input: InputOf<'activities.list'>) => (await app.call('activities.list', input, admin)).map((x) => x.title);
    expect(await titles({})).toEqual(['Pelatihan las listrik angkatan 1', 'Rapat evaluasi PKS']);
    expect(await titles({ partnerId })).toEqual(['Pelatihan las listrik angkatan 1']);
    expect(await titles({ month: '2025-02' })).toEqual(['Rapat evaluasi PKS']);
    expect(await titles({ type: 'pelatihan' })).toEqual(['Pelatihan las listrik angkatan 1']);
    expect(await titles({ clientId })).toEqual(['Pelatihan las listrik angkatan 1']);
    const client = await app.call('clients.get', { id: clientId }, admin);
    expect(client.timeline.find((e) => e.kind === 'activity')).toMatchObject({ title: 'Pelatihan las listrik angkatan 1', attended: true });

    const updated = await app.call(
      'activities.update',
      { id: a.id, expectedUpdatedAt: a.updatedAt, data: ACTIVITY({ participants: [{ clientId, attended: false, note: 'Sakit' }] }) },
      admin,
    );
    expect(updated).toMatchObject({ attended: 0, participantList: [{ clientId, attended: false, note: 'Sakit' }] });

    const file = await app.call('activities.export', {}, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(7).getCell(4).value).toBe('Pelatihan las listrik angkatan 1');
  });

  it('keep photos as uploaded with a checked display copy, and refuse files that are not what they claim', async () => {
    const a = await app.call('activities.create', ACTIVITY(), admin);
    const photo = await QRCode.toBuffer('foto kegiatan', { type: 'png', width: 2400 });
    const display = await QRCode.toBuffer('foto kegiatan', { type: 'png', width: 800 });
    const withPhoto = await app.call(
      'activities.addFile',
      { activityId: a.id, filename: 'foto.png', base64: photo.toString('base64'), thumbBase64: display.toString('base64') },
      admin,
    );
    const f = withPhoto.fileList[0]!;
    expect(f).toMatchObject({ filename: 'foto.png', mime: 'image/png', size: photo.length, hasDisplay: true });
    expect(Buffer.from((await app.call('activities.file', { id: f.id, variant: 'original' }, admin)).base64, 'base64').equals(photo)).toBe(true);
    expect(Buffer.from((await app.call('activities.file', { id: f.id }, admin)).base64, 'base64').equals(display)).toBe(true);

    const before = dumpDb(app.db);
    const refuse = async (base64: string, thumbBase64: string | null = null) =>
      (await app.fail('activities.addFile', { activityId: a.id, filename: 'x', base64, thumbBase64 }, admin)).fields;
    expect(await refuse(Buffer.from('<html>').toString('base64'))).toEqual({ file: 'scans.wrongType' });
    expect(await refuse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]).toString('base64'))).toEqual({ file: 'logo.unreadable' });
    // A "display copy" as big as the original is not one.
    expect(await refuse(photo.toString('base64'), photo.toString('base64'))).toEqual({ file: 'activities.badDisplayCopy' });
    expect(dumpDb(app.db)).toBe(before);
  });

  it('refuse unknown partners or clients and stale edits, writing nothing', async () => {
    const a = await app.call('activities.create', ACTIVITY(), admin);
    const before = dumpDb(app.db);
    const ghost = '01900000-0000-7000-8000-00000000dead';
    expect((await app.fail('activities.create', ACTIVITY({ partnerIds: [ghost] }), admin)).fields).toEqual({ partnerIds: 'partners.notFound' });
    expect((await app.fail('activities.create', ACTIVITY({ participants: [{ clientId: ghost, attended: true, note: '' }] }), admin)).fields).toEqual({
      participants: 'clients.notFound',
    });
    await app.call('activities.update', { id: a.id, expectedUpdatedAt: a.updatedAt, data: ACTIVITY({ title: 'Baru' }) }, admin);
    const after = dumpDb(app.db);
    expect((await app.fail('activities.update', { id: a.id, expectedUpdatedAt: a.updatedAt, data: ACTIVITY() }, admin)).code).toBe('CONFLICT');
    expect(dumpDb(app.db)).toBe(after);
    expect(after).not.toBe(before);
  });
});
