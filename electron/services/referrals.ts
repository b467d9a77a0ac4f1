import { agreementStatus, renderNumber } from '../../shared/agreements';
import type { ParsedInputOf } from '../../shared/contract';
import { AppError, fieldError } from '../../shared/errors';
import {
  FINISHED_OUTCOMES,
  hoursOutstanding,
  KERJA_SOSIAL,
  OVERRIDABLE,
  REFERRAL_MOVES,
  type Outcome,
  type ReferralProblem,
  type ReferralStatus,
} from '../../shared/referrals';
import { mayDecide } from '../../shared/roles';
import type { PartnerSuggestion, Referral, ReferralAssessment, ReferralDetail, ReferralWarning } from '../../shared/types';
import { clientById } from '../../db/repositories/clients';
import { activePartnersOffering, partnerById } from '../../db/repositories/partners';
import {
  agreementsInForceOn,
  insertReferral,
  insertReferralStatusChange,
  insertWorkHours,
  listReferrals,
  maxLetterSeq,
  openReferralCounts,
  referralById,
  referralsAtRisk,
  referralStatusChanges,
  updateReferral,
  workHoursOf,
  type ReferralDbRow,
} from '../../db/repositories/referrals';
import { serviceCodes } from '../../db/repositories/pickLists';
import { addDays } from '../../shared/agreements';
import { agreementSettings, factsOf } from './agreements';
import { listAgreements } from '../../db/repositories/agreements';
import { recordChange } from './audit';
import { actorOf, isoNow, nextStamp, type Actor, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { checkPk } from './officers';
import { officeCode, officeToday } from './settings';
import { assertOwn, assertOwnRecords, ownedBy } from './ownership';

type Plan = ParsedInputOf<'referrals.check'>;

export const DEFAULT_REFERRAL_NUMBER = '{seq:3}/RUJ/{office_code}/{month_roman}/{year}';

export function toReferral(r: ReferralDbRow): Referral {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    clientRegister: r.client_register,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    service: r.service,
    date: r.date,
    letterNumber: r.letter_number,
    agreementId: r.agreement_id,
    agreementNumber: r.agreement_number,
    agreementEnd: r.agreement_end,
    pkUserId: r.pk_user_id,
    pkName: r.pk_name,
    goal: r.goal,
    notes: r.notes,
    status: r.status as ReferralStatus,
    statusDate: r.status_date,
    outcome: r.outcome as Outcome | null,
    outcomeNote: r.outcome_note,
    overrideReason: r.override_reason,
    hoursRequired: r.hours_required,
    hoursDone: r.hours_done,
    updatedAt: r.updated_at,
  };
}

function mustFind(ctx: AppContext, id: string): ReferralDbRow {
  const r = referralById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'referrals.notFound');
  return r;
}

/** Each refusal reason names the form field it belongs to, so the form can put it there. */
const PROBLEM_FIELD: Readonly<Record<ReferralProblem, string>> = {
  clientNotActive: 'clientId',
  outsideSupervision: 'date',
  partnerArchived: 'partnerId',
  partnerNotActive: 'partnerId',
  serviceNotOffered: 'service',
  noAgreement: 'partnerId',
  agreementNotYetInForce: 'partnerId',
  agreementNotCovering: 'service',
};

/**
 * The rules of a referral, in one place for the live check and the save: the client is active and
 * the date inside the supervision period; the partner is aktif, offers the service, and holds an
 * agreement in force on that date that covers it. A partner at capacity is a warning only.
 */
function assess(ctx: AppContext, plan: Plan): ReferralAssessment {
  const client = clientById(ctx.db, plan.clientId);
  if (!client || client.deleted_at) throw fieldError('clientId', 'clients.notFound');
  const partner = partnerById(ctx.db, plan.partnerId);
  if (!partner) throw fieldError('partnerId', 'partners.notFound');
  if (!serviceCodes(ctx.db).has(plan.service)) throw fieldError('service', 'v.serviceUnknown', { code: plan.service });
  const problems: ReferralProblem[] = [];
  if (client.status !== 'aktif') problems.push('clientNotActive');
  if (plan.date < client.supervision_start || plan.date > client.supervision_end) problems.push('outsideSupervision');
  if (partner.deleted_at) problems.push('partnerArchived');
  else if (partner.status !== 'aktif') problems.push('partnerNotActive');
  if (!(JSON.parse(partner.services) as string[]).includes(plan.service)) problems.push('serviceNotOffered');
  const inForce = agreementsInForceOn(ctx.db, partner.id, plan.date);
  const covering = inForce.find((a) => (JSON.parse(a.services) as string[]).includes(plan.service));
  // Not in force: say so in the words of the agreement's own status when it is signed but not yet started.
  if (inForce.length === 0) problems.push(signedNotYetInForce(ctx, partner.id, plan.date) ? 'agreementNotYetInForce' : 'noAgreement');
  else if (!covering) problems.push('agreementNotCovering');
  const open = openReferralCounts(ctx.db, [partner.id]).get(partner.id) ?? 0;
  const warnings: ReferralWarning[] = partner.capacity !== null && open >= partner.capacity ? ['capacity'] : [];
  return {
    problems,
    warnings,
    agreementId: covering?.id ?? inForce[0]?.id ?? null,
    agreementNumber: covering?.office_number ?? inForce[0]?.office_number ?? null,
    openAtPartner: open,
    capacity: partner.capacity,
  };
}

/** Whether the partner holds an agreement whose status on `date` is "ditandatangani, belum berlaku". */
function signedNotYetInForce(ctx: AppContext, partnerId: string, date: string): boolean {
  return listAgreements(ctx.db, { partnerId }).some((a) => agreementStatus(factsOf(a), date, 0) === 'belum_berlaku');
}

function refusal(problems: readonly ReferralProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[PROBLEM_FIELD[p]] ??= `referrals.problem.${p}`;
  return new AppError('VALIDATION', `referrals.problem.${problems[0]}`, { fields });
}

export function referralHandlers(
  ctx: AppContext,
): HandlersOf<
  | 'referrals.check'
  | 'referrals.create'
  | 'referrals.setStatus'
  | 'referrals.list'
  | 'referrals.get'
  | 'referrals.addHours'
  | 'referrals.suggest'
  | 'referrals.atRisk'
> {
  const view = (r: ReferralDbRow) => {
    const { client_name: _c, client_register: _r, partner_name: _p, pk_name: _k, agreement_number: _a, agreement_end: _e, hours_done: _h, ...rest } = r;
    return rest;
  };
  const statusRow = (referralId: string, from: string | null, to: string, date: string, note: string, actor: Actor) => {
    const now = isoNow(ctx);
    insertReferralStatusChange(ctx.db, {
      id: newId(),
      referral_id: referralId,
      from_status: from,
      to_status: to,
      date,
      note,
      changed_by: actor.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      origin: officeCode(ctx),
    });
  };
  const detail = (r: ReferralDbRow): ReferralDetail => ({
    ...toReferral(r),
    ownedBy: ownedBy(ctx, r.origin),
    history: referralStatusChanges(ctx.db, [r.id]).map((s) => ({
      date: s.date,
      status: s.to_status as ReferralStatus,
      fromStatus: s.from_status as ReferralStatus | null,
      note: s.note,
      by: s.by_name ?? '',
    })),
    hours: workHoursOf(ctx.db, r.id).map((h) => ({
      id: h.id,
      date: h.date,
      hours: h.hours,
      signedBy: h.signed_by,
      notes: h.notes,
      recordedBy: h.recorded_by_name ?? '',
    })),
  });

  return {
    'referrals.check': (input) => assess(ctx, input),
    'referrals.create': (input, call) => {
      const actor = actorOf(call);
      if (input.service === KERJA_SOSIAL && input.hoursRequired === null) throw fieldError('hoursRequired', 'referrals.hoursRequired');
      if (input.pkUserId) checkPk(ctx, input.pkUserId, 'pkUserId');
      return ctx.db.tx(() => {
        // A parent refers its own clients (to any partner it holds, a post's too); a post's client is referred at the post.
        assertOwnRecords(ctx, 'clients', [input.clientId], 'clientId');
        const a = assess(ctx, input);
        const hard = a.problems.filter((p) => !OVERRIDABLE.has(p));
        // Every failed condition is named; the client's own ones cannot be overridden by anyone.
        if (hard.length) throw refusal(a.problems);
        let override = '';
        if (a.problems.length) {
          // Only those shared/roles.ts names may set the partner and agreement conditions aside, and only in writing.
          if (!mayDecide('referralOverride', actor.role) || input.overrideReason.length < 10) throw refusal(a.problems);
          override = input.overrideReason;
        }
        const year = Number(input.date.slice(0, 4));
        const seq = maxLetterSeq(ctx.db, officeCode(ctx), year) + 1;
        const number = renderNumber(DEFAULT_REFERRAL_NUMBER, { seq, date: input.date, officeCode: officeCode(ctx) });
        const now = isoNow(ctx);
        const id = newId();
        insertReferral(ctx.db, {
          id,
          client_id: input.clientId,
          partner_id: input.partnerId,
          agreement_id: a.problems.includes('noAgreement') ? null : a.agreementId,
          service: input.service,
          date: input.date,
          letter_number: number,
          letter_year: year,
          letter_seq: seq,
          pk_user_id: input.pkUserId,
          goal: input.goal,
          notes: input.notes,
          status: 'diusulkan',
          status_date: input.date,
          outcome: null,
          outcome_note: '',
          override_reason: override,
          hours_required: input.service === KERJA_SOSIAL ? input.hoursRequired : null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        statusRow(id, null, 'diusulkan', input.date, '', actor);
        const after = mustFind(ctx, id);
        recordChange(ctx, actor, {
          action: 'create',
          entity: 'referral',
          entityId: id,
          after: { ...view(after), ...(override ? { overridden: a.problems } : {}) },
        });
        return { referral: detail(after), warnings: a.warnings };
      });
    },
    'referrals.setStatus': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        const from = before.status as ReferralStatus;
        if (!REFERRAL_MOVES[from].includes(input.status)) throw fieldError('status', 'referrals.badMove');
        if (input.date < before.status_date) throw fieldError('date', 'referrals.dateBeforeLast');
        if (input.date > officeToday(ctx)) throw fieldError('date', 'v.future');
        let outcome: Outcome | null = null;
        if (input.status === 'selesai') {
          if (!input.outcome || !FINISHED_OUTCOMES.includes(input.outcome)) throw fieldError('outcome', 'referrals.outcomeRequired');
          if (hoursOutstanding(before.hours_required, before.hours_done)) {
            throw fieldError('status', 'referrals.hoursShort', { done: before.hours_done, required: before.hours_required ?? 0 });
          }
          outcome = input.outcome;
        }
        if (input.status === 'dihentikan') {
          if (!input.note) throw fieldError('note', 'referrals.reasonRequired');
          outcome = 'tidak_selesai';
        }
        if (input.status === 'ditolak' && !input.note) throw fieldError('note', 'referrals.reasonRequired');
        updateReferral(ctx.db, input.id, {
          status: input.status,
          status_date: input.date,
          outcome,
          outcome_note: outcome ? input.note : before.outcome_note,
          updated_at: nextStamp(ctx, before.updated_at),
        });
        statusRow(input.id, from, input.status, input.date, input.note, actor);
        const after = mustFind(ctx, input.id);
        recordChange(ctx, actor, { action: 'status', entity: 'referral', entityId: input.id, before: view(before), after: view(after) });
        return detail(after);
      });
    },
    'referrals.list': (input) => listReferrals(ctx.db, input, input.limit, input.offset).map(toReferral),
    'referrals.get': (input) => detail(mustFind(ctx, input.id)),
    'referrals.addHours': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const r = mustFind(ctx, input.referralId);
        assertOwn(ctx, r);
        if (r.hours_required === null) throw new AppError('CONFLICT', 'referrals.notKerjaSosial');
        if (r.status !== 'berjalan') throw new AppError('CONFLICT', 'referrals.notRunning');
        if (input.date < r.date) throw fieldError('date', 'referrals.hoursBeforeReferral');
        if (input.date > officeToday(ctx)) throw fieldError('date', 'v.future');
        const now = isoNow(ctx);
        const id = newId();
        const row = {
          id,
          referral_id: r.id,
          date: input.date,
          hours: input.hours,
          signed_by: input.signedBy,
          notes: input.notes,
          recorded_by: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        };
        insertWorkHours(ctx.db, row);
        updateReferral(ctx.db, r.id, { updated_at: nextStamp(ctx, r.updated_at) });
        recordChange(ctx, actor, { action: 'create', entity: 'work_hours', entityId: id, after: row });
        return detail(mustFind(ctx, r.id));
      });
    },
    'referrals.suggest': async (input) => {
      const client = clientById(ctx.db, input.clientId);
      if (!client || client.deleted_at) throw fieldError('clientId', 'clients.notFound');
      return suggestPartners(ctx, client, input.service, input.date);
    },
    'referrals.atRisk': () => {
      const today = officeToday(ctx);
      return referralsAtRisk(ctx.db, today, addDays(today, agreementSettings(ctx).warnDays)).map(toReferral);
    },
  };
}

/**
 * Partners a client could be referred to for a service: aktif, offering it, with an agreement in
 * force covering it, and a free place; nearest first (same kecamatan, then kabupaten), then by how
 * many of the client's wanted services they offer.
 */
async function suggestPartners(
  ctx: AppContext,
  client: NonNullable<ReturnType<typeof clientById>>,
  service: string,
  date: string,
): Promise<PartnerSuggestion[]> {
  const partners = activePartnersOffering(ctx.db, service);
  const open = openReferralCounts(
    ctx.db,
    partners.map((p) => p.id),
  );
  await ctx.wilayah.ensureNames(partners.map((p) => p.district_code));
  const interests = new Set(JSON.parse(client.interests) as string[]);
  const out: (PartnerSuggestion & { rank: number })[] = [];
  for (const p of partners) {
    const agreement = agreementsInForceOn(ctx.db, p.id, date).find((a) => (JSON.parse(a.services) as string[]).includes(service));
    if (!agreement) continue;
    const taken = open.get(p.id) ?? 0;
    if (p.capacity !== null && taken >= p.capacity) continue;
    const sameDistrict = !!client.district_code && client.district_code === p.district_code;
    const sameRegency = !!client.regency_code && client.regency_code === p.regency_code;
    const matches = (JSON.parse(p.services) as string[]).filter((s) => interests.has(s));
    out.push({
      partnerId: p.id,
      name: p.name,
      regencyName: p.regency_code ? ctx.wilayah.regencyName(p.regency_code) : null,
      districtName: p.district_code ? ctx.wilayah.name(p.district_code) : null,
      // In force means signed, and a signed agreement always has its number (migration 0013).
      agreementNumber: agreement.office_number ?? '',
      agreementEnd: agreement.end_date,
      open: taken,
      capacity: p.capacity,
      sameDistrict,
      sameRegency,
      interestMatches: matches,
      rank: (sameDistrict ? 0 : sameRegency ? 1 : 2) * 100 - matches.length,
    });
  }
  return out
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, 20)
    .map(({ rank: _rank, ...s }) => s);
}
