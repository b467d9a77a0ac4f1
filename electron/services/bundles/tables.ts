import type { Row } from '../../../db/repositories/syncRows';
import { clientSearchText } from '../../../shared/clients';

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
  /** How a root row leaves the office, where it is not sent as stored (`outgoing` is given the office's choices). */
  readonly outgoing?: (row: Row, choices: { readonly includeNik: boolean }) => Row;
  /** How a root row is stored at the parent, where not as sent; `filled` names the columns it supplies. */
  readonly arriving?: { readonly filled: readonly string[]; readonly row: (row: Row, officeCode: string) => Row };
  /** A row the parent already has from another office (the same code) is kept, not refused. */
  readonly keepOthers?: boolean;
  /** The record's name as an officer knows it, from its row: what "Periksa" lists when a bundle replaces it. */
  readonly describe: (row: Row) => string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const AGGREGATES: readonly Aggregate[] = [
  {
    entity: 'user',
    root: 'users',
    key: 'id',
    children: [],
    // Officers travel for the names on their records: never their password hash or lockout state.
    omit: ['password_hash', 'failed_logins', 'locked_until'],
    describe: (r) => text(r.name),
    // At the parent a post's officer is a name on records, never an account that can sign in.
    arriving: {
      filled: ['password_hash', 'failed_logins', 'locked_until', 'active'],
      row: (row, officeCode) => ({
        ...row,
        username: `${String(row.username)}@${officeCode}`,
        password_hash: '',
        active: 0,
        failed_logins: 0,
        locked_until: null,
      }),
    },
  },
  // An office-made service type with the same code as the parent's own: the parent's stays.
  { entity: 'service_type', root: 'service_types', key: 'code', children: [], keepOthers: true, describe: (r) => text(r.label_id) },
  // The same for an office-made institution type.
  { entity: 'institution_type', root: 'institution_types', key: 'code', children: [], keepOthers: true, describe: (r) => text(r.label_id) },
  { entity: 'partner', root: 'partners', key: 'id', children: [{ table: 'partner_status_changes', fk: 'partner_id' }], describe: (r) => text(r.name) },
  { entity: 'pokmas_group', root: 'pokmas_groups', key: 'id', children: [{ table: 'pokmas_members', fk: 'group_id' }], describe: (r) => text(r.name) },
  {
    entity: 'agreement',
    root: 'agreements',
    key: 'id',
    children: [{ table: 'agreement_scans', fk: 'agreement_id' }],
    // A draft waits for its number until it is signed: then the subject alone names it.
    describe: (r) => (r.office_number === null ? text(r.subject) : `${text(r.office_number)} (${text(r.subject)})`),
  },
  {
    entity: 'client',
    root: 'clients',
    key: 'id',
    children: [{ table: 'client_status_changes', fk: 'client_id' }],
    // The NIK stays at the post unless the office chose to send it; the search text is rebuilt without it.
    outgoing: (row, { includeNik }) =>
      includeNik || row.nik === null ? row : { ...row, nik: null, search_text: clientSearchText(String(row.name), String(row.register_number), null) },
    describe: (r) => `${text(r.name)} (${text(r.register_number)})`,
  },
  {
    entity: 'referral',
    root: 'referrals',
    key: 'id',
    children: [{ table: 'referral_status_changes', fk: 'referral_id' }],
    describe: (r) => text(r.letter_number),
  },
  { entity: 'work_hours', root: 'work_hours', key: 'id', children: [], describe: (r) => `${text(r.date)}, ${text(r.hours)}` },
  { entity: 'checkin', root: 'checkins', key: 'id', children: [], describe: (r) => `${text(r.date)}, ${text(r.kind)}` },
  {
    entity: 'activity',
    root: 'activities',
    key: 'id',
    children: [
      { table: 'activity_partners', fk: 'activity_id' },
      { table: 'activity_participants', fk: 'activity_id' },
    ],
    describe: (r) => text(r.title),
  },
  { entity: 'activity_file', root: 'activity_files', key: 'id', children: [], files: ['sha256', 'thumb_sha256'], describe: (r) => text(r.filename) },
  { entity: 'printed_document', root: 'printed_documents', key: 'id', children: [], describe: (r) => `${text(r.title)} ${text(r.number)} v${text(r.version)}` },
  // A report handed in: the parent keeps exactly what the post reported, beside what it computes.
  { entity: 'report_version', root: 'report_versions', key: 'id', children: [], describe: (r) => `${text(r.label)} v${text(r.version)}` },
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
