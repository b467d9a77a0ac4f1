import { translate } from '../../shared/i18n/index';
import { importFieldLabel } from '../../shared/readableChanges';
import { maskNikCell, maskNiksIn } from '../../shared/nik';
import type { ImportMessage, ImportRowResult } from '../../shared/types';
import { seesNik } from './clients';
import type { Actor, AppContext } from './context';
import type { ExportFile } from '../../shared/types';
import { exportTable } from './exporter';
import { exportHeading } from './exportHeading';
import { officeToday } from './settings';

/** A message's cell values with NIKs masked: the whole value of a NIK cell, and NIK-like digit runs elsewhere (a column mapped wrongly). */
function maskMessage(m: ImportMessage): ImportMessage {
  if (!m.params) return m;
  const params = Object.fromEntries(
    Object.entries(m.params).map(([k, v]) => [k, typeof v !== 'string' ? v : m.field === 'nik' && k === 'value' ? maskNikCell(v) : maskNiksIn(v)]),
  );
  return { ...m, params };
}

/**
 * The import's rows as `actor` may see them: a role that sees NIKs masked on the client list (the
 * pimpinan, unless the office allows otherwise) sees them masked in the rows' messages too, which
 * quote the cells as they were typed.
 */
export function importRowsFor(ctx: AppContext, actor: Actor, rows: readonly ImportRowResult[]): readonly ImportRowResult[] {
  if (seesNik(ctx, actor)) return rows;
  return rows.map((r) => ({ ...r, errors: r.errors.map(maskMessage), warnings: r.warnings.map(maskMessage) }));
}

/** The downloadable report ("Unduh laporan impor"): one line per row, its result and reasons in Bahasa Indonesia. */
export function importReportFile(ctx: AppContext, actor: Actor, rows: readonly ImportRowResult[]): Promise<ExportFile> {
  const t = (key: string, params?: ImportMessage['params']) => translate('id', key, params);
  const say = (m: ImportMessage) => `${importFieldLabel(m.field, t)}: ${t(m.key, m.params)}`;
  return exportTable(
    'xlsx',
    'laporan-impor',
    officeToday(ctx),
    [
      { header: 'Baris', width: 8, value: (x) => x.row, kind: 'number' },
      { header: 'Hasil', width: 14, value: (x) => translate('id', `importAction.${x.action}`) },
      { header: 'No. register', width: 20, value: (x) => x.registerNumber },
      { header: 'Nama', width: 30, value: (x) => x.name },
      { header: 'Kesalahan', width: 60, value: (x) => x.errors.map(say).join('; ') },
      { header: 'Peringatan', width: 60, value: (x) => x.warnings.map(say).join('; ') },
    ],
    importRowsFor(ctx, actor, rows),
    null,
    { heading: exportHeading(ctx, actor, 'Laporan Impor Klien', []) },
  );
}
