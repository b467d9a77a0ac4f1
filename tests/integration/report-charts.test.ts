import { chromium, type Browser } from '@playwright/test';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import { chromiumPdfPrinter, HEADLESS_CHROMIUM_ARGS } from '../../electron/web/chromium-pdf';
import { chromiumExecutable } from '../../electron/web/chromium-path';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { buildKnownOffice } from '../support/reportScenario';

/**
 * The printed report's charts, read back: the HTML parsed by Chromium (one bar or point per
 * category, its value that of reports.compute or reports.series), the PDF printed from it by
 * pdf.js (each chart's title and its months), the DOCX by jszip (titles and the value beside each
 * bar). Set REPORT_PDF_OUT to a folder to keep the PDFs for a look.
 */
const NOV = { kind: 'month', year: 2026, month: 11 } as const;
const Y2026 = { kind: 'year', year: 2026 } as const;
const MONTHS6 = ['Jun 2026', 'Jul 2026', 'Agu 2026', 'Sep 2026', 'Okt 2026', 'Nov 2026'];
const MONTHS12 = ['Des 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'Mei 2026', ...MONTHS6];
const PROGRAMMES = [
  'Pembebasan Bersyarat',
  'Cuti Bersyarat',
  'Cuti Menjelang Bebas',
  'Asimilasi',
  'Pidana Bersyarat',
  'Pidana Kerja Sosial',
  'Diversi',
  'Pengawasan lainnya',
];

let browser: Browser;
let app: TestApp;
let admin: string;
beforeAll(async () => {
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...HEADLESS_CHROMIUM_ARGS] });
  app = makeApp(new Date('2026-01-02T03:00:00Z'), { printPdf: chromiumPdfPrinter(browser) });
  admin = await setUpOffice(app);
  await buildKnownOffice(app, admin);
}, 60_000);
afterAll(async () => {
  app.dispose();
  await browser.close();
});

const bytes = (f: OutputOf<'reports.document'>) => Buffer.from(f.base64, 'base64');

interface ParsedChart {
  title: string;
  kind: string;
  aria: string;
  items: { cls: string; category: string; value: number | null; label: string }[];
}

/** The charts of a printed page as Chromium parses them. */
async function chartsOf(html: string): Promise<ParsedChart[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({
        title: f.querySelector('figcaption')!.textContent!,
        kind: f.getAttribute('data-kind')!,
        aria: f.querySelector('svg')!.getAttribute('aria-label')!,
        items: [...f.querySelectorAll('g.bar, g.point')].map((g) => ({
          cls: g.getAttribute('class')!,
          category: g.getAttribute('data-category')!,
          value: g.getAttribute('data-value') === '' ? null : Number(g.getAttribute('data-value')),
          label: g.querySelector('text')!.textContent!,
        })),
      })),
    );
  } finally {
    await page.close();
  }
}

const printed = (v: number | null, percent: boolean) =>
  v === null ? '—' : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v)}${percent ? '%' : ''}`;

describe('the printed report’s charts', () => {
  it('draws in the HTML the key figures over six months, the breakdowns and compliance over twelve months, with the values of reports.series and reports.compute', async () => {
    const r = await app.call('reports.compute', { period: NOV }, admin);
    const s = await app.call(
      'reports.series',
      { until: { year: 2026, month: 11 }, months: 12, codes: ['klien_aktif', 'rujukan_layanan', 'kegiatan_jenis', 'wl_kepatuhan'] },
      admin,
    );
    const line = (code: string) => s.lines.find((l) => l.code === code && l.office === null)!.values;
    const charts = await chartsOf(bytes(await app.call('reports.document', { period: NOV, format: 'html' }, admin)).toString('utf8'));
    expect(charts.map((c) => c.title)).toEqual([
      'Klien aktif, Juni 2026 – November 2026',
      'Rujukan menurut layanan, Juni 2026 – November 2026',
      'Kegiatan menurut jenis, Juni 2026 – November 2026',
      'Kepatuhan wajib lapor, Juni 2026 – November 2026',
      'Klien aktif menurut program, November 2026',
      'Rujukan menurut bidang mitra, November 2026',
      'Kegiatan menurut bidang, November 2026',
      'Kepatuhan wajib lapor 12 bulan, Desember 2025 – November 2026',
    ]);
    charts.forEach((c) => expect(c.aria).toBe(c.title));
    // The month against the five before: one column (a point for the rate) a month, its value the series'.
    ['klien_aktif', 'rujukan_layanan', 'kegiatan_jenis', 'wl_kepatuhan'].forEach((code, i) => {
      const c = charts[i]!;
      const percent = code === 'wl_kepatuhan';
      expect(c.kind).toBe(percent ? 'line' : 'column');
      expect(c.items.map((x) => x.category)).toEqual(MONTHS6);
      expect(c.items.map((x) => x.value)).toEqual(line(code).slice(6));
      expect(c.items.map((x) => x.label)).toEqual(
        line(code)
          .slice(6)
          .map((v) => printed(v, percent)),
      );
    });
    // The breakdowns: one bar per row of the figure, its value the report's.
    ['klien_aktif_program', 'rujukan_bidang', 'kegiatan_bidang'].forEach((code, i) => {
      const c = charts[4 + i]!;
      const f = r.figures.find((x) => x.code === code)!;
      expect(c.items).toHaveLength(f.breakdown!.length);
      expect(c.items.map((x) => x.value)).toEqual(f.breakdown!.map((b) => b.value));
      expect(c.items.every((x) => x.cls === 'bar')).toBe(true);
    });
    expect(charts[4]!.items.map((x) => x.category)).toEqual(PROGRAMMES);
    expect(charts[5]!.items.map((x) => x.category)).toEqual(['Kemandirian & Kepribadian', 'Hukum & Kemasyarakatan']);
    // November's figures as counted by hand for the known office, in the charts.
    const nov = (code: string) => r.figures.find((f) => f.code === code)!.value;
    expect(charts[0]!.items.at(-1)!.value).toBe(nov('klien_aktif'));
    expect(charts[7]!.items.map((x) => x.category)).toEqual(MONTHS12);
    expect(charts[7]!.items.map((x) => x.value)).toEqual(line('wl_kepatuhan'));
    expect(charts[7]!.items.at(-1)!.value).toBe(nov('wl_kepatuhan'));
  });

  it('prints each chart’s title and its months in the PDF of the month report, and the compliance chart in the year report', { timeout: 60_000 }, async () => {
    const text = async (f: OutputOf<'reports.document'>) => {
      if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}/${f.filename}`, bytes(f));
      const pdf = await getDocument({ data: new Uint8Array(bytes(f)), useSystemFonts: true }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= pdf.numPages; i++)
        pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' '));
      return pages.join(' ').replace(/\s+/g, ' ');
    };
    const month = await text(await app.call('reports.document', { period: NOV, paper: 'A4', format: 'pdf' }, admin));
    expect(month).toContain('Grafik');
    for (const title of [
      'Klien aktif, Juni 2026 – November 2026',
      'Kepatuhan wajib lapor, Juni 2026 – November 2026',
      'Klien aktif menurut program, November 2026',
      'Rujukan menurut bidang mitra, November 2026',
      'Kegiatan menurut bidang, November 2026',
      'Kepatuhan wajib lapor 12 bulan, Desember 2025 – November 2026',
    ])
      expect(month).toContain(title);
    for (const m of MONTHS12) expect(month).toContain(m);
    const year = await text(await app.call('reports.document', { period: Y2026, paper: 'A4', format: 'pdf' }, admin));
    expect(year).toContain('Kepatuhan wajib lapor 12 bulan, Januari 2026 – Desember 2026');
    for (const m of ['Jan 2026', 'Jun 2026', 'Des 2026']) expect(year).toContain(m);
    expect(year).toContain('Lampiran: Realisasi per bulan Tahun 2026');
    expect(year).not.toContain('Klien aktif, Juli 2026');
  });

  it('draws the charts in the DOCX as rows of the category, its shaded bar and the value beside it', async () => {
    const r = await app.call('reports.compute', { period: NOV }, admin);
    const s = await app.call('reports.series', { until: { year: 2026, month: 11 }, months: 12, codes: ['klien_aktif', 'wl_kepatuhan'] }, admin);
    const docx = await app.call('reports.document', { period: NOV, format: 'docx' }, admin);
    if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}/${docx.filename}`, bytes(docx));
    const xml = await (await JSZip.loadAsync(bytes(docx))).file('word/document.xml')!.async('string');
    const textOf = (x: string) => x.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => textOf(m[0]));
    const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>.*?<\/w:tc>/g)]
        .map((c) => textOf(c[0]))
        .filter(Boolean)
        .join(' | '),
    );
    const shaded = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].filter((m) => m[0].includes('w:fill="404040"')).length;
    expect(paragraphs).toContain('Grafik');
    expect(paragraphs).toContain('Klien aktif, Juni 2026 – November 2026');
    expect(paragraphs).toContain('Klien aktif menurut program, November 2026');
    expect(paragraphs).toContain('Kepatuhan wajib lapor 12 bulan, Desember 2025 – November 2026');
    const active = s.lines.find((l) => l.code === 'klien_aktif')!.values;
    MONTHS6.forEach((m, i) => expect(rows).toContain(`${m} | ${printed(active[6 + i]!, false)} orang`));
    const compliance = s.lines.find((l) => l.code === 'wl_kepatuhan')!.values;
    MONTHS12.forEach((m, i) => expect(rows).toContain(`${m} | ${compliance[i] === null ? '—' : printed(compliance[i]!, true)}`));
    const programme = r.figures.find((f) => f.code === 'klien_aktif_program')!;
    programme.breakdown!.forEach((b, i) => expect(rows).toContain(`${PROGRAMMES[i]} | ${printed(b.value, false)} orang`));
    // A shaded bar in every row whose value is above zero.
    const nonZero = [...active.slice(6), ...compliance, ...programme.breakdown!.map((b) => b.value)].filter((v) => v !== null && v > 0);
    expect(shaded).toBeGreaterThanOrEqual(nonZero.length);
  });
});
