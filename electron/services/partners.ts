import { canMoveStatus, type AuditAction, type Bidang, type PartnerCategory, type PartnerStatus } from '../../shared/domain';
import { AppError, fieldError } from '../../shared/errors';
import type { ParsedInputOf } from '../../shared/contract';
import type { DuplicateMatch, FieldChange, HistoryEntry, Partner, PartnerRow } from '../../shared/types';
import { foldForSearch, phoneSearchTerm, searchTerms } from '../../shared/validate';
import { auditFor } from '../../db/repositories/audit';
import {
  countPartners,
  insertPartner,
  insertStatusChange,
  listPartners,
  partnerById,
  partnerInForce,
  partnersInRegency,
  statusChangesOf,
  updatePartner,
  type PartnerDbRow,
  type PartnerFilter,
} from '../../db/repositories/partners';
import { groupsOfPartner } from '../../db/repositories/pokmas';
import { institutionCodes } from '../../db/repositories/pickLists';
import { serviceCodes } from '../../db/repositories/pickLists';
import { partnerNameKey } from '../../shared/partnerNames';
import type { PartnersTable } from '../../db/schema';
import { recordChange, toAuditEntry } from './audit';
import { namesFor } from './auditNames';
import { actorOf, isoNow, nextStamp, type Actor, type AppContext, type HandlersOf } from './context';
import { partnerExportFile } from './partnerExport';
import { newId } from './ids';
import { requireDecision } from './officers';
import { officeCode, officeSettings, officeToday } from './settings';
import { checkWilayahExists } from './wilayah';
import { assertOwn, ownedBy } from './ownership';

type Fields = ParsedInputOf<'partners.create'>;

export function toPartnerRow(ctx: AppContext, r: PartnerDbRow, inForce: boolean): PartnerRow {
  return {
    id: r.id,
    name: r.name,
    category: r.category as PartnerCategory,
    institutionType: r.institution_type,
    bidang: JSON.parse(r.bidang) as Bidang[],
    services: JSON.parse(r.services) as string[],
    status: r.status as PartnerStatus,
    phone: r.phone,
    contactName: r.contact_name,
    regencyCode: r.regency_code,
    regencyName: r.regency_code ? ctx.wilayah.regencyName(r.regency_code) : null,
    provinceCode: r.province_code,
    provinceName: r.province_code ? ctx.wilayah.name(r.province_code) : null,
    capacity: r.capacity,
    updatedAt: r.updated_at,
    archivedAt: r.deleted_at,
    hasAgreementInForce: inForce,
    origin: r.origin,
  };
}

async function toPartner(ctx: AppContext, r: PartnerDbRow): Promise<Partner> {
  await ctx.wilayah.ensureNames([r.regency_code, r.district_code, r.village_code]);
  return toPartnerSync(ctx, r);
}

/** Partner with its names resolved from the wilayah lists already loaded. */
function toPartnerSync(ctx: AppContext, r: PartnerDbRow): Partner {
  return {
    ...toPartnerRow(ctx, r, partnerInForce(ctx.db, r.id, officeToday(ctx))),
    leaderName: r.leader_name,
    email: r.email,
    address: r.address,
    districtCode: r.district_code,
    districtName: r.district_code ? ctx.wilayah.name(r.district_code) : null,
    villageCode: r.village_code,
    villageName: r.village_code ? ctx.wilayah.name(r.village_code) : null,
    statusDate: r.status_date,
    skNumber: r.sk_number,
    skDate: r.sk_date,
    notes: r.notes,
    createdAt: r.created_at,
    groups: groupsOfPartner(ctx.db, r.id),
    ownedBy: ownedBy(ctx, r.origin),
  };
}

/** The audit view of a partner: stored fields only, so history diffs show what a user changed. */
function auditView(r: PartnerDbRow) {
  return {
    name: r.name,
    category: r.category,
    institutionType: r.institution_type,
    bidang: JSON.parse(r.bidang) as string[],
    services: JSON.parse(r.services) as string[],
    leaderName: r.leader_name,
    contactName: r.contact_name,
    phone: r.phone,
    email: r.email,
    address: r.address,
    provinceCode: r.province_code,
    regencyCode: r.regency_code,
    districtCode: r.district_code,
    villageCode: r.village_code,
    capacity: r.capacity,
    status: r.status,
    statusDate: r.status_date,
    skNumber: r.sk_number,
    skDate: r.sk_date,
    notes: r.notes,
    archivedAt: r.deleted_at,
  };
}

function columns(f: Omit<Fields, 'status' | 'statusDate' | 'confirmDuplicate'>) {
  return {
    name: f.name,
    name_key: foldForSearch(f.name),
    search_text: foldForSearch([f.name, f.leaderName, f.contactName, f.phone, f.email, f.skNumber].join(' ')),
    category: f.category,
    institution_type: f.institutionType,
    bidang: JSON.stringify(f.bidang),
    services: JSON.stringify(f.services),
    leader_name: f.leaderName,
    contact_name: f.contactName,
    phone: f.phone,
    email: f.email,
    address: f.address,
    province_code: f.provinceCode,
    regency_code: f.regencyCode,
    district_code: f.districtCode,
    village_code: f.villageCode,
    capacity: f.capacity,
    sk_number: f.skNumber,
    sk_date: f.skDate,
    notes: f.notes,
  } satisfies Partial<PartnersTable>;
}

function mustFind(ctx: AppContext, id: string): PartnerDbRow {
  const row = partnerById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'partners.notFound');
  return row;
}

/**
 * Wilayah must lie in the office's coverage and exist (a province-level partner: a province of the
 * coverage); services and the institution type must be known codes.
 */
async function checkReferences(ctx: AppContext, f: Omit<Fields, 'status' | 'statusDate' | 'confirmDuplicate'>, prefix: string): Promise<void> {
  const coverage = officeSettings(ctx)?.coverage ?? [];
  if (f.regencyCode && !coverage.includes(f.regencyCode)) throw fieldError(`${prefix}regencyCode`, 'v.outsideCoverage');
  if (f.provinceCode && !coverage.some((c) => c.startsWith(`${f.provinceCode}.`))) throw fieldError(`${prefix}provinceCode`, 'v.outsideCoverage');
  await checkWilayahExists(ctx.wilayah, f, prefix);
  const known = serviceCodes(ctx.db);
  const bad = f.services.find((s) => !known.has(s));
  if (bad) throw fieldError(`${prefix}services`, 'v.serviceUnknown', { code: bad });
  if (f.institutionType && !institutionCodes(ctx.db).has(f.institutionType)) {
    throw fieldError(`${prefix}institutionType`, 'institutionTypes.unknown', { code: f.institutionType });
  }
}

/** Partners of the same kabupaten whose names differ only in how they are written (see partnerNameKey). */
function duplicates(ctx: AppContext, name: string, regencyCode: string | null, excludeId: string | null): DuplicateMatch[] {
  const key = partnerNameKey(name);
  const same = partnersInRegency(ctx.db, regencyCode, excludeId).filter((r) => partnerNameKey(r.name) === key);
  return same.slice(0, 10).map((r) => ({
    id: r.id,
    name: r.name,
    regencyName: r.regency_code ? ctx.wilayah.regencyName(r.regency_code) : null,
    archived: r.deleted_at !== null,
  }));
}

/** Refuses a save that repeats a name in the same kabupaten until the user confirms it. */
function guardDuplicate(ctx: AppContext, name: string, regencyCode: string | null, excludeId: string | null, confirmed: boolean, field: string) {
  if (confirmed) return;
  const found = duplicates(ctx, name, regencyCode, excludeId);
  if (found.length > 0) {
    throw new AppError('CONFLICT', 'partners.duplicate', { params: { name: found[0]!.name }, fields: { [field]: 'partners.duplicate' } });
  }
}

/** Kabupaten/kota codes in the order of their shown names, for the kabupaten sort. */
export async function regencyNameOrder(ctx: AppContext): Promise<readonly string[]> {
  const regencies = await ctx.wilayah.regencies();
  return [...regencies].sort((a, b) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code)).map((r) => r.code);
}

export function partnerFilterOf(input: Omit<ParsedInputOf<'partners.list'>, 'limit' | 'offset' | 'sort' | 'dir'>): PartnerFilter {
  return {
    terms: searchTerms(input.q),
    phone: phoneSearchTerm(input.q),
    bidang: input.bidang,
    category: input.category,
    institutionType: input.institutionType,
    service: input.service,
    status: input.status,
    regencyCode: input.regencyCode,
    origin: input.origin,
    archived: input.archived,
  };
}

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

export function partnerHandlers(
  ctx: AppContext,
): HandlersOf<
  | 'partners.list'
  | 'partners.get'
  | 'partners.history'
  | 'partners.duplicates'
  | 'partners.create'
  | 'partners.update'
  | 'partners.setStatus'
  | 'partners.archive'
  | 'partners.restore'
  | 'partners.export'
> {
  const audited = (actor: Actor, action: AuditAction, before: PartnerDbRow | null, after: PartnerDbRow) =>
    recordChange(ctx, actor, {
      action,
      entity: 'partner',
      entityId: after.id,
      before: before ? auditView(before) : undefined,
      after: auditView(after),
    });

  return {
    'partners.list': async (input) => {
      const order = await regencyNameOrder(ctx);
      const f = partnerFilterOf(input);
      const rows = listPartners(ctx.db, f, input.sort, input.dir, input.limit, input.offset, officeToday(ctx), order);
      const total = rows.length < input.limit && input.offset === 0 ? rows.length : countPartners(ctx.db, f);
      return { rows: rows.map((r) => toPartnerRow(ctx, r, r.in_force === 1)), total };
    },
    'partners.get': (input) => toPartner(ctx, mustFind(ctx, input.id)),
    'partners.history': async (input) => {
      mustFind(ctx, input.id);
      const statusChanges = statusChangesOf(ctx.db, input.id).map((s) => ({
        id: s.id,
        fromStatus: s.from_status as PartnerStatus | null,
        toStatus: s.to_status as PartnerStatus,
        date: s.date,
        note: s.note,
        byName: s.user_name ?? '',
        at: s.created_at,
      }));
      const audit = auditFor(ctx.db, 'partner', input.id).map(toAuditEntry);
      const edits: HistoryEntry[] = audit.map((a) => ({
        seq: a.seq,
        at: a.at,
        userName: a.userName,
        action: a.action,
        changes: diff(a.before as Record<string, unknown> | null, a.after as Record<string, unknown> | null),
      }));
      return { statusChanges, edits, names: await namesFor(ctx, audit) };
    },
    'partners.duplicates': async (input) => {
      await ctx.wilayah.regencies();
      return duplicates(ctx, input.name, input.regencyCode, input.excludeId);
    },
    'partners.create': async (input, call) => {
      const actor = actorOf(call);
      // An operator registers a candidate; a standing beyond calon is a decision (shared/roles.ts).
      if (input.status !== 'calon') requireDecision(actor, 'partnerStanding');
      await checkReferences(ctx, input, '');
      const row = ctx.db.tx(() => {
        guardDuplicate(ctx, input.name, input.regencyCode, null, input.confirmDuplicate, 'name');
        const now = isoNow(ctx);
        const id = newId();
        insertPartner(ctx.db, {
          id,
          ...columns(input),
          status: input.status,
          status_date: input.statusDate,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        insertStatusChange(ctx.db, {
          id: newId(),
          partner_id: id,
          from_status: null,
          to_status: input.status,
          date: input.statusDate,
          note: '',
          user_id: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        const created = mustFind(ctx, id);
        audited(actor, 'create', null, created);
        return created;
      });
      return toPartner(ctx, row);
    },
    'partners.update': async (input, call) => {
      const actor = actorOf(call);
      assertOwn(ctx, mustFind(ctx, input.id));
      await checkReferences(ctx, input.data, 'data.');
      const row = ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.deleted_at) throw new AppError('CONFLICT', 'partners.archivedNoEdit');
        if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        if (partnerNameKey(before.name) !== partnerNameKey(input.data.name) || before.regency_code !== input.data.regencyCode) {
          guardDuplicate(ctx, input.data.name, input.data.regencyCode, input.id, input.confirmDuplicate, 'data.name');
        }
        updatePartner(ctx.db, input.id, { ...columns(input.data), updated_at: nextStamp(ctx, before.updated_at) });
        const after = mustFind(ctx, input.id);
        audited(actor, 'update', before, after);
        return after;
      });
      return toPartner(ctx, row);
    },
    'partners.setStatus': async (input, call) => {
      const actor = actorOf(call);
      const row = ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.deleted_at) throw new AppError('CONFLICT', 'partners.archivedNoEdit');
        const from = before.status as PartnerStatus;
        if (!canMoveStatus(from, input.status)) throw fieldError('status', 'partners.statusMove', { from, to: input.status });
        if (input.date < before.status_date) throw fieldError('date', 'partners.statusDateBefore', { date: before.status_date });
        const now = nextStamp(ctx, before.updated_at);
        updatePartner(ctx.db, input.id, { status: input.status, status_date: input.date, updated_at: now });
        insertStatusChange(ctx.db, {
          id: newId(),
          partner_id: input.id,
          from_status: from,
          to_status: input.status,
          date: input.date,
          note: input.note,
          user_id: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        const after = mustFind(ctx, input.id);
        audited(actor, 'status', before, after);
        return after;
      });
      return toPartner(ctx, row);
    },
    'partners.archive': async (input, call) => {
      const actor = actorOf(call);
      const row = ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.deleted_at) throw new AppError('CONFLICT', 'partners.alreadyArchived');
        const now = nextStamp(ctx, before.updated_at);
        updatePartner(ctx.db, input.id, { deleted_at: now, updated_at: now });
        const after = mustFind(ctx, input.id);
        audited(actor, 'archive', before, after);
        return after;
      });
      return toPartner(ctx, row);
    },
    'partners.restore': async (input, call) => {
      const actor = actorOf(call);
      const row = ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (!before.deleted_at) throw new AppError('CONFLICT', 'partners.notArchived');
        updatePartner(ctx.db, input.id, { deleted_at: null, updated_at: nextStamp(ctx, before.updated_at) });
        const after = mustFind(ctx, input.id);
        audited(actor, 'restore', before, after);
        return after;
      });
      return toPartner(ctx, row);
    },
    'partners.export': async (input, call) => {
      const actor = actorOf(call);
      const order = await regencyNameOrder(ctx);
      const f = partnerFilterOf(input.filter);
      const dbRows = listPartners(ctx.db, f, input.filter.sort, input.filter.dir, 1_000_000, 0, officeToday(ctx), order);
      // The file names kecamatan and desa too: their lists are loaded once for all rows.
      await ctx.wilayah.ensureNames(dbRows.flatMap((r) => [r.district_code, r.village_code]));
      const rows = dbRows.map((r) => toPartnerSync(ctx, r));
      const file = await partnerExportFile(ctx, actor, input, rows);
      // Exports carry personal data out of the app: the record of processing notes each one.
      ctx.db.tx(() =>
        recordChange(ctx, actor, {
          action: 'export',
          entity: 'partner',
          entityId: '*',
          after: { format: input.format, rows: rows.length, filter: input.filter },
          sync: false,
        }),
      );
      return file;
    },
  };
}
