import { AppError } from '../../shared/errors';
import { formatDate, formatPlaceDate } from '../../shared/format';
import { translate } from '../../shared/i18n/index';
import { DIMENSIONS, INDICATOR_BY_CODE, SECTIONS } from '../../shared/indicators';
import { periodLabel, type Period } from '../../shared/periods';
import type { BreakdownRow, Figure, ReportResult, ReportScope } from '../../shared/reports';
import type { OfficeSettings } from '../../shared/types';
import { kopOf } from './documents/kop';
import type { DocumentModel, DocumentTable, Paper } from './documents/model';
import { headSignatory } from './registers/book';
import { logoImage, officeSettings, officeToday } from './settings';

/**
 * The standard report as a printed document: kop, title, period and scope, one table per section
 * (No., Indikator, Satuan, Target, Realisasi, Capaian, breakdown rows indented under their figure),
 * for a year report the monthly table (Januari … Desember and the year's total or average), then
 * place, date and the head's signature. Built from `reports.compute`, never from figures of its own.
 */

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** A figure as printed: "1.234", "81,8%", "—" where there is none. */
export const printedNumber = (n: number | null, unit?: string) => (n === null ? '—' : `${numberFormat.format(n)}${unit === 'persen' ? '%' : ''}`);

/** "Laporan Bulanan" … "Laporan Tahunan": the report's kind by its period. */
const KIND_NAME: Readonly<Record<Period['kind'], string>> = {
  month: 'Laporan Bulanan',
  quarter: 'Laporan Triwulan',
  semester: 'Laporan Semester',
  year: 'Laporan Tahunan',
  range: 'Laporan',
};

/** "Bulan November 2026", "Triwulan IV 2026", "Semester II 2026", "Tahun 2026", "Periode 1 Maret – 15 April 2026". */
export function periodPhrase(period: Period): string {
  const label = periodLabel(period);
  return period.kind === 'month' ? `Bulan ${label}` : period.kind === 'range' ? `Periode ${label}` : label;
}

/** "Laporan Bulanan Pokmas Lipas Bulan November 2026": the Hal of the covering letter. */
export const reportSubject = (period: Period) => `${KIND_NAME[period.kind]} Pokmas Lipas ${periodPhrase(period)}`;

/** "Laporan Bulanan Pokmas Lipas dan Pembimbingan Klien Pos Bapas Curup Bulan November 2026": the report named in a letter. */
export const reportFullName = (period: Period, office: OfficeSettings) =>
  `${KIND_NAME[period.kind]} Pokmas Lipas dan Pembimbingan Klien ${office.name} ${periodPhrase(period)}`;

/** "LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN NOVEMBER 2026". */
export const reportTitle = (period: Period, office: OfficeSettings) =>
  `${KIND_NAME[period.kind]} Pokmas Lipas ${office.name} ${periodPhrase(period)}`.toUpperCase();

/** Whose records, in words: printed at a Bapas induk, where the scope is a choice. */
export function scopeLine(office: OfficeSettings, r: ReportResult): string | null {
  if (office.kind !== 'induk') return null;
  const s: ReportScope = r.scope;
  if (s.kind === 'own') return office.name;
  if (s.kind === 'post') return r.offices.find((o) => o.code === s.code)?.name ?? s.code;
  const posts = r.offices.length - 1;
  return posts > 0 ? `${office.name} dan ${posts} pos yang terdaftar (gabungan)` : office.name;
}

export const periodLine = (r: ReportResult) => `${r.label} (${formatDate(r.from)} s.d. ${formatDate(r.to)})`;

/** A breakdown row's name: from the records for an open list, else the vocabulary's word. */
export function breakdownLabel(f: Figure, b: BreakdownRow): string {
  if (b.key === null) return translate('id', 'reports.notStated');
  const ind = INDICATOR_BY_CODE.get(f.code)!;
  const dim = 'breakdown' in ind && ind.breakdown ? DIMENSIONS[ind.breakdown] : null;
  return b.label ?? (dim?.prefix ? translate('id', `${dim.prefix}${b.key}`) : b.key);
}

export const sectionHeading = (s: number) => translate('id', `reports.section.${s}`);
const unitName = (unit: string) => translate('id', `reports.unit.${unit}`);

/** A row of a section: an indicator (numbered) or one of its breakdown rows (indented, unnumbered). */
export interface SectionRow {
  readonly number: number | null;
  readonly name: string;
  readonly unit: string;
  readonly target: number | null;
  readonly value: number | null;
  readonly achievement: number | null;
  readonly percent: boolean;
  readonly sub: boolean;
}

/** The rows of one section, in the catalogue's order, each breakdown under its figure. */
export function sectionRows(r: ReportResult, section: number): SectionRow[] {
  let n = 0;
  return r.figures
    .filter((f) => f.section === section)
    .flatMap((f) => {
      const ind = INDICATOR_BY_CODE.get(f.code)!;
      const percent = f.unit === 'persen';
      return [
        { number: ++n, name: ind.name.id, unit: unitName(f.unit), target: f.target, value: f.value, achievement: f.achievement, percent, sub: false },
        ...(f.breakdown ?? []).map((b) => ({
          number: null,
          name: breakdownLabel(f, b),
          unit: '',
          target: null,
          value: b.value,
          achievement: null,
          percent,
          sub: true,
        })),
      ];
    });
}

function sectionTable(r: ReportResult, section: number): DocumentTable {
  const rows = sectionRows(r, section);
  return {
    columns: [
      { label: 'No.', width: 6 },
      { label: 'Indikator', width: 46 },
      { label: 'Satuan', width: 12 },
      { label: 'Target', width: 11 },
      { label: 'Realisasi', width: 13 },
      { label: 'Capaian', width: 12 },
    ],
    rows: rows.map((x) => [
      x.number === null ? '' : String(x.number),
      x.name,
      x.unit,
      x.sub ? '' : printedNumber(x.target, x.percent ? 'persen' : undefined),
      printedNumber(x.value, x.percent ? 'persen' : undefined),
      x.sub ? '' : printedNumber(x.achievement, 'persen'),
    ]),
    empty: 'Tidak ada indikator.',
    indented: rows.flatMap((x, i) => (x.sub ? [i] : [])),
    right: [3, 4, 5],
  };
}

export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;

/** One indicator across the months of a year, with the year's total (sums) or average (states and percentages). */
export interface MonthlyRow {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly months: readonly (number | null)[];
  readonly total: number | null;
  readonly totalKind: 'sum' | 'average';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The LAKIP annex table: each indicator month by month from the report of each month. */
export function monthlyRows(months: readonly ReportResult[]): MonthlyRow[] {
  const first = months[0];
  if (!first) return [];
  return first.figures.map((f) => {
    const values = months.map((m) => m.figures.find((x) => x.code === f.code)?.value ?? null);
    const known = values.filter((v): v is number => v !== null);
    const sum = known.reduce((s, v) => s + v, 0);
    const totalKind = f.aggregation === 'sum' ? 'sum' : 'average';
    const total = known.length === 0 ? null : totalKind === 'sum' ? Math.round(sum * 100) / 100 : round1(sum / known.length);
    return { code: f.code, name: INDICATOR_BY_CODE.get(f.code)!.name.id, unit: f.unit, months: values, total, totalKind };
  });
}

function monthlyTable(rows: readonly MonthlyRow[]): DocumentTable {
  return {
    columns: [
      { label: 'No.', width: 4 },
      { label: 'Indikator', width: 22 },
      ...MONTH_SHORT.map((m) => ({ label: m, width: 5.5 })),
      { label: 'Jumlah/ Rata-rata', width: 8 },
    ],
    rows: rows.map((x, i) => [
      String(i + 1),
      x.name,
      ...x.months.map((v) => printedNumber(v, x.unit)),
      `${printedNumber(x.total, x.unit)}${x.totalKind === 'average' && x.total !== null ? '*' : ''}`,
    ]),
    empty: 'Tidak ada indikator.',
    right: [...MONTH_SHORT.map((_, i) => i + 2), 14],
  };
}

/** The months a year report's annex covers: only a year report has one. */

export function reportModel(
  ctx: { office: OfficeSettings; logo: ReturnType<typeof logoImage>; today: string; head: ReturnType<typeof headSignatory> },
  period: Period,
  r: ReportResult,
  months: readonly ReportResult[],
  paper: Paper,
  charts?: DocumentModel['charts'],
): DocumentModel {
  const { office, logo } = ctx;
  const scope = scopeLine(office, r);
  const annex = months.length ? monthlyRows(months) : null;
  return {
    paper,
    orientation: annex ? 'landscape' : 'portrait',
    layout: 'list',
    logo: logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
    ...kopOf(office),
    title: [reportTitle(period, office)],
    numbers: [],
    dateLine: formatPlaceDate(office.city, ctx.today),
    paragraphs: [],
    fields: [{ label: 'Periode', value: periodLine(r) }, ...(scope ? [{ label: 'Cakupan', value: scope }] : [])],
    ...(charts?.items.length ? { charts } : {}),
    tables: [
      ...SECTIONS.map((s) => ({ heading: sectionHeading(s), table: sectionTable(r, s) })),
      ...(annex ? [{ heading: `Lampiran: Realisasi per bulan ${periodLabel(period)} (* rata-rata bulanan)`, table: monthlyTable(annex) }] : []),
    ],
    sections: [],
    closing: [],
    signatures: [ctx.head],
    footerNote: reportSubject(period),
  };
}

/** The office facts every report document needs; refused before any work when the office is not set up. */
export function reportContext(ctx: Parameters<typeof officeSettings>[0]) {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  return { office, logo: logoImage(ctx), today: officeToday(ctx), head: headSignatory(ctx) };
}
