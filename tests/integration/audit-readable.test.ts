import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readableChanges, readableValue, recordLabel, type Reader } from '../../shared/readableChanges';
import { translate } from '../../shared/i18n/index';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;
const CAMEL_FIELD = /\b(leaderName|statusDate|regencyCode|contactName|skDate)\b/;

/** A partner created, edited (category, leader, phone) and moved to a new status. */
async function editedPartner() {
  const p = await app.call('partners.create', PARTNER, admin);
  const { statusDate: _d, ...fields } = PARTNER;
  const edited = await app.call(
    'partners.update',
    { id: p.id, expectedUpdatedAt: p.updatedAt, data: { ...fields, category: 'instansi', leaderName: 'Drs. Hasan', phone: '0813 1111 2222' } },
    admin,
  );
  await app.call('partners.setStatus', { id: edited.id, status: 'terverifikasi', date: '2025-03-05' }, admin);
  return p;
}

const reader = (names: Record<string, string>): Reader => ({ t: (k, p) => translate('id', k, p), locale: 'id', zone: 'WIB', names });

describe('history and the audit log in words', () => {
  it('names the records a partner history refers to, so its changes read with labels, codes in words and dates as dates', async () => {
    const p = await editedPartner();
    const history = await app.call('partners.history', { id: p.id }, admin);
    const r = reader(history.names);
    const rows = history.edits.flatMap((e) =>
      e.changes.map((c) => `${c.field}|${readableValue('partner', c.field, c.before, r)}|${readableValue('partner', c.field, c.after, r)}`),
    );
    expect(rows).toContain('category|Organisasi kemasyarakatan/kelompok sosial|Instansi pemerintah');
    expect(rows).toContain('phone|+62 812-7345-6789|+62 813-1111-2222');
    expect(rows).toContain('statusDate|1 Maret 2025|5 Maret 2025');
    expect(rows).toContain('status|Calon|Terverifikasi');
    // Services and the kabupaten by name, never by code.
    expect(rows.find((x) => x.startsWith('services|'))).toMatch(/\|—\|.*Bimbingan keagamaan/i);
    expect(rows.find((x) => x.startsWith('regencyCode|'))).toMatch(/\|—\|[A-Z][a-z]/);
  });

  it('finds entries by a record name and names each entry’s record', async () => {
    const p = await editedPartner();
    await app.call('partners.create', { ...PARTNER, name: 'LBH Curup' }, admin);
    const found = await app.call('audit.list', { record: 'al-hikmah' }, admin);
    expect(found.entries.map((e) => e.action)).toEqual(['status', 'update', 'create']);
    expect(found.entries.every((e) => e.entityId === p.id)).toBe(true);
    expect(recordLabel(found.entries[0]!, reader(found.names))).toBe(PARTNER.name);
    const changes = readableChanges('partner', found.entries[1]!.before, found.entries[1]!.after, reader(found.names));
    expect(changes.map((c) => c.label)).toEqual(expect.arrayContaining(['Kategori', 'Nama pimpinan', 'Telepon']));
    // A name that matches nothing finds nothing (not every entry).
    expect((await app.call('audit.list', { record: 'tidak ada mitra ini' }, admin)).entries).toEqual([]);
  });

  it('exports the log as .xlsx in words, for an administrator only, and records the export', async () => {
    const p = await editedPartner();
    const file = await app.call('audit.export', { entity: 'partner' }, admin);
    expect(file.filename).toMatch(/^log-audit-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['Waktu', 'Pengguna', 'Tindakan', 'Data', 'Nama data', 'Perubahan']));
    const col = (name: string) => header.indexOf(name);
    const update = rows.find((r) => r[col('Tindakan')] === 'Ubah')!;
    expect(update[col('Data')]).toBe('Mitra');
    expect(update[col('Nama data')]).toBe(PARTNER.name);
    expect(update[col('Waktu')]).toBe('5 Maret 2025 10.00 WIB');
    expect(update[col('Perubahan')]).toContain('Kategori: Organisasi kemasyarakatan/kelompok sosial → Instansi pemerintah');
    expect(update[col('Perubahan')]).toContain('Telepon: +62 812-7345-6789 → +62 813-1111-2222');
    // Everything but the last, technical column reads without codes or ids.
    for (const r of rows.slice(1)) {
      const words = r.filter((_, i) => i !== col('ID data')).join(' | ');
      expect(words).not.toMatch(UUID);
      expect(words).not.toMatch(SNAKE);
      expect(words).not.toMatch(CAMEL_FIELD);
    }
    expect(rows.slice(1).every((r) => r[col('ID data')] === p.id)).toBe(true);

    const log = await app.call('audit.list', { entity: 'audit_log' }, admin);
    expect(log.entries[0]).toMatchObject({ action: 'export', entityId: '*', after: { rows: 3 } });
    const petugas = await signInAs(app, admin, 'petugas');
    expect((await app.fail('audit.export', {}, petugas)).code).toBe('FORBIDDEN');
  });
});
