import { fieldError } from '../../shared/errors';
import { foldForSearch } from '../../shared/validate';
import { insertServiceType, listServiceTypes } from '../../db/repositories/serviceTypes';
import { regenciesInRecords } from '../../db/repositories/regenciesInRecords';
import type { ServiceType } from '../../shared/types';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { officeCode, officeSettings } from './settings';

/** Reference lists: wilayah limited to the office's coverage, and the service types. */
export function referenceHandlers(
  ctx: AppContext,
): HandlersOf<'wilayah.coverage' | 'wilayah.districts' | 'wilayah.villages' | 'wilayah.inRecords' | 'services.list' | 'services.create'> {
  const coverage = () => officeSettings(ctx)?.coverage ?? [];
  const toService = (r: ReturnType<typeof listServiceTypes>[number]): ServiceType => ({
    code: r.code,
    labelId: r.label_id,
    labelEn: r.label_en,
    builtIn: r.built_in === 1,
  });

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
    'wilayah.districts': async (input) => {
      if (!coverage().includes(input.regencyCode)) throw fieldError('regencyCode', 'v.outsideCoverage');
      return ctx.wilayah.districts(input.regencyCode);
    },
    'wilayah.villages': async (input) => {
      if (!coverage().some((r) => input.districtCode.startsWith(`${r}.`))) throw fieldError('districtCode', 'v.outsideCoverage');
      return ctx.wilayah.villages(input.districtCode);
    },
    'services.list': () => listServiceTypes(ctx.db).map(toService),
    'services.create': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const code = foldForSearch(input.labelId).replace(/ /g, '_').slice(0, 40);
        if (code.length < 2) throw fieldError('labelId', 'v.invalid');
        if (listServiceTypes(ctx.db).some((s) => s.code === code || foldForSearch(s.label_id) === foldForSearch(input.labelId))) {
          throw fieldError('labelId', 'services.exists');
        }
        const now = isoNow(ctx);
        insertServiceType(ctx.db, {
          code,
          label_id: input.labelId,
          label_en: input.labelEn,
          built_in: 0,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        const created = toService(listServiceTypes(ctx.db).find((s) => s.code === code)!);
        recordChange(ctx, actor, { action: 'create', entity: 'service_type', entityId: code, after: created });
        return created;
      });
    },
  };
}
