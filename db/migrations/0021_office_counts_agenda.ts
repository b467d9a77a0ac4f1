import type { Migration } from './types';

/**
 * The counts Beranda shows per office at a Bapas induk, kept by triggers instead of counted from
 * every row on each visit (three posts' activities are 150,000 rows), and the indexes the agenda
 * reads its candidates from.
 *
 * `office_counts` holds one row per office and kind: live partners, live activities, live open
 * referrals (the statuses of shared/referrals.ts OPEN_REFERRAL_STATUSES as of this version; a
 * test holds the two equal) and live clients with status aktif (Beranda subtracts the few whose
 * supervision has ended, which depend on the day). Triggers on insert, delete and the update of a
 * column that decides the count (deleted_at, origin, status) move the counts, so every path that
 * writes a row (a form, an archive or restore, a bundle's apply, an import, a restore of an older
 * file followed by this migration) keeps them. The table is derived: no bundle carries it, and a
 * later migration that rebuilds one of these tables must create its triggers again.
 *
 * The agenda indexes hold the clients under supervision with a reporting duty by the day of the
 * month (monthly) or the day within the fortnight (fortnightly) their supervision began, the key
 * shared/checkins.ts agendaFilter picks candidates by, with the columns the agenda reads to count
 * its days (db/repositories/agenda.ts), so a window reads its candidates alone.
 */
const COUNTED: readonly { table: string; kind: string; when: string }[] = [
  { table: 'partners', kind: 'partners', when: `{r}.deleted_at IS NULL` },
  { table: 'activities', kind: 'activities', when: `{r}.deleted_at IS NULL` },
  { table: 'referrals', kind: 'referrals_open', when: `{r}.deleted_at IS NULL AND {r}.status IN ('diusulkan', 'diterima', 'berjalan')` },
  { table: 'clients', kind: 'clients_aktif', when: `{r}.deleted_at IS NULL AND {r}.status = 'aktif'` },
];

/** The columns of the counted rows whose change can move a count. */
const DECIDING: Readonly<Record<string, string>> = {
  partners: 'deleted_at, origin',
  activities: 'deleted_at, origin',
  referrals: 'deleted_at, origin, status',
  clients: 'deleted_at, origin, status',
};

const add = (kind: string) =>
  `INSERT INTO office_counts (origin, kind, n) VALUES (NEW.origin, '${kind}', 1) ON CONFLICT (origin, kind) DO UPDATE SET n = n + 1;`;
const remove = (kind: string) => `UPDATE office_counts SET n = n - 1 WHERE origin = OLD.origin AND kind = '${kind}';`;

export function officeCountTriggers(): string {
  return COUNTED.map(({ table, kind, when }) => {
    const on = (r: string) => when.replaceAll('{r}', r);
    return `
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} WHEN ${on('NEW')} BEGIN ${add(kind)} END;
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} WHEN ${on('OLD')} BEGIN ${remove(kind)} END;
CREATE TRIGGER ${table}_count_update_old AFTER UPDATE OF ${DECIDING[table]} ON ${table} WHEN ${on('OLD')} BEGIN ${remove(kind)} END;
CREATE TRIGGER ${table}_count_update_new AFTER UPDATE OF ${DECIDING[table]} ON ${table} WHEN ${on('NEW')} BEGIN ${add(kind)} END;
INSERT INTO office_counts (origin, kind, n) SELECT origin, '${kind}', count(*) FROM ${table} WHERE ${on(table)} GROUP BY origin;`;
  }).join('\n');
}

/** The agenda's key expressions: the same text in the indexes and in db/repositories/agenda.ts, or the planner will not match them. */
export const MONTH_DAY_OF_START = 'CAST(substr(supervision_start, 9, 2) AS INTEGER)';
export const FORTNIGHT_PHASE_OF_START = 'CAST(julianday(supervision_start) AS INTEGER) % 14';
/**
 * What the agenda reads of each candidate, in the index after its key: its whole query is then
 * answered from the index (the partial index's own terms included), never from the table.
 */
export const AGENDA_COLUMNS = 'supervision_end, supervision_start, reporting_from, last_checkin, name_key, id, status, reporting, deleted_at';

export const m0021: Migration = {
  version: 21,
  name: 'office_counts_agenda',
  up(db) {
    db.exec(`
CREATE TABLE office_counts (
  origin TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('partners', 'activities', 'referrals_open', 'clients_aktif')),
  n INTEGER NOT NULL,
  PRIMARY KEY (origin, kind)
) STRICT, WITHOUT ROWID;
${officeCountTriggers()}
CREATE INDEX clients_agenda_monthly ON clients (${MONTH_DAY_OF_START}, ${AGENDA_COLUMNS})
  WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = 'bulanan';
CREATE INDEX clients_agenda_fortnightly ON clients (${FORTNIGHT_PHASE_OF_START}, ${AGENDA_COLUMNS})
  WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = 'dua_mingguan';
`);
  },
};
