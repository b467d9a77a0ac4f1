import { z } from 'zod';
import { BIDANG, PARTNER_CATEGORIES, PARTNER_STATUSES } from '../domain';
import {
  checkWilayah,
  districtCode,
  email,
  id,
  isoDate,
  optionalText,
  phone,
  regencyCode,
  requiredText,
  text,
  timestamp,
  uniqueArray,
  villageCode,
} from './common';
import { isWilayahCode } from '../validate';

export const serviceCode = z.string().regex(/^[a-z0-9_]{2,40}$/, 'v.invalid');
/** A code of the institution types list (built-in or added by an admin): the same shape as a service code. */
export const institutionCode = serviceCode;
export const provinceCode = z.string().refine((s) => isWilayahCode('province', s), 'v.wilayah');

/** A partner at the level of a province (tingkat provinsi) has no kabupaten, kecamatan or desa. */
function checkProvinceLevel(p: { provinceCode: string | null; regencyCode: string | null }, ctx: z.RefinementCtx) {
  if (p.provinceCode && p.regencyCode) ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'partners.provinceWithRegency' });
}
const checkPlace = (p: Parameters<typeof checkWilayah>[0] & { provinceCode: string | null }, ctx: z.RefinementCtx) => {
  checkWilayah(p, ctx);
  checkProvinceLevel(p, ctx);
};

export const PartnerFields = z
  .object({
    name: requiredText(200),
    category: z.enum(PARTNER_CATEGORIES, 'v.choose'),
    institutionType: institutionCode.nullable().default(null),
    bidang: uniqueArray(z.enum(BIDANG), 2).min(1, 'v.bidang'),
    services: uniqueArray(serviceCode, 40).default([]),
    leaderName: optionalText(120),
    contactName: optionalText(120),
    phone: phone.default(''),
    email: email.default(''),
    address: optionalText(300),
    /** Set for a partner at the level of a province (e.g. Dinas Sosial Provinsi): then no kabupaten. */
    provinceCode: provinceCode.nullable().default(null),
    regencyCode: regencyCode.nullable().default(null),
    districtCode: districtCode.nullable().default(null),
    villageCode: villageCode.nullable().default(null),
    capacity: z.number().int('v.integer').min(0, 'v.range').max(100000, 'v.range').nullable().default(null),
    skNumber: optionalText(100),
    skDate: isoDate.nullable().default(null),
    notes: optionalText(4000),
  })
  .strict();

export const PartnerCreateInput = PartnerFields.extend({
  status: z.enum(PARTNER_STATUSES).default('calon'),
  statusDate: isoDate,
  /** Set after the user has seen the duplicate warning and chosen to save anyway. */
  confirmDuplicate: z.boolean().default(false),
})
  .strict()
  .superRefine(checkPlace);
export type PartnerCreate = z.input<typeof PartnerCreateInput>;

export const PartnerUpdateInput = z
  .object({
    id,
    /** Optimistic concurrency: the updatedAt the form was loaded with. */
    expectedUpdatedAt: timestamp,
    data: PartnerFields.superRefine(checkPlace),
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();

export const PartnerSetStatusInput = z.object({ id, status: z.enum(PARTNER_STATUSES), date: isoDate, note: text(500).default('') }).strict();

export const PARTNER_SORT_FIELDS = ['name', 'category', 'status', 'regency', 'updatedAt', 'capacity'] as const;

export const PartnerListInput = z
  .object({
    q: text(100).default(''),
    bidang: z.enum(BIDANG).nullable().default(null),
    category: z.enum(PARTNER_CATEGORIES).nullable().default(null),
    institutionType: institutionCode.nullable().default(null),
    service: serviceCode.nullable().default(null),
    status: z.enum(PARTNER_STATUSES).nullable().default(null),
    regencyCode: regencyCode.nullable().default(null),
    /** At a Bapas induk: only the records of one office (its own code or a post's). */
    origin: z
      .string()
      .regex(/^[A-Z0-9]{2,12}$/, 'v.invalid')
      .nullable()
      .default(null),
    archived: z.enum(['active', 'archived', 'all']).default('active'),
    sort: z.enum(PARTNER_SORT_FIELDS).default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type PartnerListQuery = z.input<typeof PartnerListInput>;

export const PartnerExportInput = z
  .object({
    filter: PartnerListInput.omit({ limit: true, offset: true }),
    format: z.enum(['xlsx', 'csv']),
    /** CSV: semicolons for Excel set to Indonesian (the default), commas for other programs. */
    separator: z.enum(['semicolon', 'comma']).default('semicolon'),
  })
  .strict();

export const PartnerDuplicateInput = z
  .object({ name: requiredText(200), regencyCode: regencyCode.nullable(), excludeId: id.nullable().default(null) })
  .strict();

export const ServiceCreateInput = z.object({ labelId: requiredText(80), labelEn: requiredText(80) }).strict();
export const InstitutionTypeCreateInput = ServiceCreateInput;

export const PokmasFields = z
  .object({
    name: requiredText(160),
    bidang: z.enum(BIDANG, 'v.choose'),
    description: optionalText(2000),
    memberIds: uniqueArray(id, 500).default([]),
    /** The SK (surat keputusan) that formed the group, its chairperson (ketua) and its period. */
    skNumber: optionalText(100),
    skDate: isoDate.nullable().default(null),
    chairName: optionalText(120),
    chairPhone: phone.default(''),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.periodStart && g.periodEnd && g.periodEnd < g.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'pokmas.periodEndBefore' });
  });
export const PokmasCreateInput = PokmasFields;
export const PokmasUpdateInput = z.object({ id, expectedUpdatedAt: timestamp, data: PokmasFields }).strict();
export type PokmasData = z.input<typeof PokmasFields>;
export const PokmasListInput = z.object({ archived: z.enum(['active', 'archived', 'all']).default('active') }).strict();
