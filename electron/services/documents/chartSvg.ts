import type { DocumentChart } from './model';

/**
 * A document chart as an inline SVG for the HTML and the PDF printed from it: columns (months
 * across), bars (categories down, room for long names) or a line (a rate over months). Black and
 * greys only, each value printed on its bar or over its point, so a black-and-white copy reads as
 * well as the screen. Each bar and point carries its category and value as data attributes: what
 * the page shows can be read back.
 */

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const FILLS = ['#3a3a3a', '#9a9a9a', '#d0d0d0'];
const W = 480;
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

const percent = (c: DocumentChart) => c.unit === '%';
const printed = (c: DocumentChart, v: number | null) => (v === null ? '—' : `${numberFormat.format(v)}${percent(c) ? '%' : ''}`);

/** The axis top: 100 for a percentage, else a round number at or above the largest value, in four steps. */
function axisMax(c: DocumentChart): { max: number; step: number } {
  if (percent(c)) return { max: 100, step: 25 };
  const top = Math.max(0, ...c.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  if (top === 0) return { max: 4, step: 1 };
  const raw = top / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  // Counts step by whole numbers: no "1,5 orang" on the axis.
  const step = Math.max(
    1,
    [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw)!,
  );
  return { max: Math.max(step * 4, Math.ceil(top / step) * step), step };
}

const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`;
const item = (cls: string, category: string, series: string, v: number | null, body: string) =>
  `<g class="${cls}" data-category="${esc(category)}" data-series="${esc(series)}" data-value="${v === null ? '' : v}">${body}</g>`;

/** The legend, for a chart of more than one series: a swatch of each grey and its name. */
function legend(c: DocumentChart, y: number): string {
  if (c.series.length < 2) return '';
  return c.series
    .map(
      (s, i) =>
        `<rect x="${40 + i * 140}" y="${y - 8}" width="10" height="10" fill="${FILLS[i % FILLS.length]}" stroke="#000" stroke-width="0.5"/>${text(54 + i * 140, y, s.name)}`,
    )
    .join('');
}

/** Months across: a column (or a point of the line) for each, the value above it, the month below. */
function across(c: DocumentChart): string {
  const H = 190;
  // Twelve months in half a page: "Des" over "2025", so the labels never run into each other.
  const twoLines = (W - 48) / Math.max(1, c.categories.length) < 48;
  const m = { left: 40, right: 8, top: 22, bottom: (c.series.length > 1 ? 44 : 30) + (twoLines ? 11 : 0) };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const { max, step } = axisMax(c);
  const y = (v: number) => m.top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(1, c.categories.length);
  const parts: string[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) {
    parts.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${v === 0 ? '#000' : '#ccc'}" stroke-width="${v === 0 ? 1 : 0.5}"/>`,
    );
    parts.push(text(m.left - 4, y(v) + 3.5, printed({ ...c, unit: '' }, v), 'text-anchor="end" font-size="9"'));
  }
  parts.push(text(4, 12, c.unit, 'font-size="9"'));
  c.categories.forEach((cat, i) => {
    const x = (m.left + band * (i + 0.5)).toFixed(1);
    const [first, ...rest] = cat.split(' ');
    const label = twoLines && rest.length ? `<tspan x="${x}">${esc(first!)}</tspan><tspan x="${x}" dy="11">${esc(rest.join(' '))}</tspan>` : esc(cat);
    parts.push(`<text x="${x}" y="${(m.top + plotH + 13).toFixed(1)}" text-anchor="middle" font-size="9.5">${label}</text>`);
  });
  c.series.forEach((s, k) => {
    if (c.kind === 'line') {
      const pts = s.values.map((v, i) => (v === null ? null : { x: m.left + band * (i + 0.5), y: y(v) }));
      // A month with nothing due breaks the line rather than pretending it was zero.
      const runs: string[][] = [[]];
      pts.forEach((p) => (p ? runs.at(-1)!.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`) : runs.push([])));
      runs.filter((r) => r.length > 1).forEach((r) => parts.push(`<polyline points="${r.join(' ')}" fill="none" stroke="#000" stroke-width="1.5"/>`));
      s.values.forEach((v, i) => {
        const x = m.left + band * (i + 0.5);
        const dot = v === null ? '' : `<circle cx="${x.toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="#000"/>`;
        parts.push(
          item(
            'point',
            c.categories[i]!,
            s.name,
            v,
            `${dot}${text(x, (v === null ? y(0) : y(v)) - 6, printed(c, v), 'text-anchor="middle" font-size="9.5" font-weight="bold"')}`,
          ),
        );
      });
      return;
    }
    const bw = (band * 0.7) / c.series.length;
    s.values.forEach((v, i) => {
      const x = m.left + band * i + band * 0.15 + bw * k;
      const top = y(v ?? 0);
      const rect = `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(0) - top).toFixed(1)}" fill="${FILLS[k % FILLS.length]}" stroke="#000" stroke-width="0.5"/>`;
      parts.push(
        item(
          'bar',
          c.categories[i]!,
          s.name,
          v,
          `${rect}${text(x + bw / 2, top - 3, printed(c, v), 'text-anchor="middle" font-size="9.5" font-weight="bold"')}`,
        ),
      );
    });
  });
  parts.push(legend(c, H - 8));
  return svg(c, H, parts);
}

/** Categories down: the name on the left, the bar, and its value just past the bar's end. */
function down(c: DocumentChart): string {
  const row = 18;
  const m = { left: 170, right: 44, top: 8, bottom: c.series.length > 1 ? 26 : 8 };
  const plotW = W - m.left - m.right;
  const { max } = axisMax(c);
  const group = row * c.series.length + 6;
  const H = m.top + group * c.categories.length + m.bottom;
  const parts: string[] = [`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#000"/>`];
  c.categories.forEach((cat, i) => {
    const g = m.top + group * i + 3;
    parts.push(text(m.left - 6, g + (row * c.series.length) / 2 + 3.5, cat.length > 34 ? `${cat.slice(0, 33)}…` : cat, 'text-anchor="end" font-size="9.5"'));
    c.series.forEach((s, k) => {
      const v = s.values[i] ?? null;
      const w = ((v ?? 0) / max) * plotW;
      const top = g + row * k + 2;
      const rect = `<rect x="${m.left}" y="${top}" width="${w.toFixed(1)}" height="${row - 4}" fill="${FILLS[k % FILLS.length]}" stroke="#000" stroke-width="0.5"/>`;
      parts.push(item('bar', cat, s.name, v, `${rect}${text(m.left + w + 4, top + row / 2 + 1.5, printed(c, v), 'font-size="9.5" font-weight="bold"')}`));
    });
  });
  parts.push(legend(c, H - 8));
  return svg(c, H, parts);
}

function svg(c: DocumentChart, height: number, parts: readonly string[]): string {
  return `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(c.title)}" ${FONT} fill="#000">${parts.join('')}</svg>`;
}

/** The chart under its title, as a figure that never splits over two pages. */
export function chartFigure(c: DocumentChart): string {
  const body = c.kind === 'bar' ? down(c) : across(c);
  return `<figure class="chart" data-kind="${c.kind}"><figcaption>${esc(c.title)}</figcaption>${body}</figure>`;
}

/** The style the figures need in a printed page. */
export const CHART_CSS = `
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 6mm; margin: 0 0 10pt; }
.charts.wide { grid-template-columns: 1fr 1fr 1fr; }
.charts figure.chart { margin: 0; break-inside: avoid; }
.charts figure.chart figcaption { font: bold 9.5pt/1.25 "Bookman Old Style", "TeX Gyre Bonum", serif; margin: 0 0 2pt; }
.charts svg.chart-svg { width: 100%; height: auto; display: block; }
`;
