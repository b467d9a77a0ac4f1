import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/connection';
import { getSetting, putSetting } from '../../db/repositories/settings';

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settings kept in memory', () => {
  it('never serves a value from a transaction that rolled back', () => {
    dir = mkdtempSync(join(tmpdir(), 'mitra-memo-'));
    db = openDb(join(dir, 'db.sqlite'));
    db.tx(() => putSetting(db, 'office', { name: 'Pos Bapas Curup' }, 'now'));
    expect(getSetting(db, 'office')).toEqual({ name: 'Pos Bapas Curup' });
    expect(() =>
      db.tx(() => {
        putSetting(db, 'office', { name: 'Tidak jadi' }, 'now');
        expect(getSetting(db, 'office')).toEqual({ name: 'Tidak jadi' }); // read inside the failing transaction
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(getSetting(db, 'office')).toEqual({ name: 'Pos Bapas Curup' });
  });
});
