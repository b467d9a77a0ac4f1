import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { LOGO_MM, MARGIN_MM, PAPER_MM, pageMm, type DocumentModel, type DocumentPhoto, type Signatory } from './model';
import { docxChart } from './docxChart';
import { qrPng } from './verification';

/** Word measures pages in twentieths of a point: 1 mm = 56.692… twips. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const FONT = 'Bookman Old Style';

const centered = (text: string, bold = false, size = 24) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: FONT, size })] });
const justified = (text: string, keepNext = false) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, keepNext, spacing: { after: 120, line: 360 }, children: [new TextRun({ text, font: FONT, size: 24 })] });

type VAlign = typeof VerticalAlign.TOP | typeof VerticalAlign.CENTER | typeof VerticalAlign.BOTTOM;

/** The dashed Rp10.000 meterai box, 32 × 20 mm, as the HTML draws it. */
function materaiBox(): Table {
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '777777' };
  return new Table({
    alignment: AlignmentType.CENTER,
    width: { size: twips(32), type: WidthType.DXA },
    columnWidths: [twips(32)],
    borders: { top: dashed, bottom: dashed, left: dashed, right: dashed, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        height: { value: twips(20), rule: HeightRule.EXACT },
        children: [
          new TableCell({
            verticalAlign: VerticalAlign.CENTER,
            children: ['Meterai', 'Rp10.000'].map(
              (t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: FONT, size: 16, color: '777777' })] }),
            ),
          }),
        ],
      }),
    ],
  });
}

/**
 * The signatures as rows shared by both columns, as in the HTML: the two names stand on one line
 * whatever wraps above them. Every paragraph keeps with the next, so Word moves the closing and the
 * signatures to a page together. A letter's left column holds the verification code instead.
 */
function signatureTable(doc: DocumentModel, side: Paragraph[]): Table {
  const [left, right] = doc.signatures.length === 2 ? doc.signatures : [null, doc.signatures[0]];
  const para = (text: string, opts: { bold?: boolean; underline?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      children: [new TextRun({ text, bold: opts.bold ?? false, ...(opts.underline ? { underline: {} } : {}), font: FONT, size: 24 })],
    });
  const cell = (children: (Paragraph | Table)[], align: VAlign = VerticalAlign.TOP) =>
    new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, verticalAlign: align, children });
  const row = (f: (s: Signatory) => (Paragraph | Table)[], opts: { height?: number; align?: VAlign } = {}) =>
    new TableRow({
      cantSplit: true,
      ...(opts.height ? { height: { value: opts.height, rule: HeightRule.EXACT } } : {}),
      children: [left ? cell(f(left), opts.align) : cell([new Paragraph({ keepNext: true })]), right ? cell(f(right), opts.align) : cell([])],
    });
  const rows = [
    row((s) => [para(`${s.role},`)]),
    row((s) => [para(s.organisation, { bold: true })], { align: VerticalAlign.BOTTOM }),
    row((s) => (s.materai ? [materaiBox(), new Paragraph({ keepNext: true })] : [new Paragraph({ keepNext: true })]), {
      height: twips(doc.layout !== 'agreement' ? 20 : 25),
      align: VerticalAlign.CENTER,
    }),
    row((s) => [para(s.name, { bold: true, underline: true })]),
    row((s) => [para(s.position)]),
    row((s) => [para(s.nip ? `NIP ${s.nip}` : '')]),
  ];
  if (!left && side.length > 0) {
    // The letter's left column: the QR code and its caption beside the signature.
    rows[rows.length - 1] = new TableRow({ cantSplit: true, children: [cell(side), cell([para(right!.nip ? `NIP ${right!.nip}` : '')])] });
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows,
  });
}

/** Initials boxes for both parties, in the footer so Word repeats them on every page. */
function parafBox(): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '555555' };
  const small = (t: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: 'Arial', size: 14 })] });
  const cell = (t: string) => new TableCell({ width: { size: twips(16), type: WidthType.DXA }, children: [small(t)] });
  return new Table({
    alignment: AlignmentType.RIGHT,
    columnWidths: [twips(16), twips(16)],
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ children: [new TableCell({ columnSpan: 2, children: [small('Paraf')] })] }),
      new TableRow({ children: [cell('Pihak I'), cell('Pihak II')] }),
      new TableRow({ height: { value: twips(8), rule: HeightRule.EXACT }, children: [cell(''), cell('')] }),
    ],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** Logo | kop text | empty column as wide as the logo's, so the text stays centred on the page as in the HTML. */
function kopWithLogo(logo: NonNullable<DocumentModel['logo']>, text: Paragraph[], textWidthMm: number): Table {
  // Word sizes images in pixels at 96 dpi.
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const height = px(LOGO_MM.height);
  const width = Math.min(px(LOGO_MM.column), Math.round((height * logo.width) / logo.height));
  const image = new ImageRun({
    type: logo.mime === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(logo.base64, 'base64'),
    transformation: { width, height: Math.round((width * logo.height) / logo.width) },
    altText: { name: 'Logo', description: 'Logo', title: 'Logo' },
  });
  const column = twips(LOGO_MM.column);
  const cell = (children: Paragraph[], w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.CENTER, children });
  return new Table({
    width: { size: twips(textWidthMm), type: WidthType.DXA },
    columnWidths: [column, twips(textWidthMm) - 2 * column, column],
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        children: [cell([new Paragraph({ children: [image] })], column), cell(text, twips(textWidthMm) - 2 * column), cell([new Paragraph({})], column)],
      }),
    ],
  });
}

/** Label : value rows without borders, indented `indentMm` from the margin. */
function labelTable(rows: readonly { label: string; value: string }[], indentMm: number): Table {
  const text = (t: string) => [new Paragraph({ children: [new TextRun({ text: t, font: FONT, size: 24 })] })];
  const cell = (t: string, w: number) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children: text(t) });
  return new Table({
    indent: { size: twips(indentMm), type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: rows.map((r) => new TableRow({ children: [cell(r.label, twips(40)), cell(':', twips(4)), cell(r.value, twips(110))] })),
  });
}

/** A cell's text, its line breaks kept (a partner's several PKS, one to a line). */
const cellRuns = (text: string, o: { bold?: boolean; italics?: boolean; strike?: boolean; size?: number }) =>
  text.split('\n').map(
    (l, i) =>
      new TextRun({
        text: l,
        break: i > 0 ? 1 : 0,
        bold: o.bold ?? false,
        italics: o.italics ?? false,
        strike: o.strike ?? false,
        font: FONT,
        size: o.size ?? 22,
      }),
  );

/** A list's bordered table, its header row repeated on every page, heading rows and struck rows as in the HTML. */
function listTable(t: NonNullable<DocumentModel['table']>, textWidthMm: number): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const widths = t.columns.map((c) => twips((textWidthMm * c.width) / 100));
  const struck = new Set(t.struck ?? []);
  const indented = new Set(t.indented ?? []);
  const right = new Set(t.right ?? []);
  // Nine columns or more print a size smaller, as in the HTML.
  const size = t.columns.length >= 9 ? 19 : 22;
  const cell = (
    text: string,
    i: number,
    opts: { bold?: boolean; center?: boolean; right?: boolean; indent?: boolean; span?: number; italics?: boolean; strike?: boolean; keepNext?: boolean } = {},
  ) =>
    new TableCell({
      width: { size: opts.span ? widths.reduce((a, b) => a + b, 0) : widths[i]!, type: WidthType.DXA },
      ...(opts.span ? { columnSpan: opts.span } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          keepNext: opts.keepNext ?? false,
          ...(opts.indent ? { indent: { left: twips(5) } } : {}),
          children: cellRuns(text, { ...opts, size }),
        }),
      ],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.label, i, { bold: true, center: true })) });
  const headings = new Map((t.headings ?? []).map((h) => [h.before, h.label]));
  const rows = t.rows.length
    ? t.rows.flatMap((r, n) => [
        ...(headings.has(n)
          ? [new TableRow({ cantSplit: true, children: [cell(headings.get(n)!, 0, { span: t.columns.length, bold: true, keepNext: true })] })]
          : []),
        new TableRow({
          cantSplit: true,
          ...(t.rowMm ? { height: { value: twips(t.rowMm), rule: HeightRule.ATLEAST } } : {}),
          children: r.map((v, i) => cell(v, i, { center: i === 0, right: right.has(i), indent: i === 1 && indented.has(n), strike: struck.has(n) && i > 0 })),
        }),
      ])
    : [new TableRow({ children: [cell(t.empty, 0, { span: t.columns.length, center: true, italics: true })] })];
  return new Table({
    width: { size: twips(textWidthMm), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [header, ...rows],
  });
}

/** Photos two to a row in a borderless table, each at most half the text width and 70 mm high. */
function photoTable(p: NonNullable<DocumentModel['photos']>, textWidthMm: number): (Paragraph | Table)[] {
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const half = (textWidthMm - 6) / 2;
  const fig = (f: DocumentPhoto | undefined) => {
    if (!f) return new TableCell({ borders: NO_BORDERS, width: { size: twips(half), type: WidthType.DXA }, children: [new Paragraph({})] });
    const scale = Math.min(px(half) / f.width, px(70) / f.height);
    return new TableCell({
      borders: NO_BORDERS,
      width: { size: twips(half), type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: f.mime === 'image/png' ? 'png' : 'jpg',
              data: Buffer.from(f.base64, 'base64'),
              transformation: { width: Math.round(f.width * scale), height: Math.round(f.height * scale) },
              altText: { name: f.caption, description: f.caption, title: f.caption },
            }),
          ],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: f.caption, font: FONT, size: 18 })] }),
      ],
    });
  };
  const rows: TableRow[] = [];
  for (let i = 0; i < p.items.length; i += 2) rows.push(new TableRow({ cantSplit: true, children: [fig(p.items[i]), fig(p.items[i + 1])] }));
  return [
    new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: p.heading, bold: true, font: FONT, size: 24 })] }),
    new Table({
      width: { size: twips(textWidthMm), type: WidthType.DXA },
      columnWidths: [twips(half), twips(half)],
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      rows,
    }),
  ];
}

/** The QR code beside its caption: after an agreement's signatures, or left of a letter's. */
async function verificationBlock(v: NonNullable<DocumentModel['verification']>, width: number): Promise<Paragraph> {
  const png = await qrPng(v.code);
  return new Paragraph({
    keepLines: true,
    children: [
      new ImageRun({ type: 'png', data: png, transformation: { width, height: width }, altText: { name: 'QR', description: v.code, title: v.code } }),
      new TextRun({ text: `  ${v.caption}`, font: 'Arial', size: 16 }),
    ],
  });
}

/** The same model as the HTML, as a Word document that opens in Word and LibreOffice. */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const sheet = PAPER_MM[doc.paper];
  const size = pageMm(doc);
  // Letters and lists have one signatory, on the right.
  const letter = doc.layout !== 'agreement';
  const textWidthMm = size.width - MARGIN_MM.left - MARGIN_MM.right;
  const verify = doc.verification ? await verificationBlock(doc.verification, letter ? 64 : 76) : null;
  const kopText = [...doc.letterhead.map((l) => centered(l, true)), ...doc.letterheadSmall.map((l) => centered(l, false, 20))];
  const children = [
    ...(doc.logo ? [kopWithLogo(doc.logo, kopText, size.width - MARGIN_MM.left - MARGIN_MM.right)] : kopText),
    new Paragraph({ border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 4 } } }),
    new Paragraph({}),
    ...doc.title.map((l) => centered(l, true)),
    new Paragraph({}),
    ...(doc.layout === 'letter'
      ? [
          ...(doc.dateLine ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.dateLine, font: FONT, size: 24 })] })] : []),
          labelTable(doc.numbers, 0),
          new Paragraph({}),
          ...(doc.recipient ?? []).map((l) => new Paragraph({ children: [new TextRun({ text: l, font: FONT, size: 24 })] })),
        ]
      : doc.numbers.map((n) => centered(`${n.label}: ${n.value}`))),
    new Paragraph({}),
    ...(doc.layout === 'list' ? [] : doc.paragraphs.map((p) => justified(p))),
    ...(doc.fields?.length ? [labelTable(doc.fields, doc.layout === 'list' ? 0 : 10), new Paragraph({})] : []),
    ...(doc.layout === 'list' ? doc.paragraphs.map((p) => justified(p)) : []),
    ...(doc.table ? [listTable(doc.table, textWidthMm)] : []),
    ...(doc.charts?.items.length
      ? [
          new Paragraph({
            spacing: { before: 200, after: 80 },
            keepNext: true,
            children: [new TextRun({ text: doc.charts.heading, bold: true, font: FONT, size: 24 })],
          }),
          ...doc.charts.items.flatMap((c) => docxChart(c, textWidthMm)),
        ]
      : []),
    ...(doc.tables ?? []).flatMap((x) => [
      new Paragraph({ spacing: { before: 200, after: 80 }, keepNext: true, children: [new TextRun({ text: x.heading, bold: true, font: FONT, size: 24 })] }),
      listTable(x.table, textWidthMm),
    ]),
    ...(doc.photos?.items.length ? photoTable(doc.photos, textWidthMm) : []),
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
      ...s.body.map((p) => justified(p)),
    ]),
    // The closing keeps with the signatures: no page holds the signatures alone.
    ...doc.closing.map((p) => justified(p, true)),
    new Paragraph({ keepNext: true }),
    // A list: place and date above the signatory, centred over the right half as in the HTML.
    ...(doc.layout === 'list' && doc.dateLine
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            indent: { left: twips(textWidthMm / 2) },
            children: [new TextRun({ text: doc.dateLine, font: FONT, size: 24 })],
          }),
        ]
      : []),
    signatureTable(doc, letter && verify ? [verify] : []),
    ...(verify && !letter ? [new Paragraph({ spacing: { before: 280 } }), verify] : []),
  ];
  // One footer line: the number on the left, "Halaman x dari y" in the middle, the code on the right.
  const textWidth = twips(size.width - MARGIN_MM.left - MARGIN_MM.right);
  const small = (text: string) => new TextRun({ text, font: 'Arial', size: 16, color: '555555' });
  const footer = new Footer({
    children: [
      ...(doc.paraf ? [parafBox()] : []),
      new Paragraph({
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(textWidth / 2) },
          { type: TabStopType.RIGHT, position: textWidth },
        ],
        children: [
          small(doc.footerNote),
          new TextRun({ font: FONT, size: 18, children: [new Tab(), 'Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] }),
          ...(doc.verification
            ? [new TextRun({ font: 'Arial', size: 16, color: '555555', children: [new Tab(), `Kode verifikasi ${doc.verification.code}`] })]
            : []),
        ],
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
            // Word is given the portrait sheet and the orientation, and turns it itself.
            size: {
              width: twips(sheet.width),
              height: twips(sheet.height),
              ...(doc.orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
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
