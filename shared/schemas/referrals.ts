import { z } from 'zod';
import { OUTCOMES, REFERRAL_STATUSES } from '../referrals';
import { id, isoDate, optionalText, requiredText, timestamp } from './common';
import { serviceCode } from './partners';

const ReferralPlan = z
  .object({
    clientId: id,
    partnerId: id,
    service: serviceCode,
    date: isoDate,
    pkUserId: id.nullable().default(null),
    goal: optionalText(1000),
    notes: optionalText(4000),
    /** Community service only: hours the court ordered. */
    hoursRequired: z.number().int('v.integer').min(1, 'v.range').max(2000, 'v.range').nullable().default(null),
  })
  .strict();

/** What the referral form checks while the officer fills it in: problems, warnings and the agreement that covers it. */
export const ReferralCheckInput = ReferralPlan;

export const ReferralCreateInput = ReferralPlan.extend({
  /** Admin only: sets aside the partner and agreement conditions, with the reason written down (audited). */
  overrideReason: z.string().trim().max(1000, 'v.tooLong').default(''),
}).strict();

export const ReferralSetStatusInput = z
  .object({
    id,
    expectedUpdatedAt: timestamp,
    status: z.enum(REFERRAL_STATUSES),
    date: isoDate,
    note: optionalText(1000),
    outcome: z.enum(OUTCOMES).nullable().default(null),
  })
  .strict();

export const ReferralListInput = z
  .object({
    clientId: id.nullable().default(null),
    partnerId: id.nullable().default(null),
    status: z.enum(REFERRAL_STATUSES).nullable().default(null),
    service: serviceCode.nullable().default(null),
    pkUserId: id.nullable().default(null),
    /** The referral date within [from, to], both inclusive; either may be left open. */
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const WorkHoursInput = z
  .object({
    referralId: id,
    date: isoDate,
    hours: z.number().min(0.5, 'v.range').max(12, 'v.range').multipleOf(0.5, 'v.halfHours'),
    signedBy: requiredText(120),
    notes: optionalText(500),
  })
  .strict();

export const PartnerSuggestInput = z.object({ clientId: id, service: serviceCode, date: isoDate }).strict();
