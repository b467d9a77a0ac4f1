import type { Migration } from './types';

/** The office's UTC offset in hours, as the setup stored it (WIB when none yet). */
const OFFSET_HOURS: Record<string, number> = { WIB: 7, WITA: 8, WIT: 9 };

/**
 * "Wajib lapor dihitung sejak": the day a client's reporting duty is counted from. A caseload moved
 * into the app is counted from the day each client was entered, not from a supervision start months
 * back (which would show every earlier due date as missed). Existing clients take the office's
 * calendar day of their creation, or their first recorded check-in if that is earlier (the office
 * already kept their reporting then), never before the supervision start nor after its end.
 */
export const m0014: Migration = {
  version: 14,
  name: 'reporting_from',
  up(db) {
    const office = db.prepare(`SELECT value FROM settings WHERE key = 'office'`).get() as { value: string } | undefined;
    let zone = 'WIB';
    try {
      zone = (JSON.parse(office?.value ?? '{}') as { timeZone?: string }).timeZone ?? 'WIB';
    } catch {
      // A damaged settings row: the office's day is then read in WIB, an hour or two off at most.
    }
    const shift = `+${OFFSET_HOURS[zone] ?? 7} hours`;
    db.exec(`ALTER TABLE clients ADD COLUMN reporting_from TEXT NOT NULL DEFAULT ''`);
    db.prepare(
      `UPDATE clients SET reporting_from = max(supervision_start, min(supervision_end,
         coalesce((SELECT min(k.date) FROM checkins k WHERE k.client_id = clients.id AND k.deleted_at IS NULL AND k.date < date(clients.created_at, ?)),
                  date(clients.created_at, ?), supervision_start)))`,
    ).run(shift, shift);
  },
};
