import { formatDate, formatDateTime } from '../../shared/format';
import { translate } from '../../shared/i18n/index';
import { partnerById } from '../../db/repositories/partners';
import { listServiceTypes } from '../../db/repositories/pickLists';
import { userById } from '../../db/repositories/users';
import type { Actor, AppContext } from './context';
import { isoNow } from './context';
import type { ExportHeading } from './exporter';
import { officeSettings } from './settings';

/**
 * The heading block of an exported list: the office, the list's name, the filter in words, and
 * when (in the office's zone) and by whom it was printed. `filter` holds "Label: value" parts,
 * null for a filter not set; none set reads "Semua data".
 */
export function exportHeading(ctx: AppContext, actor: Actor, title: string, filter: readonly (string | null)[]): ExportHeading {
  const office = officeSettings(ctx);
  const parts = filter.filter((p): p is string => p !== null && p !== '');
  return {
    office: office?.name ?? '',
    title,
    filter: parts.length ? parts.join('; ') : 'Semua data',
    printedAt: formatDateTime(isoNow(ctx), office?.timeZone ?? 'WIB'),
    printedBy: actor.name,
  };
}

/** Builders for the filter's words, one per kind of value, so each list says its filter the same way. */
export const say = {
  text: (label: string, q: string | null | undefined) => (q && q.trim() ? `${label}: "${q.trim()}"` : null),
  code: (label: string, prefix: string, v: string | null | undefined) => (v ? `${label}: ${translate('id', `${prefix}${v}`)}` : null),
  regency: (ctx: AppContext, v: string | null | undefined) => (v ? `Kabupaten/Kota: ${ctx.wilayah.regencyName(v) ?? v}` : null),
  user: (ctx: AppContext, label: string, v: string | null | undefined) => (v ? `${label}: ${userById(ctx.db, v)?.name ?? '—'}` : null),
  partner: (ctx: AppContext, v: string | null | undefined) => (v ? `Mitra: ${partnerById(ctx.db, v)?.name ?? '—'}` : null),
  service: (ctx: AppContext, v: string | null | undefined) => (v ? `Layanan: ${listServiceTypes(ctx.db).find((s) => s.code === v)?.label_id ?? v}` : null),
  date: (label: string, v: string | null | undefined) => (v ? `${label}: ${formatDate(v)}` : null),
  month: (v: string | null | undefined) => (v ? `Bulan: ${formatDate(`${v}-01`).replace(/^1 /, '')}` : null),
};
