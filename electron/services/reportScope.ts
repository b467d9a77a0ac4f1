import { AppError, fieldError } from '../../shared/errors';
import { dayEndInstant, dayStartInstant, periodRange, type Period } from '../../shared/periods';
import type { ReportOffice, ReportScope } from '../../shared/reports';
import { holidayDates } from '../../db/repositories/holidays';
import { registeredOffices } from '../../db/repositories/officeKeys';
import type { ReportWindow } from '../../db/repositories/reports/index';
import { agreementSettings } from './agreements';
import type { AppContext } from './context';
import { officeSettings, officeToday } from './settings';

/**
 * Whose records a report covers and over which days: at a post its own; at a Bapas induk all
 * offices together, the induk's own records, or one registered post's (records carry their office
 * in `origin`). Shared by the report, its series and its printed forms, so all read one window.
 */
export function reportScope(ctx: AppContext) {
  const office = () => {
    const o = officeSettings(ctx);
    if (!o) throw new AppError('SETUP_REQUIRED', 'setup.required');
    return o;
  };
  const offices = (): ReportOffice[] => {
    const o = office();
    const posts = o.kind === 'induk' ? registeredOffices(ctx.db).filter((k) => k.relation === 'post') : [];
    return [{ code: o.code, name: o.name }, ...posts.map((k) => ({ code: k.office_code, name: k.office_name }))];
  };
  const isPost = (code: string) => office().kind === 'induk' && code !== office().code && offices().some((o) => o.code === code);

  /** The offices whose records a scope covers (null: every record held). */
  const originsOf = (scope: ReportScope): readonly string[] | null => {
    if (scope.kind === 'all') return null;
    if (scope.kind === 'own') return [office().code];
    if (office().kind !== 'induk') throw fieldError('scope', 'reports.scopeAtInduk');
    if (!isPost(scope.code)) throw fieldError('scope', 'reports.unknownPost', { code: scope.code });
    return [scope.code];
  };

  const windowOf = (period: Period, scope: ReportScope): ReportWindow => {
    const { from, to } = periodRange(period);
    const zone = office().timeZone;
    return {
      from,
      to,
      startInstant: dayStartInstant(from, zone),
      endInstant: dayEndInstant(to, zone),
      origins: originsOf(scope),
      warnDays: agreementSettings(ctx).warnDays,
      today: officeToday(ctx),
      holidays: holidayDates(ctx.db),
    };
  };

  return { office, offices, isPost, originsOf, windowOf };
}
