/**
 * Bar charts drawn by Observable Plot at build time, into a DOM that linkedom
 * provides, and shipped as plain SVG: the statistics page runs no script.
 *
 * Everything that reaches the SVG is derived from the data, so the same data
 * draws the same bytes: no clip paths (their ids count up per process) and no
 * random ids.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface Bar {
  label: string;
  value: number;
  /** For stacked bars: which part of the bar. */
  series?: string;
}

export interface BarChartOptions {
  bars: Bar[];
  /** Colour of each series, in stacking order; one colour without series. */
  colors: Array<{ series: string; color: string }> | string;
  /** The quantity on the value axis, e.g. "Số kế hoạch". */
  valueLabel: string;
  /** What the chart shows, for screen readers (the table that follows has the numbers). */
  description: string;
  width?: number;
}

const FONT_SIZE = 14;
/** Vietnamese text averages about half an em per character. */
const CHARS_PER_EM = 1.9;
const vi = (n: number) => n.toLocaleString('vi-VN');

/** Horizontal bars, one per label in the given order, with the total at each bar's end. */
export function barChartSvg(o: BarChartOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = [...new Set(o.bars.map((b) => b.label))];
  const totals = labels.map((label) => ({ label, value: o.bars.filter((b) => b.label === label).reduce((s, b) => s + b.value, 0) }));
  const max = Math.max(1, ...totals.map((t) => t.value));
  const width = o.width ?? 640;
  // Category labels wrap within the left margin: a third of the width, at most 190px.
  const marginLeft = Math.min(190, Math.round(width / 3));
  const labelEms = Math.floor((marginLeft - 12) / FONT_SIZE);
  const lines = Math.max(1, ...labels.map((l) => Math.ceil(l.length / (labelEms * CHARS_PER_EM))));
  const rowHeight = Math.max(30, lines * (FONT_SIZE + 3) + 10);
  const stacked = typeof o.colors !== 'string';
  const fill = stacked ? 'series' : (o.colors as string);
  const svg = Plot.plot({
    document: document as unknown as Document,
    width,
    height: labels.length * rowHeight + 50,
    marginLeft,
    marginRight: 48,
    marginTop: 10,
    marginBottom: 40,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: 'inherit', background: 'transparent' },
    x: { label: o.valueLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: Math.min(max, width < 480 ? 4 : 6), tickFormat: vi },
    y: { domain: labels, label: null },
    color: stacked ? { domain: (o.colors as Array<{ series: string }>).map((c) => c.series), range: (o.colors as Array<{ color: string }>).map((c) => c.color) } : undefined,
    marks: [
      Plot.barX(o.bars, Plot.stackX({ x: 'value', y: 'label', fill, stroke: '#fff', order: stacked ? (o.colors as Array<{ series: string }>).map((c) => c.series) : undefined })),
      Plot.text(totals, { x: 'value', y: 'label', text: (d: { value: number }) => vi(d.value), dx: 6, textAnchor: 'start', fill: 'currentColor' }),
      Plot.axisY({ lineWidth: labelEms, tickSize: 0, textAnchor: 'end' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  // One image to assistive technology: the table after it carries the numbers.
  // Plot names its groups ("bar", "y-axis tick") with aria-label, which ARIA
  // forbids on elements without a role; inside an image they say nothing.
  for (const el of svg.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', o.description);
  return svg.outerHTML;
}
