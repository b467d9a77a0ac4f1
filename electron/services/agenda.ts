import { agendaFilter, reportingState } from '../../shared/checkins';
import { addDays } from '../../shared/agreements';
import type { Reporting } from '../../shared/clients';
import type { AgendaPage, ReportingRow } from '../../shared/types';
import { agendaCandidates, agendaRows } from '../../db/repositories/agenda';
import { holidayDates } from '../../db/repositories/holidays';
import type { AppContext } from './context';
import { officeToday } from './settings';
import { scheduleSound } from './checkins';

/** The last day a date may take (shared/validate.ts isIsoDate): a schedule that never ends. */
const NEVER_ENDS = '2200-12-31';

/**
 * The agenda (who is due between `from` and `from + days − 1`), one page at a time: the total and
 * each day's count, and the page's rows in the order the screen shows them (due date, then name,
 * then id, so pages of a day's ties never overlap).
 *
 * Who is due is shared/checkins.ts `reportingState`, run for the candidates agendaFilter lets
 * through. A client's next due date depends on their start, reporting, tracked-from day and end
 * (never on their check-ins), and on the end only when the supervision ends before it: if the
 * next due date of the schedule with no end lies on or before the client's end, the end cannot
 * have cut any due date up to it, so it is the client's own. It is therefore computed once per
 * start, reporting and tracked-from day (bounded by the calendar, not by the number of clients,
 * however many posts an induk holds), and exactly, per client, for the few whose end comes first.
 * Only the page's rows are then read whole, names and PK included.
 */
export function agendaPage(ctx: AppContext, input: { from: string; days: number; limit: number; offset: number }): AgendaPage {
  const today = officeToday(ctx);
  const holidays = holidayDates(ctx.db);
  const until = addDays(input.from, input.days - 1);
  const filter = agendaFilter(input.from, until, holidays);
  const dayList = Array.from({ length: input.days }, (_, i) => addDays(input.from, i));
  const due: { next: string; key: string; id: string }[] = [];
  if (filter !== null) {
    const open = new Map<string, string | null>();
    for (const c of agendaCandidates(ctx.db, today, filter)) {
      if (!scheduleSound(c)) continue;
      const cal = { from: c.reporting_from, holidays };
      const key = `${c.reporting}/${c.supervision_start}/${c.reporting_from}`;
      let far = open.get(key);
      if (far === undefined) {
        far = reportingState(c.supervision_start, NEVER_ENDS, c.reporting, null, today, cal).nextDue;
        open.set(key, far);
      }
      const next =
        far !== null && far <= c.supervision_end ? far : reportingState(c.supervision_start, c.supervision_end, c.reporting, null, today, cal).nextDue;
      if (next !== null && next >= input.from && next <= until) due.push({ next, key: c.name_key, id: c.id });
    }
  }
  due.sort((a, b) => (a.next !== b.next ? (a.next < b.next ? -1 : 1) : a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<string, number>();
  for (const d of due) counts.set(d.next, (counts.get(d.next) ?? 0) + 1);
  const page = due.slice(input.offset, input.offset + input.limit);
  const byId = new Map(
    agendaRows(
      ctx.db,
      page.map((d) => d.id),
    ).map((r) => [r.id, r]),
  );
  const rows = page.map(({ id }): ReportingRow => {
    const c = byId.get(id)!;
    const s = reportingState(c.supervision_start, c.supervision_end, c.reporting as Reporting, c.last_checkin, today, { from: c.reporting_from, holidays });
    return {
      clientId: c.id,
      name: c.name,
      registerNumber: c.register_number,
      pkUserId: c.pk_user_id,
      pkName: c.pk_name,
      lastCheckin: c.last_checkin,
      overdueSince: s.overdueSince,
      missedStreak: s.missedStreak,
      nextDue: s.nextDue,
      damaged: false,
    };
  });
  return { total: due.length, days: dayList.map((date) => ({ date, count: counts.get(date) ?? 0 })), rows };
}
