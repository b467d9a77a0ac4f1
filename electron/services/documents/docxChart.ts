import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { DocumentChart } from './model';

/**
 * A document chart in Word without an image: a table whose shaded cells draw each bar, its length
 * in twentieths of the largest value (of 100 for a percentage), with the value printed beside it.
 * It opens in Word and LibreOffice alike, prints in black and white, and stays editable text.
 */

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const FONT = 'Bookman Old Style';
const UNITS = 20;
const FILLS = ['404040', '9A9A9A', 'C8C8C8'];
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** A white rule between rows, so the bars of two months never run into one block. */
const GAP = { style: BorderStyle.SINGLE, size: 12, color: 'FFFFFF' };
const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** "12 orang", "81,8%", "—". */
export function chartValue(c: DocumentChart, v: number | null): string {
  if (v === null) return '—';
  return c.unit === '%' ? `${numberFormat.format(v)}%` : `${numberFormat.format(v)} ${c.unit}`;
}

const run = (text: string, o: { bold?: boolean; size?: number } = {}) => new TextRun({ text, bold: o.bold ?? false, font: FONT, size: o.size ?? 20 });

/** The chart's title, then one row per category (and series): its name, the bar, the value. */
export function docxChart(c: DocumentChart, textWidthMm: number): (Paragraph | Table)[] {
  const labelW = twips(textWidthMm * 0.34);
  const valueW = twips(textWidthMm * 0.16);
  const unitW = Math.floor((twips(textWidthMm) - labelW - valueW) / UNITS);
  const values = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = c.unit === '%' ? 100 : Math.max(1, ...values);
  const cell = (children: Paragraph[], span: number, width: number, fill?: string) =>
    new TableCell({
      columnSpan: span,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: GAP, bottom: GAP, left: NONE, right: NONE },
      margins: { top: 20, bottom: 20, left: 60, right: 60 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children,
    });
  const rows = c.categories.flatMap((cat, i) =>
    c.series.map((s, k) => {
      const v = s.values[i] ?? null;
      const filled = v === null ? 0 : Math.min(UNITS, Math.round((v / max) * UNITS));
      const label = c.series.length > 1 ? `${cat} · ${s.name}` : cat;
      return new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(label)] })], 1, labelW),
          ...(filled > 0 ? [cell([new Paragraph({})], filled, unitW * filled, FILLS[k % FILLS.length])] : []),
          ...(filled < UNITS ? [cell([new Paragraph({})], UNITS - filled, unitW * (UNITS - filled))] : []),
          cell([new Paragraph({ children: [run(chartValue(c, v), { bold: true })] })], 1, valueW),
        ],
      });
    }),
  );
  return [
    new Paragraph({ spacing: { before: 160, after: 60 }, keepNext: true, children: [run(c.title, { bold: true, size: 22 })] }),
    new Table({
      width: { size: labelW + valueW + unitW * UNITS, type: WidthType.DXA },
      columnWidths: [labelW, ...Array.from({ length: UNITS }, () => unitW), valueW],
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows,
    }),
  ];
}
