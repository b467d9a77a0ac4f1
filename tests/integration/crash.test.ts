import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/services/app';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a killed process', () => {
  it('loses no committed record and leaves a sound database (kill -9 in the middle of writes)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mitra-crash-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-writer.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${code}`))));
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        committed.push(...lines.filter(Boolean));
        if (committed.length >= 150 && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(committed.length).toBeGreaterThanOrEqual(150);

    const db = new BetterSqlite3(join(dir, DB_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set((db.prepare('SELECT id FROM partners').all() as { id: string }[]).map((r) => r.id));
    expect(committed.filter((id) => !present.has(id))).toEqual([]);
    // Each committed partner came with its audit entry: the chain's head matches its last entry.
    const audits = (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'partner'`).get() as { n: number }).n;
    expect(audits).toBe(present.size);
    db.close();
  });
});
