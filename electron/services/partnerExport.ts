import type { ParsedInputOf } from '../../shared/contract';
import type { TimeZoneCode } from '../../shared/domain';
import { localDateOf } from '../../shared/format';
import { translate } from '../../shared/i18n/index';
import type { ExportFile, Partner } from '../../shared/types';
import { listInstitutionTypes } from '../../db/repositories/pickLists';
import { listServiceTypes } from '../../db/repositories/pickLists';
import type { Actor, AppContext } from './context';
import { exportTable, type ExportColumn } from './exporter';
import { exportHeading, say } from './exportHeading';
import { officeSettings, officeToday } from './settings';

/** The partner list as a file: its title block says the filter in words, its columns labels and names. */
export function partnerExportFile(ctx: AppContext, actor: Actor, input: ParsedInputOf<'partners.export'>, rows: readonly Partner[]): Promise<ExportFile> {
  const services = new Map(listServiceTypes(ctx.db).map((s) => [s.code, s.label_id]));
  const kinds = new Map(listInstitutionTypes(ctx.db).map((s) => [s.code, s.label_id]));
  const fl = input.filter;
  const heading = exportHeading(ctx, actor, 'Daftar Mitra', [
    say.text('Pencarian', fl.q),
    say.code('Kategori', 'category.', fl.category),
    fl.institutionType ? `Jenis lembaga: ${kinds.get(fl.institutionType) ?? fl.institutionType}` : null,
    say.code('Bidang', 'bidang.', fl.bidang),
    say.service(ctx, fl.service),
    say.code('Status', 'status.', fl.status),
    say.regency(ctx, fl.regencyCode),
    fl.origin ? `Kantor asal: ${fl.origin}` : null,
    fl.archived === 'archived' ? 'Hanya yang diarsipkan' : fl.archived === 'all' ? 'Termasuk yang diarsipkan' : null,
  ]);
  const zone = officeSettings(ctx)?.timeZone ?? 'WIB';
  return exportTable(
    input.format,
    'mitra',
    officeToday(ctx),
    PARTNER_EXPORT_COLUMNS,
    rows,
    { services, kinds, zone },
    { heading, separator: input.separator === 'comma' ? ',' : ';' },
  );
}

const PARTNER_EXPORT_COLUMNS: readonly ExportColumn<Partner, { services: Map<string, string>; kinds: Map<string, string>; zone: TimeZoneCode }>[] = [
  { header: 'Nama', width: 36, value: (p) => p.name },
  { header: 'Kategori', width: 18, value: (p) => translate('id', `category.${p.category}`) },
  { header: 'Jenis lembaga', width: 22, value: (p, x) => (p.institutionType ? (x.kinds.get(p.institutionType) ?? p.institutionType) : '') },
  { header: 'Bidang', width: 30, value: (p) => p.bidang.map((b) => translate('id', `bidang.${b}`)).join(', ') },
  { header: 'Layanan', width: 40, value: (p, x) => p.services.map((s) => x.services.get(s) ?? s).join(', ') },
  { header: 'Status', width: 14, value: (p) => translate('id', `status.${p.status}`) },
  { header: 'Tanggal status', width: 14, value: (p) => p.statusDate, kind: 'date' },
  { header: 'Pimpinan', width: 24, value: (p) => p.leaderName },
  { header: 'Narahubung', width: 24, value: (p) => p.contactName },
  { header: 'Telepon', width: 18, value: (p) => p.phone, kind: 'phone' },
  { header: 'E-mail', width: 24, value: (p) => p.email },
  { header: 'Alamat', width: 40, value: (p) => p.address },
  // A partner at the level of a province stands for the whole province.
  { header: 'Kabupaten/Kota', width: 26, value: (p) => p.regencyName ?? (p.provinceName ? `Tingkat provinsi (${p.provinceName})` : '') },
  { header: 'Kecamatan', width: 22, value: (p) => p.districtName ?? '' },
  { header: 'Desa/Kelurahan', width: 22, value: (p) => p.villageName ?? '' },
  { header: 'Kapasitas', width: 10, value: (p) => p.capacity, kind: 'number' },
  { header: 'Nomor SK', width: 24, value: (p) => p.skNumber },
  { header: 'Tanggal SK', width: 14, value: (p) => p.skDate ?? '', kind: 'date' },
  // The day it was archived at the office, not the UTC date of the time stamp.
  { header: 'Diarsipkan', width: 14, value: (p, x) => (p.archivedAt ? localDateOf(new Date(p.archivedAt), x.zone) : ''), kind: 'date' },
];
