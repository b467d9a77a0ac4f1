import { z } from 'zod';
import { ACTIVITY_TYPES } from '../../../shared/activities';
import { CHECKIN_KINDS } from '../../../shared/checkins';
import { clientSearchText, CLIENT_STATUSES, EDUCATION, PHASES, PROGRAMS, RELIGIONS, REPORTING } from '../../../shared/clients';
import { BIDANG, PARTNER_CATEGORIES, PARTNER_STATUSES, ROLES } from '../../../shared/domain';
import { readNik } from '../../../shared/nik';
import { OUTCOMES, REFERRAL_STATUSES } from '../../../shared/referrals';
import { Articles, LegalBases, OfficeSignatory, PartnerSignatory } from '../../../shared/schemas/agreements';
import { districtCode, email, id, ID_PATTERN, isoDate, regencyCode, requiredText, text, uniqueArray, villageCode } from '../../../shared/schemas/common';
import { institutionCode, provinceCode, serviceCode } from '../../../shared/schemas/partners';
import { nip } from '../../../shared/schemas/setup';
import { foldForSearch, isIsoDate, isWithin, normalizePhone } from '../../../shared/validate';
import { MAX_SCAN_BYTES } from '../files';
import { verificationCode } from '../documents/verification';
import { figuresHash } from '../reportHash';
import { REPORT_KEY } from '../reportPrinting';
import { readStoredFigures } from '../../../shared/reportVersions';
import { periodRange, PERIOD_KINDS } from '../../../shared/periods';

/**
 * What a value in each column of each bundle table may be: the same rules the services apply to an
 * officer's input (shared/schemas), restated for the stored form (snake_case columns, JSON text,
 * 0/1 booleans). A parent shows, schedules and prints its posts' records with the code that trusts
 * its own input; a row that could not have been entered at the post is refused before anything is
 * written. Every column of every bundle table has a rule here (tests/integration/bundle-rows.test.ts
 * fails on a column without one), so a migration cannot add an unchecked column.
 */

/** A column never sent in a bundle (secrets, lockout state): present at all, the row is refused. */
const absent = z.undefined();

/** A moment as the app stamps it (Date.toISOString): a real day, a real time of day, milliseconds, UTC. */
const STAMP = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const stamp = z
  .string()
  .regex(STAMP)
  .refine((s) => isIsoDate(s.slice(0, 10)), 'v.date');
const origin = z.string().regex(/^[A-Z0-9]{2,12}$/);
const flag = z.union([z.literal(0), z.literal(1)]);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const sha = z.string().regex(/^[0-9a-f]{64}$/);
const phone = z
  .string()
  .max(40)
  .refine((s) => s === '' || normalizePhone(s) === s, 'v.phone');
const mime = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
const year = int(1900, 2200);

/** A JSON text column: well-formed JSON of the shape the service stores there. */
function json(schema: z.ZodType, maxChars: number) {
  return z
    .string()
    .max(maxChars)
    .superRefine((s, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'v.invalid' });
        return;
      }
      if (!schema.safeParse(value).success) ctx.addIssue({ code: 'custom', message: 'v.invalid' });
    });
}
const bidangList = json(uniqueArray(z.enum(BIDANG), 2).min(1), 200);
const serviceList = json(uniqueArray(serviceCode, 40), 4000);

/** The sync columns every root table has. */
const synced = { created_at: stamp, updated_at: stamp, deleted_at: stamp.nullable(), origin };

/**
 * The same rules as plain predicates, for the columns whose values never repeat (ids, time stamps):
 * zod's cost per call, on every row of a whole office's bundle, is most of the check's time.
 * tests/unit/bundle-rules.test.ts holds each predicate to its schema.
 */
const goodDays = new Set<string>();
/** Time stamps of one bundle fall on a few thousand days: each day is read as a calendar date once. */
const isStamp = (v: unknown) => {
  if (typeof v !== 'string' || !STAMP.test(v)) return false;
  const day = v.slice(0, 10);
  if (goodDays.has(day)) return true;
  if (!isIsoDate(day)) return false;
  if (goodDays.size < 100_000) goodDays.add(day);
  return true;
};
export const PREDICATES: ReadonlyMap<z.ZodType, (v: unknown) => boolean> = new Map<z.ZodType, (v: unknown) => boolean>([
  [id, (v) => typeof v === 'string' && ID_PATTERN.test(v)],
  [stamp, isStamp],
  [synced.deleted_at, (v) => v === null || isStamp(v)],
]);

type Check = (row: Partial<Record<string, unknown>>, fail: (column: string) => void) => void;

export interface TableRules {
  readonly columns: Readonly<Record<string, z.ZodType>>;
  /** Rules across columns (an end after its start, a kecamatan inside its kabupaten); run when every column passed. */
  readonly checks?: readonly Check[];
}

const after =
  (first: string, second: string): Check =>
  (r, fail) => {
    if (typeof r[first] === 'string' && typeof r[second] === 'string' && (r[second] as string) < (r[first] as string)) fail(second);
  };
/** A number goes with its year, and a signed PKS has one (a draft waits for its signing: migration 0013). */
const numbered: Check = (r, fail) => {
  if ((r.office_number === null) !== (r.number_year === null)) fail('number_year');
  if (r.office_number === null && r.number_seq !== null) fail('number_seq');
  if (r.signed_on !== null && r.office_number === null) fail('office_number');
};
/** The wilayah picks nest: a kecamatan inside its kabupaten, a desa inside its kecamatan. */
const nested: Check = (r, fail) => {
  const [regency, district, village] = [r.regency_code, r.district_code, r.village_code] as (string | null | undefined)[];
  if (district && (!regency || !isWithin(regency, district))) fail('district_code');
  if (village && (!district || !isWithin(district, village))) fail('village_code');
};
/** A column the service derives from others, so a parent's search and duplicate checks see what the post saw. */
const derived =
  (column: string, from: (r: Partial<Record<string, unknown>>) => string): Check =>
  (r, fail) => {
    if (r[column] !== undefined && r[column] !== from(r)) fail(column);
  };
const s = (v: unknown) => (typeof v === 'string' ? v : '');

const statusChange = <T extends readonly [string, ...string[]]>(statuses: T, note: string, noteMax: number, by: string) => ({
  id,
  from_status: z.enum(statuses).nullable(),
  to_status: z.enum(statuses),
  date: isoDate,
  [note]: text(noteMax),
  [by]: id.nullable(),
  ...synced,
});

export const ROW_RULES: Readonly<Record<string, TableRules>> = {
  users: {
    columns: {
      id,
      username: z.string().regex(/^[a-z0-9._-]{3,32}$/),
      name: requiredText(120),
      nip,
      position: text(120),
      role: z.enum(ROLES),
      password_hash: absent,
      active: flag,
      failed_logins: absent,
      locked_until: absent,
      ...synced,
    },
  },
  service_types: {
    // An office's own service type; the built-in ones never travel.
    columns: { code: serviceCode, label_id: requiredText(80), label_en: requiredText(80), built_in: z.literal(0), ...synced },
  },
  institution_types: {
    // An office's own institution type; the built-in ones never travel.
    columns: { code: institutionCode, label_id: requiredText(80), label_en: requiredText(80), built_in: z.literal(0), ...synced },
  },
  partners: {
    columns: {
      id,
      name: requiredText(200),
      name_key: text(1000),
      search_text: text(4000),
      category: z.enum(PARTNER_CATEGORIES),
      bidang: bidangList,
      services: serviceList,
      leader_name: text(120),
      contact_name: text(120),
      phone,
      email,
      address: text(300),
      regency_code: regencyCode.nullable(),
      district_code: districtCode.nullable(),
      village_code: villageCode.nullable(),
      capacity: int(0, 100_000).nullable(),
      status: z.enum(PARTNER_STATUSES),
      status_date: isoDate,
      sk_number: text(100),
      sk_date: isoDate.nullable(),
      notes: text(4000),
      institution_type: institutionCode.nullable(),
      province_code: provinceCode.nullable(),
      ...synced,
    },
    checks: [
      nested,
      // A partner at the level of a province has no kabupaten.
      (r, fail) => r.province_code != null && r.regency_code != null && fail('province_code'),
      derived('name_key', (r) => foldForSearch(s(r.name))),
      derived('search_text', (r) => foldForSearch([r.name, r.leader_name, r.contact_name, r.phone, r.email, r.sk_number].map(s).join(' '))),
    ],
  },
  partner_status_changes: { columns: { partner_id: id, ...statusChange(PARTNER_STATUSES, 'note', 500, 'user_id') } },
  pokmas_groups: {
    columns: {
      id,
      name: requiredText(160),
      bidang: z.enum(BIDANG),
      description: text(2000),
      sk_number: text(100),
      sk_date: isoDate.nullable(),
      chair_name: text(120),
      chair_phone: phone,
      period_start: isoDate.nullable(),
      period_end: isoDate.nullable(),
      ...synced,
    },
    checks: [after('period_start', 'period_end')],
  },
  pokmas_members: { columns: { id, group_id: id, partner_id: id, ...synced } },
  agreements: {
    columns: {
      id,
      partner_id: id,
      subject: requiredText(500),
      office_number: requiredText(120).nullable(),
      number_year: year.nullable(),
      number_seq: int(1, 1_000_000).nullable(),
      partner_number: text(120),
      sign_place: text(120),
      sign_date: isoDate,
      start_date: isoDate,
      end_date: isoDate,
      term_months: int(1, 1200).nullable(),
      bidang: bidangList,
      services: serviceList,
      office_signatory: json(OfficeSignatory, 1000),
      partner_signatory: json(PartnerSignatory, 1000),
      legal_bases: json(LegalBases, 100_000),
      articles: json(Articles, 2_000_000),
      funding: text(4000),
      notes: text(4000),
      signed_on: isoDate.nullable(),
      cancelled_on: isoDate.nullable(),
      cancel_reason: text(1000),
      previous_id: id.nullable(),
      ...synced,
    },
    checks: [after('start_date', 'end_date'), numbered],
  },
  agreement_scans: {
    columns: { id, agreement_id: id, filename: requiredText(200), mime, size: int(1, MAX_SCAN_BYTES), sha256: sha, uploaded_by: id.nullable(), ...synced },
  },
  clients: {
    columns: {
      id,
      register_number: requiredText(60),
      name: requiredText(160),
      name_key: text(1000),
      search_text: text(2000),
      // As stored: sixteen digits that read as a NIK, or null (not sent).
      nik: z
        .string()
        .regex(/^\d{16}$/)
        .refine((v) => readNik(v).ok, 'v.invalid')
        .nullable(),
      sex: z.enum(['L', 'P']),
      birth_place: text(100),
      birth_date: isoDate.nullable(),
      address: text(300),
      regency_code: regencyCode.nullable(),
      district_code: districtCode.nullable(),
      village_code: villageCode.nullable(),
      phone,
      religion: z.enum(RELIGIONS).nullable(),
      education: z.enum(EDUCATION).nullable(),
      skills: json(z.array(requiredText(60)).max(20), 2000),
      interests: serviceList,
      program: z.enum(PROGRAMS),
      decision_number: text(120),
      decision_date: isoDate.nullable(),
      offence: text(300),
      supervision_start: isoDate,
      supervision_end: isoDate,
      phase_override: z.enum(PHASES).nullable(),
      pk_user_id: id.nullable(),
      guarantor_name: text(120),
      guarantor_relation: text(60),
      guarantor_phone: phone,
      reporting: z.enum(REPORTING),
      status: z.enum(CLIENT_STATUSES),
      status_date: isoDate,
      notes: text(4000),
      last_checkin: isoDate.nullable(),
      reporting_from: isoDate,
      ...synced,
    },
    checks: [
      nested,
      after('supervision_start', 'supervision_end'),
      after('birth_date', 'supervision_start'),
      after('supervision_start', 'reporting_from'),
      after('reporting_from', 'supervision_end'),
      derived('name_key', (r) => foldForSearch(s(r.name))),
      derived('search_text', (r) => clientSearchText(s(r.name), s(r.register_number), typeof r.nik === 'string' ? r.nik : null)),
    ],
  },
  client_status_changes: { columns: { client_id: id, ...statusChange(CLIENT_STATUSES, 'reason', 500, 'changed_by') } },
  referrals: {
    columns: {
      id,
      client_id: id,
      partner_id: id,
      agreement_id: id.nullable(),
      service: serviceCode,
      date: isoDate,
      letter_number: requiredText(200),
      letter_year: year,
      letter_seq: int(1, 1_000_000),
      pk_user_id: id.nullable(),
      goal: text(1000),
      notes: text(4000),
      status: z.enum(REFERRAL_STATUSES),
      status_date: isoDate,
      outcome: z.enum(OUTCOMES).nullable(),
      outcome_note: text(1000),
      override_reason: text(1000),
      hours_required: int(1, 2000).nullable(),
      ...synced,
    },
  },
  referral_status_changes: { columns: { referral_id: id, ...statusChange(REFERRAL_STATUSES, 'note', 1000, 'changed_by') } },
  work_hours: {
    columns: {
      id,
      referral_id: id,
      date: isoDate,
      hours: z.number().min(0.5).max(12).multipleOf(0.5),
      signed_by: requiredText(120),
      notes: text(500),
      recorded_by: id.nullable(),
      ...synced,
    },
  },
  checkins: {
    columns: { id, client_id: id, date: isoDate, kind: z.enum(CHECKIN_KINDS), reason: text(500), officer_id: id.nullable(), notes: text(2000), ...synced },
    checks: [(r, fail) => r.kind === 'jarak_jauh' && s(r.reason).trim() === '' && fail('reason')],
  },
  activities: {
    columns: {
      id,
      date: isoDate,
      type: z.enum(ACTIVITY_TYPES),
      bidang: z.enum(BIDANG).nullable(),
      title: requiredText(200),
      place: text(200),
      description: text(8000),
      officers: json(uniqueArray(id, 30), 2000),
      created_by: id.nullable(),
      ...synced,
    },
  },
  activity_partners: { columns: { activity_id: id, partner_id: id } },
  activity_participants: { columns: { activity_id: id, client_id: id, attended: flag, note: text(300) } },
  activity_files: {
    columns: {
      id,
      activity_id: id,
      filename: requiredText(200),
      mime,
      size: int(1, MAX_SCAN_BYTES),
      sha256: sha,
      thumb_sha256: sha.nullable(),
      uploaded_by: id.nullable(),
      ...synced,
    },
  },
  printed_documents: {
    columns: {
      id,
      kind: z.enum(['pks', 'rujukan', 'laporan']),
      entity_id: id,
      version: int(1, 100_000),
      content_sha256: sha,
      code: z.string().regex(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/),
      title: requiredText(800),
      // A PKS draft waits for its number until it is signed, and is printed without one.
      number: text(200),
      printed_by: id.nullable(),
      ...synced,
    },
    // The verification code is made from the version's id and content: a code the post did not make is not accepted.
    checks: [
      (r, fail) => typeof r.id === 'string' && typeof r.content_sha256 === 'string' && r.code !== verificationCode(r.id, r.content_sha256) && fail('code'),
      (r, fail) => r.kind === 'rujukan' && r.number === '' && fail('number'),
      // A printed report's number is the key of its period and scope, which its verification reads back.
      (r, fail) => r.kind === 'laporan' && !(typeof r.number === 'string' && REPORT_KEY.test(r.number)) && fail('number'),
    ],
  },
  report_versions: {
    columns: {
      id,
      period_kind: z.enum(PERIOD_KINDS),
      period_from: isoDate,
      period_to: isoDate,
      label: requiredText(200),
      version: int(1, 100_000),
      // Parsed strictly: canonical JSON of figures as reports.compute makes them, within the bounds of shared/reportVersions.ts.
      figures: z.string().refine((v) => readStoredFigures(v) !== null, 'v.invalid'),
      figures_sha256: sha,
      sent_by: id.nullable(),
      sent_at: stamp,
      ...synced,
    },
    checks: [
      after('period_from', 'period_to'),
      // The hash is the figures' own: a version whose figures were altered after sending is not accepted.
      (r, fail) => typeof r.figures === 'string' && r.figures_sha256 !== figuresHash(r.figures) && fail('figures_sha256'),
      // A named period is its own days (a month is the whole month), as the post computed it.
      (r, fail) => {
        const kind = r.period_kind as string;
        if (kind === 'range' || typeof r.period_from !== 'string') return;
        const y = Number(r.period_from.slice(0, 4));
        const m = Number(r.period_from.slice(5, 7));
        const p =
          kind === 'month'
            ? { kind, year: y, month: m }
            : kind === 'quarter'
              ? { kind, year: y, quarter: Math.ceil(m / 3) }
              : kind === 'semester'
                ? { kind, year: y, semester: Math.ceil(m / 6) }
                : { kind: 'year' as const, year: y };
        const range = periodRange(p as Parameters<typeof periodRange>[0]);
        if (range.from !== r.period_from || range.to !== r.period_to) fail('period_to');
      },
    ],
  },
};
