import { HOME_VISIT_AFTER, overdueCutoff, reportingState, schedule, type CheckinKind } from '../../shared/checkins';
import { isUnderSupervision, REPORTING, type ClientStatus, type Reporting } from '../../shared/clients';
import { isIsoDate } from '../../shared/validate';
import { fieldError } from '../../shared/errors';
import type { ClientReporting, ReportingRow } from '../../shared/types';
import { bumpLastCheckin, checkinsOf, insertCheckin, reportingClients } from '../../db/repositories/checkins';
import { holidayDates } from '../../db/repositories/holidays';
import { userById } from '../../db/repositories/users';
import { recordChange } from './audit';
import { mustFindClient } from './clients';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { exportTable, type ExportColumn } from './exporter';
import { exportHeading, say } from './exportHeading';
import { newId } from './ids';
import { officeCode, officeToday } from './settings';
import { assertOwn } from './ownership';
import { agendaPage } from './agenda';

/**
 * Whether a client's dates can carry a reporting schedule at all. The screens and the bundle check
 * never let other values in, but one damaged row (an old restore, a hand-edited file) must show as
 * damaged on its own line, never take the overdue list or the home screen of the office down.
 */
export function scheduleSound(c: {
  supervision_start: string;
  supervision_end: string;
  reporting: string;
  last_checkin: string | null;
  reporting_from: string;
}): boolean {
  return (
    isIsoDate(c.supervision_start) &&
    isIsoDate(c.reporting_from) &&
    isIsoDate(c.supervision_end) &&
    c.supervision_start <= c.supervision_end &&
    (c.last_checkin === null || isIsoDate(c.last_checkin)) &&
    (REPORTING as readonly string[]).includes(c.reporting)
  );
}

/** The office's calendar for one client: their tracked-from day and the office's holidays. */
const calendarOf = (ctx: AppContext, c: { reporting_from: string }) => ({ from: c.reporting_from, holidays: holidayDates(ctx.db) });

/**
 * The rows the client's page lists: the current run of missed due dates whole (the page says "N
 * jadwal terlewat", and lists those N), up to four closed ones before the first open one, and the
 * next two. A list cut at a fixed four closed rows showed 4 rows under "17 terlewat".
 */
export function shownRows<R extends { readonly status: string }>(rows: readonly R[], missedStreak: number): R[] {
  const firstOpen = rows.findIndex((s) => s.status === 'open' || s.status === 'upcoming');
  const cut = firstOpen === -1 ? rows.length : firstOpen;
  let from = Math.max(0, cut - 4);
  // The streak ends at the last closed row; every row of it is shown.
  let closedSeen = 0;
  for (let i = cut - 1; i >= 0 && closedSeen < missedStreak; i--) {
    if (rows[i]!.status === 'missed') closedSeen++;
    from = Math.min(from, i);
  }
  return rows.slice(from, cut + 2);
}

export function reportingOf(ctx: AppContext, clientId: string): ClientReporting {
  const c = mustFindClient(ctx, clientId);
  const today = officeToday(ctx);
  const rows = checkinsOf(ctx.db, clientId);
  const reporting = c.reporting as Reporting;
  if (!scheduleSound(c))
    return {
      reporting,
      schedule: [],
      shown: [],
      trackedFrom: c.reporting_from,
      checkins: [],
      missedStreak: 0,
      overdueSince: null,
      nextDue: null,
      homeVisitDue: false,
      damaged: true,
    };
  const cal = calendarOf(ctx, c);
  const state = reportingState(c.supervision_start, c.supervision_end, reporting, c.last_checkin, today, cal);
  const all = schedule(
    c.supervision_start,
    c.supervision_end,
    reporting,
    rows.map((r) => r.date),
    today,
    cal,
  );
  // Only a client under supervision is due, overdue or in need of a home visit (shared/clients.ts).
  const current = isUnderSupervision(c.status as ClientStatus, c.supervision_end, today);
  const missedStreak = current ? state.missedStreak : 0;
  return {
    reporting,
    schedule: all,
    shown: shownRows(all, missedStreak),
    trackedFrom: c.reporting_from,
    checkins: rows.map((r) => ({ id: r.id, date: r.date, kind: r.kind, reason: r.reason, notes: r.notes, officer: r.officer_name ?? '' })),
    missedStreak,
    overdueSince: current ? state.overdueSince : null,
    nextDue: current ? state.nextDue : null,
    homeVisitDue: current && state.missedStreak >= HOME_VISIT_AFTER,
    damaged: false,
  };
}

/**
 * Clients under supervision with a reporting duty who may be overdue, with where they stand
 * today: only those whose last check-in leaves them possibly overdue (the others are up to date by
 * the rule itself: shared/checkins.ts overdueCutoff); the exact state is computed for those alone.
 * The agenda is computed in ./agenda.ts.
 */
function overdueStandings(ctx: AppContext): ReportingRow[] {
  const today = officeToday(ctx);
  const holidays = holidayDates(ctx.db);
  const cutoffs = { bulanan: overdueCutoff('bulanan', today, holidays), dua_mingguan: overdueCutoff('dua_mingguan', today, holidays) };
  return reportingClients(ctx.db, today, cutoffs).map((c) => {
    const damaged = !scheduleSound(c);
    const s = damaged
      ? { overdueSince: null, missedStreak: 0, nextDue: null }
      : reportingState(c.supervision_start, c.supervision_end, c.reporting as Reporting, c.last_checkin, today, { from: c.reporting_from, holidays });
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
      damaged,
    };
  });
}

/** `localeCompare` without a locale, made once: a list of thousands sorts without a collator per comparison. */
const byName = new Intl.Collator().compare;

/** The overdue list, most missed first: the screen, its export and its printed book read this one list. */
export const overdueRows = (ctx: AppContext, pkUserId: string | null) =>
  overdueStandings(ctx)
    // A damaged schedule is listed too: someone has to look at that client's dates.
    .filter((r) => r.missedStreak > 0 || r.damaged)
    .filter((r) => !pkUserId || r.pkUserId === pkUserId)
    .sort((a, b) => b.missedStreak - a.missedStreak || (a.overdueSince ?? '').localeCompare(b.overdueSince ?? '') || byName(a.name, b.name));

export function checkinHandlers(
  ctx: AppContext,
): HandlersOf<'checkins.record' | 'checkins.ofClient' | 'checkins.overdue' | 'checkins.overdueExport' | 'checkins.agenda'> {
  const overdue = (pkUserId: string | null) => overdueRows(ctx, pkUserId);
  return {
    'checkins.record': (input, call) => {
      const actor = actorOf(call);
      const today = officeToday(ctx);
      ctx.db.tx(() => {
        const c = mustFindClient(ctx, input.clientId);
        assertOwn(ctx, c, 'clientId');
        if (c.status !== 'aktif') throw fieldError('clientId', 'referrals.problem.clientNotActive');
        if (input.date < c.supervision_start || input.date > c.supervision_end) throw fieldError('date', 'checkins.outsideSupervision');
        if (input.date > today) throw fieldError('date', 'v.future');
        if (input.officerId && !userById(ctx.db, input.officerId)?.active) throw fieldError('officerId', 'clients.pkUnknown');
        const now = isoNow(ctx);
        const id = newId();
        const row = {
          id,
          client_id: c.id,
          date: input.date,
          kind: input.kind as CheckinKind,
          reason: input.kind === 'jarak_jauh' ? input.reason : '',
          officer_id: input.officerId ?? actor.id,
          notes: input.notes,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        };
        insertCheckin(ctx.db, row);
        bumpLastCheckin(ctx.db, c.id, input.date);
        recordChange(ctx, actor, { action: 'create', entity: 'checkin', entityId: id, after: row });
      });
      return reportingOf(ctx, input.clientId);
    },
    'checkins.ofClient': (input) => reportingOf(ctx, input.id),
    'checkins.overdue': (input) => overdue(input.pkUserId),
    'checkins.overdueExport': async (input, call) => {
      const actor = actorOf(call);
      const rows = overdue(input.pkUserId);
      const heading = exportHeading(ctx, actor, 'Daftar Klien Terlambat Wajib Lapor', [say.user(ctx, 'PK', input.pkUserId)]);
      const file = await exportTable('xlsx', 'terlambat-lapor', officeToday(ctx), OVERDUE_COLUMNS, rows, null, { heading });
      ctx.db.tx(() =>
        recordChange(ctx, actor, {
          action: 'export',
          entity: 'client',
          entityId: '*',
          after: { list: 'overdue', rows: rows.length, filter: input },
          sync: false,
        }),
      );
      return file;
    },
    'checkins.agenda': (input) => agendaPage(ctx, input),
  };
}

const OVERDUE_COLUMNS: readonly ExportColumn<ReportingRow, null>[] = [
  { header: 'No. register', width: 18, value: (r) => r.registerNumber },
  { header: 'Nama', width: 30, value: (r) => r.name },
  { header: 'PK', width: 24, value: (r) => r.pkName ?? '' },
  { header: 'Lapor terakhir', width: 14, value: (r) => r.lastCheckin, kind: 'date' },
  { header: 'Terlambat sejak', width: 14, value: (r) => r.overdueSince, kind: 'date' },
  { header: 'Jadwal terlewat', width: 10, value: (r) => r.missedStreak, kind: 'number' },
  { header: 'Keterangan', width: 30, value: (r) => (r.damaged ? 'Data rusak: periksa tanggal bimbingan' : '') },
];
