/** Output shapes of the RPC contract: plain, serialisable, read-only data. */
import type { AuditAction, Bidang, OfficeKind, PartnerCategory, PartnerStatus, Role, TimeZoneCode } from './domain';
import type { AgreementStatus } from './agreements';
import type { ClientStanding, ClientStatus, Phase, Program, Reporting } from './clients';
import type { Outcome, ReferralProblem, ReferralStatus } from './referrals';
import type { CheckinKind, DueRow } from './checkins';
import type { NationalHoliday } from './holidays';
import type { ImportField } from './imports';
import type { ActivityType } from './activities';
import type { Sex } from './nik';
import type { RecoveryState } from './backups';
import type { OfficeSettings } from './schemas/setup';

export type { OfficeSettings };

export interface AppStatus {
  readonly setupDone: boolean;
  readonly officeName: string | null;
  readonly officeKind: OfficeKind | null;
  /** Needed before sign-in, e.g. to say until when a locked account stays locked. */
  readonly timeZone: TimeZoneCode;
  readonly appVersion: string;
  readonly schemaVersion: number;
  /** Whether "Simpan PDF" can write a PDF here (else the print dialog's own PDF printer is offered). */
  readonly canPrintPdf: boolean;
  /** Set only in recovery mode: the database could not be opened, and the recovery screen is shown instead of everything else. */
  readonly recovery?: RecoveryState;
}

export interface SecuritySettings {
  readonly idleLockMinutes: number;
  /** Whether the pimpinan role sees clients' NIK in full (otherwise masked, e.g. 3201********0001). */
  readonly pimpinanSeesNik: boolean;
  /** Whether bundles to the Bapas induk carry clients' NIK (otherwise left out). */
  readonly bundlesIncludeNik: boolean;
}

export interface Settings {
  readonly office: OfficeSettings;
  readonly security: SecuritySettings;
  /** The letterhead logo, if the office set one (the image itself comes from settings.logo). */
  readonly logo: LogoInfo | null;
}

export interface LogoInfo {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly sha256: string;
  readonly width: number;
  readonly height: number;
}

export interface LogoImage extends LogoInfo {
  readonly base64: string;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly nip: string;
  readonly position: string;
  readonly role: Role;
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SessionInfo {
  readonly token: string;
  readonly user: User;
  readonly idleLockMinutes: number;
}

export interface Wilayah {
  readonly code: string;
  readonly name: string;
}

export interface ServiceType {
  readonly code: string;
  readonly labelId: string;
  readonly labelEn: string;
  readonly builtIn: boolean;
}

/** The office that keeps a record another office holds a copy of (a post's record at its Bapas induk): there it is read-only. */
export interface OwnerOffice {
  readonly code: string;
  readonly name: string;
}

/** A record as its detail page opens it: `ownedBy` names the office that may change it, null when this office does. */
export interface Owned {
  readonly ownedBy: OwnerOffice | null;
}

/** A kind of institution a partner is (pondok pesantren, LBH, BLK…): the same shape as a service type. */
export type InstitutionType = ServiceType;

export interface PartnerRow {
  readonly id: string;
  readonly name: string;
  readonly category: PartnerCategory;
  /** A code of the institution types list; null when not stated (records made before the list). */
  readonly institutionType: string | null;
  readonly bidang: readonly Bidang[];
  readonly services: readonly string[];
  readonly status: PartnerStatus;
  readonly phone: string;
  readonly contactName: string;
  readonly regencyCode: string | null;
  readonly regencyName: string | null;
  /** A partner at the level of a province (tingkat provinsi, no kabupaten): its province. */
  readonly provinceCode: string | null;
  readonly provinceName: string | null;
  readonly capacity: number | null;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
  /** Signed, started, not ended and not cancelled on the office's today. */
  readonly hasAgreementInForce: boolean;
  /** Code of the office that keeps the record: this office's, or a post's whose bundle brought it. */
  readonly origin: string;
}

export interface Partner extends PartnerRow, Owned {
  readonly leaderName: string;
  readonly email: string;
  readonly address: string;
  readonly districtCode: string | null;
  readonly districtName: string | null;
  readonly villageCode: string | null;
  readonly villageName: string | null;
  readonly statusDate: string;
  readonly skNumber: string;
  readonly skDate: string | null;
  readonly notes: string;
  readonly createdAt: string;
  readonly groups: readonly { readonly id: string; readonly name: string }[];
}

export interface PartnerList {
  readonly rows: readonly PartnerRow[];
  readonly total: number;
}

export interface DuplicateMatch {
  readonly id: string;
  readonly name: string;
  readonly regencyName: string | null;
  readonly archived: boolean;
}

export interface StatusChange {
  readonly id: string;
  readonly fromStatus: PartnerStatus | null;
  readonly toStatus: PartnerStatus;
  readonly date: string;
  readonly note: string;
  readonly byName: string;
  readonly at: string;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly userName: string;
  readonly action: AuditAction;
  readonly changes: readonly FieldChange[];
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface PartnerHistory {
  readonly statusChanges: readonly StatusChange[];
  readonly edits: readonly HistoryEntry[];
  /** Names of the records the edits refer to (services, wilayah, users), for shared/readableChanges.ts. */
  readonly names: Readonly<Record<string, string>>;
}

export interface PokmasGroup extends Owned {
  readonly id: string;
  readonly name: string;
  readonly bidang: Bidang;
  readonly description: string;
  readonly skNumber: string;
  readonly skDate: string | null;
  /** The chairperson (ketua) by name, with a phone number if known. */
  readonly chairName: string;
  readonly chairPhone: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly members: readonly { readonly id: string; readonly name: string; readonly status: PartnerStatus }[];
  readonly updatedAt: string;
  readonly archivedAt: string | null;
}

export interface ExportFile {
  readonly filename: string;
  readonly mime: string;
  /** File bytes, base64: survives both structured clone (IPC) and JSON (web transport). */
  readonly base64: string;
  readonly rows: number;
}

/** A printed document: the file and the verification code and version it carries. */
export interface PrintedFile extends ExportFile {
  readonly code: string;
  readonly version: number;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly userId: string | null;
  readonly userName: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditVerifyResult {
  readonly ok: boolean;
  readonly checked: number;
  /** First entry whose content or link no longer matches, or where entries are missing. */
  readonly firstBadSeq: number | null;
  /** anchorTampered/anchorMissing: the office's signed record of the newest entry was altered or removed. */
  readonly problem: 'edited' | 'missing' | 'truncated' | 'anchorTampered' | 'anchorMissing' | null;
}

export interface AgreementSettings {
  readonly numberTemplate: string;
  /** "Akan berakhir" this many days before the end date. */
  readonly warnDays: number;
}

export interface AgreementRow {
  readonly id: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly subject: string;
  /** Null while an automatically numbered draft waits for its signing: the number is given then. */
  readonly officeNumber: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly bidang: readonly Bidang[];
  readonly status: AgreementStatus;
  readonly updatedAt: string;
}

export interface Agreement extends AgreementRow, Owned {
  readonly partnerNumber: string;
  readonly signPlace: string;
  readonly signDate: string;
  readonly termMonths: number | null;
  readonly services: readonly string[];
  readonly officeSignatory: { readonly name: string; readonly nip: string; readonly position: string };
  readonly partnerSignatory: { readonly name: string; readonly position: string };
  readonly legalBases: readonly string[];
  readonly articles: readonly { readonly heading: string; readonly body: string }[];
  readonly funding: string;
  readonly notes: string;
  readonly signedOn: string | null;
  readonly cancelledOn: string | null;
  readonly cancelReason: string;
  readonly previousId: string | null;
  readonly previousNumber: string | null;
  /** The renewal that continues this agreement, if any. */
  readonly nextId: string | null;
  readonly nextNumber: string | null;
  readonly createdAt: string;
  /** Signed scans, newest (current) first. */
  readonly scans: readonly ScanInfo[];
}

export interface ScanInfo {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
}

export interface ArticleTemplate {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly legalBases: readonly string[];
  readonly articles: readonly { readonly heading: string; readonly body: string }[];
  readonly updatedAt: string;
}

/** What the verification screen says about a code read off a printed document. */
export type DocumentVerification =
  | { readonly found: false; readonly code: string }
  | {
      readonly found: true;
      readonly code: string;
      readonly kind: 'pks' | 'rujukan' | 'laporan';
      readonly entityId: string;
      /** Where the record lives in the app (the agreement or the referral page, the Laporan page). */
      readonly href: string;
      readonly title: string;
      readonly number: string;
      readonly partnerName: string;
      readonly version: number;
      readonly latestVersion: number;
      readonly printedAt: string;
      readonly printedBy: string;
      /** The record still has the content this version was printed from; null where it cannot be told here (printed at a post). */
      readonly matchesCurrent: boolean | null;
      /** At a Bapas induk, a document a post printed (its register came in the post's bundles): the post's name. */
      readonly printedAtOffice: string | null;
      /**
       * The one verdict the screen shows, from the two facts above: `current` (latest version, record
       * unchanged), `changed` (latest version, record edited since and not printed again),
       * `superseded` (a later version was printed), `reverted` (a later version exists, but the record
       * is back to this version's content), `elsewhere` (latest version of a post's document: the
       * parent lacks the post's letterhead, so the content is compared at the post).
       */
      readonly standing: 'current' | 'changed' | 'superseded' | 'reverted' | 'elsewhere';
      /** The record's status now, as a message key (e.g. agreement.status.aktif). */
      readonly statusKey: string;
    };

export interface ClientRow {
  readonly id: string;
  readonly registerNumber: string;
  readonly name: string;
  /** In full, or masked (3201********0001) for a role that may not see it. */
  readonly nik: string | null;
  readonly sex: Sex;
  readonly program: Program;
  readonly status: ClientStatus;
  /** The status as the office reads it today: `berakhir` for an open record past its supervision end (shared/clients.ts). */
  readonly standing: ClientStanding;
  readonly supervisionStart: string;
  readonly supervisionEnd: string;
  readonly pkName: string | null;
  readonly regencyName: string | null;
  readonly isChild: boolean | null;
  readonly phase: Phase;
  readonly updatedAt: string;
  /** The office whose client this is (a Bapas induk also holds its posts'). */
  readonly origin: string;
}

export interface ClientList {
  readonly rows: readonly ClientRow[];
  readonly total: number;
}

export interface Client extends ClientRow, Owned {
  readonly nikMasked: boolean;
  readonly birthPlace: string;
  readonly birthDate: string | null;
  readonly address: string;
  readonly regencyCode: string | null;
  readonly districtCode: string | null;
  readonly villageCode: string | null;
  readonly districtName: string | null;
  readonly villageName: string | null;
  readonly phone: string;
  readonly religion: string | null;
  readonly education: string | null;
  readonly skills: readonly string[];
  readonly interests: readonly string[];
  readonly decisionNumber: string;
  readonly decisionDate: string | null;
  readonly offence: string;
  readonly phaseOverride: Phase | null;
  readonly suggestedPhase: Phase;
  readonly pkUserId: string | null;
  readonly guarantorName: string;
  readonly guarantorRelation: string;
  readonly guarantorPhone: string;
  readonly reporting: Reporting;
  /** "Wajib lapor dihitung sejak": the day the reporting duty is counted from. */
  readonly reportingFrom: string;
  readonly statusDate: string;
  readonly notes: string;
  readonly createdAt: string;
  /** Newest first: status changes, and (as they are built) referrals, activities and check-ins. */
  readonly timeline: readonly TimelineEntry[];
}

export type TimelineEntry =
  | {
      readonly kind: 'status';
      readonly date: string;
      readonly status: ClientStatus;
      readonly fromStatus: ClientStatus | null;
      readonly detail: string;
      readonly by: string;
    }
  | {
      readonly kind: 'referral';
      readonly date: string;
      readonly referralId: string;
      readonly status: ReferralStatus;
      readonly fromStatus: ReferralStatus | null;
      readonly partnerName: string;
      readonly service: string;
      readonly detail: string;
      readonly by: string;
    }
  | {
      readonly kind: 'activity';
      readonly date: string;
      readonly activityId: string;
      readonly title: string;
      readonly activityType: ActivityType;
      readonly attended: boolean;
    }
  | {
      readonly kind: 'document';
      readonly date: string;
      readonly referralId: string;
      readonly title: string;
      readonly number: string;
      readonly code: string;
      readonly version: number;
    }
  | {
      readonly kind: 'checkin';
      readonly date: string;
      readonly checkinKind: CheckinKind;
      readonly detail: string;
      readonly by: string;
    };

export interface NikCheck {
  /** Why the NIK cannot be right, or null. */
  readonly problem: 'format' | 'short' | 'long' | 'date' | 'serial' | 'district' | null;
  /** The kecamatan the NIK names, when it exists. */
  readonly districtName: string | null;
  readonly regencyName: string | null;
  /** Fields of the form that disagree with the NIK: warnings only. */
  readonly mismatches: readonly ('sex' | 'birthDate')[];
  /** Another active client with this NIK (saving is refused). */
  readonly takenBy: { readonly id: string; readonly name: string; readonly registerNumber: string } | null;
}

export interface Referral {
  readonly id: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly clientRegister: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly service: string;
  readonly date: string;
  readonly letterNumber: string;
  readonly agreementId: string | null;
  readonly agreementNumber: string | null;
  readonly agreementEnd: string | null;
  readonly pkUserId: string | null;
  readonly pkName: string | null;
  readonly goal: string;
  readonly notes: string;
  readonly status: ReferralStatus;
  readonly statusDate: string;
  readonly outcome: Outcome | null;
  readonly outcomeNote: string;
  readonly overrideReason: string;
  readonly hoursRequired: number | null;
  readonly hoursDone: number;
  readonly updatedAt: string;
}

export interface ReferralDetail extends Referral, Owned {
  readonly history: readonly {
    readonly date: string;
    readonly status: ReferralStatus;
    readonly fromStatus: ReferralStatus | null;
    readonly note: string;
    readonly by: string;
  }[];
  readonly hours: readonly {
    readonly id: string;
    readonly date: string;
    readonly hours: number;
    readonly signedBy: string;
    readonly notes: string;
    readonly recordedBy: string;
  }[];
}

export type ReferralWarning = 'capacity';

/** What the referral form shows before saving: the conditions that fail, warnings, and the agreement that covers it. */
export interface ReferralAssessment {
  readonly problems: readonly ReferralProblem[];
  readonly warnings: readonly ReferralWarning[];
  readonly agreementId: string | null;
  readonly agreementNumber: string | null;
  readonly openAtPartner: number;
  readonly capacity: number | null;
}

export interface PartnerSuggestion {
  readonly partnerId: string;
  readonly name: string;
  readonly regencyName: string | null;
  readonly districtName: string | null;
  readonly agreementNumber: string;
  readonly agreementEnd: string;
  readonly open: number;
  readonly capacity: number | null;
  readonly sameDistrict: boolean;
  readonly sameRegency: boolean;
  /** The client's wanted services this partner also offers. */
  readonly interestMatches: readonly string[];
}

export interface ClientReporting {
  readonly reporting: Reporting;
  /** Every counted due date, from the tracked-from day to the end of supervision. */
  readonly schedule: readonly DueRow[];
  /**
   * The due dates the client's page lists: every one of the current run of missed dates (so the
   * count it shows is the rows it lists), the few before them and the next two.
   */
  readonly shown: readonly DueRow[];
  /** The day wajib lapor is counted from. */
  readonly trackedFrom: string;
  readonly checkins: readonly {
    readonly id: string;
    readonly date: string;
    readonly kind: CheckinKind;
    readonly reason: string;
    readonly notes: string;
    readonly officer: string;
  }[];
  readonly missedStreak: number;
  readonly overdueSince: string | null;
  readonly nextDue: string | null;
  readonly homeVisitDue: boolean;
  /** The client's supervision or reporting dates cannot carry a schedule (a damaged record): shown as such. */
  readonly damaged: boolean;
}

/** A client behind on reporting (the overdue list), or due soon (the agenda). */
export interface ReportingRow {
  readonly clientId: string;
  readonly name: string;
  readonly registerNumber: string;
  readonly pkUserId: string | null;
  readonly pkName: string | null;
  readonly lastCheckin: string | null;
  readonly overdueSince: string | null;
  readonly missedStreak: number;
  readonly nextDue: string | null;
  /** See ClientReporting.damaged. */
  readonly damaged: boolean;
}

/** One page of the agenda: every client due in the window counted (in all and per day), the page's rows in order. */
export interface AgendaPage {
  readonly total: number;
  readonly days: readonly { readonly date: string; readonly count: number }[];
  readonly rows: readonly ReportingRow[];
}

export type ImportPhase = 'reading' | 'ready' | 'checking' | 'checked' | 'committed' | 'cancelled' | 'failed';
export type ImportAction = 'new' | 'update' | 'unchanged' | 'error';

export interface ImportMessage {
  readonly field: string;
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ImportRowResult {
  /** Row number as the spreadsheet shows it (1-based). */
  readonly row: number;
  readonly action: ImportAction;
  readonly registerNumber: string;
  readonly name: string;
  readonly errors: readonly ImportMessage[];
  readonly warnings: readonly ImportMessage[];
}

export interface ImportCounts {
  readonly new: number;
  readonly update: number;
  readonly unchanged: number;
  readonly error: number;
}

export interface ImportStatus {
  readonly jobId: string;
  readonly filename: string;
  readonly phase: ImportPhase;
  /** Progress of the phase under way: rows read or checked so far, of `total` (0 when unknown). */
  readonly done: number;
  readonly total: number;
  readonly error: string | null;
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly counts: ImportCounts | null;
  readonly reportId: string | null;
}

export interface ImportColumns {
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: Readonly<Partial<Record<ImportField, number>>>;
  readonly sample: readonly (readonly string[])[];
  readonly dataRows: number;
}

export interface ImportReportInfo {
  readonly id: string;
  readonly filename: string;
  readonly sheet: string;
  readonly counts: ImportCounts;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface ActivityRow {
  readonly id: string;
  readonly date: string;
  readonly type: ActivityType;
  readonly bidang: Bidang | null;
  readonly title: string;
  readonly place: string;
  readonly partnerNames: readonly string[];
  readonly participants: number;
  readonly attended: number;
  readonly files: number;
  readonly updatedAt: string;
}

export interface Activity extends ActivityRow, Owned {
  readonly description: string;
  readonly partnerIds: readonly string[];
  readonly officerIds: readonly string[];
  readonly officerNames: readonly string[];
  readonly participantList: readonly {
    readonly clientId: string;
    readonly name: string;
    readonly registerNumber: string;
    readonly attended: boolean;
    readonly note: string;
  }[];
  readonly fileList: readonly {
    readonly id: string;
    readonly filename: string;
    readonly mime: string;
    readonly size: number;
    readonly hasDisplay: boolean;
    readonly uploadedAt: string;
  }[];
}

export interface OwnKeys {
  readonly officeCode: string;
  readonly kind: OfficeKind;
  /** Five groups of four characters, to read aloud. */
  readonly fingerprint: string;
  readonly createdAt: string;
}

export interface RegisteredOffice {
  readonly officeCode: string;
  readonly officeName: string;
  readonly kind: OfficeKind;
  /** The parent a post sends to, or a post a parent receives from. */
  readonly relation: 'parent' | 'post';
  readonly fingerprint: string;
  readonly registeredAt: string;
  /** At a Bapas induk: this post's unencrypted bundles are taken (an admin's exception; off by default). */
  readonly allowPlain: boolean;
}

/** Per table of a bundle: how many lines it carries. */
export type BundleCounts = Readonly<Record<string, number>>;

/** What "Kirim ke Bapas induk" would write, computed before anything is written. */
export interface BundlePlan {
  readonly seq: number;
  readonly mode: 'incremental' | 'full';
  /** change_log positions: everything after `changeFrom` up to and including `changeTo`. */
  readonly changeFrom: number;
  readonly changeTo: number;
  readonly counts: BundleCounts;
  /** Records (table rows) the bundle carries. */
  readonly records: number;
  readonly filesCount: number;
  readonly filesBytes: number;
  /** Estimated size of the file, with the attachments if chosen. */
  readonly estimatedBytes: number;
  /** Above this a bundle does not go by e-mail. */
  readonly limitBytes: number;
  readonly overLimit: boolean;
  readonly parent: { readonly code: string; readonly name: string } | null;
  readonly lastAcknowledgedSeq: number | null;
  readonly nikIncluded: boolean;
  /** Set when the database was put back to an older state: the bundle carries on from the highest number ever used and says so. */
  readonly afterRestore: BundleAfterRestore | null;
}

/**
 * A post's note, signed in its bundle's manifest, that its database was restored to an older
 * state: the last bundle number that database knew, and the highest number the post had used.
 */
export interface BundleAfterRestore {
  readonly lastKnownSeq: number;
  readonly lastUsedSeq: number;
}

export interface BundleExportResult {
  readonly seq: number;
  readonly folder: string;
  /** One file, or the numbered parts. */
  readonly filenames: readonly string[];
  readonly size: number;
  readonly sha256: string;
  readonly filesLeftOut: boolean;
}

export interface BundleExportRow {
  readonly seq: number;
  readonly mode: 'incremental' | 'full';
  readonly changeFrom: number;
  readonly changeTo: number;
  readonly withFiles: boolean;
  readonly filenames: readonly string[];
  readonly folder: string;
  readonly size: number;
  readonly sha256: string;
  readonly records: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly acknowledgedAt: string | null;
  /** reserved: being written (or the app stopped while it was); abandoned: the file never reached its folder, the number is not used again. */
  readonly state: 'reserved' | 'done' | 'abandoned';
}

export interface BundleTableChanges {
  readonly table: string;
  readonly added: number;
  readonly changed: number;
  readonly archived: number;
  readonly unchanged: number;
}

/** Something the person importing should know before applying; it does not stop the import. */
export type BundleOddity =
  /** Bundles before this one not received; `covered`: this bundle carries their changes anyway. */
  | { readonly kind: 'gap'; readonly missing: readonly number[]; readonly covered: boolean }
  | { readonly kind: 'changedAtParent'; readonly table: string; readonly count: number }
  | { readonly kind: 'filesLeftOut' }
  | { readonly kind: 'olderSchema'; readonly schemaVersion: number }
  /** The post's signed audit log head has fewer entries than one it sent before (log cut, data replaced). */
  | { readonly kind: 'auditRewound'; readonly before: number; readonly now: number }
  /**
   * The post was restored from a backup (its signed note): what it made after bundle
   * `lastKnownSeq` is gone there; of bundles lastKnownSeq+1..lastUsedSeq this office holds
   * `kept` and has not received `notReceived`.
   */
  | {
      readonly kind: 'restored';
      readonly lastKnownSeq: number;
      readonly lastUsedSeq: number;
      readonly kept: readonly number[];
      readonly notReceived: readonly number[];
    };

/**
 * A record the parent holds that a bundle would replace with other values, as "Periksa" lists it
 * before "Terima": the record's name, and each field that changes by its audit-log name
 * (shared/recordFields.ts: labels via fieldLabel(entity, field)), with the values as stored.
 */
export interface BundleReplacedRecord {
  readonly table: string;
  /** The audit entity, whose field labels apply. */
  readonly entity: string;
  readonly name: string;
  /** The parent itself changed this record since the post's last bundle: its own edit is lost. */
  readonly editedHere: boolean;
  readonly fields: readonly { readonly field: string; readonly before: unknown; readonly after: unknown }[];
  /** Tables of the record's own rows (status history, members...) whose rows change with it. */
  readonly children: readonly string[];
}

/** One bundle file (or set of parts) as checked by "Terima paket", before anything is written. */
export interface BundleInspection {
  readonly files: readonly string[];
  /** ok: can be applied; received: this very bundle was imported before; refused: see `error`. */
  readonly status: 'ok' | 'received' | 'refused';
  readonly error: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> } | null;
  readonly sha256: string | null;
  readonly officeCode: string | null;
  readonly officeName: string | null;
  readonly seq: number | null;
  readonly createdAt: string | null;
  readonly createdBy: string | null;
  readonly changeFrom: number | null;
  readonly changeTo: number | null;
  readonly tables: readonly BundleTableChanges[];
  readonly oddities: readonly BundleOddity[];
  /** Records the parent holds that this bundle replaces (the first REPLACED_SHOWN), and how many there are in all. */
  readonly replaced: readonly BundleReplacedRecord[];
  readonly replacedTotal: number;
  readonly receivedAt: string | null;
}

export interface BundleApplyResult {
  readonly applied: readonly { readonly officeCode: string; readonly seq: number; readonly sha256: string }[];
}

/** The submission tracker: per registered post, what arrived and what is missing. */
export interface PostSubmissions {
  readonly officeCode: string;
  readonly officeName: string;
  readonly received: readonly {
    readonly seq: number;
    readonly sha256: string;
    readonly createdAt: string;
    readonly receivedAt: string;
    readonly records: number;
    /** The post said in this bundle that it had been restored from a backup. */
    readonly afterRestore: BundleAfterRestore | null;
  }[];
  readonly missing: readonly number[];
  readonly lastReceivedAt: string | null;
  readonly lastCreatedAt: string | null;
  /** The post's audit log as its newest bundle signed it: entries and when. */
  readonly auditHead: { readonly seq: number; readonly at: string } | null;
}

/** Record counts per office at a Bapas induk: its own and each post's, with the total. */
export interface OfficeCounts {
  readonly officeCode: string;
  readonly officeName: string;
  readonly own: boolean;
  readonly partners: number;
  readonly clients: number;
  readonly agreementsActive: number;
  readonly referralsOpen: number;
  readonly activities: number;
}

export interface HostChoice {
  /** False where no file dialog exists (the web preview): the path is typed instead. */
  readonly supported: boolean;
  readonly paths: readonly string[];
}

/** A day the office is closed besides Saturday and Sunday. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
  readonly source: 'nasional' | 'kantor';
  readonly byName: string | null;
}

/** The office's holidays, and the days of the bundled national list for this year and next not yet confirmed. */
export interface HolidayList {
  readonly holidays: readonly Holiday[];
  readonly offered: readonly NationalHoliday[];
}

/** A client whose supervision has ended while the record is still open ("masa bimbingan berakhir, belum ditutup"). */
export interface EndedClient {
  readonly clientId: string;
  readonly name: string;
  readonly registerNumber: string;
  readonly pkName: string | null;
  readonly supervisionEnd: string;
  /** The date the closing takes: the end of supervision (or the last status change, if later). */
  readonly closeOn: string;
  readonly updatedAt: string;
}
