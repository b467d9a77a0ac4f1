import { addDays, AGREEMENT_STATUSES, type AgreementStatus } from '../../shared/agreements';
import { agreementStatusCounts } from '../../db/repositories/agreementStatusCounts';
import type { AppContext, HandlersOf } from './context';
import { agreementSettings } from './agreements';
import { officeToday } from './settings';

/**
 * The register's agreements counted by status in SQL, for Beranda: it shows three of these counts
 * and used to load the whole register (every post's agreements at a Bapas induk) to count them.
 */
export function agreementCountHandlers(ctx: AppContext): HandlersOf<'agreements.statusCounts'> {
  return {
    'agreements.statusCounts': () => {
      const day = officeToday(ctx);
      const rows = agreementStatusCounts(ctx.db, day, addDays(day, agreementSettings(ctx).warnDays));
      const counts = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0])) as Record<AgreementStatus, number>;
      for (const r of rows) counts[r.agreement_status] = r.n;
      return counts;
    },
  };
}
