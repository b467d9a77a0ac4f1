import { AppError, fieldError } from '../../shared/errors';
import { INDICATOR_BY_CODE, INDICATORS, type CountIndicator, type ReportGroup } from '../../shared/indicators';
import { dayEndInstant, dayStartInstant, periodLabel, periodRange, yearOf, type Period } from '../../shared/periods';
import { RECORD_COLUMNS, type ReportOffice, type ReportScope, type ReportTargets } from '../../shared/reports';
import { holidayDates } from '../../db/repositories/holidays';
import { registeredOffices } from '../../db/repositories/officeKeys';
import { reportQueries, type ReportWindow, type Tally } from '../../db/repositories/reports/index';
import { putTargets, targetsOf } from '../../db/repositories/reports/targets';
import { agreementSettings } from './agreements';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { figuresOf } from './reportFigures';
import { officeSettings, officeToday } from './settings';

/**
 * Laporan: the standard report computed from the records the office holds. Any role reads it;
 * only an admin sets the yearly targets. At a Bapas induk the scope is all offices together, the
 * induk's own records, or one registered post's (records carry their office in `origin`).
 */
export function reportHandlers(ctx: AppContext): HandlersOf<'reports.compute' | 'reports.records' | 'reports.targets' | 'reports.setTargets'> {
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

  const targetOffice = (scope: ReportScope) => (scope.kind === 'post' ? scope.code : office().code);
  const targetsFor = (code: string, year: number | null) =>
    new Map(year === null ? [] : targetsOf(ctx.db, code, year).map((t) => [t.indicator, t.target] as const));

  const targetsView = (code: string, year: number): ReportTargets => ({
    office: code,
    year,
    offices: offices(),
    targets: targetsOf(ctx.db, code, year)
      .filter((t) => INDICATOR_BY_CODE.has(t.indicator))
      .map((t) => ({ code: t.indicator, target: t.target })),
  });

  const checkTargetOffice = (code: string) => {
    if (code !== office().code && !isPost(code)) throw fieldError('office', 'reports.unknownPost', { code });
  };

  return {
    'reports.compute': (input) => {
      const period = input.period as Period;
      const w = windowOf(period, input.scope);
      const queries = reportQueries(ctx.db);
      // One read per query, however many indicators share it.
      const groups = new Set(INDICATORS.filter((i): i is CountIndicator => i.aggregation !== 'ratio').map((i) => i.group));
      const tallies = new Map<ReportGroup, Tally[]>([...groups].map((g) => [g, queries[g].tally(w)]));
      const code = targetOffice(input.scope);
      return {
        from: w.from,
        to: w.to,
        label: periodLabel(period),
        scope: input.scope,
        targetOffice: code,
        offices: offices(),
        figures: figuresOf(tallies, targetsFor(code, yearOf(period))),
      };
    },
    'reports.records': (input) => {
      const asked = INDICATOR_BY_CODE.get(input.code)!;
      // A ratio opens the records it counts: those of its numerator.
      const ind = (asked.aggregation === 'ratio' ? INDICATOR_BY_CODE.get(asked.numerator)! : asked) as CountIndicator;
      if (input.key !== undefined && !ind.breakdown) throw fieldError('key', 'reports.noBreakdown');
      const w = windowOf(input.period as Period, input.scope);
      const rows = reportQueries(ctx.db)[ind.group].records(w, {
        filter: ind.filter ?? {},
        ...(input.key !== undefined ? { dim: ind.breakdown, key: input.key } : {}),
      });
      return { code: input.code, group: ind.group, columns: RECORD_COLUMNS[ind.group], rows, measure: ind.measure ?? 'count' };
    },
    'reports.targets': (input) => {
      const code = input.office ?? office().code;
      checkTargetOffice(code);
      return targetsView(code, input.year);
    },
    'reports.setTargets': (input, call) => {
      const actor = actorOf(call);
      checkTargetOffice(input.office);
      ctx.db.tx(() => {
        const before = targetsOf(ctx.db, input.office, input.year);
        const after = input.targets.map((t) => ({ indicator: t.code, target: t.target }));
        putTargets(ctx.db, input.office, input.year, after, actor.id, isoNow(ctx));
        recordChange(ctx, actor, {
          action: 'update',
          entity: 'settings',
          entityId: 'reportTargets',
          before: { office: input.office, year: input.year, targets: before },
          after: { office: input.office, year: input.year, targets: after },
          sync: false,
        });
      });
      return targetsView(input.office, input.year);
    },
  };
}
