/**
 * A printed document as structure, built once from the data and rendered twice (HTML for print
 * and PDF, DOCX for offices that edit in Word): one model, two renderers, no second copy of the text.
 */
export type Paper = 'A4' | 'F4';

/** Sheet sizes in millimetres. F4/Folio (215 × 330 mm) is in daily use beside A4. */
export const PAPER_MM: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = {
  A4: { width: 210, height: 297 },
  F4: { width: 215, height: 330 },
};

/** The sheet as the document is printed on it: a landscape page is the portrait sheet turned. */
export function pageMm(doc: Pick<DocumentModel, 'paper' | 'orientation'>): { readonly width: number; readonly height: number } {
  const s = PAPER_MM[doc.paper];
  return doc.orientation === 'landscape' ? { width: s.height, height: s.width } : s;
}

/** Margins per common government letter practice: wider binding margin on the left. */
export const MARGIN_MM = { top: 20, right: 20, bottom: 20, left: 30 } as const;

/** The kop logo's printed height and the width of the column it sits in. */
export const LOGO_MM = { height: 24, column: 28 } as const;

/** A photo printed in a document (a display copy), with its caption. */
export interface DocumentPhoto {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly base64: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
}

export interface Signatory {
  readonly role: string;
  readonly organisation: string;
  readonly name: string;
  readonly nip: string;
  readonly position: string;
  /** Leaves a box for the Rp10.000 meterai. */
  readonly materai: boolean;
}

/** A list's bordered table; `width` of each column in percent of the text width. */
export interface DocumentTable {
  readonly columns: readonly { readonly label: string; readonly width: number; readonly nowrap?: boolean }[];
  /** A cell's line breaks are printed as such (several PKS of one partner, a name over its register number). */
  readonly rows: readonly (readonly string[])[];
  /** Shown in one cell across the table when it has no rows. */
  readonly empty: string;
  /** A heading row across the table before the row of that index (the letters of the Buku Klaper). */
  readonly headings?: readonly { readonly before: number; readonly label: string }[];
  /** Rows printed struck through: a Buku Klaper strikes the entries that are closed. */
  readonly struck?: readonly number[];
  /** Rows whose second cell is indented: a report's breakdown under its figure. */
  readonly indented?: readonly number[];
  /** Columns (by index) aligned right: figures. */
  readonly right?: readonly number[];
  /** The least height of a row, in mm: room to sign on a daftar hadir or to initial a check-in card. */
  readonly rowMm?: number;
}

/**
 * A chart as data, drawn by each renderer in its own way (an SVG in the HTML and PDF, shaded table
 * cells in Word): `column` months across, `bar` categories down (long names), `line` a rate over
 * months. Every value is printed beside its bar or point, so a black-and-white copy still reads.
 */
export interface DocumentChart {
  readonly title: string;
  readonly kind: 'column' | 'bar' | 'line';
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** The unit as printed on the axis ("orang", "%"); a `%` chart runs from 0 to 100. */
  readonly unit: string;
}

export interface DocumentModel {
  readonly paper: Paper;
  /** Landscape for the registers whose columns do not fit across a portrait page. */
  readonly orientation?: 'portrait' | 'landscape';
  /**
   * `agreement`: centred title block and number lines, two parties signing side by side.
   * `letter`: place and date on the right, Nomor/Lampiran/Hal lines, the addressee, one signature on the right.
   * `list`: centred title, label/value fields, a bordered table, then place and date above one signature on the right.
   */
  readonly layout: 'agreement' | 'letter' | 'list';
  /** The office logo left of the kop text, as government letterheads have it. */
  readonly logo: { readonly mime: 'image/png' | 'image/jpeg'; readonly base64: string; readonly width: number; readonly height: number } | null;
  readonly letterhead: readonly string[];
  readonly letterheadSmall: readonly string[];
  readonly title: readonly string[];
  readonly numbers: readonly { readonly label: string; readonly value: string }[];
  /** Letters: "Curup, 5 Maret 2025" above the number lines, and the addressee below them. */
  readonly dateLine?: string;
  readonly recipient?: readonly string[];
  readonly paragraphs: readonly string[];
  /** Letters: a label/value table (e.g. the client's particulars) after the paragraphs. */
  readonly fields?: readonly { readonly label: string; readonly value: string }[];
  /** Lists: a bordered table after the fields; `width` of each column in percent of the text width. */
  readonly table?: DocumentTable;
  /** Lists: further tables after the first, each under its heading (the sections of a report). */
  readonly tables?: readonly { readonly heading: string; readonly table: DocumentTable }[];
  /** Lists: charts under their heading, before the tables (a report's figures in pictures). */
  readonly charts?: { readonly heading: string; readonly items: readonly DocumentChart[] };
  /** Photos after the table, two to a row, under their heading (a laporan kegiatan's documentation). */
  readonly photos?: { readonly heading: string; readonly items: readonly DocumentPhoto[] };
  readonly sections: readonly { readonly number: string; readonly heading: string; readonly body: readonly string[] }[];
  readonly closing: readonly string[];
  /** Agreements: [PIHAK KEDUA, PIHAK PERTAMA] side by side; letters: the one signatory, on the right. */
  readonly signatures: readonly [Signatory, Signatory] | readonly [Signatory];
  readonly footerNote: string;
  /** A box for the signatories' initials (paraf) in the corner of every page. */
  readonly paraf?: boolean;
  /** Added once the content is registered as a printed version: the code and QR code it carries. */
  readonly verification?: { readonly code: string; readonly caption: string };
}
