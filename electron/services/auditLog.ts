import type { ParsedInputOf } from '../../shared/contract';
import { formatDateTime } from '../../shared/format';
import { translate } from '../../shared/i18n/index';
import { readableChanges, recordLabel, type Reader } from '../../shared/readableChanges';
import { isoDate } from '../../shared/schemas/common';
import type { AuditEntry, ExportFile } from '../../shared/types';
import { listAudit, type AuditFilter } from '../../db/repositories/audit';
import { idsNamed } from '../../db/repositories/recordNames';
import { recordChange, toAuditEntry } from './audit';
import { namesFor } from './auditNames';
import type { Actor, AppContext } from './context';
import { exportTable } from './exporter';
import { officeSettings, officeToday } from './settings';

/** At most this many ids stand for one typed name in the record filter (a name matches few records). */
const NAMED_IDS = 500;
/** An export holds every matching entry up to this many (an office writes thousands, not millions). */
const EXPORT_ROWS = 100_000;
const ZONE_OFFSET = { WIB: 7, WITA: 8, WIT: 9 } as const;

/** Start of the office's calendar day `date` as a UTC instant, for filtering UTC timestamps. */
function dayStartUtc(date: string, offsetHours: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetHours * 3600_000).toISOString();
}
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

type FilterInput = ParsedInputOf<'audit.export'>;

function filterOf(ctx: AppContext, input: FilterInput): Omit<AuditFilter, 'beforeSeq' | 'limit'> {
  const zone = ZONE_OFFSET[officeSettings(ctx)?.timeZone ?? 'WIB'];
  const record = input.record.trim();
  return {
    userId: input.userId,
    entity: input.entity,
    entityId: input.entityId,
    // The record filter takes a name; an exact id or code (a bundle's digest, a service code) still matches.
    entityIds: record ? [record, ...idsNamed(ctx.db, record, NAMED_IDS)] : null,
    fromAt: input.from && isoDate.safeParse(input.from).success ? dayStartUtc(input.from, zone) : null,
    toAt: input.to ? dayStartUtc(nextDay(input.to), zone) : null,
  };
}

export async function auditPage(ctx: AppContext, input: ParsedInputOf<'audit.list'>) {
  const rows = listAudit(ctx.db, { ...filterOf(ctx, input), beforeSeq: input.beforeSeq, limit: input.limit + 1 });
  const entries = rows.slice(0, input.limit).map(toAuditEntry);
  return { entries, hasMore: rows.length > input.limit, names: await namesFor(ctx, entries) };
}

/** The log as an office reads it: labels, names and dates in words, Bahasa Indonesia; ids last, for an administrator. */
export async function auditExport(ctx: AppContext, actor: Actor, input: FilterInput): Promise<ExportFile> {
  const entries = listAudit(ctx.db, { ...filterOf(ctx, input), beforeSeq: null, limit: EXPORT_ROWS }).map(toAuditEntry);
  const reader: Reader = {
    t: (key, params) => translate('id', key, params),
    locale: 'id',
    zone: officeSettings(ctx)?.timeZone ?? 'WIB',
    names: await namesFor(ctx, entries),
  };
  const changes = (e: AuditEntry) =>
    readableChanges(e.entity, e.before, e.after, reader)
      .map((c) => (e.before === null ? `${c.label}: ${c.after}` : `${c.label}: ${c.before} → ${c.after}`))
      .join('\n');
  const file = await exportTable(
    'xlsx',
    'log-audit',
    officeToday(ctx),
    [
      { header: 'No. entri', width: 10, value: (e: AuditEntry) => e.seq },
      { header: 'Waktu', width: 24, value: (e) => formatDateTime(e.at, reader.zone) },
      { header: 'Pengguna', width: 24, value: (e) => e.userName },
      { header: 'Tindakan', width: 16, value: (e) => reader.t(`audit.action.${e.action}`) },
      { header: 'Data', width: 18, value: (e) => reader.t(`audit.entity.${e.entity}`) },
      { header: 'Nama data', width: 32, value: (e) => recordLabel(e, reader) },
      { header: 'Perubahan', width: 70, value: (e) => changes(e) },
      { header: 'ID data', width: 38, value: (e) => e.entityId },
    ],
    entries,
    null,
  );
  // Reading the log out of the app is itself on record.
  ctx.db.tx(() =>
    recordChange(ctx, actor, { action: 'export', entity: 'audit_log', entityId: '*', after: { rows: entries.length, filter: input }, sync: false }),
  );
  return file;
}
