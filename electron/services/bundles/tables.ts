/**
 * What a bundle carries: each kind of record the change log names (an "aggregate") with its root
 * table and the child tables that travel whole with it. A bundle line is `{"op","row"}`; a root
 * row that was archived travels as `op: "archive"` (its tombstone), everything else as "upsert".
 * Listed in dependency order, which is also the order of the data files in a bundle.
 */
export interface Aggregate {
  /** The entity name in change_log. */
  readonly entity: string;
  readonly root: string;
  /** The root table's key column. */
  readonly key: string;
  /** Tables whose rows belong to one root row, through `fk`; sent and replaced whole. */
  readonly children: readonly { readonly table: string; readonly fk: string }[];
  /** Columns holding the SHA-256 of a stored attachment. */
  readonly files?: readonly string[];
  /** Columns never sent (secrets). */
  readonly omit?: readonly string[];
}

export const AGGREGATES: readonly Aggregate[] = [
  // Officers travel for the names on their records: never their password hash or lockout state.
  { entity: 'user', root: 'users', key: 'id', children: [], omit: ['password_hash', 'failed_logins', 'locked_until'] },
  { entity: 'service_type', root: 'service_types', key: 'code', children: [] },
  { entity: 'partner', root: 'partners', key: 'id', children: [{ table: 'partner_status_changes', fk: 'partner_id' }] },
  { entity: 'pokmas_group', root: 'pokmas_groups', key: 'id', children: [{ table: 'pokmas_members', fk: 'group_id' }] },
  { entity: 'agreement', root: 'agreements', key: 'id', children: [{ table: 'agreement_scans', fk: 'agreement_id' }] },
  { entity: 'client', root: 'clients', key: 'id', children: [{ table: 'client_status_changes', fk: 'client_id' }] },
  { entity: 'referral', root: 'referrals', key: 'id', children: [{ table: 'referral_status_changes', fk: 'referral_id' }] },
  { entity: 'work_hours', root: 'work_hours', key: 'id', children: [] },
  { entity: 'checkin', root: 'checkins', key: 'id', children: [] },
  {
    entity: 'activity',
    root: 'activities',
    key: 'id',
    children: [
      { table: 'activity_partners', fk: 'activity_id' },
      { table: 'activity_participants', fk: 'activity_id' },
    ],
  },
  { entity: 'activity_file', root: 'activity_files', key: 'id', children: [], files: ['sha256', 'thumb_sha256'] },
  { entity: 'printed_document', root: 'printed_documents', key: 'id', children: [] },
];

/** Attachment columns of child tables (signed PKS scans). */
export const CHILD_FILES: Readonly<Record<string, readonly string[]>> = { agreement_scans: ['sha256'] };

export const aggregateByEntity = new Map(AGGREGATES.map((a) => [a.entity, a]));
export const aggregateByRoot = new Map(AGGREGATES.map((a) => [a.root, a]));
/** Every table a bundle may carry, with the aggregate it belongs to. */
export const TABLE_OWNER = new Map<string, Aggregate>(AGGREGATES.flatMap((a) => [[a.root, a] as const, ...a.children.map((c) => [c.table, a] as const)]));
export const BUNDLE_TABLES = [...TABLE_OWNER.keys()];

export const dataEntry = (table: string) => `data/${table}.jsonl`;
export const fileEntry = (sha256: string) => `files/${sha256}`;
