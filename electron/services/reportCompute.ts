import { INDICATORS, type CountIndicator, type ReportGroup } from '../../shared/indicators';
import { monthsOf, periodLabel, yearOf, type Period } from '../../shared/periods';
import type { ReportResult, ReportScope } from '../../shared/reports';
import { reportQueries, tallyEach, type Tally } from '../../db/repositories/reports/index';
import { targetsOf } from '../../db/repositories/reports/targets';
import type { AppContext } from './context';
import { figuresOf } from './reportFigures';
import { reportScope } from './reportScope';

/** Every query the indicators read. */
export const ALL_GROUPS: ReadonlySet<ReportGroup> = new Set(INDICATORS.filter((i): i is CountIndicator => i.aggregation !== 'ratio').map((i) => i.group));

/**
 * The reports of several periods of one scope (a year and its months, a series of months): each
 * query is read once per period, or once for all of them where it can (the wajib-lapor figures
 * compute each client's schedule once for the whole span). `groups` limits the queries read (the
 * figures of the others are then zero): a series asks for a few indicators only.
 */
export function computeReports(ctx: AppContext, periods: readonly Period[], scope: ReportScope, groups: ReadonlySet<ReportGroup> = ALL_GROUPS): ReportResult[] {
  const { office, offices, windowOf } = reportScope(ctx);
  const windows = periods.map((p) => windowOf(p, scope));
  const queries = reportQueries(ctx.db);
  const byGroup = new Map<ReportGroup, Tally[][]>([...groups].map((g) => [g, tallyEach(queries[g], windows)]));
  const targetOffice = scope.kind === 'post' ? scope.code : office().code;
  const targetsOfYear = new Map<number, ReadonlyMap<string, number>>();
  const targetsFor = (year: number | null): ReadonlyMap<string, number> => {
    if (year === null) return new Map();
    if (!targetsOfYear.has(year)) targetsOfYear.set(year, new Map(targetsOf(ctx.db, targetOffice, year).map((t) => [t.indicator, t.target] as const)));
    return targetsOfYear.get(year)!;
  };
  const all = offices();
  return periods.map((period, i) => ({
    from: windows[i]!.from,
    to: windows[i]!.to,
    label: periodLabel(period),
    scope,
    targetOffice,
    offices: all,
    figures: figuresOf(new Map([...byGroup].map(([g, t]) => [g, t[i]!])), targetsFor(yearOf(period))),
  }));
}

/** The months of a year report's annex (the monthly table); none for any other period. */
export const annexMonths = (period: Period): Period[] => (period.kind === 'year' ? monthsOf(period) : []);

/** A report with its annex months, as printed, exported and verified. */
export function reportWithAnnex(ctx: AppContext, period: Period, scope: ReportScope): { report: ReportResult; months: ReportResult[] } {
  const [report, ...months] = computeReports(ctx, [period, ...annexMonths(period)], scope);
  return { report: report!, months };
}
