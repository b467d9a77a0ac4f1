import { institutionLabelsOf, namesOf, serviceLabelsOf, type NamedKind } from '../../db/repositories/recordNames';
import { refKey, refsOf, serviceKey, type RecordNames } from '../../shared/readableChanges';
import { ENTITY_REF, type RefKind } from '../../shared/recordFields';
import type { AppContext } from './context';

export interface Snapshot {
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Names of every record a page of entries refers to (the entries' own records and the ids inside
 * their snapshots): one query per kind of record for the whole page, never one per row.
 */
export async function namesFor(ctx: AppContext, entries: readonly Snapshot[]): Promise<RecordNames> {
  const wanted = new Map<RefKind, Set<string>>();
  for (const e of entries) {
    const own = ENTITY_REF[e.entity];
    if (own) {
      let set = wanted.get(own);
      if (!set) wanted.set(own, (set = new Set()));
      set.add(e.entityId);
    }
    refsOf(e.entity, e.before, wanted);
    refsOf(e.entity, e.after, wanted);
  }
  const names: Record<string, string> = {};
  for (const [kind, set] of wanted) {
    const ids = [...set];
    if (kind === 'service' || kind === 'institution') {
      for (const s of (kind === 'service' ? serviceLabelsOf : institutionLabelsOf)(ctx.db, ids)) {
        names[serviceKey(s.code, 'id', kind)] = s.label_id;
        names[serviceKey(s.code, 'en', kind)] = s.label_en || s.label_id;
      }
    } else if (kind === 'wilayah') {
      await ctx.wilayah.ensureNames(ids);
      for (const code of ids) {
        const name = ctx.wilayah.name(code) ?? ctx.wilayah.regencyName(code);
        if (name) names[refKey('wilayah', code)] = name;
      }
    } else {
      for (const [id, name] of namesOf(ctx.db, kind as NamedKind, ids)) names[refKey(kind, id)] = name;
    }
  }
  return names;
}
