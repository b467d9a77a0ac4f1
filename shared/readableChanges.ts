/**
 * One place that turns a stored before/after snapshot into rows an officer reads: field labels,
 * labels of codes, dates as "5 Maret 2025", phones as people write them, and names instead of ids.
 * The renderer uses it for history and the audit log; the main process for the audit export.
 */
import type { MessageParams } from './errors';
import { formatDate, formatDateTime, type Locale } from './format';
import type { TimeZoneCode } from './domain';
import { isMessageKey } from './i18n/index';
import { ENTITY_REF, fieldSpec, wordsOf, type FieldKind, type RefKind } from './recordFields';
import { displayPhone } from './validate';

export interface ReadableRow {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Names of referenced records, keyed by `refKey(kind, id)`; filled by the main process per page. */
export type RecordNames = Readonly<Record<string, string>>;

export interface Reader {
  t(key: string, params?: MessageParams): string;
  readonly locale: Locale;
  readonly zone: TimeZoneCode;
  readonly names: RecordNames;
}

export const refKey = (kind: RefKind | 'record', id: string): string => `${kind}:${id}`;
/** Services and institution types carry a label per language; the English one is kept beside the Indonesian. */
export const serviceKey = (code: string, locale: Locale, kind: LabelledKind = 'service'): string =>
  locale === 'en' ? `${kind}.en:${code}` : `${kind}:${code}`;
export type LabelledKind = 'service' | 'institution';
const isLabelled = (kind: RefKind): kind is LabelledKind => kind === 'service' || kind === 'institution';

const EMPTY = '—';
const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Lists are stored as arrays in some snapshots and as JSON text (database columns) in others. */
function listOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string' && v.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function objectOf(v: unknown): Record<string, unknown> | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string' && v.startsWith('{')) {
    try {
      return asObject(JSON.parse(v));
    } catch {
      return null;
    }
  }
  return null;
}

function one(kind: FieldKind, v: unknown, r: Reader): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  switch (kind.kind) {
    case 'enum': {
      const key = `${kind.prefix}.${String(v)}`;
      return isMessageKey(key) ? r.t(key) : String(v);
    }
    case 'ref': {
      const id = String(v);
      if (isLabelled(kind.ref)) return r.names[serviceKey(id, r.locale, kind.ref)] ?? r.names[serviceKey(id, 'id', kind.ref)] ?? id;
      return r.names[refKey(kind.ref, id)] ?? r.t('record.unknown');
    }
    case 'date':
      return formatDate(String(v), r.locale);
    case 'timestamp':
      return formatDateTime(String(v), r.zone, r.locale);
    case 'phone':
      return displayPhone(String(v));
    case 'bool':
      return r.t(v === true || v === 1 ? 'common.yes' : 'common.no');
    case 'number':
      return typeof v === 'number' ? v.toLocaleString(r.locale === 'id' ? 'id-ID' : 'en-GB') : String(v);
    case 'person': {
      const o = objectOf(v);
      return o ? String(o.name ?? EMPTY) || EMPTY : String(v);
    }
    case 'count': {
      const list = listOf(v);
      return list ? r.t('record.items', { count: list.length }) : String(v);
    }
    default:
      return plain(v, r);
  }
}

/** A value no map describes: text as it is, nested objects as "Label: value", never raw JSON. */
function plain(v: unknown, r: Reader): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'boolean') return r.t(v ? 'common.yes' : 'common.no');
  if (Array.isArray(v)) return v.length ? v.map((x) => plain(x, r)).join(', ') : EMPTY;
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      // Ids inside a nested value say nothing to an officer; the record itself is named elsewhere.
      .filter(([k]) => !/^id$|Id$|_id$/.test(k))
      .map(([k, x]) => `${wordsOf(k)}: ${plain(x, r)}`);
    return parts.length ? parts.join('; ') : EMPTY;
  }
  return String(v);
}

/** One stored value of `entity.field` as an officer reads it. */
export function readableValue(entity: string, field: string, value: unknown, r: Reader): string {
  const { kind } = fieldSpec(entity, field);
  const list = kind.kind === 'enum' || kind.kind === 'ref' ? listOf(value) : null;
  if (list) return list.length ? list.map((x) => one(kind, x, r)).join(', ') : EMPTY;
  return one(kind, value, r);
}

export function fieldLabel(entity: string, field: string, r: Pick<Reader, 't'>): string {
  const spec = fieldSpec(entity, field);
  return spec.label ? r.t(spec.label) : spec.words;
}

/** The fields that differ between two snapshots, labelled and formatted, in the map's order. */
export function readableChanges(entity: string, before: unknown, after: unknown, r: Reader): ReadableRow[] {
  const b = asObject(before);
  const a = asObject(after);
  const rows: ReadableRow[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (fieldSpec(entity, field).kind.kind === 'hidden') continue;
    if (JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    rows.push({
      field,
      label: fieldLabel(entity, field, r),
      before: readableValue(entity, field, b[field], r),
      after: readableValue(entity, field, a[field], r),
    });
  }
  return rows;
}

/** The records a snapshot refers to, for the main process to name in one query per kind. */
export function refsOf(entity: string, snapshot: unknown, into: Map<RefKind, Set<string>>): void {
  for (const [field, value] of Object.entries(asObject(snapshot))) {
    const { kind } = fieldSpec(entity, field);
    if (kind.kind !== 'ref' || value === null || value === undefined || value === '') continue;
    const ids = listOf(value) ?? [value];
    let set = into.get(kind.ref);
    if (!set) into.set(kind.ref, (set = new Set()));
    for (const id of ids) if (typeof id === 'string' && id) set.add(id);
  }
}

const TECHNICAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{40,}$/i;

/**
 * What the audit log shows for an entry's record: its name; "whole list" for an export of a list;
 * a settings page by its name; an office code or bundle number as it is. A bare UUID or digest
 * names nothing to an officer and is left to the technical detail.
 */
export function recordLabel(e: { readonly entity: string; readonly entityId: string }, r: Pick<Reader, 't' | 'locale' | 'names'>): string {
  const kind = ENTITY_REF[e.entity];
  const named = kind ? (isLabelled(kind) ? r.names[serviceKey(e.entityId, r.locale, kind)] : r.names[refKey(kind, e.entityId)]) : undefined;
  if (named) return named;
  if (e.entityId === '*') return r.t('record.wholeList');
  const settingsKey = `record.settings.${e.entityId}`;
  if (e.entity === 'settings' && isMessageKey(settingsKey)) return r.t(settingsKey);
  if (kind || TECHNICAL_ID.test(e.entityId)) return r.t('record.unknown');
  return e.entityId;
}

/**
 * The label of a field an import message names ("NIK", "Mulai bimbingan"): the import's own
 * column names first, then the client form's labels, then the field's name in words.
 */
export function importFieldLabel(field: string, t: Reader['t']): string {
  const last = field.split('.').pop() ?? field;
  for (const key of [`importField.${field}`, `importField.${last}`, `clients.${last}`]) if (isMessageKey(key)) return t(key);
  return wordsOf(last);
}
