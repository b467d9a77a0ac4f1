/**
 * Kysely table types of the office's own bookkeeping, which no bundle carries: the paired offices'
 * keys, the bundles sent and received, the holiday list and the yearly targets. Re-exported by
 * db/schema.ts, which assembles the whole schema.
 */
import type { Generated } from 'kysely';

export interface OfficeKeysTable {
  office_code: string;
  office_name: string;
  kind: 'pos' | 'induk';
  relation: 'parent' | 'post';
  signing_key: string;
  encryption_key: string;
  fingerprint: string;
  registered_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** A post's plain (unencrypted) bundles are taken only when an admin allowed it for that post. */
  allow_plain: Generated<0 | 1>;
}

export interface BundleExportsTable {
  seq: number;
  mode: 'incremental' | 'full';
  change_from: number;
  change_to: number;
  with_files: 0 | 1;
  filenames: string;
  folder: string;
  size: number;
  sha256: string;
  previous_sha256: string | null;
  counts: string;
  created_by: string | null;
  created_at: string;
  acknowledged_at: string | null;
  /** Reserved before the file is written; done once it is verified on the medium, abandoned if it never got there. */
  state: Generated<'reserved' | 'done' | 'abandoned'>;
}

export interface BundleImportsTable {
  office_code: string;
  seq: number;
  sha256: string;
  manifest_sha256: string;
  previous_sha256: string | null;
  change_from: number;
  change_to: number;
  bundle_created_at: string;
  bundle_created_by: string;
  counts: string;
  local_seq: number;
  received_by: string | null;
  received_at: string;
  /** The post's signed audit head ({seq, hash, at, signature}) as the bundle carried it; null for older bundles. */
  audit_head: string | null;
  /** The post's signed note that it was restored from a backup ({lastKnownSeq, lastUsedSeq}), migration 0027; null when none. */
  after_restore: string | null;
}

/** The office's own holidays (migration 0015): never synced. */
export interface HolidaysTable {
  date: string;
  name: string;
  source: 'nasional' | 'kantor';
  created_by: string | null;
  created_at: string;
}

/** Yearly indicator targets per office (migration 0017): this office's own, never synced. */
export interface ReportTargetsTable {
  office_code: string;
  year: number;
  indicator: string;
  target: number;
  updated_by: string | null;
  updated_at: string;
}

/** Live records per office and kind, kept by triggers (migration 0021): derived, never synced. */
export interface OfficeCountsTable {
  origin: string;
  kind: 'partners' | 'activities' | 'referrals_open' | 'clients_aktif';
  n: number;
}
