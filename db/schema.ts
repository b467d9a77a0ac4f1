/** Kysely table types: the shape of the SQLite schema after the latest migration. */
import type { Generated } from 'kysely';
import type { BundleExportsTable, BundleImportsTable, HolidaysTable, OfficeCountsTable, OfficeKeysTable, ReportTargetsTable } from './schemaOffice';

export type * from './schemaOffice';

/** Columns every shared record carries, so that bundles can carry it to the parent office. */
interface SyncColumns {
  id: string;
  created_at: string;
  updated_at: string;
  /** Tombstone: set when archived; the row stays for history and for bundles. */
  deleted_at: string | null;
  /** Office code of the office that created the record. */
  origin: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface UsersTable extends SyncColumns {
  username: string;
  name: string;
  nip: string;
  position: string;
  role: string;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
}

/** An entry of an extensible pick list: the service types, the institution types. */
export interface PickListTable {
  code: string;
  label_id: string;
  label_en: string;
  built_in: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  origin: string;
}

export type ServiceTypesTable = PickListTable;
/** Kinds of institution (pondok pesantren, LBH, BLK…): seeded built-ins and those an admin added. */
export type InstitutionTypesTable = PickListTable;

export interface PartnersTable extends SyncColumns {
  name: string;
  name_key: string;
  search_text: string;
  category: string;
  bidang: string;
  services: string;
  leader_name: string;
  contact_name: string;
  phone: string;
  email: string;
  address: string;
  regency_code: string | null;
  district_code: string | null;
  village_code: string | null;
  capacity: number | null;
  status: string;
  status_date: string;
  sk_number: string;
  sk_date: string | null;
  notes: string;
  /** A code of institution_types; null for records made before the list existed. */
  institution_type: string | null;
  /** A partner at the level of a province (no kabupaten): the province's code, e.g. "17". */
  province_code: string | null;
}

export interface PartnerStatusChangesTable extends SyncColumns {
  partner_id: string;
  from_status: string | null;
  to_status: string;
  date: string;
  note: string;
  user_id: string | null;
}

export interface PokmasGroupsTable extends SyncColumns {
  name: string;
  bidang: string;
  description: string;
  sk_number: string;
  sk_date: string | null;
  chair_name: string;
  chair_phone: string;
  period_start: string | null;
  period_end: string | null;
}

export interface PokmasMembersTable extends SyncColumns {
  group_id: string;
  partner_id: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  user_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  at: string;
  origin: string;
}

export interface AgreementsTable extends SyncColumns {
  partner_id: string;
  subject: string;
  /** Null while an automatically numbered draft waits for its signing (migration 0013). */
  office_number: string | null;
  number_year: number | null;
  number_seq: number | null;
  partner_number: string;
  sign_place: string;
  sign_date: string;
  start_date: string;
  end_date: string;
  term_months: number | null;
  bidang: string;
  services: string;
  office_signatory: string;
  partner_signatory: string;
  legal_bases: string;
  articles: string;
  funding: string;
  notes: string;
  signed_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string;
  previous_id: string | null;
}

export interface AgreementScansTable extends SyncColumns {
  agreement_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
}

export interface ArticleTemplatesTable extends SyncColumns {
  name: string;
  legal_bases: string;
  articles: string;
  is_default: 0 | 1;
}

export interface PrintedDocumentsTable extends SyncColumns {
  kind: 'pks' | 'rujukan' | 'laporan';
  entity_id: string;
  version: number;
  content_sha256: string;
  code: string;
  title: string;
  number: string;
  printed_by: string | null;
}

export interface ClientsTable extends SyncColumns {
  register_number: string;
  name: string;
  name_key: string;
  search_text: string;
  nik: string | null;
  sex: 'L' | 'P';
  birth_place: string;
  birth_date: string | null;
  address: string;
  regency_code: string | null;
  district_code: string | null;
  village_code: string | null;
  phone: string;
  religion: string | null;
  education: string | null;
  skills: string;
  interests: string;
  program: string;
  decision_number: string;
  decision_date: string | null;
  offence: string;
  supervision_start: string;
  supervision_end: string;
  phase_override: string | null;
  pk_user_id: string | null;
  guarantor_name: string;
  guarantor_relation: string;
  guarantor_phone: string;
  reporting: string;
  status: string;
  status_date: string;
  notes: string;
  /** Date of the latest check-in, kept with each check-in (see migration 0007). */
  last_checkin: string | null;
  /** The day wajib lapor is counted from, within the supervision period (see migration 0014). */
  reporting_from: string;
}

export interface ClientStatusChangesTable extends SyncColumns {
  client_id: string;
  from_status: string | null;
  to_status: string;
  date: string;
  reason: string;
  changed_by: string | null;
}

export interface ReferralsTable extends SyncColumns {
  client_id: string;
  partner_id: string;
  agreement_id: string | null;
  service: string;
  date: string;
  letter_number: string;
  letter_year: number;
  letter_seq: number;
  pk_user_id: string | null;
  goal: string;
  notes: string;
  status: string;
  status_date: string;
  outcome: string | null;
  outcome_note: string;
  override_reason: string;
  hours_required: number | null;
}

export interface ReferralStatusChangesTable extends SyncColumns {
  referral_id: string;
  from_status: string | null;
  to_status: string;
  date: string;
  note: string;
  changed_by: string | null;
}

export interface WorkHoursTable extends SyncColumns {
  referral_id: string;
  date: string;
  hours: number;
  signed_by: string;
  notes: string;
  recorded_by: string | null;
}

export interface CheckinsTable extends SyncColumns {
  client_id: string;
  date: string;
  kind: 'hadir' | 'jarak_jauh' | 'kunjungan_rumah';
  reason: string;
  officer_id: string | null;
  notes: string;
}

export interface ImportReportsTable extends SyncColumns {
  filename: string;
  sha256: string;
  sheet: string;
  counts: string;
  rows: string;
  created_by: string | null;
}

export interface ActivitiesTable extends SyncColumns {
  date: string;
  type: string;
  bidang: string | null;
  title: string;
  place: string;
  description: string;
  officers: string;
  created_by: string | null;
}

export interface ActivityPartnersTable {
  activity_id: string;
  partner_id: string;
}

export interface ActivityParticipantsTable {
  activity_id: string;
  client_id: string;
  attended: 0 | 1;
  note: string;
}

export interface ActivityFilesTable extends SyncColumns {
  activity_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  thumb_sha256: string | null;
  uploaded_by: string | null;
}

/** A report as handed in (migration 0019): its figures as sent (JSON) and their SHA-256. */
export interface ReportVersionsTable extends SyncColumns {
  period_kind: 'month' | 'quarter' | 'semester' | 'year' | 'range';
  period_from: string;
  period_to: string;
  label: string;
  version: number;
  figures: string;
  figures_sha256: string;
  sent_by: string | null;
  sent_at: string;
}

export interface Schema {
  settings: SettingsTable;
  users: UsersTable;
  service_types: ServiceTypesTable;
  institution_types: InstitutionTypesTable;
  partners: PartnersTable;
  partner_status_changes: PartnerStatusChangesTable;
  pokmas_groups: PokmasGroupsTable;
  pokmas_members: PokmasMembersTable;
  audit_log: AuditLogTable;
  change_log: ChangeLogTable;
  agreements: AgreementsTable;
  agreement_scans: AgreementScansTable;
  article_templates: ArticleTemplatesTable;
  printed_documents: PrintedDocumentsTable;
  clients: ClientsTable;
  client_status_changes: ClientStatusChangesTable;
  referrals: ReferralsTable;
  referral_status_changes: ReferralStatusChangesTable;
  work_hours: WorkHoursTable;
  checkins: CheckinsTable;
  import_reports: ImportReportsTable;
  activities: ActivitiesTable;
  activity_partners: ActivityPartnersTable;
  activity_participants: ActivityParticipantsTable;
  activity_files: ActivityFilesTable;
  office_keys: OfficeKeysTable;
  bundle_exports: BundleExportsTable;
  bundle_imports: BundleImportsTable;
  holidays: HolidaysTable;
  office_counts: OfficeCountsTable;
  report_targets: ReportTargetsTable;
  report_versions: ReportVersionsTable;
}
