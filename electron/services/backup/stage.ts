import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Db } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { signedAuditHead } from '../auditAnchor';
import type { AppContext } from '../context';
import { writePrivateFile } from '../privateFiles';
import { storageFault } from './faults';
import { scratchFile } from './folder';
import { openBackup, type OpenedBackup } from './read';
import { discardStaging, newStaging, stagedPath } from './restoreSwap';

/** What a restore's plan names and the restore must be given back: this very backup file's header. */
export const confirmationOf = (headerBytes: Buffer) => createHash('sha256').update(headerBytes).digest('hex').slice(0, 32);

export interface StageRequest {
  readonly officeCode: string | null;
  readonly machineKey: Buffer | null;
  readonly recoveryKey: string | null;
  readonly now: () => Date;
}

/**
 * Step 1 of a restore (see restoreSwap.ts): checks the backup through with the same reader as
 * `backups.inspect`, keeping every part's checked plaintext in a new staging folder; brings an
 * older database up to this version's schema there (a newer one was refused by the reader); and
 * signs the audit anchor for the staged database with the staged office key, so the restored log
 * is not taken for a cut one. Nothing live changes; on any failure the staging folder is removed.
 */
export async function stageBackup(folder: Pick<AppContext, 'dataDir'>, path: string, req: StageRequest): Promise<{ id: string; opened: OpenedBackup }> {
  const { dataDir } = folder;
  const { id, dir } = newStaging(dataDir);
  try {
    const opened = await openBackup(path, {
      officeCode: req.officeCode,
      machineKey: req.machineKey,
      recoveryKey: req.recoveryKey,
      scratchDb: scratchFile(folder, 'restore'),
      extract: (part) =>
        part === 'database'
          ? stagedPath(dataDir, id, 'database')
          : part === 'keys'
            ? stagedPath(dataDir, id, 'keys')
            : join(stagedPath(dataDir, id, 'files'), part.slice('file:'.length)),
    });
    const raw = new BetterSqlite3(stagedPath(dataDir, id, 'database'), { fileMustExist: true });
    try {
      raw.pragma('journal_mode = DELETE');
      raw.pragma('synchronous = FULL');
      raw.pragma('foreign_keys = ON');
      migrate(raw);
      if (opened.header.parts.some((p) => p.name === 'keys')) {
        // Only what signedAuditHead reads: the staged database and the staged office key.
        const staged = { db: new Db(raw), keysDir: join(dir, 'keys'), now: req.now } as unknown as AppContext;
        writePrivateFile(dir, 'audit-head.json', JSON.stringify(signedAuditHead(staged)));
      }
    } finally {
      raw.close();
    }
    return { id, opened };
  } catch (e) {
    discardStaging(dataDir, id);
    throw storageFault(e) ?? e;
  }
}
