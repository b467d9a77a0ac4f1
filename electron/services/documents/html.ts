import { LOGO_MM, MARGIN_MM, pageMm, type DocumentModel, type DocumentPhoto, type Signatory } from './model';
import { CHART_CSS, chartFigure } from './chartSvg';
import { qrModules } from './verification';

/** Every text in a document comes from user input: escape it all. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const line = (tag: string, cls: string, text: string) => `<${tag} class="${cls}">${escapeHtml(text)}</${tag}>`;

/**
 * The signatures as rows shared by both columns (role, organisation, the space or meterai box, name,
 * position, NIP), so the two names stand on one line whatever wraps above them. A letter's one
 * signatory signs on the right; the left column then holds the verification code, which keeps a
 * surat pengantar on one page.
 */
function signatureTable(doc: DocumentModel, verify: string): string {
  const [left, right] = doc.signatures.length === 2 ? doc.signatures : [null, doc.signatures[0]];
  const cells = (f: (s: Signatory) => string) => [left, right].map((s) => (s ? `<td>${f(s)}</td>` : '')).join('');
  const mark = (s: Signatory) => (s.materai ? '<div class="materai">Meterai<br>Rp10.000</div>' : '');
  const rows = [
    `<tr>${left ? '' : `<td class="side" rowspan="6">${verify}</td>`}${cells((s) => `${escapeHtml(s.role)},`)}</tr>`,
    `<tr class="org">${cells((s) => escapeHtml(s.organisation))}</tr>`,
    `<tr class="mark">${cells(mark)}</tr>`,
    `<tr class="name">${cells((s) => escapeHtml(s.name))}</tr>`,
    `<tr>${cells((s) => escapeHtml(s.position))}</tr>`,
    `<tr>${cells((s) => (s.nip ? `NIP ${escapeHtml(s.nip)}` : ''))}</tr>`,
  ];
  return `<table class="sigs">${rows.join('')}</table>`;
}

/** Label : value rows, e.g. "Nomor : 001/RUJ/…" or a client's particulars. */
function labelTable(cls: string, rows: readonly { label: string; value: string }[]): string {
  return `<table class="${cls}">${rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td>:</td><td>${escapeHtml(r.value)}</td></tr>`).join('')}</table>`;
}

/**
 * A cell's text, free to break after a slash: "kemasyarakatan/kelompok sosial" or a PKS number
 * "001/PKS/CRP/III/2025" wraps at its slashes instead of in the middle of a word.
 */
const breakable = (v: string) => escapeHtml(v).replace(/\//g, '/<wbr>');

/**
 * A list's bordered table; its header row repeats on every printed page. Its last row is printed
 * as a table of its own at the head of the closing block (`tail`), so the signature never stands
 * alone on a page: it moves with at least one row of the list (with the heading above that row,
 * if one stands there). With photos after the table, the last photos move with the signature instead.
 */
function listTable(t: NonNullable<DocumentModel['table']>, whole: boolean): { body: string; tail: string } {
  const cls = t.columns.length >= 9 ? 'list dense' : 'list';
  const cols = `<colgroup>${t.columns.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>`;
  const head = `<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
  const struck = new Set(t.struck ?? []);
  const indented = new Set(t.indented ?? []);
  const right = new Set(t.right ?? []);
  const headings = new Map((t.headings ?? []).map((h) => [h.before, h.label]));
  const heading = (i: number) => (headings.has(i) ? `<tr class="group"><td colspan="${t.columns.length}">${escapeHtml(headings.get(i)!)}</td></tr>` : '');
  const classes = (i: number) => [struck.has(i) ? 'struck' : '', indented.has(i) ? 'sub' : ''].filter(Boolean).join(' ');
  const td = (v: string, j: number) => {
    const cls = [t.columns[j]?.nowrap ? 'nowrap' : '', right.has(j) ? 'num' : ''].filter(Boolean).join(' ');
    return `<td${cls ? ` class="${cls}"` : ''}>${t.columns[j]?.nowrap ? escapeHtml(v) : breakable(v)}</td>`;
  };
  const row = (r: readonly string[], i: number) => `${heading(i)}<tr${classes(i) ? ` class="${classes(i)}"` : ''}>${r.map(td).join('')}</tr>`;
  if (t.rows.length === 0) {
    return {
      body: '',
      tail: `<table class="${cls}">${cols}${head}<tbody><tr><td class="none" colspan="${t.columns.length}">${escapeHtml(t.empty)}</td></tr></tbody></table>`,
    };
  }
  if (whole) return { body: `<table class="${cls}">${cols}${head}<tbody>${t.rows.map(row).join('')}</tbody></table>`, tail: '' };
  if (t.rows.length === 1) return { body: '', tail: `<table class="${cls}">${cols}${head}<tbody>${row(t.rows[0]!, 0)}</tbody></table>` };
  return {
    body: `<table class="${cls} split">${cols}${head}<tbody>${t.rows.slice(0, -1).map(row).join('')}</tbody></table>`,
    tail: `<table class="${cls} cont">${cols}<tbody>${row(t.rows.at(-1)!, t.rows.length - 1)}</tbody></table>`,
  };
}

/** Photos two to a row, each row kept whole; the last row is printed with the signature (`tail`). */
function photoRows(p: NonNullable<DocumentModel['photos']>): { body: string; tail: string } {
  const pairs: DocumentPhoto[][] = [];
  p.items.forEach((item, i) => (i % 2 === 0 ? pairs.push([item]) : pairs.at(-1)!.push(item)));
  const fig = (f: DocumentPhoto) =>
    `<figure><img alt="${escapeHtml(f.caption)}" src="data:${f.mime};base64,${f.base64}"><figcaption>${escapeHtml(f.caption)}</figcaption></figure>`;
  const pair = (ps: DocumentPhoto[]) => `<div class="photos">${ps.map(fig).join('')}</div>`;
  const title = line('p', 'photo-head', p.heading);
  if (pairs.length <= 1) return { body: '', tail: `${title}${pairs.map(pair).join('')}` };
  return { body: `${title}${pairs.slice(0, -1).map(pair).join('')}`, tail: pair(pairs.at(-1)!) };
}

/** A letter's head: place and date on the right, the number lines, then the addressee. */
function letterHead(doc: DocumentModel): string[] {
  return [
    ...(doc.dateLine ? [line('p', 'dateline', doc.dateLine)] : []),
    labelTable('meta', doc.numbers),
    ...(doc.recipient?.length ? ['<div class="recipient">', ...doc.recipient.map((l) => line('p', 'to', l)), '</div>'] : []),
  ];
}

/** The QR code as an inline SVG (no image request, so it shows under any CSP and in any PDF). */
function qrSvg(code: string): string {
  const rows = qrModules(code);
  const path = rows.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
  const n = rows.length + 2;
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${n} ${n}" shape-rendering="crispEdges" role="img" aria-label="QR ${escapeHtml(code)}"><rect x="-1" y="-1" width="${n}" height="${n}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** Quotes text for a CSS string in the page footer; hex escapes keep quotes, backslashes and `</style>` inert. */
const cssString = (s: string) => `"${s.replace(/[\\"<>&\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The paraf box: a page margin box in the right margin at the foot of every page, where both
 * signatories initial each sheet; in the margin, so it never covers the text.
 */
const PARAF_BOX =
  '@right-bottom { content: "Paraf\\A\\A Pihak I\\A\\A\\A Pihak II"; white-space: pre; border: 0.6pt solid #555; width: 14mm; height: 30mm; margin: 0 2mm 2mm 3mm; vertical-align: top; text-align: center; font: 7pt sans-serif; color: #333; }';

/**
 * A4 or F4 with the margins of a government letter, Bookman-like serif, and "Halaman x dari y"
 * in the page footer (CSS page margin boxes, printed by Chromium and Electron alike).
 */
export function renderHtml(doc: DocumentModel): string {
  const size = pageMm(doc);
  const m = MARGIN_MM;
  // Letters and lists: one signatory on the right, the tighter spacing of a letter.
  const letter = doc.layout !== 'agreement';
  const photos = doc.photos?.items.length ? photoRows(doc.photos) : null;
  const list = doc.table ? listTable(doc.table, photos !== null) : null;
  // A report's tables, each under its heading; without a main table the last one's last row goes with the signature.
  const tables = (doc.tables ?? []).map((x, i, all) => ({
    heading: x.heading,
    ...listTable(x.table, list !== null || photos !== null || i < all.length - 1),
  }));
  const verify = doc.verification
    ? `<div class="verify" data-code="${escapeHtml(doc.verification.code)}">${qrSvg(doc.verification.code)}<div>${escapeHtml(doc.verification.caption)}</div></div>`
    : '';
  const css = `
@page { size: ${size.width}mm ${size.height}mm; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); font: 9pt "Bookman Old Style", "TeX Gyre Bonum", serif; }
  @bottom-left { content: ${cssString(doc.footerNote)}; font: 8pt sans-serif; color: #555; }
  ${doc.paraf ? PARAF_BOX : ''}
  ${doc.verification ? `@bottom-right { content: ${cssString(`Kode verifikasi ${doc.verification.code}`)}; font: 8pt sans-serif; color: #555; }` : ''} }
body { font: 12pt/${letter ? 1.35 : 1.5} "Bookman Old Style", "TeX Gyre Bonum", "Times New Roman", serif; margin: 0; color: #000; }
.kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 4pt; margin-bottom: 12pt; }
.kop.with-logo { display: grid; grid-template-columns: ${LOGO_MM.column}mm 1fr ${LOGO_MM.column}mm; align-items: center; }
.kop .logo { height: ${LOGO_MM.height}mm; max-width: ${LOGO_MM.column}mm; object-fit: contain; }
.kop .l { font-weight: bold; margin: 0; }
.kop .s { font-size: 10pt; margin: 0; }
.title { text-align: center; font-weight: bold; margin: 0; }
.numbers { text-align: center; margin: 8pt 0 14pt; }
.numbers p { margin: 0; }
p.par { text-align: justify; margin: 0 0 ${letter ? 4 : 6}pt; }
.pasal { text-align: center; font-weight: bold; margin: 12pt 0 4pt; break-after: avoid; }
/* The closing and the signatures print on one page: a sheet never holds the signatures alone. */
.end { break-inside: avoid; }
table.sigs { width: 100%; margin-top: ${letter ? 14 : 24}pt; border-collapse: collapse; table-layout: fixed; }
table.sigs td { width: 50%; text-align: center; vertical-align: top; padding: 0; }
table.sigs tr.org td { font-weight: bold; vertical-align: bottom; }
table.sigs tr.mark td { height: ${letter ? 56 : 70}pt; vertical-align: middle; }
table.sigs .materai { width: 32mm; height: 20mm; margin: 0 auto; border: 1px dashed #777; font-size: 8pt; line-height: 1.2; color: #777; display: flex; align-items: center; justify-content: center; }
table.sigs tr.name td { font-weight: bold; text-decoration: underline; }
table.sigs td.side { text-align: left; vertical-align: bottom; }
table.sigs td.side .verify { margin: 0; padding-right: 4mm; }
.dateline { text-align: right; margin: 0 0 8pt; }
table.meta, table.fields { border-collapse: collapse; margin: 0 0 12pt; }
table.meta td, table.fields td { vertical-align: top; padding: 0 6pt 0 0; }
table.fields { margin-left: 10mm; }
table.fields td:first-child { white-space: nowrap; }
.list-layout table.fields { margin-left: 0; }
table.list { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.25; margin: 0 0 12pt; }
table.list th, table.list td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; overflow-wrap: break-word; }
table.list td.nowrap { white-space: pre; }
table.list th { text-align: center; font-weight: bold; }
table.list td:first-child { text-align: center; }
table.list td.none { text-align: center; font-style: italic; }
table.list td { white-space: pre-line; }
/* A register of nine columns or more (the landscape books) prints a size smaller, so its words fit their columns. */
table.list.dense { font-size: 9.5pt; }
${doc.table?.rowMm ? `table.list tbody td { height: ${doc.table.rowMm}mm; }` : ''}
table.list tr { break-inside: avoid; }
table.list tr.group td { text-align: left; font-weight: bold; background: #eee; break-after: avoid; }
table.list tr.struck td:not(:first-child) { text-decoration: line-through; }
table.list tr.sub td:nth-child(2) { padding-left: 14pt; }
table.list td.num { text-align: right; }
.table-head { font-weight: bold; margin: 10pt 0 4pt; break-after: avoid; }
.photo-head { font-weight: bold; margin: 12pt 0 6pt; break-after: avoid; }
.photos { display: flex; gap: 6mm; break-inside: avoid; margin: 0 0 6pt; }
.photos figure { flex: 1 1 0; margin: 0; text-align: center; }
.photos img { max-width: 100%; max-height: 70mm; object-fit: contain; }
.photos figcaption { font-size: 9pt; line-height: 1.2; }
/* The list's last row, printed with the signature: on the same page it joins the rows above on one line. */
table.list.split { margin-bottom: 0; }
table.list.cont { margin-top: -0.75pt; }
.signdate { margin: 12pt 0 0 50%; text-align: center; }
.recipient { margin: 0 0 12pt; }
.recipient p { margin: 0; }
.verify { display: flex; gap: 4mm; align-items: center; margin-top: 14pt; font: 8pt sans-serif; color: #333; break-inside: avoid; }
.verify .qr { width: 20mm; height: 20mm; flex: none; }
${doc.charts?.items.length ? CHART_CSS : ''}
@media screen { body { background: #e9ecef; } main { background: #fff; width: ${size.width - m.left - m.right}mm; margin: 12px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
`;
  const body = [
    // With a logo: logo | centred text | empty column of the same width, so the text stays centred on the page.
    doc.logo ? '<div class="kop with-logo">' : '<div class="kop">',
    ...(doc.logo ? [`<img class="logo" alt="" src="data:${doc.logo.mime};base64,${doc.logo.base64}">`, '<div>'] : []),
    ...doc.letterhead.map((l) => line('p', 'l', l)),
    ...doc.letterheadSmall.map((l) => line('p', 's', l)),
    ...(doc.logo ? ['</div>', '<div></div>'] : []),
    '</div>',
    ...doc.title.map((l) => line('p', 'title', l)),
    ...(doc.layout === 'letter'
      ? letterHead(doc)
      : doc.numbers.length
        ? ['<div class="numbers">', ...doc.numbers.map((n) => line('p', 'num', `${n.label}: ${n.value}`)), '</div>']
        : ['<div class="numbers"></div>']),
    // A letter's paragraphs lead to the particulars; a list's particulars head its text (a laporan kegiatan's uraian).
    ...(doc.layout === 'list' ? [] : doc.paragraphs.map((p) => line('p', 'par', p))),
    ...(doc.fields?.length ? [labelTable('fields', doc.fields)] : []),
    ...(doc.layout === 'list' ? doc.paragraphs.map((p) => line('p', 'par', p)) : []),
    ...(list ? [list.body] : []),
    ...(doc.charts?.items.length
      ? [
          line('p', 'table-head', doc.charts.heading),
          `<div class="charts${doc.orientation === 'landscape' ? ' wide' : ''}">${doc.charts.items.map(chartFigure).join('')}</div>`,
        ]
      : []),
    ...tables.flatMap((x) => [line('p', 'table-head', x.heading), x.body]),
    ...(photos ? [photos.body] : []),
    ...doc.sections.flatMap((s) => [`<p class="pasal">${escapeHtml(s.number)}<br>${escapeHtml(s.heading)}</p>`, ...s.body.map((p) => line('p', 'par', p))]),
    '<div class="end">',
    ...(list ? [list.tail] : []),
    ...tables.map((x) => x.tail),
    ...(photos ? [photos.tail] : []),
    ...doc.closing.map((p) => line('p', 'par', p)),
    // A list is signed below its table: place and date over the signatory, on the right.
    ...(doc.layout === 'list' && doc.dateLine ? [line('p', 'signdate', doc.dateLine)] : []),
    signatureTable(doc, verify),
    '</div>',
    // A letter carries its code beside the signature; an agreement under both signatures.
    ...(verify && !letter ? [verify] : []),
  ].join('\n');
  return `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(doc.title.join(' '))}</title><style>${css}</style></head><body${doc.layout === 'list' ? ' class="list-layout"' : ''}><main>${body}</main></body></html>`;
}
