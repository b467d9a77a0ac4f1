import { fieldError } from '../../shared/errors';
import { INDICATOR_BY_CODE, type ReportGroup } from '../../shared/indicators';
import { periodLabel, periodRange, type Period } from '../../shared/periods';
import type { ReportScope, SeriesLine, SeriesMonth } from '../../shared/reports';
import type { AppContext, HandlersOf } from './context';
import { computeReports } from './reportCompute';
import { reportScope } from './reportScope';
import { officeToday } from './settings';

/** The query groups a set of indicators reads (a ratio: those of its numerator and denominators). */
export function groupsOf(codes: readonly string[]): Set<ReportGroup> {
  const out = new Set<ReportGroup>();
  const add = (code: string) => {
    const ind = INDICATOR_BY_CODE.get(code)!;
    if (ind.aggregation === 'ratio') [ind.numerator, ...ind.denominator].forEach(add);
    else out.add(ind.group);
  };
  codes.forEach(add);
  return out;
}

/**
 * `count` months ending with `until`. The office's current month runs to today, so a state
 * ("aktif at the end") is read as it stands now, not on a day still to come.
 */
export function seriesMonths(until: { year: number; month: number }, count: number, today: string): SeriesMonth[] {
  const out: SeriesMonth[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = until.year * 12 + until.month - 1 - i;
    const month: Period = { kind: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 };
    const { from, to } = periodRange(month);
    const partial = from <= today && today < to;
    const period: Period = partial ? { kind: 'range', from, to: today } : month;
    out.push({ period, label: periodLabel(month), from, to: partial ? today : to, partial });
  }
  return out;
}

export function seriesHandlers(ctx: AppContext): HandlersOf<'reports.series'> {
  return {
    'reports.series': (input) => {
      const { office, offices } = reportScope(ctx);
      const today = officeToday(ctx);
      const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
      const until = input.until ?? current;
      if (until.year * 12 + until.month > current.year * 12 + current.month) throw fieldError('until', 'reports.seriesFuture');
      const months = seriesMonths(until, input.months, today);
      const groups = groupsOf(input.codes);
      const scopes: { scope: ReportScope; office: string | null }[] = [{ scope: input.scope, office: null }];
      // Per office only where there are several and the scope is all of them.
      if (input.perOffice && office().kind === 'induk' && input.scope.kind === 'all') {
        for (const o of offices()) scopes.push({ scope: o.code === office().code ? { kind: 'own' } : { kind: 'post', code: o.code }, office: o.code });
      }
      const lines: SeriesLine[] = [];
      for (const s of scopes) {
        const reports = computeReports(
          ctx,
          months.map((m) => m.period),
          s.scope,
          groups,
        );
        for (const c of input.codes) lines.push({ code: c, office: s.office, values: reports.map((r) => r.figures.find((f) => f.code === c)?.value ?? null) });
      }
      return { months, scope: input.scope, offices: offices(), lines };
    },
  };
}
