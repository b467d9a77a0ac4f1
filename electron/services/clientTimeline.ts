import type { ActivityType } from '../../shared/activities';
import type { ClientStatus } from '../../shared/clients';
import { localDateOf } from '../../shared/format';
import type { ReferralStatus } from '../../shared/referrals';
import type { TimelineEntry } from '../../shared/types';
import { activitiesOfClient } from '../../db/repositories/activities';
import { checkinsOf } from '../../db/repositories/checkins';
import { clientStatusChanges } from '../../db/repositories/clients';
import { documentsOfEntities } from '../../db/repositories/printedDocuments';
import { listReferrals, referralStatusChanges } from '../../db/repositories/referrals';
import type { AppContext } from './context';
import { officeSettings } from './settings';

/** Everything that happened to a client, newest first: status changes, each step of each referral, check-ins, activities, letters printed. */
export function timelineOf(ctx: AppContext, clientId: string): TimelineEntry[] {
  const statuses: TimelineEntry[] = clientStatusChanges(ctx.db, clientId).map((s) => ({
    kind: 'status',
    date: s.date,
    status: s.to_status as ClientStatus,
    fromStatus: s.from_status as ClientStatus | null,
    detail: s.reason,
    by: s.by_name ?? '',
  }));
  const referrals = new Map(listReferrals(ctx.db, { clientId, partnerId: null, status: null }, 1000, 0).map((x) => [x.id, x]));
  const steps: TimelineEntry[] = referralStatusChanges(ctx.db, [...referrals.keys()]).map((s) => {
    const ref = referrals.get(s.referral_id)!;
    return {
      kind: 'referral',
      date: s.date,
      referralId: ref.id,
      status: s.to_status as ReferralStatus,
      fromStatus: s.from_status as ReferralStatus | null,
      partnerName: ref.partner_name,
      service: ref.service,
      detail: s.note,
      by: s.by_name ?? '',
    };
  });
  const checkins: TimelineEntry[] = checkinsOf(ctx.db, clientId).map((k) => ({
    kind: 'checkin',
    date: k.date,
    checkinKind: k.kind,
    detail: [k.reason, k.notes].filter(Boolean).join(' — '),
    by: k.officer_name ?? '',
  }));
  const activities: TimelineEntry[] = activitiesOfClient(ctx.db, clientId).map((a) => ({
    kind: 'activity',
    date: a.date,
    activityId: a.id,
    title: a.title,
    activityType: a.type as ActivityType,
    attended: a.attended === 1,
  }));
  const zone = officeSettings(ctx)?.timeZone ?? 'WIB';
  const documents: TimelineEntry[] =
    referrals.size === 0
      ? []
      : documentsOfEntities(ctx.db, 'rujukan', [...referrals.keys()]).map((d) => ({
          kind: 'document',
          date: localDateOf(new Date(d.created_at), zone),
          referralId: d.entity_id,
          title: d.title,
          number: d.number,
          code: d.code,
          version: d.version,
        }));
  return [...statuses, ...steps, ...checkins, ...activities, ...documents].sort((a, b) => b.date.localeCompare(a.date));
}
