import { NATIONAL_HOLIDAYS } from '../../shared/holidays';
import { AppError, fieldError } from '../../shared/errors';
import { isDayOff } from '../../shared/checkins';
import type { EndedClient, HolidayList } from '../../shared/types';
import { endedClients } from '../../db/repositories/caseload';
import { allHolidays, deleteHoliday, holidayOn, insertHoliday } from '../../db/repositories/holidays';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { officeCode, officeToday } from './settings';

/**
 * The caseload on the office's calendar: the open records whose supervision has ended (to be
 * closed), and the office's holidays. Holidays are the office's own (a post and its parent may
 * close on different days): they are audited as a setting and never travel in a bundle.
 */
export function caseloadHandlers(ctx: AppContext): HandlersOf<'clients.ended' | 'holidays.list' | 'holidays.confirm' | 'holidays.add' | 'holidays.remove'> {
  const list = (): HolidayList => {
    const holidays = allHolidays(ctx.db);
    const taken = new Set(holidays.map((h) => h.date));
    const year = Number(officeToday(ctx).slice(0, 4));
    return {
      holidays: holidays.map((h) => ({ date: h.date, name: h.name, source: h.source, byName: h.by_name })),
      // This year's and next year's national days, offered until the admin confirms them.
      offered: NATIONAL_HOLIDAYS.filter((h) => (h.date.startsWith(`${year}-`) || h.date.startsWith(`${year + 1}-`)) && !taken.has(h.date)),
    };
  };
  // One change of the office's settings: the day(s) added (after) or taken off (before).
  const audit = (call: Parameters<typeof actorOf>[0], change: { before?: unknown; after?: unknown }) =>
    recordChange(ctx, actorOf(call), { action: 'update', entity: 'settings', entityId: 'holidays', ...change, sync: false });

  return {
    'clients.ended': (): EndedClient[] =>
      endedClients(ctx.db, officeToday(ctx), officeCode(ctx)).map((c) => ({
        clientId: c.id,
        name: c.name,
        registerNumber: c.register_number,
        pkName: c.pk_name,
        supervisionEnd: c.supervision_end,
        // Closed as of the end of supervision; never before the record's last status change.
        closeOn: c.supervision_end > c.status_date ? c.supervision_end : c.status_date,
        updatedAt: c.updated_at,
      })),
    'holidays.list': () => list(),
    'holidays.confirm': (input, call) => {
      const actor = actorOf(call);
      ctx.db.tx(() => {
        const known = new Map(NATIONAL_HOLIDAYS.map((h) => [h.date, h]));
        for (const date of input.dates) if (!known.has(date)) throw fieldError('dates', 'caseload.holidayNotOffered', { date });
        const now = isoNow(ctx);
        const added = [];
        for (const date of new Set(input.dates)) {
          if (holidayOn(ctx.db, date)) continue;
          const row = { date, name: known.get(date)!.name, source: 'nasional' as const, created_by: actor.id, created_at: now };
          insertHoliday(ctx.db, row);
          added.push(row);
        }
        if (added.length) audit(call, { after: { holidays: added } });
      });
      return list();
    },
    'holidays.add': (input, call) => {
      const actor = actorOf(call);
      ctx.db.tx(() => {
        if (isDayOff(input.date)) throw fieldError('date', 'caseload.holidayWeekend');
        const held = holidayOn(ctx.db, input.date);
        if (held) throw fieldError('date', 'caseload.holidayTaken', { name: held.name });
        const row = { date: input.date, name: input.name, source: 'kantor' as const, created_by: actor.id, created_at: isoNow(ctx) };
        insertHoliday(ctx.db, row);
        audit(call, { after: { holidays: [row] } });
      });
      return list();
    },
    'holidays.remove': (input, call) => {
      ctx.db.tx(() => {
        const held = holidayOn(ctx.db, input.date);
        if (!held) throw new AppError('NOT_FOUND', 'caseload.holidayUnknown');
        deleteHoliday(ctx.db, input.date);
        audit(call, { before: { holidays: [held] } });
      });
      return list();
    },
  };
}
