import { fieldError } from '../../shared/errors';
import { INDICATOR_BY_CODE, type CountIndicator } from '../../shared/indicators';
import type { Period } from '../../shared/periods';
import { RECORD_COLUMNS, type ReportTargets } from '../../shared/reports';
import { reportQueries } from '../../db/repositories/reports/index';
import { putTargets, targetsOf } from '../../db/repositories/reports/targets';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { computeReports } from './reportCompute';
import { reportScope } from './reportScope';

/**
 * Laporan: the standard report computed from the records the office holds. Any role reads it;
 * only an admin sets the yearly targets. Whose records and which days: reportScope.ts.
 */
export function reportHandlers(ctx: AppContext): HandlersOf<'reports.compute' | 'reports.records' | 'reports.targets' | 'reports.setTargets'> {
  const { office, offices, isPost, windowOf } = reportScope(ctx);

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
    // One read per query, however many indicators share it.
    'reports.compute': (input) => computeReports(ctx, [input.period as Period], input.scope)[0]!,
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
