import { z } from 'zod';
import { CLIENT_STANDINGS, CLIENT_STATUSES, EDUCATION, PHASES, PROGRAMS, RELIGIONS, REPORTING } from '../clients';
import { normalizeNik, readNik } from '../nik';
import { checkWilayah, districtCode, id, isoDate, optionalText, phone, regencyCode, requiredText, text, timestamp, uniqueArray, villageCode } from './common';
import { serviceCode } from './partners';

/** Optional NIK: blank becomes null; anything else must read as a NIK (the kecamatan is checked in the main process). */
export const nik = z
  .string()
  .trim()
  .max(40, 'v.tooLong')
  .superRefine((s, ctx) => {
    if (s === '') return;
    const r = readNik(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `v.nik.${r.problem}` });
  })
  .transform((s) => (s === '' ? null : normalizeNik(s)));

export const ClientFields = z
  .object({
    registerNumber: requiredText(60),
    name: requiredText(160),
    nik: nik.default(''),
    sex: z.enum(['L', 'P'], 'v.choose'),
    birthPlace: optionalText(100),
    birthDate: isoDate.nullable().default(null),
    address: optionalText(300),
    regencyCode: regencyCode.nullable().default(null),
    districtCode: districtCode.nullable().default(null),
    villageCode: villageCode.nullable().default(null),
    phone: phone.default(''),
    religion: z.enum(RELIGIONS).nullable().default(null),
    education: z.enum(EDUCATION).nullable().default(null),
    /** Free-text skills ("las", "menjahit"); interests are services the client wants, matched against partners. */
    skills: z.array(requiredText(60)).max(20, 'v.tooMany').default([]),
    interests: uniqueArray(serviceCode, 40).default([]),
    program: z.enum(PROGRAMS, 'v.choose'),
    decisionNumber: optionalText(120),
    decisionDate: isoDate.nullable().default(null),
    offence: optionalText(300),
    supervisionStart: isoDate,
    supervisionEnd: isoDate,
    /** Null: the phase suggested from the period; set when the PK decides otherwise. */
    phaseOverride: z.enum(PHASES).nullable().default(null),
    pkUserId: id.nullable().default(null),
    guarantorName: optionalText(120),
    guarantorRelation: optionalText(60),
    guarantorPhone: phone.default(''),
    reporting: z.enum(REPORTING).default('bulanan'),
    /** "Wajib lapor dihitung sejak": null takes the day of entry (shared/clients.ts defaultReportingFrom). */
    reportingFrom: isoDate.nullable().default(null),
    notes: optionalText(4000),
  })
  .strict()
  .superRefine((c, ctx) => {
    checkWilayah(c, ctx);
    if (c.supervisionEnd < c.supervisionStart) ctx.addIssue({ code: 'custom', path: ['supervisionEnd'], message: 'v.endBeforeStart' });
    if (c.birthDate && c.birthDate > c.supervisionStart) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'v.birthAfterStart' });
    if (c.reportingFrom && c.supervisionEnd >= c.supervisionStart) {
      if (c.reportingFrom < c.supervisionStart) ctx.addIssue({ code: 'custom', path: ['reportingFrom'], message: 'caseload.fromBeforeStart' });
      else if (c.reportingFrom > c.supervisionEnd) ctx.addIssue({ code: 'custom', path: ['reportingFrom'], message: 'caseload.fromAfterEnd' });
    }
  });

export const ClientCreateInput = z.object({ data: ClientFields, statusDate: isoDate }).strict();
export const ClientUpdateInput = z.object({ id, expectedUpdatedAt: timestamp, data: ClientFields }).strict();
export const ClientSetStatusInput = z.object({ id, status: z.enum(CLIENT_STATUSES), date: isoDate, reason: requiredText(500) }).strict();

export const CLIENT_SORTS = ['name', 'registerNumber', 'program', 'supervisionEnd', 'updatedAt'] as const;

export const ClientListInput = z
  .object({
    q: text(100).default(''),
    /** `aktif` lists clients under supervision; `berakhir` the open records whose supervision has ended. */
    status: z.enum(CLIENT_STANDINGS).nullable().default(null),
    program: z.enum(PROGRAMS).nullable().default(null),
    pkUserId: id.nullable().default(null),
    regencyCode: regencyCode.nullable().default(null),
    sort: z.enum(CLIENT_SORTS).default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    limit: z.number().int().min(1).max(1000).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

/** Live check while typing a NIK: what it says, and whether another active client holds it. */
export const NikCheckInput = z
  .object({
    nik: text(40),
    sex: z.enum(['L', 'P']).nullable().default(null),
    birthDate: isoDate.nullable().default(null),
    excludeId: id.nullable().default(null),
  })
  .strict();
