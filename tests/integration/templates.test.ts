import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_ARTICLES, STANDARD_TEMPLATE_ID } from '../../shared/agreementTemplate';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;

beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const LATIHAN: InputOf<'templates.save'> = {
  id: null,
  name: 'Pelatihan kerja',
  isDefault: false,
  legalBases: ['Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan'],
  articles: [
    { heading: 'Ruang Lingkup', body: '{mitra} menyelenggarakan {layanan} bagi Klien {kantor}.' },
    { heading: 'Jangka Waktu', body: 'Berlaku {jangka_waktu} sejak {tanggal_mulai}.' },
  ],
};

describe('pasal templates', () => {
  it('start with the standard pasal as the default template', async () => {
    const list = await app.call('templates.list', {}, admin);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: STANDARD_TEMPLATE_ID, name: 'Standar', isDefault: true });
    expect(list[0]!.articles.map((a) => a.heading)).toEqual(STANDARD_ARTICLES.map((a) => a.heading));
    expect(list[0]!.articles.map((a) => a.heading)).toEqual([
      'Maksud dan Tujuan',
      'Ruang Lingkup',
      'Hak dan Kewajiban',
      'Jangka Waktu',
      'Pembiayaan',
      'Evaluasi dan Pelaporan',
      'Penyelesaian Perselisihan',
      'Keadaan Kahar',
      'Penutup',
    ]);
  });

  it('are added, edited and made the default, one default at a time', async () => {
    const t = await app.call('templates.save', LATIHAN, admin);
    expect(t.isDefault).toBe(false);
    const edited = await app.call('templates.save', { ...LATIHAN, id: t.id, expectedUpdatedAt: t.updatedAt, isDefault: true, name: 'Pelatihan' }, admin);
    expect(edited).toMatchObject({ name: 'Pelatihan', isDefault: true });
    const list = await app.call('templates.list', {}, admin);
    expect(list.filter((x) => x.isDefault).map((x) => x.id)).toEqual([t.id]);
    // A stale edit (the form was opened before the change above) is refused.
    const stale = await app.fail('templates.save', { ...LATIHAN, id: t.id, expectedUpdatedAt: t.updatedAt }, admin);
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuse a duplicate name, switching the default off, deleting the default, and unknown placeholders; nothing changes', async () => {
    const before = dumpDb(app.db);
    expect((await app.fail('templates.save', { ...LATIHAN, name: 'Standar' }, admin)).fields).toEqual({ name: 'templates.nameTaken' });
    const standard = (await app.call('templates.list', {}, admin))[0]!;
    const off = await app.fail('templates.save', { ...LATIHAN, id: standard.id, expectedUpdatedAt: standard.updatedAt, isDefault: false }, admin);
    expect(off.fields).toEqual({ isDefault: 'templates.keepDefault' });
    expect((await app.fail('templates.delete', { id: standard.id }, admin)).code).toBe('CONFLICT');
    const typo = await app.fail('templates.save', { ...LATIHAN, articles: [{ heading: 'Ruang Lingkup', body: 'Bagi {Klien} di {mitra}' }] }, admin);
    expect(typo.fields).toEqual({ 'articles.0.body': 'v.unknownPlaceholder' });
    expect(dumpDb(app.db)).toEqual(before);
  });

  it('are deleted (kept as history) and only by an admin', async () => {
    const t = await app.call('templates.save', LATIHAN, admin);
    const petugas = await signInAs(app, admin, 'petugas');
    expect((await app.fail('templates.save', LATIHAN, petugas)).code).toBe('FORBIDDEN');
    expect((await app.fail('templates.delete', { id: t.id }, petugas)).code).toBe('FORBIDDEN');
    expect(await app.call('templates.list', {}, petugas)).toHaveLength(2);
    await app.call('templates.delete', { id: t.id }, admin);
    expect((await app.call('templates.list', {}, admin)).map((x) => x.name)).toEqual(['Standar']);
    expect(app.db.raw.prepare('SELECT deleted_at FROM article_templates WHERE id = ?').get(t.id)).toMatchObject({ deleted_at: expect.any(String) });
    // The name is free again once the template is gone.
    await app.call('templates.save', LATIHAN, admin);
  });

  it('fill an agreement made from them when it is printed, from the agreement and partner data', async () => {
    const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
    const template = await app.call('templates.save', LATIHAN, admin);
    const agreement = await app.call(
      'agreements.create',
      {
        data: {
          partnerId,
          subject: 'Pelatihan Kerja Klien',
          signDate: '2025-03-01',
          startDate: '2025-03-01',
          termMonths: 24,
          bidang: ['kemandirian_kepribadian'],
          services: ['pelatihan_keterampilan', 'bimbingan_keagamaan'],
          officeSignatory: { name: 'Drs. Hendra', nip: '', position: 'Kepala' },
          partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
          legalBases: [...template.legalBases],
          articles: template.articles.map((a) => ({ ...a })),
        },
        number: { mode: 'auto' },
      },
      admin,
    );
    // The agreement keeps the placeholders, so a later change of dates or services prints correctly.
    expect(agreement.articles[0]!.body).toBe('{mitra} menyelenggarakan {layanan} bagi Klien {kantor}.');
    const file = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(html).toContain('Pondok Pesantren Al-Hikmah menyelenggarakan pelatihan keterampilan dan bimbingan keagamaan bagi Klien Pos Bapas Curup.');
    expect(html).toContain('Berlaku 2 (dua) tahun sejak 1 Maret 2025.');
    expect(html).not.toMatch(/\{[^{}\s][^{}]*\}/);
  });

  it('an agreement with a misspelt placeholder is refused on the field and not saved', async () => {
    const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
    const before = dumpDb(app.db);
    const e = await app.fail(
      'agreements.create',
      {
        data: {
          partnerId,
          subject: 'x',
          signDate: '2025-03-01',
          startDate: '2025-03-01',
          termMonths: 12,
          bidang: ['kemandirian_kepribadian'],
          officeSignatory: { name: 'a', nip: '', position: 'b' },
          partnerSignatory: { name: 'c', position: 'd' },
          articles: [{ heading: 'Ruang Lingkup', body: 'Bersama {nama_mitra}.' }],
        },
        number: { mode: 'auto' },
      },
      admin,
    );
    expect(e.fields).toEqual({ 'data.articles.0.body': 'v.unknownPlaceholder' });
    expect(dumpDb(app.db)).toEqual(before);
  });
});
