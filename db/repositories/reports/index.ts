import type { ReportGroup } from '../../../shared/indicators';
import type { Db } from '../../connection';
import {
  ACTIVE_CLIENTS,
  ACTIVITIES,
  ENDED_CLIENTS,
  HOME_VISITS,
  KS_CLIENTS,
  KS_HOURS,
  KS_REFERRALS,
  NEW_CLIENTS,
  PARTICIPANTS,
  REFERRAL_BIDANG,
  REFERRAL_OUTCOMES,
  REFERRALS,
} from './clientQueries';
import { AGREEMENTS, PARTNER_BIDANG, PARTNERS, POKMAS_GROUPS } from './partnerQueries';
import { reportingQueries } from './reportingQueries';
import { sqlQuery } from './sqlQuery';
import type { ReportQuery } from './window';

export type { RecordRow, ReportQuery, ReportWindow, Selection, Tally } from './window';
export { tallyEach } from './window';

/** The named queries behind the indicators of shared/indicators.ts: the only place reports read records. */
export function reportQueries(db: Db): Readonly<Record<ReportGroup, ReportQuery>> {
  const reporting = reportingQueries(db);
  return {
    pokmasGroups: sqlQuery(db, POKMAS_GROUPS),
    partners: sqlQuery(db, PARTNERS),
    partnerBidang: sqlQuery(db, PARTNER_BIDANG),
    agreements: sqlQuery(db, AGREEMENTS),
    activeClients: sqlQuery(db, ACTIVE_CLIENTS),
    newClients: sqlQuery(db, NEW_CLIENTS),
    endedClients: sqlQuery(db, ENDED_CLIENTS),
    referrals: sqlQuery(db, REFERRALS),
    referralBidang: sqlQuery(db, REFERRAL_BIDANG),
    referralOutcomes: sqlQuery(db, REFERRAL_OUTCOMES),
    activities: sqlQuery(db, ACTIVITIES),
    participants: sqlQuery(db, PARTICIPANTS),
    dues: reporting.dues,
    homeVisits: sqlQuery(db, HOME_VISITS),
    missStreaks: reporting.missStreaks,
    ksClients: sqlQuery(db, KS_CLIENTS),
    ksReferrals: sqlQuery(db, KS_REFERRALS),
    ksHours: sqlQuery(db, KS_HOURS),
  };
}
