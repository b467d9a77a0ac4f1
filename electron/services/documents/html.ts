import { LOGO_MM, MARGIN_MM, PAPER_MM, type DocumentModel, type Signatory } from './model';
import { qrModules } from './verification';

/** Every text in a document comes from user input: escape it all. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const line = (tag: string, cls: string, text: string) => `<${tag} class="${cls}">${escapeHtml(text)}</${tag}>`;

function signature(s: Signatory): string {
  return `<td class="sig">
  <div>${escapeHtml(s.role)},</div>
  <div class="org">${escapeHtml(s.organisation)}</div>
  ${s.materai ? '<div class="materai">Meterai<br>Rp10.000</div>' : '<div class="space"></div>'}
  <div class="name">${escapeHtml(s.name)}</div>
  <div>${escapeHtml(s.position)}</div>
  ${s.nip ? `<div>NIP ${escapeHtml(s.nip)}</div>` : ''}
</td>`;
}

/** Label : value rows, e.g. "Nomor : 001/RUJ/…" or a client's particulars. */
function labelTable(cls: string, rows: readonly { label: string; value: string }[]): string {
  return `<table class="${cls}">${rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td>:</td><td>${escapeHtml(r.value)}</td></tr>`).join('')}</table>`;
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
 * A4 or F4 with the margins of a government letter, Bookman-like serif, and "Halaman x dari y"
 * in the page footer (CSS page margin boxes, printed by Chromium and Electron alike).
 */
export function renderHtml(doc: DocumentModel): string {
  const size = PAPER_MM[doc.paper];
  const m = MARGIN_MM;
  const css = `
@page { size: ${size.width}mm ${size.height}mm; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); font: 9pt "Bookman Old Style", "TeX Gyre Bonum", serif; }
  @bottom-left { content: ${cssString(doc.footerNote)}; font: 8pt sans-serif; color: #555; }
  ${doc.verification ? `@bottom-right { content: ${cssString(`Kode verifikasi ${doc.verification.code}`)}; font: 8pt sans-serif; color: #555; }` : ''} }
body { font: 12pt/1.5 "Bookman Old Style", "TeX Gyre Bonum", "Times New Roman", serif; margin: 0; color: #000; }
.kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 4pt; margin-bottom: 12pt; }
.kop.with-logo { display: grid; grid-template-columns: ${LOGO_MM.column}mm 1fr ${LOGO_MM.column}mm; align-items: center; }
.kop .logo { height: ${LOGO_MM.height}mm; max-width: ${LOGO_MM.column}mm; object-fit: contain; }
.kop .l { font-weight: bold; margin: 0; }
.kop .s { font-size: 10pt; margin: 0; }
.title { text-align: center; font-weight: bold; margin: 0; }
.numbers { text-align: center; margin: 8pt 0 14pt; }
.numbers p { margin: 0; }
p.par { text-align: justify; margin: 0 0 6pt; }
.pasal { text-align: center; font-weight: bold; margin: 12pt 0 4pt; break-after: avoid; }
table.sigs { width: 100%; margin-top: 24pt; break-inside: avoid; border-collapse: collapse; }
td.sig { width: 50%; text-align: center; vertical-align: top; }
td.sig .org { font-weight: bold; }
td.sig .space { height: 70pt; }
td.sig .materai { width: 32mm; height: 20mm; margin: 8pt auto; border: 1px dashed #777; font-size: 8pt; color: #777; display: flex; align-items: center; justify-content: center; }
td.sig .name { font-weight: bold; text-decoration: underline; }
.dateline { text-align: right; margin: 0 0 8pt; }
table.meta, table.fields { border-collapse: collapse; margin: 0 0 12pt; }
table.meta td, table.fields td { vertical-align: top; padding: 0 6pt 0 0; }
table.fields { margin-left: 10mm; }
.recipient { margin: 0 0 12pt; }
.recipient p { margin: 0; }
.verify { display: flex; gap: 4mm; align-items: center; margin-top: 14pt; font: 8pt sans-serif; color: #333; break-inside: avoid; }
.verify .qr { width: 20mm; height: 20mm; flex: none; }
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
    ...(doc.layout === 'letter' ? letterHead(doc) : ['<div class="numbers">', ...doc.numbers.map((n) => line('p', 'num', `${n.label}: ${n.value}`)), '</div>']),
    ...doc.paragraphs.map((p) => line('p', 'par', p)),
    ...(doc.fields?.length ? [labelTable('fields', doc.fields)] : []),
    ...doc.sections.flatMap((s) => [`<p class="pasal">${escapeHtml(s.number)}<br>${escapeHtml(s.heading)}</p>`, ...s.body.map((p) => line('p', 'par', p))]),
    ...doc.closing.map((p) => line('p', 'par', p)),
    // One signatory (a letter) signs on the right, as in any Indonesian official letter.
    `<table class="sigs"><tr>${doc.signatures.length === 2 ? signature(doc.signatures[0]) + signature(doc.signatures[1]) : `<td class="sig"></td>${signature(doc.signatures[0])}`}</tr></table>`,
    ...(doc.verification
      ? [
          `<div class="verify" data-code="${escapeHtml(doc.verification.code)}">${qrSvg(doc.verification.code)}<div>${escapeHtml(doc.verification.caption)}</div></div>`,
        ]
      : []),
  ].join('\n');
  return `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(doc.title.join(' '))}</title><style>${css}</style></head><body><main>${body}</main></body></html>`;
}
