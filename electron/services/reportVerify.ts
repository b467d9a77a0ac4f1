import { AppError } from '../../shared/errors';
import type { AppContext, Call } from './context';
import { chartSeries } from './reportCharts';
import { reportWithAnnex } from './reportCompute';
import { parseReportKey, reportFiguresHash, reportNumberLine } from './reportPrinting';

/** What the verification screen shows of a printed document besides its register row, and its content hashed now. */
export interface PrintedFacts {
  readonly href: string;
  readonly number: string;
  readonly partnerName: string;
  readonly statusKey: string;
  sha(): string | Promise<string>;
}

/**
 * A printed report, read back from its key: which period and scope, and its figures computed again
 * from today's records, hashed as they were when printed (reportPrinting.ts). Only asked at the
 * office that printed it: the parent holds the post's records, but not its idea of "this office".
 */
export function printedReportFacts(ctx: AppContext, key: string, call: Call): PrintedFacts {
  const parsed = parseReportKey(key);
  return {
    href: '/laporan',
    number: parsed ? reportNumberLine(parsed.period, null) : key,
    partnerName: '',
    statusKey: 'verify.laporanStatus',
    sha: async () => {
      if (!parsed) return '';
      try {
        const { report, months } = reportWithAnnex(ctx, parsed.period, parsed.scope);
        return reportFiguresHash(report, months, chartSeries(ctx, parsed.period, parsed.scope, call));
      } catch (e) {
        // A scope this office can no longer compute (a post since removed): the figures cannot be shown to match.
        if (e instanceof AppError) return '';
        throw e;
      }
    },
  };
}
