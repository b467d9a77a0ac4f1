/**
 * The one RPC contract. Every method the renderer may call is listed here with its input schema,
 * its output type and the roles allowed to call it. The main process implements exactly this
 * table (checked with `satisfies`), and the renderer's client is typed from it, so a renamed
 * field or method breaks the build on both sides.
 */
import { z } from 'zod';
import type { Role } from './domain';
import type { AgreementStatus } from './agreements';
import { ADMIN, ARCHIVERS, DECIDERS, OVERSEERS, WRITERS } from './roles';
import {
  AgreementCancelInput,
  AgreementCreateInput,
  AgreementDocumentInput,
  DocumentRequestInput,
  AgreementListInput,
  AgreementRenewInput,
  AgreementSettingsInput,
  AgreementSignInput,
  AgreementUpdateInput,
  DocumentVerifyInput,
  NumberPreviewInput,
  ScanUploadInput,
  TemplateSaveInput,
} from './schemas/agreements';
import { ActivityCreateInput, ActivityFileGetInput, ActivityFileInput, ActivityListInput, ActivityUpdateInput } from './schemas/activities';
import type { RecordNames } from './readableChanges';
import { AuditExportInput, AuditListInput } from './schemas/audit';
import { AgendaInput, CheckinInput, OverdueInput } from './schemas/checkins';
import {
  ReportComputeInput,
  ReportCoverLetterInput,
  ReportDocumentInput,
  ReportExportInput,
  ReportMarkSentInput,
  ReportRecordsInput,
  ReportSeriesInput,
  ReportSetTargetsInput,
  ReportTargetsInput,
  ReportTrackerInput,
  ReportVersionsInput,
} from './schemas/reports';
import type { ReportTracker, ReportVersion, ReportVersions } from './reportVersions';
import type { ReportRecords, ReportResult, ReportSeries, ReportTargets } from './reports';
import { HolidayAddInput, HolidayConfirmInput, HolidayRemoveInput } from './schemas/holidays';
import { KeyAllowPlainInput, KeyCardInput, KeyRegisterInput } from './schemas/keys';
import {
  BundleApplyInput,
  BundleExportInput,
  BundleInspectInput,
  BundlePlanInput,
  BundleReadReceiptInput,
  BundleReceiptInput,
  BundleRevealInput,
  BundleUnsealInput,
} from './schemas/bundles';
import { ImportCheckInput, ImportColumnsInput, ImportJobInput, ImportOpenInput, ImportReportInput, ImportRowsInput } from './schemas/imports';
import { PartnerSuggestInput, ReferralCheckInput, ReferralCreateInput, ReferralListInput, ReferralSetStatusInput, WorkHoursInput } from './schemas/referrals';
import { ClientCreateInput, ClientListInput, ClientSetStatusInput, ClientUpdateInput, NikCheckInput } from './schemas/clients';
import { ChangePasswordInput, LoginInput, UnlockInput, UserCreateInput, UserResetPasswordInput, UserSetActiveInput, UserUpdateInput } from './schemas/auth';
import { byId, empty, districtCode, regencyCode } from './schemas/common';
import {
  PartnerCreateInput,
  PartnerDuplicateInput,
  PartnerExportInput,
  PartnerListInput,
  PartnerSetStatusInput,
  PartnerUpdateInput,
  PokmasCreateInput,
  PokmasListInput,
  PokmasUpdateInput,
  ServiceCreateInput,
  InstitutionTypeCreateInput,
} from './schemas/partners';
import { LogoInput, SettingsUpdateInput, SetupInput } from './schemas/setup';
import { ClientBookInput, OverdueBookInput, PartnerBookInput, RecordBookInput, ReferralBookInput } from './schemas/registers';
import type {
  Activity,
  ActivityRow,
  Agreement,
  AgreementRow,
  AgreementSettings,
  AppStatus,
  ArticleTemplate,
  AuditEntry,
  AuditVerifyResult,
  BundleApplyResult,
  BundleExportResult,
  BundleExportRow,
  BundleInspection,
  BundlePlan,
  HostChoice,
  OfficeCounts,
  PostSubmissions,
  Client,
  ClientList,
  ClientReporting,
  DocumentVerification,
  DuplicateMatch,
  EndedClient,
  ExportFile,
  HolidayList,
  ImportColumns,
  ImportReportInfo,
  ImportRowResult,
  ImportStatus,
  LogoImage,
  NikCheck,
  OwnKeys,
  Partner,
  PartnerHistory,
  PartnerList,
  PartnerSuggestion,
  PokmasGroup,
  PrintedFile,
  Referral,
  RegisteredOffice,
  ReferralAssessment,
  ReferralDetail,
  ReferralWarning,
  ReportingRow,
  AgendaPage,
  ServiceType,
  InstitutionType,
  SessionInfo,
  Settings,
  User,
  Wilayah,
} from './types';

import { method, type Access } from './contractMethod';
import { BACKUP_METHODS } from './contractBackups';
export { method, type Access, type MethodSpec } from './contractMethod';

// The role groups (and the decisions that depend on the input) live in shared/roles.ts.
export { ADMIN, ARCHIVERS, DECIDERS, OVERSEERS, WRITERS } from './roles';

export const contract = {
  'app.status': method<AppStatus>()(empty, 'public'),
  'setup.complete': method<{ readonly done: true }>()(SetupInput, 'public'),
  /** Kabupaten/kota list for the setup wizard's coverage picker: public because no one is signed in yet. */
  'setup.regencies': method<readonly Wilayah[]>()(empty, 'public'),

  'auth.login': method<SessionInfo>()(LoginInput, 'public'),
  'auth.logout': method<{ readonly done: true }>()(empty, 'any'),
  'auth.lock': method<{ readonly done: true }>()(empty, 'any'),
  'auth.unlock': method<SessionInfo>()(UnlockInput, 'any'),
  'auth.me': method<SessionInfo>()(empty, 'any'),
  'auth.changePassword': method<{ readonly done: true }>()(ChangePasswordInput, 'any'),

  'users.list': method<readonly User[]>()(empty, ADMIN),
  'users.create': method<User>()(UserCreateInput, ADMIN),
  'users.update': method<User>()(UserUpdateInput, ADMIN),
  'users.setActive': method<User>()(UserSetActiveInput, ADMIN),
  'users.resetPassword': method<User>()(UserResetPasswordInput, ADMIN),
  /** Names of officers, for filters and pickers (no account details). */
  'users.names': method<readonly { readonly id: string; readonly name: string }[]>()(empty, 'any'),
  /** The active petugas and admins who may be named as PK (shared/roles.ts PK_ROLES): what every PK picker offers. */
  'users.officers': method<readonly { readonly id: string; readonly name: string }[]>()(empty, 'any'),

  'settings.get': method<Settings>()(empty, 'any'),
  'settings.update': method<Settings>()(SettingsUpdateInput, ADMIN),
  'settings.setLogo': method<Settings>()(LogoInput, ADMIN),
  'settings.logo': method<LogoImage | null>()(empty, 'any'),

  'wilayah.coverage': method<readonly Wilayah[]>()(empty, 'any'),
  'wilayah.districts': method<readonly Wilayah[]>()(z.object({ regencyCode }).strict(), 'any'),
  'wilayah.villages': method<readonly Wilayah[]>()(z.object({ districtCode }).strict(), 'any'),
  /** Kabupaten/kota a list can be filtered by: the coverage, and at a Bapas induk every kabupaten its posts' records lie in. */
  'wilayah.inRecords': method<readonly Wilayah[]>()(empty, 'any'),

  'services.list': method<readonly ServiceType[]>()(empty, 'any'),
  'services.create': method<ServiceType>()(ServiceCreateInput, ADMIN),
  /** Kinds of institution for partners; an admin may add one (from the partner form, too). */
  'institutionTypes.list': method<readonly InstitutionType[]>()(empty, 'any'),
  'institutionTypes.create': method<InstitutionType>()(InstitutionTypeCreateInput, ADMIN),
  /** The provinces of the office's coverage, for partners at the level of a province. */
  'wilayah.provinces': method<readonly Wilayah[]>()(empty, 'any'),

  'partners.list': method<PartnerList>()(PartnerListInput, 'any'),
  'partners.get': method<Partner>()(byId, 'any'),
  'partners.history': method<PartnerHistory>()(byId, 'any'),
  'partners.duplicates': method<readonly DuplicateMatch[]>()(PartnerDuplicateInput, 'any'),
  'partners.create': method<Partner>()(PartnerCreateInput, WRITERS),
  'partners.update': method<Partner>()(PartnerUpdateInput, WRITERS),
  'partners.setStatus': method<Partner>()(PartnerSetStatusInput, DECIDERS),
  'partners.archive': method<Partner>()(byId, ARCHIVERS),
  'partners.restore': method<Partner>()(byId, ADMIN),
  'partners.export': method<ExportFile>()(PartnerExportInput, 'any'),

  'pokmas.list': method<readonly PokmasGroup[]>()(PokmasListInput, 'any'),
  'pokmas.get': method<PokmasGroup>()(byId, 'any'),
  'pokmas.create': method<PokmasGroup>()(PokmasCreateInput, WRITERS),
  'pokmas.update': method<PokmasGroup>()(PokmasUpdateInput, WRITERS),
  'pokmas.archive': method<PokmasGroup>()(byId, ARCHIVERS),
  'pokmas.restore': method<PokmasGroup>()(byId, ADMIN),
  /** The group's member list on the letterhead: HTML for preview and print, PDF or DOCX. */
  'pokmas.document': method<ExportFile>()(DocumentRequestInput, 'any'),

  'agreements.list': method<readonly AgreementRow[]>()(AgreementListInput, 'any'),
  'agreements.statusCounts': method<Readonly<Record<AgreementStatus, number>>>()(empty, 'any'),
  'agreements.get': method<Agreement>()(byId, 'any'),
  'agreements.create': method<Agreement>()(AgreementCreateInput, WRITERS),
  'agreements.update': method<Agreement>()(AgreementUpdateInput, WRITERS),
  'agreements.sign': method<Agreement>()(AgreementSignInput, DECIDERS),
  'agreements.cancel': method<Agreement>()(AgreementCancelInput, DECIDERS),
  'agreements.renew': method<Agreement>()(AgreementRenewInput, WRITERS),
  'agreements.export': method<ExportFile>()(AgreementListInput, 'any'),
  /** The PKS document: HTML for preview and print, PDF (where the app can print one) or DOCX for Word. Records the printed version. */
  'agreements.document': method<PrintedFile>()(AgreementDocumentInput, 'any'),
  'agreements.uploadScan': method<Agreement>()(ScanUploadInput, WRITERS),
  'agreements.scan': method<ExportFile>()(byId, 'any'),
  'agreements.previewNumber': method<{ readonly number: string; readonly unknownTokens: readonly string[] }>()(NumberPreviewInput, 'any'),
  'agreements.settings': method<AgreementSettings>()(empty, 'any'),
  'agreements.updateSettings': method<AgreementSettings>()(AgreementSettingsInput, ADMIN),

  /** Client lists show NIKs masked to the pimpinan role (unless the security setting allows). */
  'clients.list': method<ClientList>()(ClientListInput, 'any'),
  /** The full record; every call is written to the audit log. */
  'clients.get': method<Client>()(byId, 'any'),
  'clients.create': method<Client>()(ClientCreateInput, WRITERS),
  'clients.update': method<Client>()(ClientUpdateInput, WRITERS),
  'clients.setStatus': method<Client>()(ClientSetStatusInput, DECIDERS),
  'clients.checkNik': method<NikCheck>()(NikCheckInput, WRITERS),
  /** The current list as .xlsx (NIK masked as on screen); audited. */
  'clients.export': method<ExportFile>()(ClientListInput, 'any'),

  /** The referral rules applied to a plan, for the form to show before saving. */
  'referrals.check': method<ReferralAssessment>()(ReferralCheckInput, WRITERS),
  'referrals.create': method<{ readonly referral: ReferralDetail; readonly warnings: readonly ReferralWarning[] }>()(ReferralCreateInput, WRITERS),
  'referrals.setStatus': method<ReferralDetail>()(ReferralSetStatusInput, WRITERS),
  'referrals.list': method<readonly Referral[]>()(ReferralListInput, 'any'),
  /** The referral register (as filtered, without paging) as .xlsx; audited. */
  'referrals.export': method<ExportFile>()(ReferralListInput, 'any'),
  'referrals.get': method<ReferralDetail>()(byId, 'any'),
  'referrals.addHours': method<ReferralDetail>()(WorkHoursInput, WRITERS),
  'referrals.suggest': method<readonly PartnerSuggestion[]>()(PartnerSuggestInput, 'any'),
  /** Referrals under way whose agreement ends soon or has ended (home screen). */
  'referrals.atRisk': method<readonly Referral[]>()(empty, 'any'),
  /** The referral cover letter, through the same document engine and register as the PKS. */
  'referrals.document': method<PrintedFile>()(DocumentRequestInput, 'any'),

  /** Wajib lapor: record a check-in; a client's schedule; who is overdue; who is due in the coming days. */
  'checkins.record': method<ClientReporting>()(CheckinInput, WRITERS),
  'checkins.ofClient': method<ClientReporting>()(byId, 'any'),
  'checkins.overdue': method<readonly ReportingRow[]>()(OverdueInput, 'any'),
  /** The overdue list (as filtered) as .xlsx; audited. */
  'checkins.overdueExport': method<ExportFile>()(OverdueInput, 'any'),
  'checkins.agenda': method<AgendaPage>()(AgendaInput, 'any'),

  // Caseload calendar
  /** Open records whose supervision has ended ("masa bimbingan berakhir, belum ditutup"), to be closed with clients.setStatus. */
  'clients.ended': method<readonly EndedClient[]>()(empty, 'any'),
  /** The office's holidays (never in bundles) and the bundled national days offered for confirmation. */
  'holidays.list': method<HolidayList>()(empty, 'any'),
  'holidays.confirm': method<HolidayList>()(HolidayConfirmInput, ADMIN),
  'holidays.add': method<HolidayList>()(HolidayAddInput, ADMIN),
  'holidays.remove': method<HolidayList>()(HolidayRemoveInput, ADMIN),

  /**
   * Client spreadsheets: open (read in the background), columns (header found and mapped), check
   * (dry run in the background), rows (the dry run's result, page by page), cancel, commit (one
   * transaction), and the kept reports.
   */
  'imports.open': method<ImportStatus>()(ImportOpenInput, WRITERS),
  'imports.status': method<ImportStatus>()(ImportJobInput, WRITERS),
  'imports.columns': method<ImportColumns>()(ImportColumnsInput, WRITERS),
  'imports.check': method<ImportStatus>()(ImportCheckInput, WRITERS),
  'imports.rows': method<{ readonly total: number; readonly rows: readonly ImportRowResult[] }>()(ImportRowsInput, WRITERS),
  'imports.cancel': method<ImportStatus>()(ImportJobInput, WRITERS),
  'imports.commit': method<ImportStatus>()(ImportJobInput, WRITERS),
  'imports.report': method<ExportFile>()(ImportReportInput, 'any'),
  'imports.history': method<readonly ImportReportInfo[]>()(empty, 'any'),

  'activities.list': method<readonly ActivityRow[]>()(ActivityListInput, 'any'),
  'activities.get': method<Activity>()(byId, 'any'),
  'activities.create': method<Activity>()(ActivityCreateInput, WRITERS),
  'activities.update': method<Activity>()(ActivityUpdateInput, WRITERS),
  /** A photo or document of an activity (images with a display copy), checked by content. */
  'activities.addFile': method<Activity>()(ActivityFileInput, WRITERS),
  'activities.file': method<ExportFile>()(ActivityFileGetInput, 'any'),
  'activities.export': method<ExportFile>()(ActivityListInput, 'any'),

  /** Keys and pairing: this office's fingerprint and key card; reading and registering another office's card. */
  'keys.own': method<OwnKeys>()(empty, ADMIN),
  'keys.card': method<ExportFile>()(empty, ADMIN),
  'keys.readCard': method<{ readonly officeCode: string; readonly officeName: string; readonly kind: 'pos' | 'induk'; readonly fingerprint: string }>()(
    KeyCardInput,
    ADMIN,
  ),
  'keys.register': method<RegisteredOffice>()(KeyRegisterInput, ADMIN),
  'keys.list': method<readonly RegisteredOffice[]>()(empty, 'any'),
  'keys.allowPlain': method<RegisteredOffice>()(KeyAllowPlainInput, ADMIN),

  /** Bundles, at a Pos Bapas: what an export would hold, writing it to a folder, the history, receipts from the parent. */
  'bundles.plan': method<BundlePlan>()(BundlePlanInput, ARCHIVERS),
  'bundles.export': method<BundleExportResult>()(BundleExportInput, ARCHIVERS),
  'bundles.exports': method<readonly BundleExportRow[]>()(empty, 'any'),
  'bundles.reveal': method<{ readonly revealed: boolean; readonly path: string }>()(BundleRevealInput, ARCHIVERS),
  'bundles.readReceipt': method<{ readonly acknowledged: readonly number[] }>()(BundleReadReceiptInput, ARCHIVERS),
  /** At a Bapas induk: check bundles without writing, apply the chosen ones, the tracker, receipts, counts per office. */
  'bundles.inspect': method<readonly BundleInspection[]>()(BundleInspectInput, ARCHIVERS),
  'bundles.apply': method<BundleApplyResult>()(BundleApplyInput, ARCHIVERS),
  'bundles.received': method<readonly PostSubmissions[]>()(empty, 'any'),
  'bundles.receipt': method<ExportFile>()(BundleReceiptInput, ARCHIVERS),
  'bundles.officeCounts': method<readonly OfficeCounts[]>()(empty, 'any'),
  /** For an administrator: a received bundle decrypted to a plain .zip next to it (see docs/paket-kiriman.md). */
  'bundles.unseal': method<{ readonly path: string }>()(BundleUnsealInput, ADMIN),
  /** The desktop app's file dialogs (for the screens that write: the pimpinan has none); the web preview has none and says so. */
  'host.chooseFolder': method<HostChoice>()(empty, WRITERS),
  'host.chooseFiles': method<HostChoice>()(empty, WRITERS),

  ...BACKUP_METHODS,

  'templates.list': method<readonly ArticleTemplate[]>()(empty, 'any'),
  'templates.save': method<ArticleTemplate>()(TemplateSaveInput, ADMIN),
  'templates.delete': method<{ readonly done: true }>()(byId, ADMIN),

  // Reports (Laporan)
  /** Every indicator of the standard report for a period and scope, with targets and breakdowns. */
  'reports.compute': method<ReportResult>()(ReportComputeInput, 'any'),
  /** The records behind one figure (or one breakdown row): as many as the figure counts. */
  'reports.records': method<ReportRecords>()(ReportRecordsInput, 'any'),
  /** A few indicators month by month (Beranda's trends, the report's charts); per office at a Bapas induk. */
  'reports.series': method<ReportSeries>()(ReportSeriesInput, 'any'),
  /** An office's yearly targets (Perjanjian Kinerja); an admin sets them. */
  'reports.targets': method<ReportTargets>()(ReportTargetsInput, 'any'),
  'reports.setTargets': method<ReportTargets>()(ReportSetTargetsInput, ADMIN),
  /** "Tandai sudah dikirim": keeps this office's report for the period as the next version (unchanged figures keep the last one). */
  'reports.markSent': method<ReportVersion>()(ReportMarkSentInput, DECIDERS),
  /** A period's kept versions and what differs now (at a Bapas induk also a post's, against its records held here). */
  'reports.versions': method<ReportVersions>()(ReportVersionsInput, 'any'),
  /** At a Bapas induk: per post and month of a year, which monthly reports arrived and which are late. */
  'reports.tracker': method<ReportTracker>()(ReportTrackerInput, 'any'),
  /** The report printed (HTML preview, PDF, DOCX) on the letterhead, signed by the head; a year report with its monthly table. */
  'reports.document': method<PrintedFile>()(ReportDocumentInput, 'any'),
  /** The report as .xlsx: the letterhead rows, the period and scope, one sheet per section, numbers as numbers. */
  'reports.export': method<ExportFile>()(ReportExportInput, 'any'),
  /** The numbered covering letter sending the report to the parent office. */
  'reports.coverLetter': method<ExportFile>()(ReportCoverLetterInput, 'any'),

  /** Looks up the verification code printed on a document. */
  'documents.verify': method<DocumentVerification>()(DocumentVerifyInput, 'any'),

  /** A page of the log, with the names of the records its entries refer to (see shared/readableChanges.ts). */
  'audit.list': method<{ readonly entries: readonly AuditEntry[]; readonly hasMore: boolean; readonly names: RecordNames }>()(AuditListInput, OVERSEERS),
  /** Every entry the filter matches as .xlsx, in words (labels and names); audited. */
  'audit.export': method<ExportFile>()(AuditExportInput, OVERSEERS),
  'audit.verify': method<AuditVerifyResult>()(empty, OVERSEERS),

  // Registers (printable books): each as HTML, PDF or DOCX on the letterhead, or as .xlsx; every one audited.
  /** Buku register klien (one programme, or all under their headings): the rows of clients.list, NIKs masked as there. */
  'registers.clients': method<ExportFile>()(ClientBookInput, 'any'),
  /** Buku Klaper: clients in alphabetical order under their letters, closed records struck through. */
  'registers.klaper': method<ExportFile>()(ClientBookInput, 'any'),
  /** Register of partners and their PKS: the rows of partners.list, one line per PKS. */
  'registers.partners': method<ExportFile>()(PartnerBookInput, 'any'),
  /** The referral register printed with the filters of its screen. */
  'registers.referrals': method<ExportFile>()(ReferralBookInput, 'any'),
  /** The overdue list printed with the filter of its screen. */
  'registers.overdue': method<ExportFile>()(OverdueBookInput, 'any'),
  /** Daftar lapor diri: one client's check-in card with a column for the officer's paraf. */
  'registers.checkinCard': method<ExportFile>()(RecordBookInput, 'any'),
  /** Daftar hadir of an activity, with a column to sign. */
  'registers.attendance': method<ExportFile>()(RecordBookInput, 'any'),
  /** Laporan kegiatan: the activity, its participants and its photos. */
  'registers.activityReport': method<ExportFile>()(RecordBookInput, 'any'),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = Contract[M]['output'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'any' || access.includes(role);
}
