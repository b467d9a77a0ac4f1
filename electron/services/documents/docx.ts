import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { MARGIN_MM, PAPER_MM, type DocumentModel, type Signatory } from './model';

/** Word measures pages in twentieths of a point: 1 mm = 56.692… twips. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const FONT = 'Bookman Old Style';

const centered = (text: string, bold = false, size = 24) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: FONT, size })] });
const justified = (text: string) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 360 }, children: [new TextRun({ text, font: FONT, size: 24 })] });

function signatureCell(s: Signatory): TableCell {
  const lines = [
    centered(`${s.role},`),
    centered(s.organisation, true),
    ...(s.materai
      ? [new Paragraph({ spacing: { before: 240, after: 240 } }), centered('Meterai Rp10.000', false, 16), new Paragraph({ spacing: { after: 240 } })]
      : [new Paragraph({ spacing: { before: 1200 } })]),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.name, bold: true, underline: {}, font: FONT, size: 24 })] }),
    centered(s.position),
    ...(s.nip ? [centered(`NIP ${s.nip}`)] : []),
  ];
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none }, children: lines });
}

/** The same model as the HTML, as a Word document that opens in Word and LibreOffice. */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const size = PAPER_MM[doc.paper];
  const children = [
    ...doc.letterhead.map((l) => centered(l, true)),
    ...doc.letterheadSmall.map((l) => centered(l, false, 20)),
    new Paragraph({ border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 4 } } }),
    new Paragraph({}),
    ...doc.title.map((l) => centered(l, true)),
    new Paragraph({}),
    ...doc.numbers.map((n) => centered(`${n.label}: ${n.value}`)),
    new Paragraph({}),
    ...doc.paragraphs.map(justified),
    ...doc.sections.flatMap((s) => [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        keepNext: true,
        children: [new TextRun({ text: s.number, bold: true, font: FONT, size: 24 })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: true,
        children: [new TextRun({ text: s.heading, bold: true, font: FONT, size: 24 })],
      }),
      ...s.body.map(justified),
    ]),
    ...doc.closing.map(justified),
    new Paragraph({}),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ cantSplit: true, children: [signatureCell(doc.signatures[0]), signatureCell(doc.signatures[1])] })],
    }),
  ];
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: FONT, size: 18, children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const document = new Document({
    creator: 'Mitra Lipas',
    title: doc.title.join(' '),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(size.width), height: twips(size.height) },
            margin: { top: twips(MARGIN_MM.top), right: twips(MARGIN_MM.right), bottom: twips(MARGIN_MM.bottom), left: twips(MARGIN_MM.left) },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
