import { fieldError } from '../../shared/errors';
import { foldForSearch } from '../../shared/validate';
import { insertPickListEntry, listPickList, type PickList } from '../../db/repositories/pickLists';
import { regenciesInRecords } from '../../db/repositories/regenciesInRecords';
import type { ServiceType } from '../../shared/types';
import { recordChange } from './audit';
import { actorOf, isoNow, type Actor, type AppContext, type HandlersOf } from './context';
import { officeCode, officeSettings } from './settings';

type ListRow = ReturnType<typeof listPickList>[number];

/** An office-extensible list (service types, institution types): its table, its audit entity, its refusal. */
interface CodeList {
  readonly table: PickList;
  readonly entity: 'service_type' | 'institution_type';
  readonly exists: 'services.exists' | 'institutionTypes.exists';
}

const SERVICE_TYPES: CodeList = { table: 'service_types', entity: 'service_type', exists: 'services.exists' };
const INSTITUTION_TYPES: CodeList = { table: 'institution_types', entity: 'institution_type', exists: 'institutionTypes.exists' };

const toEntry = (r: ListRow): ServiceType => ({ code: r.code, labelId: r.label_id, labelEn: r.label_en, builtIn: r.built_in === 1 });

/** Adds a label to a list under a code made from it; a label that folds to one already there is refused. */
function addEntry(ctx: AppContext, kind: CodeList, actor: Actor, input: { labelId: string; labelEn: string }): ServiceType {
  return ctx.db.tx(() => {
    const code = foldForSearch(input.labelId).replace(/ /g, '_').slice(0, 40);
    if (code.length < 2) throw fieldError('labelId', 'v.invalid');
    if (listPickList(ctx.db, kind.table).some((s) => s.code === code || foldForSearch(s.label_id) === foldForSearch(input.labelId)))
      throw fieldError('labelId', kind.exists);
    const now = isoNow(ctx);
    insertPickListEntry(ctx.db, kind.table, {
      code,
      label_id: input.labelId,
      label_en: input.labelEn,
      built_in: 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      origin: officeCode(ctx),
    });
    const created = toEntry(listPickList(ctx.db, kind.table).find((s) => s.code === code)!);
    recordChange(ctx, actor, { action: 'create', entity: kind.entity, entityId: code, after: created });
    return created;
  });
}

/** Reference lists: wilayah limited to the office's coverage, the service types and the institution types. */
export function referenceHandlers(
  ctx: AppContext,
): HandlersOf<
  | 'wilayah.coverage'
  | 'wilayah.provinces'
  | 'wilayah.districts'
  | 'wilayah.villages'
  | 'wilayah.inRecords'
  | 'services.list'
  | 'services.create'
  | 'institutionTypes.list'
  | 'institutionTypes.create'
> {
  const coverage = () => officeSettings(ctx)?.coverage ?? [];

  return {
    'wilayah.coverage': async () => {
      const allowed = new Set(coverage());
      return (await ctx.wilayah.regencies()).filter((r) => allowed.has(r.code));
    },
    'wilayah.inRecords': async () => {
      // The coverage is where this office registers its own records; a post's records at its
      // Bapas induk keep the post's wilayah, which the induk's lists must still be able to filter by.
      const wanted = new Set([...coverage(), ...regenciesInRecords(ctx.db)]);
      return (await ctx.wilayah.regencies()).filter((r) => wanted.has(r.code));
    },
    'wilayah.provinces': async () => {
      const allowed = new Set(coverage().map((c) => c.slice(0, 2)));
      return (await ctx.wilayah.provinces()).filter((p) => allowed.has(p.code));
    },
    'wilayah.districts': async (input) => {
      if (!coverage().includes(input.regencyCode)) throw fieldError('regencyCode', 'v.outsideCoverage');
      return ctx.wilayah.districts(input.regencyCode);
    },
    'wilayah.villages': async (input) => {
      if (!coverage().some((r) => input.districtCode.startsWith(`${r}.`))) throw fieldError('districtCode', 'v.outsideCoverage');
      return ctx.wilayah.villages(input.districtCode);
    },
    'services.list': () => listPickList(ctx.db, SERVICE_TYPES.table).map(toEntry),
    'services.create': (input, call) => addEntry(ctx, SERVICE_TYPES, actorOf(call), input),
    'institutionTypes.list': () => listPickList(ctx.db, INSTITUTION_TYPES.table).map(toEntry),
    'institutionTypes.create': (input, call) => addEntry(ctx, INSTITUTION_TYPES, actorOf(call), input),
  };
}
