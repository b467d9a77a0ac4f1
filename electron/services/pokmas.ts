import type { Bidang, PartnerStatus } from '../../shared/domain';
import { AppError, fieldError } from '../../shared/errors';
import type { ParsedInputOf } from '../../shared/contract';
import type { PokmasGroup } from '../../shared/types';
import type { PokmasGroupsTable } from '../../db/schema';
import { partnersByIds } from '../../db/repositories/partners';
import {
  groupById,
  insertGroup,
  insertMember,
  listGroups,
  memberRowsOf,
  membersOf,
  setMemberRemoved,
  updateGroup,
  type PokmasDbRow,
} from '../../db/repositories/pokmas';
import { recordChange } from './audit';
import { actorOf, isoNow, nextStamp, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { officeCode } from './settings';
import { assertOwn, ownedBy } from './ownership';

function withMembers(ctx: AppContext, rows: readonly PokmasDbRow[]): PokmasGroup[] {
  const members = membersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    bidang: r.bidang as Bidang,
    description: r.description,
    skNumber: r.sk_number,
    skDate: r.sk_date,
    chairName: r.chair_name,
    chairPhone: r.chair_phone,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    members: members.filter((m) => m.group_id === r.id).map((m) => ({ id: m.id, name: m.name, status: m.status as PartnerStatus })),
    updatedAt: r.updated_at,
    archivedAt: r.deleted_at,
    ownedBy: ownedBy(ctx, r.origin),
  }));
}

function mustFind(ctx: AppContext, id: string): PokmasDbRow {
  const row = groupById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'pokmas.notFound');
  return row;
}

/** The stored columns of a group's own fields (its members are rows of their own). */
function columns(f: ParsedInputOf<'pokmas.create'>) {
  return {
    name: f.name,
    bidang: f.bidang,
    description: f.description,
    sk_number: f.skNumber,
    sk_date: f.skDate,
    chair_name: f.chairName,
    chair_phone: f.chairPhone,
    period_start: f.periodStart,
    period_end: f.periodEnd,
  } satisfies Partial<PokmasGroupsTable>;
}

const one = (ctx: AppContext, id: string) => withMembers(ctx, [mustFind(ctx, id)])[0]!;

/** Makes the group's current members exactly `memberIds`; removed members keep their row as a tombstone. */
function syncMembers(ctx: AppContext, groupId: string, memberIds: readonly string[]): void {
  const found = partnersByIds(ctx.db, memberIds);
  const missing = memberIds.find((id) => !found.some((p) => p.id === id && p.deleted_at === null));
  if (missing) throw fieldError('memberIds', 'pokmas.memberUnknown');
  const now = isoNow(ctx);
  const existing = memberRowsOf(ctx.db, groupId);
  const wanted = new Set(memberIds);
  for (const row of existing) {
    const keep = wanted.has(row.partner_id);
    if (keep && row.deleted_at) setMemberRemoved(ctx.db, row.id, null, now);
    if (!keep && !row.deleted_at) setMemberRemoved(ctx.db, row.id, now, now);
    wanted.delete(row.partner_id);
  }
  for (const partnerId of wanted) insertMember(ctx.db, { id: newId(), group_id: groupId, partner_id: partnerId, at: now, origin: officeCode(ctx) });
}

export function pokmasHandlers(
  ctx: AppContext,
): HandlersOf<'pokmas.list' | 'pokmas.get' | 'pokmas.create' | 'pokmas.update' | 'pokmas.archive' | 'pokmas.restore'> {
  const audit = (actorId: { id: string; name: string }, action: 'create' | 'update' | 'archive' | 'restore', before: PokmasGroup | null, after: PokmasGroup) =>
    recordChange(ctx, actorId, {
      action,
      entity: 'pokmas_group',
      entityId: after.id,
      before: before ? { ...before, members: before.members.map((m) => m.name) } : undefined,
      after: { ...after, members: after.members.map((m) => m.name) },
    });

  return {
    'pokmas.list': (input) => withMembers(ctx, listGroups(ctx.db, input.archived)),
    'pokmas.get': (input) => one(ctx, input.id),
    'pokmas.create': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const now = isoNow(ctx);
        const id = newId();
        insertGroup(ctx.db, {
          id,
          ...columns(input),
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        syncMembers(ctx, id, input.memberIds);
        const after = one(ctx, id);
        audit(actor, 'create', null, after);
        return after;
      });
    },
    'pokmas.update': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const row = mustFind(ctx, input.id);
        assertOwn(ctx, row);
        if (row.deleted_at) throw new AppError('CONFLICT', 'pokmas.archivedNoEdit');
        if (row.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        const before = one(ctx, input.id);
        updateGroup(ctx.db, input.id, {
          ...columns(input.data),
          updated_at: nextStamp(ctx, row.updated_at),
        });
        syncMembers(ctx, input.id, input.data.memberIds);
        const after = one(ctx, input.id);
        audit(actor, 'update', before, after);
        return after;
      });
    },
    'pokmas.archive': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        assertOwn(ctx, mustFind(ctx, input.id));
        const before = one(ctx, input.id);
        if (before.archivedAt) throw new AppError('CONFLICT', 'pokmas.alreadyArchived');
        const now = nextStamp(ctx, before.updatedAt);
        updateGroup(ctx.db, input.id, { deleted_at: now, updated_at: now });
        const after = one(ctx, input.id);
        audit(actor, 'archive', before, after);
        return after;
      });
    },
    'pokmas.restore': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        assertOwn(ctx, mustFind(ctx, input.id));
        const before = one(ctx, input.id);
        if (!before.archivedAt) throw new AppError('CONFLICT', 'pokmas.notArchived');
        updateGroup(ctx.db, input.id, { deleted_at: null, updated_at: nextStamp(ctx, before.updatedAt) });
        const after = one(ctx, input.id);
        audit(actor, 'restore', before, after);
        return after;
      });
    },
  };
}
