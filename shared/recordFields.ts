/**
 * What each field of an audited record is called and what kind of value it holds, per entity, so
 * that change history, the audit log and its export read as an officer would write them. The
 * stored snapshots keep their own field names (camelCase for partners and users, column names for
 * the rest); both spellings are listed where an entity has used both.
 */
import type { MessageKey } from './i18n/index';

/** Records whose id a snapshot may hold; the main process resolves them to names, one query per kind. */
export const REF_KINDS = ['user', 'partner', 'client', 'agreement', 'referral', 'pokmas_group', 'activity', 'service', 'institution', 'wilayah'] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** Every `entity` an audit entry may name (the recordChange calls); each has a label `audit.entity.${name}`. */
export const AUDIT_ENTITIES = [
  'partner',
  'pokmas_group',
  'agreement',
  'client',
  'referral',
  'work_hours',
  'checkin',
  'activity',
  'activity_file',
  'user',
  'settings',
  'service_type',
  'institution_type',
  'template',
  'printed_document',
  'report_version',
  'import',
  'office_key',
  'bundle',
  'audit_log',
] as const;

/** The kind of record an audit entry's own id names; other entries (settings, bundles) name none. */
export const ENTITY_REF: Readonly<Record<string, RefKind>> = {
  partner: 'partner',
  client: 'client',
  agreement: 'agreement',
  referral: 'referral',
  user: 'user',
  pokmas_group: 'pokmas_group',
  activity: 'activity',
  service_type: 'service',
  institution_type: 'institution',
};

export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'date' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'phone' }
  /** A code whose label is the message `${prefix}.${code}`. */
  | { readonly kind: 'enum'; readonly prefix: string }
  | { readonly kind: 'ref'; readonly ref: RefKind }
  /** A signatory block { name, nip, position }: its name. */
  | { readonly kind: 'person' }
  /** A list too long to show in a cell (articles, legal bases): how many. */
  | { readonly kind: 'count' }
  /** Bookkeeping (ids, sequence numbers, search keys): never shown. */
  | { readonly kind: 'hidden' };

export interface FieldSpec {
  readonly label: MessageKey;
  readonly kind: FieldKind;
}

const text: FieldKind = { kind: 'text' };
const num: FieldKind = { kind: 'number' };
const date: FieldKind = { kind: 'date' };
const stamp: FieldKind = { kind: 'timestamp' };
const phone: FieldKind = { kind: 'phone' };
const hidden: FieldKind = { kind: 'hidden' };
const enumOf = (prefix: string): FieldKind => ({ kind: 'enum', prefix });
const ref = (r: RefKind): FieldKind => ({ kind: 'ref', ref: r });
const f = (label: MessageKey, kind: FieldKind = text): FieldSpec => ({ label, kind });

/** Fields every synchronised row has; shown only where they mean something to an officer. */
const COMMON: Readonly<Record<string, FieldSpec>> = {
  id: f('common.none', hidden),
  origin: f('partners.origin'),
  created_at: f('partners.createdAt', hidden),
  updated_at: f('partners.updatedAt', hidden),
  createdAt: f('partners.createdAt', hidden),
  updatedAt: f('partners.updatedAt', hidden),
  deleted_at: f('common.archived', stamp),
  archivedAt: f('common.archived', stamp),
};

export const ENTITY_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = {
  partner: {
    name: f('partners.name'),
    category: f('partners.category', enumOf('category')),
    institutionType: f('partners.institutionType', ref('institution')),
    bidang: f('partners.bidang', enumOf('bidang')),
    services: f('partners.services', ref('service')),
    leaderName: f('partners.leaderName'),
    contactName: f('partners.contactName'),
    phone: f('partners.phone', phone),
    email: f('partners.email'),
    address: f('partners.address'),
    provinceCode: f('partners.province', ref('wilayah')),
    regencyCode: f('partners.regency', ref('wilayah')),
    districtCode: f('partners.district', ref('wilayah')),
    villageCode: f('partners.village', ref('wilayah')),
    capacity: f('partners.capacity', num),
    status: f('partners.status', enumOf('status')),
    statusDate: f('partners.statusDate', date),
    skNumber: f('partners.skNumber'),
    skDate: f('partners.skDate', date),
    notes: f('partners.notes'),
  },
  client: {
    register_number: f('clients.registerNumber'),
    name: f('clients.name'),
    nik: f('importField.nik'),
    sex: f('clients.sex', enumOf('sex')),
    birth_place: f('clients.birthPlace'),
    birth_date: f('clients.birthDate', date),
    address: f('importField.address'),
    regency_code: f('partners.regency', ref('wilayah')),
    district_code: f('partners.district', ref('wilayah')),
    village_code: f('partners.village', ref('wilayah')),
    phone: f('importField.phone', phone),
    religion: f('clients.religion', enumOf('religion')),
    education: f('clients.education', enumOf('education')),
    skills: f('clients.skills'),
    interests: f('clients.interests', ref('service')),
    program: f('clients.program', enumOf('program')),
    decision_number: f('clients.decisionNumber'),
    decision_date: f('clients.decisionDate', date),
    offence: f('clients.offence'),
    supervision_start: f('clients.supervisionStart', date),
    supervision_end: f('clients.supervisionEnd', date),
    phase_override: f('clients.phase', enumOf('phase')),
    pk_user_id: f('clients.pk', ref('user')),
    guarantor_name: f('clients.guarantorName'),
    guarantor_relation: f('clients.guarantorRelation'),
    guarantor_phone: f('clients.guarantorPhone', phone),
    reporting: f('clients.reporting', enumOf('reporting')),
    status: f('clients.status', enumOf('clientStatus')),
    status_date: f('partners.statusDate', date),
    notes: f('common.notes'),
    last_checkin: f('checkins.last', date),
  },
  agreement: {
    partner_id: f('agreements.partner', ref('partner')),
    subject: f('agreements.subject'),
    office_number: f('agreements.officeNumber'),
    number_year: f('agreements.officeNumber', hidden),
    number_seq: f('agreements.officeNumber', hidden),
    partner_number: f('agreements.partnerNumber'),
    sign_place: f('agreements.signPlace'),
    sign_date: f('agreements.signDate', date),
    start_date: f('agreements.startDate', date),
    end_date: f('agreements.endDate', date),
    term_months: f('agreements.termMonths', num),
    bidang: f('partners.bidang', enumOf('bidang')),
    services: f('agreements.services', ref('service')),
    office_signatory: f('agreements.officeSignatory', { kind: 'person' }),
    partner_signatory: f('agreements.partnerSignatory', { kind: 'person' }),
    legal_bases: f('agreements.legalBases', { kind: 'count' }),
    articles: f('agreements.articles', { kind: 'count' }),
    funding: f('agreements.funding'),
    notes: f('agreements.notes'),
    signed_on: f('agreements.signedOn', date),
    cancelled_on: f('agreements.cancelDate', date),
    cancel_reason: f('agreements.cancelReason'),
    previous_id: f('agreements.renewalOf', ref('agreement')),
  },
  referral: {
    client_id: f('referrals.client', ref('client')),
    partner_id: f('referrals.partner', ref('partner')),
    agreement_id: f('referrals.agreement', ref('agreement')),
    service: f('referrals.service', ref('service')),
    date: f('referrals.date', date),
    letter_number: f('referrals.letter'),
    letter_year: f('referrals.letter', hidden),
    letter_seq: f('referrals.letter', hidden),
    pk_user_id: f('clients.pk', ref('user')),
    goal: f('referrals.goal'),
    notes: f('common.notes'),
    status: f('clients.status', enumOf('referralStatus')),
    status_date: f('partners.statusDate', date),
    outcome: f('referrals.outcome', enumOf('outcome')),
    outcome_note: f('record.field.outcomeNote'),
    override_reason: f('referrals.overrideReason'),
    hours_required: f('referrals.hoursRequiredLabel', num),
    overridden: f('referrals.overridden', enumOf('referrals.problem')),
  },
  work_hours: {
    referral_id: f('audit.entity.referral', ref('referral')),
    date: f('common.date', date),
    hours: f('referrals.hoursWorked', num),
    signed_by: f('referrals.signedByLabel'),
    notes: f('common.notes'),
    recorded_by: f('common.user', ref('user')),
  },
  checkin: {
    client_id: f('referrals.client', ref('client')),
    date: f('common.date', date),
    kind: f('record.field.checkinKind', enumOf('checkinKind')),
    reason: f('checkins.reason'),
    officer_id: f('common.user', ref('user')),
    notes: f('common.notes'),
  },
  activity: {
    date: f('common.date', date),
    type: f('activities.type', enumOf('activityType')),
    bidang: f('partners.bidang', enumOf('bidang')),
    title: f('activities.titleField'),
    place: f('activities.place'),
    description: f('activities.description'),
    officers: f('activities.officers', ref('user')),
    partners: f('activities.partners', ref('partner')),
    created_by: f('common.user', ref('user')),
  },
  user: {
    username: f('users.username'),
    name: f('users.name'),
    nip: f('users.nip'),
    position: f('users.position'),
    role: f('users.role', enumOf('role')),
    active: f('users.active', { kind: 'bool' }),
    lockedUntil: f('record.field.lockedUntil', stamp),
  },
  pokmas_group: {
    name: f('pokmas.name'),
    bidang: f('pokmas.bidang', enumOf('bidang')),
    description: f('pokmas.description'),
    members: f('pokmas.members'),
    skNumber: f('pokmas.skNumber'),
    skDate: f('pokmas.skDate', date),
    chairName: f('pokmas.chairName'),
    chairPhone: f('pokmas.chairPhone', phone),
    periodStart: f('pokmas.periodStart', date),
    periodEnd: f('pokmas.periodEnd', date),
  },
};

/** The field's label and kind; a field no map names gets its own name written out as words. */
export function fieldSpec(entity: string, field: string): FieldSpec | { readonly label: null; readonly words: string; readonly kind: FieldKind } {
  const spec = ENTITY_FIELDS[entity]?.[field] ?? COMMON[field];
  if (spec) return spec;
  return { label: null, words: wordsOf(field), kind: /(_at|At)$/.test(field) ? stamp : /(_date|Date)$/.test(field) ? date : text };
}

/** "leaderName" / "leader_name" -> "Leader name": never a code on screen, even for a field no map knows. */
export function wordsOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
