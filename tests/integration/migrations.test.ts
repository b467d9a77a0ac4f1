import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { STANDARD_ARTICLES, STANDARD_TEMPLATE_ID } from '../../shared/agreementTemplate';
import { startupMessage } from '../../electron/services/startupError';
import { AppError } from '../../shared/errors';
import { OPEN_REFERRAL_STATUSES, REFERRAL_STATUSES } from '../../shared/referrals';
import { FORTNIGHT_PHASE_OF_START, MONTH_DAY_OF_START } from '../../db/migrations/0021_office_counts_agenda';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = () => join((dir = mkdtempSync(join(tmpdir(), 'mitra-mig-'))), 'db.sqlite');

describe('migrations', () => {
  it('0001 creates the schema, the indexes and the service list, and sets user_version', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 1)).toBe(1);
    const names = (type: string) =>
      (raw.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map(
        (r) => r.name,
      );
    expect(names('table')).toEqual([
      'audit_log',
      'change_log',
      'partner_status_changes',
      'partners',
      'pokmas_groups',
      'pokmas_members',
      'service_types',
      'settings',
      'users',
    ]);
    expect(names('index')).toEqual(expect.arrayContaining(['partners_by_name', 'partners_by_regency', 'partners_by_status', 'audit_by_entity', 'audit_by_at']));
    expect((raw.prepare('SELECT count(*) AS n FROM service_types').get() as { n: number }).n).toBe(11);
    // STRICT tables with CHECKs refuse what the application must never write.
    expect(() =>
      raw
        .prepare(`INSERT INTO users (id, username, name, role, password_hash, created_at, updated_at, origin) VALUES ('a','b','c','raja','h','t','t','o')`)
        .run(),
    ).toThrow(/CHECK/);
    raw.close();
  });

  it('0002 adds agreements to a version-1 file without touching its rows', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS, 1);
    const t = '2025-03-05T00:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, status, status_date, created_at, updated_at, origin)
         VALUES ('p1', 'LBH Curup', 'lbh curup', 'lbh curup', 'lainnya', '["hukum_kemasyarakatan"]', '[]', 'aktif', '2025-03-01', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const before = raw.prepare('SELECT * FROM partners').all();
    expect(migrate(raw, MIGRATIONS, 2)).toBe(2);
    expect(raw.prepare('SELECT * FROM partners').all()).toEqual(before);
    const insert = raw.prepare(
      `INSERT INTO agreements (id, partner_id, subject, office_number, number_year, number_seq, sign_date, start_date, end_date, bidang, services,
         office_signatory, partner_signatory, legal_bases, articles, created_at, updated_at, origin)
       VALUES (?, ?, 'Bantuan hukum', ?, 2025, ?, '2025-03-05', '2025-03-05', ?, '[]', '[]', '{}', '{}', '[]', '[]', ?, ?, 'CRP')`,
    );
    insert.run('a1', 'p1', '001/PKS', 1, '2026-03-04', t, t);
    expect(() => insert.run('a2', 'p1', '001/PKS', 2, '2026-03-04', t, t)).toThrow(/UNIQUE/);
    expect(() => insert.run('a3', 'p1', '002/PKS', 1, '2026-03-04', t, t)).toThrow(/UNIQUE/);
    expect(() => insert.run('a4', 'p1', '003/PKS', 3, '2025-03-01', t, t)).toThrow(/CHECK/);
    expect(() => insert.run('a5', 'nobody', '004/PKS', 4, '2026-03-04', t, t)).toThrow(/FOREIGN KEY/);
    raw.close();
  });

  it('0003 adds signed scans to a version-2 file without touching its agreements', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS, 2);
    const t = '2025-03-05T00:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, status, status_date, created_at, updated_at, origin)
         VALUES ('p1', 'LBH Curup', 'lbh curup', 'lbh curup', 'lainnya', '["hukum_kemasyarakatan"]', '[]', 'aktif', '2025-03-01', ?, ?, 'CRP')`,
      )
      .run(t, t);
    raw
      .prepare(
        `INSERT INTO agreements (id, partner_id, subject, office_number, number_year, number_seq, sign_date, start_date, end_date, bidang, services,
           office_signatory, partner_signatory, legal_bases, articles, created_at, updated_at, origin)
         VALUES ('a1', 'p1', 'Bantuan hukum', '001/PKS', 2025, 1, '2025-03-05', '2025-03-05', '2026-03-04', '[]', '[]', '{}', '{}', '[]', '[]', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const before = raw.prepare('SELECT * FROM agreements').all();
    expect(migrate(raw, MIGRATIONS, 3)).toBe(3);
    expect(raw.prepare('SELECT * FROM agreements').all()).toEqual(before);
    const insert = raw.prepare(
      `INSERT INTO agreement_scans (id, agreement_id, filename, mime, size, sha256, created_at, updated_at, origin) VALUES (?, ?, 'scan.pdf', ?, 10, ?, ?, ?, 'CRP')`,
    );
    insert.run('s1', 'a1', 'application/pdf', 'a'.repeat(64), t, t);
    expect(() => insert.run('s2', 'a1', 'text/html', 'a'.repeat(64), t, t)).toThrow(/CHECK/);
    expect(() => insert.run('s3', 'nope', 'image/png', 'a'.repeat(64), t, t)).toThrow(/FOREIGN KEY/);
    raw.close();
  });

  it('0004 adds pasal templates (seeded with the standard one as default) and the printed-document register to a version-3 file', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS, 3);
    const tables = () => raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    const before = tables();
    expect(migrate(raw, MIGRATIONS, 4)).toBe(4);
    expect(tables()).toEqual([...before, 'article_templates', 'printed_documents'].sort());
    const seeded = raw.prepare('SELECT id, name, is_default, articles FROM article_templates').all() as { articles: string }[];
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ id: STANDARD_TEMPLATE_ID, name: 'Standar', is_default: 1 });
    expect(JSON.parse(seeded[0]!.articles)).toEqual(STANDARD_ARTICLES);
    const t = '2025-03-05T00:00:00.000Z';
    // A second default cannot exist, nor two printed versions with one number, nor a code twice.
    expect(() =>
      raw
        .prepare(
          `INSERT INTO article_templates (id, name, legal_bases, articles, is_default, created_at, updated_at, origin) VALUES ('t2', 'Lain', '[]', '[]', 1, ?, ?, 'CRP')`,
        )
        .run(t, t),
    ).toThrow(/UNIQUE/);
    const print = raw.prepare(
      `INSERT INTO printed_documents (id, kind, entity_id, version, content_sha256, code, title, number, created_at, updated_at, origin) VALUES (?, 'pks', 'a1', ?, ?, ?, 'PKS', '001', ?, ?, 'CRP')`,
    );
    print.run('d1', 1, 'a'.repeat(64), 'AAAAA-AAAAA', t, t);
    expect(() => print.run('d2', 1, 'b'.repeat(64), 'BBBBB-BBBBB', t, t)).toThrow(/UNIQUE/);
    expect(() => print.run('d3', 2, 'b'.repeat(64), 'AAAAA-AAAAA', t, t)).toThrow(/UNIQUE/);
    raw.close();
  });

  it('0011 adds the bundle registers and makes office numbers unique per origin, keeping a version-10 file’s agreements', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS, 10);
    const t = '2025-03-05T00:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, status, status_date, created_at, updated_at, origin)
         VALUES ('p1', 'LBH Curup', 'lbh curup', 'lbh curup', 'lainnya', '["hukum_kemasyarakatan"]', '[]', 'aktif', '2025-03-01', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const agreement = raw.prepare(
      `INSERT INTO agreements (id, partner_id, subject, office_number, number_year, number_seq, sign_date, start_date, end_date, bidang, services,
         office_signatory, partner_signatory, legal_bases, articles, created_at, updated_at, origin)
       VALUES (?, 'p1', 'Bantuan hukum', '001/PKS', 2025, 1, '2025-03-05', '2025-03-05', '2026-03-04', '[]', '[]', '{}', '{}', '[]', '[]', ?, ?, ?)`,
    );
    agreement.run('a1', t, t, 'CRP');
    // Before: one number across the whole database.
    expect(() => agreement.run('a2', t, t, 'BKL')).toThrow(/UNIQUE/);
    const before = raw.prepare('SELECT * FROM agreements').all();
    expect(migrate(raw, MIGRATIONS, 11)).toBe(11);
    expect(raw.prepare('SELECT * FROM agreements').all()).toEqual(before);
    // After: the same number from another office is its own; within one office still refused.
    agreement.run('a2', t, t, 'BKL');
    expect(() => agreement.run('a3', t, t, 'CRP')).toThrow(/UNIQUE/);
    expect(raw.prepare('SELECT count(*) AS n FROM bundle_exports').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM bundle_imports').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('0012 keeps a version-11 file’s exports as written, plain bundles off and no audit head for bundles received before', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, MIGRATIONS, 11)).toBe(11);
    const t = '2025-03-05T03:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO bundle_exports (seq, mode, change_from, change_to, with_files, filenames, folder, size, sha256, counts, created_at) VALUES (1, 'full', 0, 9, 0, '["CRP-0001-2025-03-05.mlpaket"]', '/media/usb', 100, ?, '{}', ?)`,
      )
      .run('a'.repeat(64), t);
    raw
      .prepare(
        `INSERT INTO office_keys (office_code, office_name, kind, relation, signing_key, encryption_key, fingerprint, created_at, updated_at) VALUES ('CRP', 'Pos Bapas Curup', 'pos', 'post', 'k', 'e', 'f', ?, ?)`,
      )
      .run(t, t);
    const before = { exports: raw.prepare('SELECT * FROM bundle_exports').all(), keys: raw.prepare('SELECT * FROM office_keys').all() };
    expect(migrate(raw, MIGRATIONS, 12)).toBe(12);
    const after = raw.prepare('SELECT * FROM bundle_exports').all() as Record<string, unknown>[];
    expect(after).toEqual((before.exports as Record<string, unknown>[]).map((r) => ({ ...r, state: 'done' })));
    expect(raw.prepare('SELECT * FROM office_keys').all()).toEqual((before.keys as Record<string, unknown>[]).map((r) => ({ ...r, allow_plain: 0 })));
    expect(() => raw.prepare(`UPDATE bundle_exports SET state = 'lost'`).run()).toThrow(/CHECK/);
    expect(raw.prepare(`SELECT count(*) AS n FROM pragma_table_info('bundle_imports') WHERE name = 'audit_head'`).get()).toEqual({ n: 1 });
    raw.close();
  });

  it('0013 lets a draft wait for its number, keeping a version-12 file’s agreements, their scans and referrals, and every reference checked', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, MIGRATIONS, 12)).toBe(12);
    const t = '2025-03-05T00:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, status, status_date, created_at, updated_at, origin)
         VALUES ('p1', 'LBH Curup', 'lbh curup', 'lbh curup', 'lainnya', '["hukum_kemasyarakatan"]', '[]', 'aktif', '2025-03-01', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const agreement = raw.prepare(
      `INSERT INTO agreements (id, partner_id, subject, office_number, number_year, number_seq, sign_date, start_date, end_date, bidang, services,
         office_signatory, partner_signatory, legal_bases, articles, signed_on, previous_id, created_at, updated_at, origin)
       VALUES (?, 'p1', 'Bantuan hukum', ?, ?, ?, '2025-03-05', '2025-03-05', '2026-03-04', '[]', '[]', '{}', '{}', '[]', '[]', ?, ?, ?, ?, 'CRP')`,
    );
    agreement.run('a1', '001/PKS', 2025, 1, '2025-03-05', null, t, t);
    agreement.run('a2', '002/PKS', 2025, 2, null, 'a1', t, t); // a draft numbered before 0013 keeps its number
    raw
      .prepare(
        `INSERT INTO agreement_scans (id, agreement_id, filename, mime, size, sha256, created_at, updated_at, origin) VALUES ('s1', 'a1', 'scan.pdf', 'application/pdf', 10, ?, ?, ?, 'CRP')`,
      )
      .run('a'.repeat(64), t, t);
    const before = { agreements: raw.prepare('SELECT * FROM agreements ORDER BY id').all(), scans: raw.prepare('SELECT * FROM agreement_scans').all() };
    expect(migrate(raw, MIGRATIONS, 13)).toBe(13);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect({ agreements: raw.prepare('SELECT * FROM agreements ORDER BY id').all(), scans: raw.prepare('SELECT * FROM agreement_scans').all() }).toEqual(
      before,
    );
    // A draft may now wait for its number; a signed agreement may not, and a number keeps its year.
    agreement.run('a3', null, null, null, null, 'a1', t, t);
    expect(() => agreement.run('a4', null, null, null, '2025-03-05', null, t, t)).toThrow(/CHECK/);
    expect(() => agreement.run('a5', '003/PKS', null, 3, null, null, t, t)).toThrow(/CHECK/);
    expect(() => agreement.run('a6', '001/PKS', 2025, 9, null, null, t, t)).toThrow(/UNIQUE/);
    // The references into the rebuilt table still hold, in both directions.
    expect(() => agreement.run('a7', null, null, null, null, 'nobody', t, t)).toThrow(/FOREIGN KEY/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO agreement_scans (id, agreement_id, filename, mime, size, sha256, created_at, updated_at, origin) VALUES ('s2', 'nope', 'scan.pdf', 'application/pdf', 10, ?, ?, ?, 'CRP')`,
        )
        .run('a'.repeat(64), t, t),
    ).toThrow(/FOREIGN KEY/);
    expect(() => raw.prepare(`DELETE FROM agreements WHERE id = 'a1'`).run()).toThrow(/FOREIGN KEY/);
    raw.close();
  });

  it('0014 counts an existing client’s wajib lapor from the office’s day of entry (or its first check-in), within the supervision period', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, MIGRATIONS, 12)).toBe(12);
    raw.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('office', '{"timeZone":"WIT"}', 't')`).run();
    const client = (id: string, start: string, end: string, createdAt: string) =>
      raw
        .prepare(
          `INSERT INTO clients (id, register_number, name, name_key, search_text, sex, program, supervision_start, supervision_end, reporting, status, status_date, created_at, updated_at, origin)
           VALUES (?, ?, 'Budi', 'budi', 'budi', 'L', 'pb', ?, ?, 'bulanan', 'aktif', ?, ?, ?, 'CRP')`,
        )
        .run(id, id, start, end, start, createdAt, createdAt);
    // Entered on the evening of 1 March UTC: 2 March in Jayapura (WIT).
    client('moved', '2025-01-15', '2026-12-31', '2026-03-01T20:00:00.000Z');
    client('early', '2026-04-01', '2027-03-31', '2026-03-01T03:00:00.000Z');
    client('ended', '2024-01-01', '2024-12-31', '2026-03-01T03:00:00.000Z');
    client('kept', '2025-01-15', '2026-12-31', '2026-03-01T03:00:00.000Z');
    raw
      .prepare(
        `INSERT INTO checkins (id, client_id, date, kind, created_at, updated_at, origin) VALUES ('k1', 'kept', '2025-06-10', 'hadir', 't', 't', 'CRP'), ('k2', 'kept', '2025-07-10', 'hadir', 't', 't', 'CRP')`,
      )
      .run();
    const before = raw.prepare('SELECT * FROM clients ORDER BY id').all() as Record<string, unknown>[];
    expect(migrate(raw, MIGRATIONS, 14)).toBe(14);
    const after = raw.prepare('SELECT * FROM clients ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map((r) => [r.id, r.reporting_from])).toEqual([
      ['early', '2026-04-01'],
      ['ended', '2024-12-31'],
      ['kept', '2025-06-10'],
      ['moved', '2026-03-02'],
    ]);
    // Nothing else of the rows changed.
    expect(after.map(({ reporting_from: _r, ...rest }) => rest)).toEqual(before);
    raw.close();
  });

  it('0015 adds the office’s holiday list, one row a day', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 15)).toBe(15);
    raw.prepare(`INSERT INTO holidays (date, name, source, created_at) VALUES ('2026-03-19', 'Hari Suci Nyepi', 'nasional', 't')`).run();
    expect(() => raw.prepare(`INSERT INTO holidays (date, name, source, created_at) VALUES ('2026-03-19', 'Lagi', 'kantor', 't')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => raw.prepare(`INSERT INTO holidays (date, name, source, created_at) VALUES ('19-03-2026', 'Nyepi', 'kantor', 't')`).run()).toThrow(/CHECK/);
    raw.close();
  });

  it('0016 adds the institution types (seeded), province-level partners and a Pokmas group’s SK, chairperson and period, keeping a version-12 file’s rows', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, MIGRATIONS, 12)).toBe(12);
    const t = '2025-03-05T03:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, regency_code, status, status_date, created_at, updated_at, origin)
         VALUES ('p1', 'Baznas Kab. Rejang Lebong', 'baznas kab rejang lebong', '', 'instansi', '["kemandirian_kepribadian"]', '[]', '17.02', 'aktif', '2025-01-01', ?, ?, 'CRP')`,
      )
      .run(t, t);
    raw
      .prepare(
        `INSERT INTO pokmas_groups (id, name, bidang, created_at, updated_at, origin) VALUES ('g1', 'Pokmas Curup', 'kemandirian_kepribadian', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const before = { partners: raw.prepare('SELECT * FROM partners').all(), groups: raw.prepare('SELECT * FROM pokmas_groups').all() };
    expect(migrate(raw, MIGRATIONS, 16)).toBe(16);
    expect(raw.prepare('SELECT * FROM partners').all()).toEqual(
      (before.partners as object[]).map((r) => ({ ...r, institution_type: null, province_code: null })),
    );
    expect(raw.prepare('SELECT * FROM pokmas_groups').all()).toEqual(
      (before.groups as object[]).map((r) => ({ ...r, sk_number: '', sk_date: null, chair_name: '', chair_phone: '', period_start: null, period_end: null })),
    );
    const kinds = (raw.prepare('SELECT code FROM institution_types WHERE built_in = 1 ORDER BY code').all() as { code: string }[]).map((r) => r.code);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'pondok_pesantren',
        'lbh',
        'balai_latihan_kerja',
        'perguruan_tinggi',
        'lembaga_rehabilitasi',
        'dinas_instansi',
        'baznas',
        'bengkel_usaha',
        'koperasi',
        'perorangan',
        'yayasan_lsm',
        'lainnya',
      ]),
    );
    // A province-level partner has no kabupaten; a group's period does not end before it starts.
    expect(() => raw.prepare(`UPDATE partners SET province_code = '17'`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`UPDATE partners SET regency_code = NULL, province_code = '17'`).run()).not.toThrow();
    expect(() => raw.prepare(`UPDATE pokmas_groups SET period_start = '2025-02-01', period_end = '2025-01-31'`).run()).toThrow(/CHECK/);
    raw.close();
  });

  it('0017 adds the yearly indicator targets, one per office, year and indicator, none negative, keeping a version-16 file’s rows', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 16)).toBe(16);
    const t = '2026-01-05T03:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO pokmas_groups (id, name, bidang, created_at, updated_at, origin) VALUES ('g1', 'Pokmas Curup', 'kemandirian_kepribadian', ?, ?, 'CRP')`,
      )
      .run(t, t);
    const before = raw.prepare('SELECT * FROM pokmas_groups').all();
    expect(migrate(raw, MIGRATIONS, 17)).toBe(17);
    expect(raw.prepare('SELECT * FROM pokmas_groups').all()).toEqual(before);
    const put = raw.prepare(`INSERT INTO report_targets (office_code, year, indicator, target, updated_at) VALUES (?, ?, ?, ?, ?)`);
    put.run('CRP', 2026, 'klien_baru', 10, t);
    expect(() => put.run('CRP', 2026, 'klien_baru', 12, t)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('CRP', 2026, 'wl_kepatuhan', -1, t)).toThrow(/CHECK/);
    expect(() => put.run('CRP', 1999, 'wl_kepatuhan', 90, t)).toThrow(/CHECK/);
    put.run('KPH', 2026, 'klien_baru', 4, t);
    expect(raw.prepare('SELECT office_code, target FROM report_targets ORDER BY office_code').all()).toEqual([
      { office_code: 'CRP', target: 10 },
      { office_code: 'KPH', target: 4 },
    ]);
    raw.close();
  });

  it('0018 adds the list indexes to a version-16 file: the referral register reads its page in order, the office counts read an index', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 16)).toBe(16);
    expect(migrate(raw, MIGRATIONS, 18)).toBe(18);
    const plan = (q: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const page = plan(
      `SELECT r.id FROM referrals r JOIN clients c ON c.id = r.client_id WHERE r.deleted_at IS NULL ORDER BY r.date DESC, r.created_at DESC, r.id DESC LIMIT 50`,
    );
    expect(page).toMatch(/referrals_by_date/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT r.id FROM referrals r WHERE r.status = 'berjalan' ORDER BY r.date DESC, r.created_at DESC, r.id DESC LIMIT 50`)).not.toMatch(
      /TEMP B-TREE/,
    );
    expect(plan(`SELECT origin, count(*) FROM activities WHERE deleted_at IS NULL GROUP BY origin`)).toMatch(/activities_live_by_origin/);
    expect(
      plan(
        `SELECT c.origin, count(*) FROM clients c WHERE c.deleted_at IS NULL AND c.status = 'aktif' AND c.supervision_end >= '2026-01-01' GROUP BY c.origin`,
      ),
    ).toMatch(/clients_by_standing/);
    raw.close();
  });

  it('0019 adds the kept report versions to a version-18 file: one numbering per office and period, the hash 64 characters', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 18)).toBe(18);
    expect(migrate(raw, MIGRATIONS, 19)).toBe(19);
    const t = '2026-12-03T03:00:00.000Z';
    const put = raw.prepare(
      `INSERT INTO report_versions (id, period_kind, period_from, period_to, label, version, figures, figures_sha256, sent_at, created_at, updated_at, origin)
       VALUES (?, 'month', '2026-11-01', '2026-11-30', 'November 2026', ?, '[]', ?, ?, ?, ?, ?)`,
    );
    const sha = 'a'.repeat(64);
    put.run('v1', 1, sha, t, t, t, 'CRP');
    put.run('v2', 2, sha, t, t, t, 'CRP');
    put.run('v3', 1, sha, t, t, t, 'KPH');
    expect(() => put.run('v4', 2, sha, t, t, t, 'CRP')).toThrow(/UNIQUE/);
    expect(() => put.run('v5', 0, sha, t, t, t, 'CRP')).toThrow(/CHECK/);
    expect(() => put.run('v6', 3, 'abc', t, t, t, 'CRP')).toThrow(/CHECK/);
    expect(raw.prepare('SELECT origin, version FROM report_versions ORDER BY origin, version').all()).toEqual([
      { origin: 'CRP', version: 1 },
      { origin: 'CRP', version: 2 },
      { origin: 'KPH', version: 1 },
    ]);
    raw.close();
  });

  it('0020 lets a version-19 register of printed documents hold printed reports, keeping every code it had', () => {
    const raw = new BetterSqlite3(file());
    raw.pragma('foreign_keys = ON');
    expect(migrate(raw, MIGRATIONS, 19)).toBe(19);
    const t = '2026-12-03T03:00:00.000Z';
    const put = raw.prepare(
      `INSERT INTO printed_documents (id, kind, entity_id, version, content_sha256, code, title, number, created_at, updated_at, origin) VALUES (?, ?, 'e1', ?, ?, ?, 'Dokumen', '001', ?, ?, 'CRP')`,
    );
    const sha = 'b'.repeat(64);
    put.run('d1', 'pks', 1, sha, 'AAAAA-AAAAA', t, t);
    put.run('d2', 'rujukan', 1, sha, 'BBBBB-BBBBB', t, t);
    expect(() => put.run('d3', 'laporan', 1, sha, 'CCCCC-CCCCC', t, t)).toThrow(/CHECK/);
    expect(migrate(raw, MIGRATIONS, 20)).toBe(20);
    put.run('d3', 'laporan', 1, sha, 'CCCCC-CCCCC', t, t);
    expect(() => put.run('d4', 'surat', 1, sha, 'DDDDD-DDDDD', t, t)).toThrow(/CHECK/);
    expect(() => put.run('d5', 'laporan', 1, sha, 'EEEEE-EEEEE', t, t)).toThrow(/UNIQUE/);
    expect(() => put.run('d6', 'laporan', 2, sha, 'CCCCC-CCCCC', t, t)).toThrow(/UNIQUE/);
    expect(raw.prepare('SELECT id, kind, code FROM printed_documents ORDER BY id').all()).toEqual([
      { id: 'd1', kind: 'pks', code: 'AAAAA-AAAAA' },
      { id: 'd2', kind: 'rujukan', code: 'BBBBB-BBBBB' },
      { id: 'd3', kind: 'laporan', code: 'CCCCC-CCCCC' },
    ]);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    raw.close();
  });

  it('0023 adds the report indexes to a version-20 file: each figure of a month reads its period from an index', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 20)).toBe(20);
    expect(migrate(raw, MIGRATIONS, 23)).toBe(23);
    const plan = (q: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT k.date, k.kind FROM checkins k WHERE k.client_id = 'c' AND k.date >= '2026-10-01' AND k.deleted_at IS NULL`)).toMatch(
      /COVERING INDEX checkins_by_client/,
    );
    expect(
      plan(`SELECT k.id FROM checkins k WHERE k.deleted_at IS NULL AND k.kind = 'kunjungan_rumah' AND k.date BETWEEN '2026-11-01' AND '2026-11-30'`),
    ).toMatch(/checkins_live_by_kind/);
    expect(
      plan(`SELECT r.id FROM referrals r WHERE r.deleted_at IS NULL AND r.outcome IS NOT NULL AND r.status_date BETWEEN '2026-11-01' AND '2026-11-30'`),
    ).toMatch(/referrals_by_outcome_date/);
    expect(
      plan(`SELECT c.id FROM clients c WHERE c.deleted_at IS NULL AND c.status <> 'aktif' AND c.status_date BETWEEN '2026-11-01' AND '2026-11-30'`),
    ).toMatch(/clients_closed_by_date/);
    expect(
      plan(`SELECT 1 FROM referrals r WHERE r.client_id = 'c' AND r.deleted_at IS NULL AND r.outcome = 'bekerja' AND r.status_date <= '2026-11-30'`),
    ).toMatch(/COVERING INDEX referrals_by_client/);
    raw.close();
  });

  it('0021 counts a version-20 file’s live records per office, keeps the counts by triggers, and indexes the agenda’s candidates', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 20)).toBe(20);
    const t = '2026-12-03T03:00:00.000Z';
    const put = raw.prepare(
      `INSERT INTO partners (id, name, name_key, search_text, category, bidang, services, status, status_date, created_at, updated_at, deleted_at, origin)
       VALUES (?, 'Mitra', 'mitra', 'mitra', 'lainnya', '["hukum_kemasyarakatan"]', '[]', 'aktif', '2025-03-01', ?, ?, ?, ?)`,
    );
    put.run('p1', t, t, null, 'CRP');
    put.run('p2', t, t, null, 'CRP');
    put.run('p3', t, t, t, 'CRP');
    put.run('p4', t, t, null, 'KPH');
    expect(migrate(raw, MIGRATIONS, 21)).toBe(21);
    const counts = () => raw.prepare(`SELECT origin, kind, n FROM office_counts WHERE n != 0 ORDER BY origin, kind`).all();
    expect(counts()).toEqual([
      { origin: 'CRP', kind: 'partners', n: 2 },
      { origin: 'KPH', kind: 'partners', n: 1 },
    ]);
    raw.prepare(`UPDATE partners SET deleted_at = NULL WHERE id = 'p3'`).run();
    raw.prepare(`UPDATE partners SET origin = 'KPH' WHERE id = 'p1'`).run();
    expect(counts()).toEqual([
      { origin: 'CRP', kind: 'partners', n: 2 },
      { origin: 'KPH', kind: 'partners', n: 2 },
    ]);
    // The open statuses the referral triggers count are the shared rule's.
    const trigger = (raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'referrals_count_insert'`).get() as { sql: string }).sql;
    for (const s of REFERRAL_STATUSES) expect(trigger.includes(`'${s}'`), s).toBe((OPEN_REFERRAL_STATUSES as readonly string[]).includes(s));
    const plan = (q: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(
        `SELECT id FROM clients INDEXED BY clients_agenda_monthly WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = 'bulanan' AND ${MONTH_DAY_OF_START} IN (3, 4) AND supervision_end >= '2026-01-01'`,
      ),
    ).toMatch(/clients_agenda_monthly \(<expr>=\?/);
    expect(
      plan(
        `SELECT id FROM clients INDEXED BY clients_agenda_fortnightly WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = 'dua_mingguan' AND ${FORTNIGHT_PHASE_OF_START} IN (3, 4) AND supervision_end >= '2026-01-01'`,
      ),
    ).toMatch(/clients_agenda_fortnightly \(<expr>=\?/);
    raw.close();
  });

  it('0027 lets a version-23 register of received bundles keep a restore note, keeping every bundle received before without one', () => {
    const raw = new BetterSqlite3(file());
    expect(migrate(raw, MIGRATIONS, 23)).toBe(23);
    const t = '2025-03-05T03:00:00.000Z';
    const put = (seq: number, extra = '', value: unknown[] = []) =>
      raw
        .prepare(
          `INSERT INTO bundle_imports (office_code, seq, sha256, manifest_sha256, change_from, change_to, bundle_created_at, bundle_created_by, counts, local_seq, received_at${extra ? ', after_restore' : ''}) VALUES ('CRP', ?, ?, ?, 0, 1, ?, 'Siti', '[]', 0, ?${extra})`,
        )
        .run(seq, String(seq).repeat(64), String(seq).repeat(64), t, t, ...value);
    put(1);
    const before = raw.prepare('SELECT * FROM bundle_imports').all() as Record<string, unknown>[];
    expect(migrate(raw, MIGRATIONS, 27)).toBe(27);
    expect(raw.prepare('SELECT * FROM bundle_imports').all()).toEqual(before.map((r) => ({ ...r, after_restore: null })));
    put(2, ', ?', ['{"lastKnownSeq":1,"lastUsedSeq":1}']);
    expect(() => put(3, ', ?', ['bukan json'])).toThrow(/CHECK/);
    raw.close();
  });

  it('is idempotent: running again on a migrated file changes nothing', () => {
    const f = file();
    openDb(f).close();
    const before = readFileSync(f);
    const raw = new BetterSqlite3(f);
    expect(migrate(raw)).toBe(LATEST_VERSION);
    raw.close();
    expect(readFileSync(f).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const f = file();
    const raw = new BetterSqlite3(f);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = readFileSync(f);
    let error: unknown;
    try {
      openDb(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('db.tooNew');
    expect(readFileSync(f).equals(before)).toBe(true);
    // The start-up error box says it in words (both languages), never as the message key.
    const box = startupMessage(error);
    expect(box.title).toBe('Mitra Lipas tidak dapat dibuka');
    expect(box.message).toContain(`versi Mitra Lipas yang lebih baru (versi skema ${LATEST_VERSION + 1}, aplikasi ini ${LATEST_VERSION})`);
    expect(box.message).toContain('written by a newer Mitra Lipas');
    expect(box.message).not.toMatch(/db\.tooNew/);
  });

  it('rolls a failing migration back whole, keeping the previous version', () => {
    const raw = new BetterSqlite3(file());
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'broken', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') },
    ];
    expect(() => migrate(raw, broken)).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'`).get()).toEqual({ n: 0 });
    raw.close();
  });
});
