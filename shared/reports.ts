/**
 * What the report service answers: the figures of every section for a period and scope, and the
 * records behind one figure. The shape leaves room for what comes next (the monthly table of a
 * year report, sent versions and their hash, charts): each figure has a stable `code`, each
 * breakdown row a stable `key`.
 */
import type { Aggregation, ReportGroup, Section, Unit } from './indicators';
import type { Period } from './periods';

/** Whose records: at a post, its own; at a Bapas induk, all together (default), its own, or one post's. */
export type ReportScope = { readonly kind: 'all' } | { readonly kind: 'own' } | { readonly kind: 'post'; readonly code: string };

export interface BreakdownRow {
  /** The dimension's value (a code or a record's id, never shown); null for records that do not state it. */
  readonly key: string | null;
  /** The name from the records, for open lists (partners, services, kinds of institution); else null (the screen translates the key). */
  readonly label: string | null;
  readonly value: number;
}

export interface Figure {
  readonly code: string;
  readonly section: Section;
  readonly unit: Unit;
  readonly aggregation: Aggregation;
  /** A count, a sum of hours, or a percentage (null when its denominator is zero). */
  readonly value: number | null;
  /** For a ratio: what it was computed from. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The office's yearly target for the period's year (null: none entered, or a range over two years). */
  readonly target: number | null;
  /** Capaian: realisasi ÷ target × 100. */
  readonly achievement: number | null;
  readonly breakdown: readonly BreakdownRow[] | null;
}

export interface ReportOffice {
  readonly code: string;
  readonly name: string;
}

export interface ReportResult {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly scope: ReportScope;
  /** The office whose targets apply (the post's for one post, else this office's). */
  readonly targetOffice: string;
  /** This office, and at a Bapas induk its registered posts: what the scope picker offers. */
  readonly offices: readonly ReportOffice[];
  readonly figures: readonly Figure[];
}

export type RecordColumnKind = 'text' | 'date' | 'number' | 'enum';

export interface RecordColumn {
  readonly key: string;
  readonly kind: RecordColumnKind;
  /** For `enum`: the i18n prefix of its values. */
  readonly prefix?: string;
}

export type RecordCell = string | number | null;

export interface ReportRecords {
  readonly code: string;
  readonly group: ReportGroup;
  readonly columns: readonly RecordColumn[];
  readonly rows: readonly Readonly<Record<string, RecordCell>>[];
  /** What the figure counts over these rows: their number, or the sum of their `amount` column (hours). */
  readonly measure: 'count' | 'amount';
}

const text = (key: string): RecordColumn => ({ key, kind: 'text' });
const date = (key: string): RecordColumn => ({ key, kind: 'date' });
const num = (key: string): RecordColumn => ({ key, kind: 'number' });
const en = (key: string, prefix: string): RecordColumn => ({ key, kind: 'enum', prefix });

const OFFICE = text('office');
const PARTNER = [text('name'), en('status', 'status.'), en('category', 'category.'), text('institution'), OFFICE];
const CLIENT = [text('register'), text('name'), en('program', 'program.'), en('sex', 'sex.'), date('start'), date('end'), OFFICE];
const REFERRAL = [date('date'), text('letter'), text('client'), text('partner'), text('service'), en('status', 'referralStatus.'), OFFICE];

/** The columns of each query's records, in order; labelled `reports.col.<key>`. */
export const RECORD_COLUMNS: Readonly<Record<ReportGroup, readonly RecordColumn[]>> = {
  pokmasGroups: [text('name'), en('bidang', 'bidang.'), text('sk'), OFFICE],
  partners: PARTNER,
  partnerBidang: PARTNER,
  agreements: [text('number'), text('partner'), text('subject'), date('signed'), date('start'), date('end'), date('cancelled'), OFFICE],
  activeClients: [...CLIENT.slice(0, 4), en('phase', 'phase.'), ...CLIENT.slice(4)],
  newClients: CLIENT,
  endedClients: [text('register'), text('name'), en('program', 'program.'), en('reason', 'clientStatus.'), date('closed'), OFFICE],
  referrals: REFERRAL,
  referralBidang: REFERRAL,
  referralOutcomes: [date('closed'), text('letter'), text('client'), text('partner'), text('service'), en('outcome', 'outcome.'), OFFICE],
  activities: [date('date'), text('title'), en('type', 'activityType.'), en('bidang', 'bidang.'), text('place'), OFFICE],
  participants: [date('date'), text('title'), text('register'), text('name'), en('attended', 'reports.attended.'), OFFICE],
  dues: [text('register'), text('name'), date('due'), en('dueStatus', 'reports.due.'), date('checkin'), en('kind', 'checkinKind.'), OFFICE],
  homeVisits: [date('date'), text('register'), text('name'), text('notes'), OFFICE],
  missStreaks: [text('register'), text('name'), num('streak'), date('since'), OFFICE],
  ksClients: [text('register'), text('name'), num('ordered'), num('done'), OFFICE],
  ksReferrals: [date('date'), text('letter'), text('client'), text('partner'), en('status', 'referralStatus.'), num('amount'), OFFICE],
  ksHours: [date('date'), text('client'), text('partner'), num('amount'), text('signer'), OFFICE],
};

/** An office's yearly targets, for the "Target kinerja" panel. */
export interface ReportTargets {
  readonly office: string;
  readonly year: number;
  readonly offices: readonly ReportOffice[];
  readonly targets: readonly { readonly code: string; readonly target: number }[];
}

/** One month of a series; the office's current month runs to today (its `period` is then that range). */
export interface SeriesMonth {
  /** What `reports.records` is asked for this month's records. */
  readonly period: Period;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** The current month, not yet over. */
  readonly partial: boolean;
}

export interface SeriesLine {
  readonly code: string;
  /** The office whose records these are (at a Bapas induk, per office); null for the scope as a whole. */
  readonly office: string | null;
  /** One value a month, in the order of `months` (a ratio is null where nothing was due). */
  readonly values: readonly (number | null)[];
}

/** A few indicators month by month: Beranda's trends and the report's charts. */
export interface ReportSeries {
  readonly months: readonly SeriesMonth[];
  readonly scope: ReportScope;
  readonly offices: readonly ReportOffice[];
  readonly lines: readonly SeriesLine[];
}
