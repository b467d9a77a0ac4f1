import { AppError } from '../../shared/errors';
import { formatDate, formatPlaceDate } from '../../shared/format';
import { SECTIONS } from '../../shared/indicators';
import type { Period } from '../../shared/periods';
import type { ReportResult } from '../../shared/reports';
import { registeredOffices } from '../../db/repositories/officeKeys';
import { actorOf, type AppContext, type HandlersOf } from './context';
import { kopOf } from './documents/kop';
import type { DocumentModel, Paper } from './documents/model';
import { exportSheets, type ExportColumn } from './exporter';
import { exportHeading } from './exportHeading';
import { register, renderFile } from './printing';
import { reportEntityId, reportFiguresHash, reportKey } from './reportPrinting';
import { officeCode } from './settings';
import {
  MONTH_SHORT,
  monthlyRows,
  periodLine,
  reportContext,
  reportFullName,
  reportModel,
  reportSubject,
  reportTitle,
  scopeLine,
  sectionHeading,
  sectionRows,
  type MonthlyRow,
  type SectionRow,
} from './reportDocument';
import { chartSeries, printedCharts } from './reportCharts';
import { computeReports, reportWithAnnex } from './reportCompute';

/**
 * The report's output: printed (HTML, PDF, DOCX through the document engine), as a workbook, and
 * the covering letter that sends it to the parent office. Every figure comes from
 * reportCompute.ts (as `reports.compute` gives them); a year report's monthly table with them.
 *
 * The printed report is registered as the PKS is (printing.ts `register`): the same figures keep
 * their version and code, changed figures get the next version; the code is printed under the
 * signature and the verification screen computes the figures again (reportVerify.ts).
 */
export function reportOutputHandlers(ctx: AppContext): HandlersOf<'reports.document' | 'reports.export' | 'reports.coverLetter'> {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '_');
  const base = (period: Period) => `Laporan-${safe(reportSubject(period).replace(/^Laporan /, ''))}`;
  const noPdf = (format: string) => {
    if (format === 'pdf' && !ctx.printPdf) throw new AppError('UNAVAILABLE', 'documents.pdfUnavailable');
  };

  return {
    'reports.document': async (input, call) => {
      const actor = actorOf(call);
      const office = reportContext(ctx);
      noPdf(input.format);
      const period = input.period as Period;
      const { report: r, months } = reportWithAnnex(ctx, period, input.scope);
      const key = reportKey(period, input.scope);
      const source = { kind: 'laporan' as const, entityId: reportEntityId(officeCode(ctx), key), title: reportTitle(period, office.office), number: key };
      const series = chartSeries(ctx, period, input.scope, call);
      const charts = printedCharts(r, period, series);
      const { doc, code, version } = register(
        ctx,
        actor,
        source,
        reportModel(office, period, r, months, input.paper, charts),
        reportFiguresHash(r, months, series),
      );
      return { ...(await renderFile(ctx, doc, `${base(period)}-${input.paper}`, input.format, r.figures.length)), code, version };
    },
    'reports.export': async (input, call) => {
      const actor = actorOf(call);
      const { office } = reportContext(ctx);
      const period = input.period as Period;
      const { report: r, months } = reportWithAnnex(ctx, period, input.scope);
      const scope = scopeLine(office, r);
      const heading = (title: string) => ({
        ...exportHeading(ctx, actor, title, [`Periode: ${periodLine(r)}`, scope ? `Cakupan: ${scope}` : null]),
        letterhead: kopOf(office).letterhead,
      });
      const title = reportTitle(period, office);
      const sheets = SECTIONS.map((s) => ({
        name: sectionHeading(s),
        columns: SECTION_COLUMNS,
        rows: sectionRows(r, s) as readonly (SectionRow | MonthlyRow)[],
        extra: null,
        heading: heading(`${title}: ${sectionHeading(s)}`),
        number: (x: SectionRow | MonthlyRow) => ('number' in x ? x.number : null),
      }));
      const annex = months.length
        ? [{ name: 'Per bulan', columns: MONTH_COLUMNS, rows: monthlyRows(months), extra: null, heading: heading(`${title}: realisasi per bulan`) }]
        : [];
      return exportSheets<SectionRow | MonthlyRow, null>(base(period), reportContext(ctx).today, [...sheets, ...annex]);
    },
    'reports.coverLetter': async (input, call) => {
      actorOf(call);
      const facts = reportContext(ctx);
      noPdf(input.format);
      const period = input.period as Period;
      const r = computeReports(ctx, [period], input.scope)[0]!;
      const parent = facts.office.parentName || registeredOffices(ctx.db).find((k) => k.relation === 'parent')?.office_name || '';
      if (!parent) throw new AppError('CONFLICT', 'reports.noParent');
      const doc = coverLetterModel(facts, period, r, parent, input.number, input.paper);
      return renderFile(ctx, doc, `Pengantar-${base(period)}-${input.paper}`, input.format, 1);
    },
  };
}

const SECTION_COLUMNS: ExportColumn<SectionRow | MonthlyRow, null>[] = [
  { header: 'Indikator', width: 50, value: (x) => ('sub' in x && x.sub ? `    ${x.name}` : x.name) },
  { header: 'Satuan', width: 10, value: (x) => ('sub' in x ? x.unit : '') },
  { header: 'Target', width: 10, kind: 'number', value: (x) => ('target' in x ? x.target : null) },
  { header: 'Realisasi', width: 12, kind: 'number', value: (x) => ('value' in x ? x.value : null) },
  { header: 'Capaian (%)', width: 12, kind: 'number', value: (x) => ('achievement' in x ? x.achievement : null) },
];

const MONTH_COLUMNS: ExportColumn<SectionRow | MonthlyRow, null>[] = [
  { header: 'Indikator', width: 40, value: (x) => x.name },
  ...MONTH_SHORT.map((m, i) => ({
    header: m,
    width: 7,
    kind: 'number' as const,
    value: (x: SectionRow | MonthlyRow) => ('months' in x ? (x.months[i] ?? null) : null),
  })),
  { header: 'Jumlah / rata-rata', width: 12, kind: 'number', value: (x) => ('total' in x ? x.total : null) },
  { header: 'Keterangan', width: 12, value: (x) => ('totalKind' in x ? (x.totalKind === 'sum' ? 'jumlah' : 'rata-rata') : '') },
];

/** The covering letter: the referral letter's layout, the report named in its Hal, addressed to the head of the parent office. */
function coverLetterModel(
  facts: ReturnType<typeof reportContext>,
  period: Period,
  r: ReportResult,
  parent: string,
  number: string,
  paper: Paper,
): DocumentModel {
  const { office, logo } = facts;
  const scope = scopeLine(office, r);
  const subject = reportSubject(period);
  return {
    paper,
    layout: 'letter',
    logo: logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
    ...kopOf(office),
    title: [],
    dateLine: formatPlaceDate(office.city, facts.today),
    numbers: [
      { label: 'Nomor', value: number },
      { label: 'Sifat', value: 'Biasa' },
      { label: 'Lampiran', value: '1 (satu) berkas' },
      { label: 'Hal', value: subject },
    ],
    recipient: ['Kepada Yth.', `Kepala ${parent}`, 'di tempat'],
    paragraphs: [
      `Bersama ini kami sampaikan ${reportFullName(period, office)} (${formatDate(r.from)} s.d. ${formatDate(r.to)})${scope ? `, cakupan ${scope}` : ''}, sebagaimana terlampir.`,
    ],
    sections: [],
    closing: ['Demikian laporan ini kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.'],
    signatures: [facts.head],
    footerNote: number,
  };
}
