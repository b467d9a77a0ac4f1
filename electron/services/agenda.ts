import { agendaFilter, reportingState } from '../../shared/checkins';
import { addDays } from '../../shared/agreements';
import type { Reporting } from '../../shared/clients';
import type { AgendaPage, ReportingRow } from '../../shared/types';
import { agendaEnding, agendaGroups, agendaMembers, agendaRows, type AgendaGroup } from '../../db/repositories/agenda';
import { holidayDates } from '../../db/repositories/holidays';
import type { AppContext } from './context';
import { officeToday } from './settings';
import { isIsoDate } from '../../shared/validate';

/** The last day a date may take (shared/validate.ts isIsoDate): a schedule that never ends. */
const NEVER_ENDS = '2200-12-31';

/**
 * The agenda (who is due between `from` and `from + days − 1`), one page at a time: the total and
 * each day's count, and the page's rows in the order the screen shows them (due date, then name
 * as the registers sort it, then id, so pages of a day's ties never overlap).
 *
 * Who is due is shared/checkins.ts `reportingState`, run for the candidates agendaFilter lets
 * through. A client's next due date depends on their start, reporting, tracked-from day and end
 * (never on their check-ins), and on the end only when the supervision ends before it: if the
 * next due date of the schedule with no end lies on or before the client's end, the end cannot
 * have cut any due date up to it, so it is the client's own. The candidates are therefore read
 * grouped by start, tracked-from day and reporting (how many groups is bounded by the calendar,
 * not by the number of clients, however many posts an induk holds), each group's schedule is
 * computed once, and the few clients whose supervision ends before their group's next due date
 * are read one by one and computed exactly. Only the page's days are then read by name, and only
 * the page's rows whole.
 */
export function agendaPage(ctx: AppContext, input: { from: string; days: number; limit: number; offset: number }): AgendaPage {
  const today = officeToday(ctx);
  const holidays = holidayDates(ctx.db);
  const until = addDays(input.from, input.days - 1);
  const filter = agendaFilter(input.from, until, holidays);
  const dayList = Array.from({ length: input.days }, (_, i) => addDays(input.from, i));
  const inWindow = (d: string | null): d is string => d !== null && d >= input.from && d <= until;
  const keyOf = (c: { reporting: string; supervision_start: string; reporting_from: string }) => `${c.reporting}/${c.supervision_start}/${c.reporting_from}`;
  // Per group: its next due date with no end; per day: the groups due then and their count.
  const far = new Map<string, string | null>();
  const groupsOn = new Map<string, AgendaGroup[]>();
  const counts = new Map<string, number>();
  const bump = (d: string, n: number) => counts.set(d, (counts.get(d) ?? 0) + n);
  // Clients whose end comes before their group's next due date, with their own next due date.
  const ownDue = new Map<string, { next: string; key: string; id: string }[]>();
  if (filter !== null) {
    const groups = agendaGroups(ctx.db, today, filter).filter((g) => isIsoDate(g.supervision_start) && isIsoDate(g.reporting_from));
    let latest = '';
    for (const g of groups) {
      const next = reportingState(g.supervision_start, NEVER_ENDS, g.reporting, null, today, { from: g.reporting_from, holidays }).nextDue;
      far.set(keyOf(g), next);
      if (next !== null && next > latest) latest = next;
      if (!inWindow(next)) continue;
      groupsOn
        .set(next, groupsOn.get(next) ?? [])
        .get(next)!
        .push(g);
      bump(next, g.n);
    }
    // Those ending before their group's date leave its count and are computed on their own.
    for (const c of agendaEnding(ctx.db, today, filter, latest || NEVER_ENDS)) {
      const group = far.get(keyOf(c));
      if (group === undefined || (group !== null && group <= c.supervision_end)) continue;
      if (inWindow(group)) bump(group, -1);
      const next = reportingState(c.supervision_start, c.supervision_end, c.reporting, null, today, { from: c.reporting_from, holidays }).nextDue;
      if (!inWindow(next)) continue;
      bump(next, 1);
      ownDue
        .set(next, ownDue.get(next) ?? [])
        .get(next)!
        .push({ next, key: c.name_key, id: c.id });
    }
  }
  const total = dayList.reduce((n, d) => n + (counts.get(d) ?? 0), 0);
  // The page's days alone are read by name: a day's members in the agenda's order, then cut.
  const page: string[] = [];
  let skip = input.offset;
  for (const d of dayList) {
    const n = counts.get(d) ?? 0;
    if (page.length >= input.limit) break;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const members = [...agendaMembers(ctx.db, today, groupsOn.get(d) ?? [], d).map((m) => ({ key: m.name_key, id: m.id })), ...(ownDue.get(d) ?? [])];
    members.sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    page.push(...members.slice(skip, skip + input.limit - page.length).map((m) => m.id));
    skip = 0;
  }
  const byId = new Map(agendaRows(ctx.db, page).map((r) => [r.id, r]));
  const rows = page.map((id): ReportingRow => {
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
  return { total, days: dayList.map((date) => ({ date, count: counts.get(date) ?? 0 })), rows };
}
