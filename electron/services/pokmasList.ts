import { AppError } from '../../shared/errors';
import { formatDate, formatPlaceDate } from '../../shared/format';
import { translate } from '../../shared/i18n/index';
import { displayPhone } from '../../shared/validate';
import { listInstitutionTypes } from '../../db/repositories/pickLists';
import { groupById, memberDetailsOf } from '../../db/repositories/pokmas';
import type { AppContext } from './context';
import { kopOf } from './documents/kop';
import type { DocumentModel, Paper } from './documents/model';
import { logoImage, officeSettings, officeToday } from './settings';

const dash = (s: string) => (s.trim() === '' ? '-' : s);

/**
 * A Pokmas group's member list on the office letterhead: the group's SK, period and chairperson,
 * the table of member partners, signed by the head of the office and dated today. Built from the
 * group as it stands; a list is re-printed whenever members change, so it is not a registered
 * version with a verification code as a PKS or a surat pengantar is.
 */
export async function pokmasListModel(ctx: AppContext, groupId: string, paper: Paper): Promise<DocumentModel> {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  const g = groupById(ctx.db, groupId);
  if (!g) throw new AppError('NOT_FOUND', 'pokmas.notFound');
  const members = memberDetailsOf(ctx.db, groupId);
  await ctx.wilayah.ensureNames(members.map((m) => m.regency_code));
  const kinds = new Map(listInstitutionTypes(ctx.db).map((k) => [k.code, k.label_id]));
  const place = (m: (typeof members)[number]) =>
    m.regency_code ? ctx.wilayah.regencyName(m.regency_code) : m.province_code ? ctx.wilayah.name(m.province_code) : null;
  const logo = logoImage(ctx);
  const period =
    g.period_start || g.period_end ? `${g.period_start ? formatDate(g.period_start) : '…'} s.d. ${g.period_end ? formatDate(g.period_end) : '…'}` : '-';
  const chair = g.chair_name ? `${g.chair_name}${g.chair_phone ? ` (${displayPhone(g.chair_phone)})` : ''}` : '-';
  return {
    paper,
    layout: 'list',
    logo: logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
    ...kopOf(office),
    title: ['DAFTAR ANGGOTA', 'KELOMPOK MASYARAKAT PEDULI PEMASYARAKATAN (POKMAS LIPAS)', g.name.toUpperCase()],
    numbers: [],
    dateLine: formatPlaceDate(office.city, officeToday(ctx)),
    paragraphs: [],
    fields: [
      { label: 'Nama kelompok', value: g.name },
      { label: 'Bidang', value: translate('id', `bidang.${g.bidang}`) },
      { label: 'Nomor SK', value: dash(g.sk_number) },
      { label: 'Tanggal SK', value: g.sk_date ? formatDate(g.sk_date) : '-' },
      { label: 'Masa bakti', value: period },
      { label: 'Ketua', value: chair },
      { label: 'Jumlah anggota', value: `${members.length} mitra` },
    ],
    table: {
      columns: [
        { label: 'No.', width: 7 },
        { label: 'Nama mitra', width: 24 },
        { label: 'Kategori', width: 22 },
        { label: 'Alamat', width: 25 },
        // A phone number read across a line break is misdialled.
        { label: 'Telepon', width: 22, nowrap: true },
      ],
      rows: members.map((m, i) => [
        String(i + 1),
        m.name,
        [translate('id', `category.${m.category}`), m.institution_type ? (kinds.get(m.institution_type) ?? m.institution_type) : null]
          .filter(Boolean)
          .join(' — '),
        dash([m.address, place(m)].filter((s) => s && s.trim() !== '').join(', ')),
        m.phone ? displayPhone(m.phone) : '-',
      ]),
      empty: 'Belum ada anggota.',
    },
    sections: [],
    closing: [],
    signatures: [
      {
        role: office.headPosition || `Kepala ${office.name}`,
        organisation: '',
        name: office.headName || '……………………………',
        nip: office.headNip,
        position: '',
        materai: false,
      },
    ],
    footerNote: `Daftar anggota ${g.name}`,
  };
}
